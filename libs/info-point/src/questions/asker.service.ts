import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { Model, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AppConfig,
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  I18nService,
  Language,
  pageById,
} from '@sasiad/core';
import { InfoPointAuditService } from '../audit/audit.service';
import { FaqLinksService } from '../faq/faq-links.service';
import { ServiceLevelService } from '../service-level/service-level.service';
import { AskerAccessArgs, AskQuestionInput } from './dto/question.inputs';
import { AskerQuestion, AskQuestionPayload, ConsentText } from './models/question.model';
import { QuestionChanges } from './question-changes.service';
import {
  filterEvents,
  QUESTION_CHANGED,
  QuestionChangedEvent,
  TOLD_TO_ASKER,
} from './question-events';
import { QuestionViews } from './question-views';
import { LeanQuestion, Question, QUESTION_FIELDS } from './question.schema';
import { DESK_CONSENT_VERSION, PROCESSING_CONSENT_VERSION } from './topics';

/**
 * The asker's side: asking (signed in or anonymously), reading, following up, reopening and
 * erasing one's question, and hearing about it live. The asker is proven by account or by the
 * access code; the code itself is never stored, only its keyed hash.
 */
@Injectable()
export class AskerService {
  constructor(
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly crypto: FieldEncryption,
    private readonly audit: InfoPointAuditService,
    private readonly events: EventBus,
    private readonly config: AppConfig,
    private readonly serviceLevel: ServiceLevelService,
    @InjectThrottlerStorage() private readonly throttler: ThrottlerStorage,
    private readonly faqLinks: FaqLinksService,
    private readonly changes: QuestionChanges,
    private readonly views: QuestionViews,
    private readonly clock: Clock,
    private readonly i18n: I18nService,
  ) {}

  consentText(lang: Language): ConsentText {
    const t = this.i18n.t(lang);
    return {
      version: PROCESSING_CONSENT_VERSION,
      processing: t('infoPoint:consent.processing'),
      contact: t('infoPoint:consent.contact'),
      deskVersion: DESK_CONSENT_VERSION,
      desk: t('infoPoint:consent.desk'),
    };
  }

  /**
   * `authProblem`: a token was sent but refused. Refuse the question too, so that a signed-in
   * person with an expired session refreshes it instead of asking anonymously by accident.
   */
  async ask(
    input: AskQuestionInput,
    user: AuthUser | null,
    authProblem?: 'invalid' | 'expired',
  ): Promise<AskQuestionPayload> {
    if (authProblem)
      throw new DomainException(
        authProblem === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.UNAUTHENTICATED,
      );
    const { question, accessCode } = await this.createQuestion(input, {
      askerId: user?.id ?? null,
    });
    return { question: this.views.toAsker(question), accessCode };
  }

