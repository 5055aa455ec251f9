import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  decodeCursor,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  Language,
  pageById,
  Role,
  toConnection,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { InfoPointAuditService } from '../audit/audit.service';
import { ClaimNextQuestionInput, QueueArgs } from './dto/question.inputs';
import { ClaimNextPayload, QueueItem, StaffQuestion } from './models/question.model';
import { ACTIVE } from './question-lifecycle';
import { AskerNotices } from './asker-notices.service';
import { QuestionChanges, staffActor } from './question-changes.service';
import { QUESTION_CHANGED, QuestionChangedEvent } from './question-events';
import { QuestionViews } from './question-views';
import { LeanQuestion, Question, QUESTION_FIELDS } from './question.schema';
import { QuestionTopic } from './topics';

/** The staff side: the queue, audited reads, claims, answers, notes and closing. */
@Injectable()
export class QueueService {
  constructor(
    @InjectModel(Question.name) private readonly questions: Model<Question>,
    private readonly crypto: FieldEncryption,
    private readonly audit: InfoPointAuditService,
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly changes: QuestionChanges,
    private readonly views: QuestionViews,
    private readonly clock: Clock,
    private readonly notices: AskerNotices,
  ) {}

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
    const now = this.clock.now();
    // The same rule as QueueItem.overdue (question-views.ts), in the database.
    if (args.overdue) {
      if (args.status && !ACTIVE.includes(args.status)) filter.status = trusted({ $in: [] });
      else if (!args.status) filter.status = trusted({ $in: ACTIVE });
      filter.firstResponseAt = null;
      filter.dueAt = trusted({ $lt: now });
    }
    const toNode = (q: LeanQuestion) => this.views.toQueueItem(q, now);
    if (args.order === 'asked')
      return pageById(this.questions, filter, args, { order: 'oldest', toNode });
    return this.duePage(filter, args, toNode);
  }

  /** A staff read of a question's content: always audited. */
  async staffQuestion(questionId: string, staff: AuthUser): Promise<StaffQuestion> {
    const found = await this.find(questionId);
    await this.audit.record(staffActor(staff), 'read', [found._id]);
    return this.views.toStaff(found);
  }

  /**
   * A question and its latest answer, decrypted, for a FAQ draft: only answered or closed
   * questions; audited as a read of the question (`faqDraft`).
   */
  /**
   * The words of an answered question for a FAQ draft: the question and the staff messages
   * chosen to form the answer (positions in the thread, from 0, in the order given), by default
   * the first answer (later answers are often one-line follow-ups). Reading it is audited.
   */
  async faqSource(
    questionId: string,
    staff: AuthUser,
    answerMessages?: number[],
  ): Promise<{
    id: Types.ObjectId;
    language: Language;
    topic: QuestionTopic;
    text: string;
    answer: string;
  }> {
    const found = await this.find(questionId);
    const firstAnswer = found.thread.findIndex((m) => m.kind === 'answer');
    if (
      (found.status !== 'answered' && found.status !== 'closed') ||
      !found.textEnc ||
      firstAnswer < 0
    )
      throw new DomainException(ErrorCode.FAQ_SOURCE_NOT_ANSWERED);
    const chosen = answerMessages?.length ? answerMessages : [firstAnswer];
    const wrong = chosen.filter((i) => found.thread[i]?.authorId == null);
    if (wrong.length > 0)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'answerMessages', constraint: 'staffMessageOfThread' },
      ]);
    await this.audit.record(staffActor(staff), 'faqDraft', [found._id]);
    return {
      id: found._id,
      language: found.language,
      topic: found.topic,
      text: this.crypto.decrypt(found.textEnc, QUESTION_FIELDS.text),
      answer: chosen
        .map((i) => this.crypto.decrypt(found.thread[i].textEnc, QUESTION_FIELDS.thread))
        .join('\n\n'),
    };
  }

  async claim(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.changes.staffChange(questionId, staff, 'claim', () => ({
      $set: { claimedBy: new Types.ObjectId(staff.id) },
    }));
    return this.views.toQueueItem(changed);
  }

  /**
   * The most urgent open question in one of the given languages (earliest due time, then the
   * oldest), atomically: one conditional update, so two staff members never get the same one.
   * Null when none waits.
   */
  async claimNext(input: ClaimNextQuestionInput, staff: AuthUser): Promise<ClaimNextPayload> {
    const filter: QueryFilter<Question> = {
      status: 'open',
      language: trusted({ $in: input.languages }),
    };
    if (input.topic) filter.topic = input.topic;
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
    await this.audit.record(staffActor(staff), 'claim', [claimed._id]);
    await this.changes.publish(claimed, 'claim');
    return { question: this.views.toQueueItem(claimed) };
  }

  async release(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.changes.staffChange(questionId, staff, 'release', () => ({
      $set: { claimedBy: null },
    }));
    return this.views.toQueueItem(changed);
  }

  async reassign(questionId: string, staffUserId: string, staff: AuthUser): Promise<QueueItem> {
    const target = await this.users.findForAuthentication(staffUserId);
    if (
      !target ||
      target.status !== 'active' ||
      !target.roles.some((r) => r === Role.staff || r === Role.admin)
    )
      throw new DomainException(ErrorCode.NOT_STAFF_MEMBER);
    const changed = await this.changes.staffChange(questionId, staff, 'reassign', () => ({
      $set: { claimedBy: target._id },
    }));
    return this.views.toQueueItem(changed);
  }

  async addNote(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.changes.staffChange(questionId, staff, 'note', (_, now) => ({
      $push: {
        notes: {
          authorId: new Types.ObjectId(staff.id),
          textEnc: this.crypto.encrypt(text, QUESTION_FIELDS.notes),
          at: now,
        },
      },
    }));
    return this.views.toStaff(changed);
  }

  async answer(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.changes.staffChange(questionId, staff, 'answer', (current, now) =>
      this.changes.pushThread('answer', staff.id, text, now, current),
    );
    await this.notices.replyWaiting(changed, 'answer');
    return this.views.toStaff(changed);
  }

  async askForDetails(questionId: string, text: string, staff: AuthUser): Promise<StaffQuestion> {
    const changed = await this.changes.staffChange(
      questionId,
      staff,
      'askForDetails',
      (current, now) => this.changes.pushThread('detailsRequest', staff.id, text, now, current),
    );
    await this.notices.replyWaiting(changed, 'detailsRequest');
    return this.views.toStaff(changed);
  }

  async close(questionId: string, staff: AuthUser): Promise<QueueItem> {
    const changed = await this.changes.staffChange(questionId, staff, 'close', (_, now) => ({
      $set: { closedAt: now },
    }));
    return this.views.toQueueItem(changed);
  }

  private async find(questionId: string): Promise<LeanQuestion> {
    const found = await this.questions
      .findById(new Types.ObjectId(questionId))
      .lean<LeanQuestion>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /**
   * The earliest due first: sorted and paged by (dueAt, _id), so a question between two pages
   * is neither skipped nor repeated; ties (same due time) stay in the order they were asked.
   * (Not pageById: the keyset is the due time, not the id.)
   */
  private async duePage<T>(
    filter: QueryFilter<Question>,
    args: { first: number; after?: string },
    map: (q: LeanQuestion) => T,
  ): Promise<Connection<T>> {
    let page: QueryFilter<Question> = filter;
    if (args.after) {
      const cursor = decodeCursor(args.after);
      // An `asked` cursor carries no due time (its v is the id).
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
}
