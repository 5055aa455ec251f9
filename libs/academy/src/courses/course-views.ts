import { Injectable } from '@nestjs/common';
import {
  I18nService,
  Language,
  LanguagePolicy,
  LocalizedField,
  LocalizedText,
  TranslationState,
} from '@sasiad/core';
import { Course, LeanCourse } from './course.schema';
import { LeanCourseModule } from './course-module.schema';
import { readText } from './based-on-text';
import { withBlockIds } from './lesson-blocks';
import { LeanLesson, LessonBlock, LessonBlockKind } from './lesson.schema';
import {
  CourseModel,
  CourseModuleModel,
  LessonBlockModel,
  LessonModel,
  ReadingContext,
} from './models/course.model';

const policyOf = (course: Pick<Course, 'baseLanguage' | 'fallbackLanguages'>): LanguagePolicy => ({
  base: course.baseLanguage,
  fallbacks: course.fallbackLanguages ?? [],
});

/** How a reader of `lang` reads a course's texts: their language, its fallbacks, then the base. */
export function readingOf(
  course: Pick<Course, 'baseLanguage' | 'fallbackLanguages'>,
  lang: Language,
): ReadingContext {
  return { lang, policy: policyOf(course) };
}

/** With the base text an OUTDATED translation was made from, for authors (based-on-text.ts). */
const text = (field: LocalizedField | undefined, reading: ReadingContext): LocalizedText =>
  readText(field, reading);

/** Stored courses, modules and lessons as GraphQL models, in the reader's language. */
@Injectable()
export class CourseViews {
  constructor(private readonly i18n: I18nService) {}

  /** Learners get no workflow history (it names staff accounts). */
  course(c: LeanCourse, lang: Language, forAuthor = true): CourseModel {
    const reading = readingOf(c, lang);
    return {
      id: c._id.toHexString(),
      title: text(c.title, reading),
      summary: text(c.summary, reading),
      topic: c.topic,
      level: c.level,
      durationMinutes: c.durationMinutes,
      tags: c.tags,
      baseLanguage: c.baseLanguage,
      fallbackLanguages: c.fallbackLanguages,
      availableLanguages: c.availableLanguages,
      requestedLanguage: lang,
      state: c.state,
      history: (forAuthor ? c.history : []).map((h) => ({
        state: h.state,
        by: h.by.toHexString(),
        at: h.at,
      })),
      capacity: c.capacity ?? null,
      enrolledCount: c.enrolledCount,
      enrolmentOpensAt: c.enrolmentOpensAt ?? null,
      enrolmentClosesAt: c.enrolmentClosesAt ?? null,
      sampleContent: c.sampleContent ?? false,
      reading,
    };
  }

  module(m: LeanCourseModule, reading: ReadingContext): CourseModuleModel {
    return {
      id: m._id.toHexString(),
      courseId: m.courseId.toHexString(),
      order: m.order,
      title: text(m.title, reading),
      quiz: m.quiz
        ? {
            drawCount: m.quiz.drawCount,
            passPercent: m.quiz.passPercent,
            maxAttempts: m.quiz.maxAttempts,
          }
        : null,
      reading,
    };
  }

  lesson(l: LeanLesson, reading: ReadingContext): LessonModel {
    return {
      id: l._id.toHexString(),
      courseId: l.courseId.toHexString(),
      moduleId: l.moduleId.toHexString(),
      order: l.order,
      title: text(l.title, reading),
      blocks: withBlockIds(l._id.toHexString(), l.blocks).map((b) => this.block(b, reading)),
      legal: l.legal,
      sources: l.sources.map((s) => ({ title: s.title, url: s.url })),
      lastVerifiedAt: l.lastVerifiedAt ?? null,
    };
  }

  private block(b: LessonBlock, reading: ReadingContext): LessonBlockModel {
    const opt = (f: LocalizedField | undefined) => (f ? text(f, reading) : null);
    let shown = opt(b.text);
    if (!shown && b.kind === LessonBlockKind.CALLOUT)
      shown = {
        text: this.i18n.t(reading.lang)('academy:callout.checkYourCase'),
        language: reading.lang,
        isFallback: false,
        state: TranslationState.UP_TO_DATE,
      };
    return {
      id: b.id!,
      kind: b.kind,
      text: shown,
      url: b.url ?? null,
      linkKind: b.linkKind ?? null,
      title: opt(b.title),
      term: opt(b.term),
      definition: opt(b.definition),
    };
  }
}