  /**
   * Stores a new question, audits and publishes it. Anonymous (no `askerId`) questions get a
   * one-time access code, returned here and stored only as its keyed hash. `desk`: a staff
   * member asks it for a person at the desk, who gave their consent orally (desk-assisted
   * mode); it is audited as `askAtDesk` by the staff member on behalf of the code's holder.
   */
  async createQuestion(
    input: Omit<AskQuestionInput, 'consentToProcessing'>,
    by: { askerId: string | null; desk?: { staffId: string } },
  ): Promise<{ question: LeanQuestion; accessCode: string | null }> {
    const contact = input.contact ?? { channel: 'in_app' as const };
    if (
      (contact.email !== undefined && contact.channel !== 'email') ||
      (contact.phone !== undefined && contact.channel !== 'phone')
    )
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'contact.channel', constraint: 'matchesGivenContact' },
      ]);
    const accessCode = by.askerId ? null : randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const staffId = by.desk ? new Types.ObjectId(by.desk.staffId) : null;
    const created = await this.questions.create({
      status: 'open',
      topic: input.topic,
      language: input.language,
      textEnc: this.crypto.encrypt(input.text, QUESTION_FIELDS.text),
      askerId: by.askerId ? new Types.ObjectId(by.askerId) : null,
      accessCodeHash: accessCode ? this.changes.codeHash(accessCode) : undefined,
      contactChannel: contact.channel,
      contactEnc:
        contact.channel === 'in_app'
          ? undefined
          : this.crypto.encrypt(
              JSON.stringify({ email: contact.email, phone: contact.phone }),
              QUESTION_FIELDS.contact,
            ),
      contactConsentAt: contact.channel === 'in_app' ? null : now,
      consent: {
        at: now,
        version: PROCESSING_CONSENT_VERSION,
        ...(staffId
          ? { givenAt: 'DESK', recordedBy: staffId, deskVersion: DESK_CONSENT_VERSION }
          : {}),
      },
      channel: staffId ? 'DESK' : 'ONLINE',
      assistedBy: staffId,
      createdAt: now,
      dueAt: await this.serviceLevel.dueAt(input.topic, now),
    });
    const question = created.toObject() as LeanQuestion;
    if (by.desk)
      await this.audit.record({ kind: 'staff', id: by.desk.staffId }, 'askAtDesk', [question._id], {
        kind: 'ANONYMOUS_ASKER',
        questionId: question._id,
      });
    else await this.audit.record({ kind: 'asker' }, 'ask', [question._id]);
    await this.changes.publish(question, 'ask');
    return { question, accessCode };
  }

  async askerQuestion(access: AskerAccessArgs, user: AuthUser | null): Promise<AskerQuestion> {
    const { filter, notFound } = this.changes.askerFilter(access, user);
    const found = await this.questions.findOne(filter).lean<LeanQuestion>().exec();
    if (!found) throw new DomainException(notFound);
    return this.views.toAsker(found);
  }

  /** Oldest first: ObjectIds grow with creation time, so `_id` order is age order. */
  myQuestions(
    user: AuthUser,
    args: { first: number; after?: string },
  ): Promise<Connection<AskerQuestion>> {
    return pageById(this.questions, { askerId: new Types.ObjectId(user.id) }, args, {
      order: 'oldest',
      toNode: (q: LeanQuestion) => this.views.toAsker(q),
    });
  }

  async followUp(access: AskerAccessArgs, user: AuthUser | null, text: string) {
    const { filter, notFound } = this.changes.askerFilter(access, user);
    const changed = await this.changes.change(
      filter,
      notFound,
      'followUp',
      { kind: 'asker' },
      (_, now) => this.changes.pushThread('followUp', null, text, now),
    );
    return this.views.toAsker(changed);
  }

  /** Not a step of the lifecycle (nothing to audit): only the unread mark goes. */
  async markRead(access: AskerAccessArgs, user: AuthUser | null): Promise<AskerQuestion> {
    const { filter, notFound } = this.changes.askerFilter(access, user);
    const changed = await this.questions
      .findOneAndUpdate(filter, { $set: { askerUnread: false } }, { returnDocument: 'after' })
      .lean<LeanQuestion>()
      .exec();
    if (!changed) throw new DomainException(notFound);
    return this.views.toAsker(changed);
  }

  async reopen(access: AskerAccessArgs, user: AuthUser | null) {
    const { filter, notFound } = this.changes.askerFilter(access, user);
    const changed = await this.changes.change(
      filter,
      notFound,
      'reopen',
      { kind: 'asker' },
      () => ({
        $set: { closedAt: null, claimedBy: null },
      }),
    );
    return this.views.toAsker(changed);
  }

  /** Erasure on request: see QuestionChanges.erasure. */
  async erase(access: AskerAccessArgs, user: AuthUser | null): Promise<boolean> {
    const { filter, notFound } = this.changes.askerFilter(access, user);
    const erased = await this.changes.change(
      filter,
      notFound,
      'erase',
      { kind: 'asker' },
      (_, now) => this.changes.erasure(now),
    );
    await this.faqLinks.questionsErased([erased._id]);
    return true;
  }

  /**
   * Live news of the asker's questions: every own question when signed in, or the one question
   * of an access code. The code is checked when subscribing, rate-limited per address (the HTTP
   * throttler does not see WebSocket operations).
   */
  async askerEvents(
    access: AskerAccessArgs,
    user: AuthUser | null,
    clientIp: string,
  ): Promise<AsyncIterableIterator<QuestionChangedEvent>> {
    let keep: (e: QuestionChangedEvent) => boolean;
    if (access.accessCode !== undefined) {
      const limit = this.config.env.ACCESS_CODE_RATE_PER_MINUTE;
      const hits = await this.throttler.increment(
        `infoPoint:ws-access-code:${clientIp}`,
        60_000,
        limit,
        60_000,
        'accessCode',
      );
      if (hits.isBlocked)
        throw new DomainException(ErrorCode.RATE_LIMITED, {
          retryAfterSeconds: Math.ceil(hits.timeToBlockExpire),
        });
      const found = await this.questions
        .findOne({ accessCodeHash: this.changes.codeHash(access.accessCode) }, { _id: 1 })
        .lean<{ _id: Types.ObjectId }>()
        .exec();
      if (!found) throw new DomainException(ErrorCode.INVALID_ACCESS_CODE);
      const questionId = found._id.toHexString();
      keep = (e) => e.questionId === questionId;
    } else if (user) {
      keep = (e) =>
        e.askerId === user.id && (!access.questionId || e.questionId === access.questionId);
    } else {
      throw new DomainException(ErrorCode.UNAUTHENTICATED);
    }
    return filterEvents(
      this.events.subscribe<QuestionChangedEvent>(QUESTION_CHANGED),
      (e) => TOLD_TO_ASKER.has(e.action) && keep(e),
    );
  }
}
