import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { MailTransport, RenderedMessage } from './outbound-message';

/** E-mail through an SMTP server (nodemailer, pinned; its engines allow Node 20). */
export class SmtpMailTransport implements MailTransport, OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(url);
  }

  async send(message: RenderedMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      headers: { 'Content-Language': message.language },
    });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
