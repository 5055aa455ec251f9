import { Injectable, Logger } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { InjectModel } from '@nestjs/mongoose';
import type { TFunction } from 'i18next';
import { Model, QueryFilter, trusted, Types, UpdateQuery } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AppConfig,
  AuthUser,
  Clock,
  Connection,
  decodeCursor,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  Language,
  OnDomainEvent,
  Role,
  ScheduledJob,
  toConnection,
} from '@sasiad/core';
import { USER_ERASED, UsersService } from '@sasiad/identity';
import { AuditActor, InfoPointAuditService } from '../audit/audit.service';
import { FaqLinksService } from '../faq/faq-links.service';
import { AskerAccessArgs, AskQuestionInput, ClaimNextArgs, QueueArgs } from './dto/question.inputs';
import {
  AskerQuestion,
  AskQuestionPayload,
  ClaimNextPayload,
  ConsentText,
  QueueItem,
  StaffQuestion,
} from './models/question.model';
import { Caller, decide, QuestionAction, QuestionStatus } from './question-lifecycle';
import { LeanQuestion, Question, ThreadKind } from './question.schema';
import { ACTIVE, ServiceLevelService } from '../service-level/service-level.service';
import { PROCESSING_CONSENT_VERSION, QuestionTopic } from './topics';

const TEXT = 'info_point_questions.text';
const THREAD = 'info_point_questions.thread';
const NOTES = 'info_point_questions.notes';
const CONTACT = 'info_point_questions.contact';
const ACCESS_CODE = 'info_point_questions.accessCode';

/** Published after every change of a question (for live views); carries no content. */
export const QUESTION_CHANGED = 'infoPoint.questionChanged';
export interface QuestionChangedEvent {
  questionId: string;
  action: QuestionAction | 'ask';
  status: QuestionStatus;
  language: string;
  topic: string;
  claimedBy: string | null;
  askerId: string | null;
  at: Date;
}

const HELD: QuestionStatus[] = ['claimed', 'awaiting_asker', 'answered'];

/** What an asker is told about, live. */
const TOLD_TO_ASKER = new Set<QuestionChangedEvent['action']>(['answer', 'askForDetails', 'close']);

/** Passes on only the events that `keep` accepts; ending it ends the source at once. */
function filterEvents<T>(
  source: AsyncIterableIterator<T>,
  keep: (event: T) => boolean,
): AsyncIterableIterator<T> {
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || keep(result.value)) return result;
      }
    },
    return: () => source.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * The information point's questions: asking, the staff queue and its lifecycle, and erasure.
 * Every change is a conditional update of one document, decided on the state it applies to.
 */
@Injectable()
export class QuestionsService {
  private readonly logger = new Logger(QuestionsService.name);

  constructor(
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly crypto: FieldEncryption,
    private readonly audit: InfoPointAuditService,
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly config: AppConfig,
    private readonly serviceLevel: ServiceLevelService,
    @InjectThrottlerStorage() private readonly throttler: ThrottlerStorage,
    private readonly faqLinks: FaqLinksService,
    private readonly clock: Clock,
  ) {}

  consentText(t: TFunction): ConsentText {
    return {
      version: PROCESSING_CONSENT_VERSION,
      processing: t('infoPoint:consent.processing'),
      contact: t('infoPoint:consent.contact'),
    };
  }

