import { Injectable } from '@nestjs/common';
import { USER_ERASED } from '@sasiad/identity';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  I18nService,
  isDuplicateKey,
  Language,
  objectId,
  OnDomainEvent,
} from '@sasiad/core';
import { CourseState } from '../courses/course.schema';
import { assertContentRemovable } from '../authoring/content-rules';
import { CourseStore } from '../courses/course.store';
import { readText } from '../courses/based-on-text';
import { readingOf } from '../courses/course-views';
import { localized } from '../courses/localized-input';
import {
  AddQuizQuestionInput,
  SetModuleQuizInput,
  SubmitQuizInput,
  UpdateQuizQuestionInput,
} from './dto/quiz.inputs';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { resolveLocalized, TranslationState } from '@sasiad/core';
import { ReadingContext } from '../courses/models/course.model';
import {
  QuizAttemptModel,
  QuizOptionModel,
  QuizQuestionForAuthor,
  QuizQuestionModel,
  QuizResult,
  QuizSettingsModel,
} from './models/quiz.model';
import {
  LeanQuizAttempt,
  LeanQuizQuestion,
  QuizAttempt,
  QuizOption,
  QuizQuestion,
  QuizQuestionKind,
} from './quiz.schema';
import { flatOrder, optionOrders, shownKeys, shuffled } from './option-order';

/** Fisher–Yates with a cryptographic source: a learner cannot predict the draw. */
const drawAtRandom = <T>(items: T[], count: number): T[] => shuffled(items).slice(0, count);

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

/**
 * Module quizzes: a question bank in four languages, N questions drawn per attempt, a pass mark
 * and a limit on attempts. Grading happens here; the correct answers are only sent back after
 * an attempt is submitted.
 */
@Injectable()
export class QuizzesService {
  constructor(
    @InjectModel(QuizQuestion.name) private readonly questions: Model<QuizQuestion>,
    @InjectModel(QuizAttempt.name) private readonly attempts: Model<QuizAttempt>,
    private readonly courses: CourseStore,
    private readonly clock: Clock,
    private readonly enrolments: EnrolmentsService,
    private readonly i18n: I18nService,
  ) {}

  async setQuiz(input: SetModuleQuizInput): Promise<QuizSettingsModel> {
    const { module } = await this.courses.findModule(input.moduleId);
    const quiz = {
      drawCount: input.drawCount,
      passPercent: input.passPercent,
      maxAttempts: input.maxAttempts,
    };
    await this.courses.setQuizSettings(module._id, quiz);
    return quiz;
  }

  async addQuestion(input: AddQuizQuestionInput, lang: Language): Promise<QuizQuestionForAuthor> {
    const { module, course } = await this.courses.findModule(input.moduleId);
    const base = course.baseLanguage;
    const now = this.clock.now();
    let options: QuizOption[];
    if (input.kind === QuizQuestionKind.TRUE_FALSE) {
      if (input.options.length > 0 || input.trueIsCorrect === undefined)
        throw this.invalidQuestion('trueIsCorrectWithoutOptions');
      options = [
        { key: 'true', correct: input.trueIsCorrect },
        { key: 'false', correct: !input.trueIsCorrect },
      ];
    } else {
      const correct = input.options.filter((o) => o.correct).length;
      if (input.options.length < 2) throw this.invalidQuestion('atLeastTwoOptions');
      if (input.kind === QuizQuestionKind.SINGLE && correct !== 1)
        throw this.invalidQuestion('exactlyOneCorrect');
      if (input.kind === QuizQuestionKind.MULTIPLE && correct < 1)
        throw this.invalidQuestion('atLeastOneCorrect');
      options = input.options.map((o, index) => ({
        key: randomBytes(4).toString('hex'),
        text: localized(undefined, o.text, base, now, `options.${index}.text`),
        correct: o.correct,
        ...(o.feedback?.length
          ? { feedback: localized(undefined, o.feedback, base, now, `options.${index}.feedback`) }
          : {}),
      }));
    }
    const created = await this.questions.create({
      courseId: course._id,
      moduleId: module._id,
      kind: input.kind,
      prompt: localized(undefined, input.prompt, base, now, 'prompt'),
      options,
    });
    return this.authorView(created.toObject() as LeanQuizQuestion, readingOf(course, lang));
  }

