import { Logger } from '@nestjs/common';
import { MailTransport, RenderedMessage } from './outbound-message';

/**
 * Without SMTP_URL, e-mail is written to the log instead of being sent: the whole message in
 * development (a developer's own test data, e.g. to follow a reset link), only which template
 * in which language in production, never the recipient or the body.
 */
export class LogMailTransport implements MailTransport {
  private readonly logger = new Logger('OutboundMail');

  constructor(private readonly withContent: boolean) {}

  send(message: RenderedMessage): Promise<void> {
    const { template, language } = message;
    if (this.withContent)
      this.logger.log(
        { template, language, to: message.to, subject: message.subject, text: message.text },
        'e-mail not sent (no SMTP_URL); its content follows',
      );
    else this.logger.warn({ template, language }, 'e-mail not sent: no SMTP_URL configured');
    return Promise.resolve();
  }
}
