import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, FieldEncryption, logFailure, OutboundMessages } from '@sasiad/core';
import { LeanQuestion, QUESTION_FIELDS } from './question.schema';

/**
 * Tells an asker who left an e-mail address or a phone number that a reply waits for them in the
 * app: in the language of the question, with a link, and never with the reply itself (an
 * e-mail or a text message can be read by others). An asker with an account also sees the
 * question marked unread in the app (`AskerQuestion.unread`).
 */
@Injectable()
export class AskerNotices {
  private readonly logger = new Logger(AskerNotices.name);

  constructor(
    private readonly messages: OutboundMessages,
    private readonly crypto: FieldEncryption,
    private readonly config: AppConfig,
  ) {}

  /**
   * After the reply is stored: a failed delivery is logged and never undoes the reply (the asker
   * still finds it in the app).
   */
  async replyWaiting(question: LeanQuestion, kind: 'answer' | 'detailsRequest'): Promise<void> {
    if (question.contactChannel === 'in_app' || !question.contactEnc) return;
    try {
      const contact = JSON.parse(
        this.crypto.decrypt(question.contactEnc, QUESTION_FIELDS.contact),
      ) as { email?: string; phone?: string };
      const request = {
        language: question.language,
        template: kind === 'answer' ? 'infoPointAnswered' : 'infoPointDetailsRequested',
        params: {
          link: question.askerId
            ? `${this.config.env.APP_URL}/ask/${question._id.toHexString()}`
            : `${this.config.env.APP_URL}/ask/open`,
        },
      };
      if (question.contactChannel === 'email' && contact.email)
        await this.messages.sendEmail({ ...request, to: contact.email });
      else if (question.contactChannel === 'phone' && contact.phone)
        await this.messages.sendSms({ ...request, to: contact.phone });
    } catch (error) {
      logFailure(this.logger, 'reply notice', error, { questionId: question._id.toHexString() });
    }
  }
}
