import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types, UpdateQuery } from 'mongoose';
import {
  AppConfig,
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  Role,
} from '@sasiad/core';
import { AuditActor, InfoPointAuditService } from '../audit/audit.service';
import { FaqLinksService } from '../faq/faq-links.service';
import { AskerAccessArgs } from './dto/question.inputs';
import { QUESTION_CHANGED, QuestionChangedEvent } from './question-events';
import { Caller, decide, QuestionAction } from './question-lifecycle';
import { LeanQuestion, Question, QUESTION_FIELDS, ThreadKind } from './question.schema';

/**
 * The one way a question changes, with its side effects: every change is a conditional update of
 * one document, decided by the transition table on the state it applies to, then audited and
 * published (no content) for the live views.
 */
@Injectable()
export class QuestionChanges {
  constructor(
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly crypto: FieldEncryption,
    private readonly audit: InfoPointAuditService,
    private readonly events: EventBus,
    private readonly config: AppConfig,
    private readonly faqLinks: FaqLinksService,
    private readonly clock: Clock,
  ) {}

  staffChange(
    questionId: string,
    staff: AuthUser,
    action: QuestionAction,
    build: (current: LeanQuestion, now: Date) => UpdateQuery<Question>,
  ) {
    return this.change(
      { _id: new Types.ObjectId(questionId) },
      ErrorCode.NOT_FOUND,
      action,
      staffCaller(staff),
      build,
    );
  }

  /**
   * Reads the question, decides the move with the transition table, and writes it only if the
   * question is still in the state the decision was made on (same version and status). A
   * concurrent change makes the write miss; the move is then decided again on the new state, so
   * of many simultaneous claims exactly one wins and the others see QUESTION_ALREADY_CLAIMED.
   */
  async change(
    filter: QueryFilter<Question>,
    notFound: ErrorCode,
    action: QuestionAction,
    caller: Caller,
    build: (current: LeanQuestion, now: Date) => UpdateQuery<Question>,
  ): Promise<LeanQuestion> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.questions.findOne(filter).lean<LeanQuestion>().exec();
      if (!current) throw new DomainException(notFound);
      const now = this.clock.now();
      const to = decide(
        {
          status: current.status,
          claimedBy: current.claimedBy?.toHexString() ?? null,
          closedAt: current.closedAt,
        },
        action,
        caller,
        { now, reopenDays: this.config.env.INFO_POINT_REOPEN_DAYS },
      );
      const update = build(current, now);
      const changed = await this.questions
        .findOneAndUpdate(
          { _id: current._id, status: current.status, version: current.version },
          { ...update, $set: { ...update.$set, status: to }, $inc: { version: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanQuestion>()
        .exec();
      if (changed) {
        await this.audit.record(
          caller.kind === 'staff' ? { kind: 'staff', id: caller.id } : { kind: 'asker' },
          action,
          [changed._id],
        );
        await this.publish(changed, action);
        return changed;
      }
    }
    throw new DomainException(ErrorCode.QUESTION_CHANGED);
  }

  /** The asker's filter: their own question (signed in) or the one of an access code. */
  askerFilter(
    access: AskerAccessArgs,
    user: AuthUser | null,
  ): { filter: QueryFilter<Question>; notFound: ErrorCode } {
    if (access.accessCode !== undefined)
      return {
        filter: { accessCodeHash: this.codeHash(access.accessCode) },
        notFound: ErrorCode.INVALID_ACCESS_CODE,
      };
    if (access.questionId !== undefined) {
      if (!user) throw new DomainException(ErrorCode.UNAUTHENTICATED);
      return {
        filter: {
          _id: new Types.ObjectId(access.questionId),
          askerId: new Types.ObjectId(user.id),
        },
        notFound: ErrorCode.NOT_FOUND,
      };
    }
    throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
      { field: 'accessCode', constraint: 'questionIdOrAccessCode' },
    ]);
  }

  pushThread(
    kind: ThreadKind,
    authorId: string | null,
    text: string,
    now: Date,
    current?: LeanQuestion,
  ): UpdateQuery<Question> {
    return {
      $push: {
        thread: {
          kind,
          authorId: authorId ? new Types.ObjectId(authorId) : null,
          textEnc: this.crypto.encrypt(text, QUESTION_FIELDS.thread),
          at: now,
        },
      },
      // a staff message is unread for the asker; the asker's own reply means they have read it
      $set: {
        askerUnread: authorId !== null,
        holderUnread: authorId === null,
        ...(current && !current.firstResponseAt && authorId !== null
          ? { firstResponseAt: now }
          : {}),
      },
    };
  }

  /**
   * Erasure: the words, contact and notes go, and with them every link to the asker (account
   * id, access code). Topic, language and timestamps stay as anonymous statistics.
   */
  erasure(now: Date): UpdateQuery<Question> {
    return {
      $set: {
        status: 'erased',
        erasedAt: now,
        contactConsentAt: null,
        thread: [],
        notes: [],
        askerId: null,
        claimedBy: null,
        assistedBy: null,
      },
      $unset: { textEnc: 1, contactEnc: 1, accessCodeHash: 1, consent: 1 },
      $inc: { version: 1 },
    };
  }

  /**
   * Erases every question the filter matches (the filter is applied again on write, so one that
   * changed in between, e.g. was reopened, is left alone), unlinks FAQ drafts made from them and
   * audits it as done by the system.
   */
  async eraseAll(
    filter: QueryFilter<Question>,
    action: 'erase' | 'purge',
    now: Date,
  ): Promise<number> {
    const found = await this.questions
      .find(filter, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (found.length === 0) return 0;
    const ids = found.map((q) => q._id);
    await this.questions
      .updateMany({ ...filter, _id: trusted({ $in: ids }) }, this.erasure(now))
      .exec();
    await this.faqLinks.questionsErased(ids);
    await this.audit.record({ kind: 'system' }, action, ids);
    return ids.length;
  }

  codeHash(code: string): string {
    return this.crypto.blindIndex(code, QUESTION_FIELDS.accessCode);
  }

  async publish(q: LeanQuestion, action: QuestionChangedEvent['action']) {
    await this.events.publish<QuestionChangedEvent>(QUESTION_CHANGED, {
      questionId: q._id.toHexString(),
      action,
      status: q.status,
      language: q.language,
      topic: q.topic,
      claimedBy: q.claimedBy?.toHexString() ?? null,
      askerId: q.askerId?.toHexString() ?? null,
      at: this.clock.now(),
    });
  }
}

export function staffCaller(staff: AuthUser): Caller {
  return { kind: 'staff', id: staff.id, isAdmin: staff.roles.includes(Role.admin) };
}

export function staffActor(staff: AuthUser): AuditActor {
  return { kind: 'staff', id: staff.id };
}
