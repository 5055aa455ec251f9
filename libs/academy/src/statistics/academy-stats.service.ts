import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  DomainException,
  ErrorCode,
  Language,
  LANGUAGES,
  LocalizedField,
  resolveLocalized,
} from '@sasiad/core';
import { Certificate } from '../certificates/certificate.schema';
import { Course } from '../courses/course.schema';
import { readingOf } from '../courses/course-views';
import { Enrolment } from '../enrolments/enrolment.schema';
import { QuizAttempt } from '../quizzes/quiz.schema';
import { AcademyStats, AcademyStatsRow } from './academy-stats.model';

type Keyed = { courseId: Types.ObjectId; language?: string | null };
const knownLanguage = (l: string | null | undefined): Language | null =>
  LANGUAGES.find((x) => x === l) ?? null;

/**
 * The Academy's figures for staff: per course and learner language, over [from, to), the
 * enrolments made, the certificates issued (completions) and the quiz attempts handed in with
 * how many passed. Three reads of the statistics fields only; grouped here (FerretDB's $group
 * has a single accumulator).
 */
@Injectable()
export class AcademyStatsService {
  constructor(
    @InjectModel(Enrolment.name) private readonly enrolments: Model<Enrolment>,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(QuizAttempt.name) private readonly attempts: Model<QuizAttempt>,
    @InjectModel(Course.name) private readonly courses: Model<Course>,
  ) {}

  async stats(from: Date, to: Date, lang: Language): Promise<AcademyStats> {
    if (to.getTime() <= from.getTime())
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'to', constraint: 'afterFrom' },
      ]);
    const period = trusted({ $gte: from, $lt: to });
    const [enrolled, issued, submitted] = await Promise.all([
      this.enrolments
        .find({ createdAt: period }, { _id: 0, courseId: 1, language: 1 })
        .lean<Keyed[]>()
        .exec(),
      this.certificates
        .find({ issuedAt: period }, { _id: 0, courseId: 1, language: 1 })
        .lean<Keyed[]>()
        .exec(),
      this.attempts
        .find({ submittedAt: period }, { _id: 0, courseId: 1, language: 1, passed: 1 })
        .lean<(Keyed & { passed?: boolean })[]>()
        .exec(),
    ]);
    const rows = new Map<string, AcademyStatsRow>();
    const rowOf = (k: Keyed) => {
      const language = knownLanguage(k.language);
      const key = `${k.courseId.toHexString()}/${language ?? ''}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          courseId: k.courseId.toHexString(),
          courseTitle: '',
          language,
          enrolments: 0,
          completions: 0,
          quizAttempts: 0,
          quizPassed: 0,
          quizPassRatePercent: null,
        };
        rows.set(key, row);
      }
      return row;
    };
    for (const e of enrolled) rowOf(e).enrolments++;
    for (const c of issued) rowOf(c).completions++;
    for (const a of submitted) {
      const row = rowOf(a);
      row.quizAttempts++;
      if (a.passed) row.quizPassed++;
    }
    const ids = [...new Set([...rows.values()].map((r) => r.courseId))].map(
      (id) => new Types.ObjectId(id),
    );
    const courses = await this.courses
      .find({ _id: trusted({ $in: ids }) }, { title: 1, baseLanguage: 1, fallbackLanguages: 1 })
      .lean<
        {
          _id: Types.ObjectId;
          title: LocalizedField;
          baseLanguage: Language;
          fallbackLanguages: Language[];
        }[]
      >()
      .exec();
    const titles = new Map(
      courses.map((c) => [
        c._id.toHexString(),
        resolveLocalized(c.title, lang, readingOf(c, lang).policy).text,
      ]),
    );
    const result = [...rows.values()].map((r) => ({
      ...r,
      courseTitle: titles.get(r.courseId) ?? '',
      quizPassRatePercent: r.quizAttempts
        ? Math.round((r.quizPassed / r.quizAttempts) * 100)
        : null,
    }));
    result.sort(
      (a, b) =>
        a.courseTitle.localeCompare(b.courseTitle, lang) ||
        a.courseId.localeCompare(b.courseId) ||
        (a.language ?? '~').localeCompare(b.language ?? '~'),
    );
    return { from, to, rows: result };
  }
}