  // ---- the asker ----

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
    const contact = input.contact ?? { channel: 'in_app' as const };
    if (
      (contact.email !== undefined && contact.channel !== 'email') ||
      (contact.phone !== undefined && contact.channel !== 'phone')
    )
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'contact.channel', constraint: 'matchesGivenContact' },
      ]);
    const accessCode = user ? null : randomBytes(24).toString('base64url');
    const now = new Date();
    const created = await this.questions.create({
      status: 'open',
      topic: input.topic,
      language: input.language,
      textEnc: this.crypto.encrypt(input.text, TEXT),
      askerId: user ? new Types.ObjectId(user.id) : null,
      accessCodeHash: accessCode ? this.codeHash(accessCode) : undefined,
      contactChannel: contact.channel,
      contactEnc:
        contact.channel === 'in_app'
          ? undefined
          : this.crypto.encrypt(
              JSON.stringify({ email: contact.email, phone: contact.phone }),
              CONTACT,
            ),
      contactConsentAt: contact.channel === 'in_app' ? null : now,
      consent: { at: now, version: PROCESSING_CONSENT_VERSION },
      createdAt: now,
      dueAt: await this.serviceLevel.dueAt(input.topic, now),
    });
    const question = created.toObject() as LeanQuestion;
    await this.audit.record({ kind: 'asker' }, 'ask', [question._id]);
    await this.publish(question, 'ask');
    return { question: this.toAsker(question), accessCode };
  }

  async askerQuestion(access: AskerAccessArgs, user: AuthUser | null): Promise<AskerQuestion> {
    const { filter, notFound } = this.askerFilter(access, user);
    const found = await this.questions.findOne(filter).lean<LeanQuestion>().exec();
    if (!found) throw new DomainException(notFound);
    return this.toAsker(found);
  }

  async myQuestions(
    user: AuthUser,
    args: { first: number; after?: string },
  ): Promise<Connection<AskerQuestion>> {
    return this.page({ askerId: new Types.ObjectId(user.id) }, args, (q) => this.toAsker(q));
  }

  async followUp(access: AskerAccessArgs, user: AuthUser | null, text: string) {
    const { filter, notFound } = this.askerFilter(access, user);
    const changed = await this.change(filter, notFound, 'followUp', { kind: 'asker' }, (_, now) =>
      this.pushThread('followUp', null, text, now),
    );
    return this.toAsker(changed);
  }

  async reopen(access: AskerAccessArgs, user: AuthUser | null) {
    const { filter, notFound } = this.askerFilter(access, user);
    const changed = await this.change(filter, notFound, 'reopen', { kind: 'asker' }, () => ({
      $set: { closedAt: null, claimedBy: null },
    }));
    return this.toAsker(changed);
  }

  /**
   * Erasure on request: the words, contact and notes go, and with them every link to the asker
   * (account id, access code). Topic, language and timestamps stay as anonymous statistics.
   */
  async erase(access: AskerAccessArgs, user: AuthUser | null): Promise<boolean> {
    const { filter, notFound } = this.askerFilter(access, user);
    const erased = await this.change(filter, notFound, 'erase', { kind: 'asker' }, (_, now) =>
      this.erasure(now),
    );
    await this.faqLinks.questionsErased([erased._id]);
    return true;
  }

  /** The identity context erased an account: erase its questions and free the claims it held. */
  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    const id = new Types.ObjectId(userId);
    await this.eraseAll({ askerId: id, status: trusted({ $ne: 'erased' }) }, 'erase', new Date());
    const held = await this.questions
      .find({ claimedBy: id, status: trusted({ $in: HELD }) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (held.length > 0) {
      const ids = held.map((q) => q._id);
      await this.questions
        .updateMany(
          { _id: trusted({ $in: ids }), claimedBy: id },
          { $set: { status: 'open', claimedBy: null }, $inc: { version: 1 } },
        )
        .exec();
      await this.audit.record({ kind: 'system' }, 'release', ids);
    }
  }

  /**
   * Retention: the questions closed more than INFO_POINT_RETENTION_DAYS before `now` lose their
   * personal data by the very erasure an asker can ask for; their statistics stay. Run by the
   * module's scheduled job; returns how many were erased.
   */
  @ScheduledJob({
    name: 'infoPoint.retention',
    every: (env) => env.INFO_POINT_RETENTION_CHECK_MINUTES * 60_000,
  })
  async retentionJob(): Promise<void> {
    const erased = await this.purgeExpiredPersonalData(this.clock.now());
    if (erased > 0) this.logger.log({ erased }, 'info-point retention erased closed questions');
  }

  async purgeExpiredPersonalData(now: Date): Promise<number> {
    const days = this.config.env.INFO_POINT_RETENTION_DAYS;
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    return this.eraseAll({ status: 'closed', closedAt: trusted({ $lt: cutoff }) }, 'purge', now);
  }

  /**
   * Erases every question the filter matches (the filter is applied again on write, so one that
   * changed in between, e.g. was reopened, is left alone) and audits it as done by the system.
   */
  private async eraseAll(
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
        .findOne({ accessCodeHash: this.codeHash(access.accessCode) }, { _id: 1 })
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

  // ---- staff ----

  queueEvents(): AsyncIterableIterator<QuestionChangedEvent> {
    return this.events.subscribe<QuestionChangedEvent>(QUESTION_CHANGED);
  }

  async queue(args: QueueArgs, staff: AuthUser): Promise<Connection<QueueItem>> {
    const filter: QueryFilter<Question> = {
      status: args.status ?? trusted({ $ne: 'erased' }),
    };
    if (args.topic) filter.topic = args.topic;
    if (args.language) filter.language = args.language;
    if (args.mine) filter.claimedBy = new Types.ObjectId(staff.id);
    const now = new Date();
    if (args.order === 'asked') return this.page(filter, args, (q) => this.toQueueItem(q, now));
    return this.duePage(filter, args, (q) => this.toQueueItem(q, now));
  }

  /** A staff read of a question's content: always audited. */
  async staffQuestion(questionId: string, staff: AuthUser): Promise<StaffQuestion> {
    const found = await this.questions
      .findById(new Types.ObjectId(questionId))
      .lean<LeanQuestion>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.audit.record(this.staffActor(staff), 'read', [found._id]);
    return this.toStaff(found);
  }

  /**
   * A question and its latest answer, decrypted, for a FAQ draft: only answered or closed
   * questions; audited as a read of the question (`faqDraft`).
   */
  async faqSource(
    questionId: string,
    staff: AuthUser,
  ): Promise<{
    id: Types.ObjectId;
    language: Language;
    topic: QuestionTopic;
    text: string;
    answer: string;
  }> {
    const found = await this.questions
      .findById(new Types.ObjectId(questionId))
      .lean<LeanQuestion>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    const answers = found.thread.filter((m) => m.kind === 'answer');
    if (
      (found.status !== 'answered' && found.status !== 'closed') ||
      !found.textEnc ||
      answers.length === 0
    )
      throw new DomainException(ErrorCode.FAQ_SOURCE_NOT_ANSWERED);
    await this.audit.record(this.staffActor(staff), 'faqDraft', [found._id]);
    return {
      id: found._id,
      language: found.language,
      topic: found.topic,
      text: this.crypto.decrypt(found.textEnc, TEXT),
      answer: this.crypto.decrypt(answers[answers.length - 1].textEnc, THREAD),
    };
  }

  async claim(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.staffChange(questionId, staff, 'claim', () => ({
      $set: { claimedBy: new Types.ObjectId(staff.id) },
    }));
    return this.toQueueItem(changed);
  }

  /**
   * The most urgent open question in one of the given languages (earliest due time, then the
   * oldest), atomically: one conditional update, so two staff members never get the same one.
   * Null when none waits.
   */
  async claimNext(args: ClaimNextArgs, staff: AuthUser): Promise<ClaimNextPayload> {
    const filter: QueryFilter<Question> = {
      status: 'open',
      language: trusted({ $in: args.languages }),
    };
    if (args.topic) filter.topic = args.topic;
    const claimed = await this.questions
      .findOneAndUpdate(
        filter,
        {
          $set: { status: 'claimed', claimedBy: new Types.ObjectId(staff.id) },
          $inc: { version: 1 },
        },
        { sort: { dueAt: 1, _id: 1 }, returnDocument: 'after' },
      )
      .lean<LeanQuestion>()
      .exec();
    if (!claimed) return { question: null };
    await this.audit.record(this.staffActor(staff), 'claim', [claimed._id]);
    await this.publish(claimed, 'claim');
    return { question: this.toQueueItem(claimed) };
  }

  async release(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.staffChange(questionId, staff, 'release', () => ({
      $set: { claimedBy: null },
    }));
    return this.toQueueItem(changed);
  }

  async reassign(questionId: string, staffUserId: string, staff: AuthUser): Promise<QueueItem> {
    const target = await this.users.findForAuthentication(staffUserId);
    if (
      !target ||
      target.status !== 'active' ||
      !target.roles.some((r) => r === Role.staff || r === Role.admin)
    )
      throw new DomainException(ErrorCode.NOT_STAFF_MEMBER);
    const changed = await this.staffChange(questionId, staff, 'reassign', () => ({
      $set: { claimedBy: target._id },
    }));
    return this.toQueueItem(changed);
  }

  async addNote(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.staffChange(questionId, staff, 'note', (_, now) => ({
      $push: {
        notes: {
          authorId: new Types.ObjectId(staff.id),
          textEnc: this.crypto.encrypt(text, NOTES),
          at: now,
        },
      },
    }));
    return this.toStaff(changed);
  }

  async answer(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.staffChange(questionId, staff, 'answer', (current, now) =>
      this.pushThread('answer', staff.id, text, now, current),
    );
    return this.toStaff(changed);
  }

  async askForDetails(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.staffChange(questionId, staff, 'askForDetails', (current, now) =>
      this.pushThread('detailsRequest', staff.id, text, now, current),
    );
    return this.toStaff(changed);
  }

  async close(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.staffChange(questionId, staff, 'close', (_, now) => ({
      $set: { closedAt: now },
    }));
    return this.toQueueItem(changed);
  }

  // ---- the lifecycle's one way of changing a question ----

  private staffChange(
    questionId: string,
    staff: AuthUser,
    action: QuestionAction,
    build: (current: LeanQuestion, now: Date) => UpdateQuery<Question>,
  ) {
    return this.change(
      { _id: new Types.ObjectId(questionId) },
      ErrorCode.NOT_FOUND,
      action,
      this.staffCaller(staff),
      build,
    );
  }

  /**
   * Reads the question, decides the move with the transition table, and writes it only if the
   * question is still in the state the decision was made on (same version and status). A
   * concurrent change makes the write miss; the move is then decided again on the new state, so
   * of many simultaneous claims exactly one wins and the others see QUESTION_ALREADY_CLAIMED.
   */
  private async change(
    filter: QueryFilter<Question>,
    notFound: ErrorCode,
    action: QuestionAction,
    caller: Caller,
    build: (current: LeanQuestion, now: Date) => UpdateQuery<Question>,
  ): Promise<LeanQuestion> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.questions.findOne(filter).lean<LeanQuestion>().exec();
      if (!current) throw new DomainException(notFound);
      const now = new Date();
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

  private pushThread(
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
          textEnc: this.crypto.encrypt(text, THREAD),
          at: now,
        },
      },
      ...(current && !current.firstResponseAt ? { $set: { firstResponseAt: now } } : {}),
    };
  }

  private erasure(now: Date): UpdateQuery<Question> {
    return {
      $set: {
        status: 'erased',
        erasedAt: now,
        contactConsentAt: null,
        thread: [],
        notes: [],
        askerId: null,
        claimedBy: null,
      },
      $unset: { textEnc: 1, contactEnc: 1, accessCodeHash: 1, consent: 1 },
      $inc: { version: 1 },
    };
  }

  private codeHash(code: string): string {
    return this.crypto.blindIndex(code, ACCESS_CODE);
  }

  private askerFilter(
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

  private staffCaller(staff: AuthUser): Caller {
    return { kind: 'staff', id: staff.id, isAdmin: staff.roles.includes(Role.admin) };
  }

  private staffActor(staff: AuthUser): AuditActor {
    return { kind: 'staff', id: staff.id };
  }

  private async publish(q: LeanQuestion, action: QuestionChangedEvent['action']) {
    await this.events.publish<QuestionChangedEvent>(QUESTION_CHANGED, {
      questionId: q._id.toHexString(),
      action,
      status: q.status,
      language: q.language,
      topic: q.topic,
      claimedBy: q.claimedBy?.toHexString() ?? null,
      askerId: q.askerId?.toHexString() ?? null,
      at: new Date(),
    });
  }

  /** Oldest first: ObjectIds grow with creation time, so `_id` order is age order and a keyset. */
  private async page<T>(
    filter: QueryFilter<Question>,
    args: { first: number; after?: string },
    map: (q: LeanQuestion) => T,
  ): Promise<Connection<T>> {
    const page: QueryFilter<Question> = { ...filter };
    if (args.after) page._id = trusted({ $gt: new Types.ObjectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.questions
        .find(page)
        .sort({ _id: 1 })
        .limit(args.first + 1)
        .lean<LeanQuestion[]>()
        .exec(),
      this.questions.countDocuments(filter).exec(),
    ]);
    return toConnection(rows, args.first, totalCount, map, (row) => ({
      v: 0,
      id: row._id.toHexString(),
    }));
  }

  /**
   * The earliest due first: sorted and paged by (dueAt, _id), so a question between two pages
   * is neither skipped nor repeated; ties (same due time) stay in the order they were asked.
   */
  private async duePage<T>(
    filter: QueryFilter<Question>,
    args: { first: number; after?: string },
    map: (q: LeanQuestion) => T,
  ): Promise<Connection<T>> {
    let page: QueryFilter<Question> = filter;
    if (args.after) {
      const cursor = decodeCursor(args.after);
      // An `asked` cursor carries no due time (v: 0).
      if (typeof cursor.v !== 'number' || cursor.v === 0)
        throw new DomainException(ErrorCode.INVALID_CURSOR);
      const due = new Date(cursor.v);
      page = {
        ...filter,
        $or: [
          { dueAt: trusted({ $gt: due }) },
          { dueAt: due, _id: trusted({ $gt: new Types.ObjectId(cursor.id) }) },
        ],
      };
    }
    const [rows, totalCount] = await Promise.all([
      this.questions
        .find(page)
        .sort({ dueAt: 1, _id: 1 })
        .limit(args.first + 1)
        .lean<LeanQuestion[]>()
        .exec(),
      this.questions.countDocuments(filter).exec(),
    ]);
    return toConnection(rows, args.first, totalCount, map, (row) => ({
      v: row.dueAt?.getTime() ?? 0,
      id: row._id.toHexString(),
    }));
  }

  // ---- views ----

  private toAsker(q: LeanQuestion): AskerQuestion {
    const days = this.config.env.INFO_POINT_REOPEN_DAYS;
    return {
      id: q._id.toHexString(),
      status: q.status,
      topic: q.topic,
      language: q.language,
      text: q.textEnc ? this.crypto.decrypt(q.textEnc, TEXT) : '',
      contactChannel: q.contactChannel,
      thread: q.thread.map((m) => ({
        kind: m.kind,
        text: this.crypto.decrypt(m.textEnc, THREAD),
        at: m.at,
      })),
      createdAt: q.createdAt,
      closedAt: q.closedAt,
      reopenableUntil:
        q.status === 'closed' && q.closedAt
          ? new Date(q.closedAt.getTime() + days * 86_400_000)
          : null,
    };
  }

  private toQueueItem(q: LeanQuestion, now = new Date()): QueueItem {
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
    };
  }

  private toStaff(q: LeanQuestion): StaffQuestion {
    const contact = q.contactEnc
      ? (JSON.parse(this.crypto.decrypt(q.contactEnc, CONTACT)) as {
          email?: string;
          phone?: string;
        })
      : {};
    return {
      ...this.toQueueItem(q),
      text: q.textEnc ? this.crypto.decrypt(q.textEnc, TEXT) : null,
      thread: q.thread.map((m) => ({
        kind: m.kind,
        text: this.crypto.decrypt(m.textEnc, THREAD),
        at: m.at,
        authorId: m.authorId?.toHexString() ?? null,
      })),
      notes: q.notes.map((n) => ({
        authorId: n.authorId.toHexString(),
        text: this.crypto.decrypt(n.textEnc, NOTES),
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