  /** Optimistic concurrency as for lessons: translators saving at once both keep their text. */
  async updateQuestion(
    input: UpdateQuizQuestionInput,
    lang: Language,
  ): Promise<QuizQuestionForAuthor> {
    for (let tries = 0; tries < 5; tries++) {
      const current = await this.questions
        .findById(input.questionId)
        .lean<LeanQuizQuestion & { __v?: number }>()
        .exec();
      if (!current) throw new DomainException(ErrorCode.NOT_FOUND);
      const course = await this.courses.findCourse(current.courseId.toHexString());
      const base = course.baseLanguage;
      const now = this.clock.now();
      const set: Partial<QuizQuestion> = {};
      if (input.prompt) set.prompt = localized(current.prompt, input.prompt, base, now, 'prompt');
      if (input.options) {
        if (
          current.kind === QuizQuestionKind.TRUE_FALSE ||
          input.options.length !== current.options.length
        )
          throw this.invalidQuestion('sameNumberOfOptions');
        set.options = current.options.map((o, index) => ({
          ...o,
          text: localized(o.text, input.options![index].text, base, now, `options.${index}.text`),
          ...(input.options![index].feedback?.length
            ? {
                feedback: localized(
                  o.feedback,
                  input.options![index].feedback,
                  base,
                  now,
                  `options.${index}.feedback`,
                ),
              }
            : {}),
        }));
      }
      const updated = await this.questions
        .findOneAndUpdate(
          { _id: current._id, __v: current.__v ?? 0 },
          { $set: set, $inc: { __v: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanQuizQuestion>()
        .exec();
      if (updated) return this.authorView(updated, readingOf(course, lang));
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  async bank(moduleId: string, lang: Language): Promise<QuizQuestionForAuthor[]> {
    const { module, course } = await this.courses.findModule(moduleId);
    const rows = await this.questions
      .find({ moduleId: module._id })
      .sort({ _id: 1 })
      .lean<LeanQuizQuestion[]>()
      .exec();
    const reading = readingOf(course, lang);
    return rows.map((q) => this.authorView(q, reading));
  }

  /**
   * An open (unsubmitted) attempt is returned again rather than drawing new questions, so
   * reloading cannot be used to shop for easier ones. Starting is idempotent while an attempt is
   * open, whatever the concurrency: a new attempt is numbered after the *submitted* ones only, so
   * every concurrent start that saw no open attempt claims the same number and the unique
   * (learner, module, attemptNo) index lets exactly one of them create it; the others go round
   * again and find it open. (Counting every attempt instead let a start that looked before
   * another's create, and counted after it, open a second attempt.)
   */
  async start(moduleId: string, user: AuthUser, lang: Language): Promise<QuizAttemptModel> {
    const { module, course } = await this.courses.findModule(moduleId);
    if (course.state !== CourseState.PUBLISHED) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.enrolments.assertEnrolled(course._id, user);
    const quiz = module.quiz;
    if (!quiz) throw new DomainException(ErrorCode.QUIZ_NOT_AVAILABLE);
    const userId = objectId(user.id);
    const reading = readingOf(course, lang);
    const bank = await this.questions
      .find({ moduleId: module._id }, { _id: 1, options: 1 })
      .lean<Pick<LeanQuizQuestion, '_id' | 'options'>[]>()
      .exec();
    if (bank.length < quiz.drawCount) throw new DomainException(ErrorCode.QUIZ_NOT_AVAILABLE);
    for (let tries = 0; tries < 5; tries++) {
      const open = await this.attempts
        .findOne({ userId, moduleId: module._id, submittedAt: null })
        .lean<LeanQuizAttempt>()
        .exec();
      if (open) return this.attemptView(open, quiz.maxAttempts, reading);
      const used = await this.attempts
        .countDocuments({ userId, moduleId: module._id, submittedAt: trusted({ $ne: null }) })
        .exec();
      if (used >= quiz.maxAttempts) {
        // the last attempt may have been opened by a concurrent request since we looked
        const last = await this.attempts
          .findOne({ userId, moduleId: module._id, submittedAt: null })
          .lean<LeanQuizAttempt>()
          .exec();
        if (last) return this.attemptView(last, quiz.maxAttempts, reading);
        throw new DomainException(ErrorCode.QUIZ_ATTEMPTS_EXHAUSTED);
      }
      // the questions, then the order of each one's options (see option-order.ts), both drawn once
      const drawn = drawAtRandom(bank, quiz.drawCount).map((q) => ({
        id: q._id.toHexString(),
        options: q.options.map((o) => ({ key: o.key, correct: o.correct })),
      }));
      try {
        const created = await this.attempts.create({
          userId,
          courseId: course._id,
          moduleId: module._id,
          attemptNo: used + 1,
          questionIds: drawn.map((q) => objectId(q.id)),
          optionOrder: flatOrder(drawn, optionOrders(drawn, quiz.passPercent)),
          passPercent: quiz.passPercent,
          submittedAt: null,
          language: lang,
        });
        return this.attemptView(created.toObject() as LeanQuizAttempt, quiz.maxAttempts, reading);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  async submit(input: SubmitQuizInput, user: AuthUser, lang: Language): Promise<QuizResult> {
    const attempt = await this.attempts
      .findOne({ _id: objectId(input.attemptId), userId: objectId(user.id) })
      .lean<LeanQuizAttempt>()
      .exec();
    if (!attempt) throw new DomainException(ErrorCode.NOT_FOUND);
    if (attempt.submittedAt) throw new DomainException(ErrorCode.QUIZ_ATTEMPT_ALREADY_SUBMITTED);
    const questions = await this.questionsOf(attempt);
    const answers = new Map<string, string[]>();
    for (const [index, answer] of input.answers.entries()) {
      const question = questions.find((q) => q._id.toHexString() === answer.questionId);
      const keys = question?.options.map((o) => o.key) ?? [];
      const single = question && question.kind !== QuizQuestionKind.MULTIPLE;
      if (
        !question ||
        answers.has(answer.questionId) ||
        answer.optionKeys.some((k) => !keys.includes(k)) ||
        (single && answer.optionKeys.length > 1)
      )
        throw new DomainException(ErrorCode.INVALID_QUIZ_ANSWER, {}, [
          { field: `answers.${index}`, constraint: 'matchesDrawnQuestion' },
        ]);
      answers.set(answer.questionId, answer.optionKeys);
    }
    const { module, course } = await this.courses.findModule(attempt.moduleId.toHexString());
    const reading = readingOf(course, lang);
    const review = questions.map((q) => {
      const id = q._id.toHexString();
      const selectedKeys = answers.get(id) ?? [];
      const correctKeys = q.options.filter((o) => o.correct).map((o) => o.key);
      return {
        questionId: id,
        selectedKeys,
        correctKeys,
        isCorrect: sameSet(selectedKeys, correctKeys),
        feedback: q.options
          .filter((o) => o.feedback && selectedKeys.includes(o.key))
          .map((o) => ({
            key: o.key,
            text: resolveLocalized(o.feedback, reading.lang, reading.policy),
          })),
      };
    });
    const correctCount = review.filter((r) => r.isCorrect).length;
    const scorePercent = Math.floor((correctCount * 100) / Math.max(questions.length, 1));
    const passed = scorePercent >= attempt.passPercent;
    // The open state is part of the filter: a second, concurrent submission finds nothing to grade.
    const graded = await this.attempts
      .findOneAndUpdate(
        { _id: attempt._id, submittedAt: null },
        {
          $set: {
            submittedAt: this.clock.now(),
            selected: review.flatMap((r) => r.selectedKeys.map((k) => `${r.questionId}:${k}`)),
            correctCount,
            scorePercent,
            passed,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanQuizAttempt>()
      .exec();
    if (!graded) throw new DomainException(ErrorCode.QUIZ_ATTEMPT_ALREADY_SUBMITTED);
    if (passed) await this.enrolments.markQuizPassed(attempt.courseId, attempt.moduleId, user);
    const used = await this.attempts
      .countDocuments({ userId: attempt.userId, moduleId: attempt.moduleId })
      .exec();
    return {
      attemptId: attempt._id.toHexString(),
      correctCount,
      questionCount: questions.length,
      scorePercent,
      passed,
      attemptsLeft: Math.max((module.quiz?.maxAttempts ?? 0) - used, 0),
      review,
    };
  }

  /**
   * Removes a question from a module's bank while the course is DRAFT or IN_REVIEW. Attempts that
   * drew it are graded on the questions that remain (see questionsOf).
   */
  async removeQuestion(questionId: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(questionId)) throw new DomainException(ErrorCode.NOT_FOUND);
    const question = await this.questions.findById(questionId).lean<LeanQuizQuestion>().exec();
    if (!question) throw new DomainException(ErrorCode.NOT_FOUND);
    const course = await this.courses.findCourse(question.courseId.toHexString());
    assertContentRemovable(course);
    await this.questions.deleteOne({ _id: question._id }).exec();
    return true;
  }

  /** A removed module's bank and the attempts at its quiz go with it. */
  async removeOfModule(moduleId: Types.ObjectId): Promise<void> {
    await this.questions.deleteMany({ moduleId }).exec();
    await this.attempts.deleteMany({ moduleId }).exec();
  }

  /** A deleted course's banks and attempts (a never-published course has no attempts, but be sure). */
  async removeOfCourse(courseId: Types.ObjectId): Promise<void> {
    await this.questions.deleteMany({ courseId }).exec();
    await this.attempts.deleteMany({ courseId }).exec();
  }

  /** The learner's account was erased: their attempts go too. */
  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.eraseLearner(userId);
  }

  async eraseLearner(userId: string): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    await this.attempts.deleteMany({ userId: objectId(userId) }).exec();
  }

  private async questionsOf(attempt: LeanQuizAttempt): Promise<LeanQuizQuestion[]> {
    const rows = await this.questions
      .find({ _id: trusted({ $in: attempt.questionIds }) })
      .lean<LeanQuizQuestion[]>()
      .exec();
    // in the drawn order; a question deleted since the draw is simply not asked
    return attempt.questionIds
      .map((id) => rows.find((q) => q._id.equals(id)))
      .filter((q): q is LeanQuizQuestion => !!q);
  }

  private invalidQuestion(constraint: string) {
    return new DomainException(ErrorCode.INVALID_QUIZ_QUESTION, {}, [
      { field: 'options', constraint },
    ]);
  }

  private async attemptView(
    attempt: LeanQuizAttempt,
    maxAttempts: number,
    reading: ReadingContext,
  ): Promise<QuizAttemptModel> {
    const questions = await this.questionsOf(attempt);
    return {
      id: attempt._id.toHexString(),
      moduleId: attempt.moduleId.toHexString(),
      attemptNo: attempt.attemptNo,
      maxAttempts,
      passPercent: attempt.passPercent,
      startedAt: attempt.createdAt,
      questions: questions.map((q) => this.learnerView(q, reading, attempt.optionOrder)),
    };
  }

  /**
   * Built field by field from what a learner may see: `correct` is never copied. In an attempt,
   * the options come in the attempt's own order (keys unchanged; grading is by key).
   */
  private learnerView(
    q: LeanQuizQuestion,
    reading: ReadingContext,
    optionOrder?: string[],
  ): QuizQuestionModel {
    const id = q._id.toHexString();
    const byKey = new Map(q.options.map((o) => [o.key, o]));
    const keys = optionOrder
      ? shownKeys(optionOrder, id, [...byKey.keys()])
      : q.options.map((o) => o.key);
    return {
      id,
      kind: q.kind,
      prompt: readText(q.prompt, reading),
      options: keys.map((key) => this.optionView(byKey.get(key)!, reading)),
    };
  }

  private optionView(o: QuizOption, reading: ReadingContext): QuizOptionModel {
    if (!o.text)
      return {
        key: o.key,
        text: {
          text: this.i18n.t(reading.lang)(`academy:quiz.${o.key}`),
          language: reading.lang,
          isFallback: false,
          state: TranslationState.UP_TO_DATE,
        },
      };
    return { key: o.key, text: readText(o.text, reading) };
  }

  private authorView(q: LeanQuizQuestion, reading: ReadingContext): QuizQuestionForAuthor {
    return {
      ...this.learnerView(q, reading),
      moduleId: q.moduleId.toHexString(),
      options: q.options.map((o) => ({
        ...this.optionView(o, reading),
        correct: o.correct,
        feedback: o.feedback ? readText(o.feedback, reading) : null,
      })),
    };
  }
}
