import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, FieldEncryption } from '@sasiad/core';
import { AskerQuestion, QueueItem, StaffQuestion } from './models/question.model';
import { ACTIVE } from './question-lifecycle';
import { LeanQuestion, QUESTION_FIELDS } from './question.schema';

/** How a stored question is shown: to its asker, in the queue (no content), and to staff. */
@Injectable()
export class QuestionViews {
  constructor(
    private readonly crypto: FieldEncryption,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  toAsker(q: LeanQuestion): AskerQuestion {
    const days = this.config.env.INFO_POINT_REOPEN_DAYS;
    return {
      id: q._id.toHexString(),
      status: q.status,
      topic: q.topic,
      language: q.language,
      text: q.textEnc ? this.crypto.decrypt(q.textEnc, QUESTION_FIELDS.text) : '',
      contactChannel: q.contactChannel,
      thread: q.thread.map((m) => ({
        kind: m.kind,
        text: this.crypto.decrypt(m.textEnc, QUESTION_FIELDS.thread),
        at: m.at,
      })),
      createdAt: q.createdAt,
      closedAt: q.closedAt,
      unread: q.askerUnread ?? false,
      expectedAnswerBy: q.status === 'open' || q.status === 'claimed' ? (q.dueAt ?? null) : null,
      reopenableUntil:
        q.status === 'closed' && q.closedAt
          ? new Date(q.closedAt.getTime() + days * 86_400_000)
          : null,
    };
  }

  toQueueItem(q: LeanQuestion, now = this.clock.now()): QueueItem {
    return {
      id: q._id.toHexString(),
      status: q.status,
      topic: q.topic,
      language: q.language,
      anonymous: !q.askerId,
      claimedBy: q.claimedBy?.toHexString() ?? null,
      createdAt: q.createdAt,
      firstResponseAt: q.firstResponseAt,
      dueAt: q.dueAt ?? null,
      overdue:
        ACTIVE.includes(q.status) &&
        !q.firstResponseAt &&
        !!q.dueAt &&
        now.getTime() > q.dueAt.getTime(),
      closedAt: q.closedAt,
      updatedForHolder: !!q.claimedBy && (q.holderUnread ?? false),
      askedAtDesk: q.channel === 'DESK',
      assistedBy: q.assistedBy?.toHexString() ?? null,
    };
  }

  toStaff(q: LeanQuestion): StaffQuestion {
    const contact = q.contactEnc
      ? (JSON.parse(this.crypto.decrypt(q.contactEnc, QUESTION_FIELDS.contact)) as {
          email?: string;
          phone?: string;
        })
      : {};
    return {
      ...this.toQueueItem(q),
      text: q.textEnc ? this.crypto.decrypt(q.textEnc, QUESTION_FIELDS.text) : null,
      thread: q.thread.map((m) => ({
        kind: m.kind,
        text: this.crypto.decrypt(m.textEnc, QUESTION_FIELDS.thread),
        at: m.at,
        authorId: m.authorId?.toHexString() ?? null,
      })),
      notes: q.notes.map((n) => ({
        authorId: n.authorId.toHexString(),
        text: this.crypto.decrypt(n.textEnc, QUESTION_FIELDS.notes),
        at: n.at,
      })),
      contact: {
        channel: q.contactChannel,
        email: contact.email ?? null,
        phone: contact.phone ?? null,
      },
    };
  }
}
