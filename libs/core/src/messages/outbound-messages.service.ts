import { Inject, Injectable, Optional } from '@nestjs/common';
import { I18nService } from '../i18n/i18n.service';
import {
  MAIL_TRANSPORT,
  MailTransport,
  OutboundRequest,
  RenderedMessage,
  SMS_PROVIDER,
  SmsProvider,
} from './outbound-message';

/**
 * The outbound-messages port: renders a message from `i18n/<lang>/messages.json` in the
 * recipient's language and hands it to the configured transport. Callers never put what the
 * person told us (a question, an answer) into a message: only that something is waiting.
 */
@Injectable()
export class OutboundMessages {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport,
    private readonly i18n: I18nService,
    @Optional() @Inject(SMS_PROVIDER) private readonly sms?: SmsProvider | null,
  ) {}

  render(request: OutboundRequest): RenderedMessage {
    const t = this.i18n.t(request.language);
    const key = (part: string) => `messages:${request.template}${part}`;
    // Every template has a subject and a body in every language (checked by the i18n spec).
    if (!this.i18n.t('pl')(key('Subject'), { defaultValue: '' }))
      throw new Error(`unknown message template ${request.template}`);
    return {
      to: request.to,
      language: request.language,
      template: request.template,
      subject: t(key('Subject'), request.params ?? {}),
      text: t(key('Body'), request.params ?? {}),
    };
  }

  async sendEmail(request: OutboundRequest): Promise<void> {
    await this.mail.send(this.render(request));
  }

  get smsAvailable(): boolean {
    return this.sms != null;
  }

  /** Sends a text message when a provider is configured; false when there is none. */
  async sendSms(request: OutboundRequest): Promise<boolean> {
    if (!this.sms) return false;
    const { subject: _subject, ...message } = this.render(request);
    await this.sms.send(message);
    return true;
  }
}
