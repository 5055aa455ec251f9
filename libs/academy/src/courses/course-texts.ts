import {
  Language,
  LanguagePolicy,
  LANGUAGES,
  languageTokens,
  LocalizedField,
  resolveLocalized,
  TranslationState,
  translationState,
} from '@sasiad/core';
import type { Course } from './course.schema';
import type { LessonBlock } from './lesson.schema';
import { withBlockIds } from './lesson-blocks';
import { TranslatableEntity, TranslationGap } from './models/course.model';

export const BLOCK_TEXT_FIELDS = ['text', 'title', 'term', 'definition'] as const;

/** One translatable field of a course or of its content. */
export interface CourseText {
  entity: TranslatableEntity;
  entityId: string;
  field: string;
  value: LocalizedField;
  /** For a block's field: the block's stable id (the field name has its current position). */
  blockId?: string;
}

type WithId = { _id: { toHexString(): string } };

/** Every translatable field of a course, its modules, lessons (with blocks), quiz questions and cohorts. */
export function courseTexts(
  course: WithId & Pick<Course, 'title' | 'summary'>,
  modules: (WithId & { title: LocalizedField })[],
  lessons: (WithId & { title: LocalizedField; blocks?: LessonBlock[] })[],
  questions: (WithId & {
    prompt: LocalizedField;
    options?: { text?: LocalizedField | null; feedback?: LocalizedField | null }[];
  })[],
  cohorts: (WithId & { name: LocalizedField })[] = [],
): CourseText[] {
  const texts: CourseText[] = [];
  const add = (
    entity: TranslatableEntity,
    id: WithId['_id'],
    field: string,
    value: LocalizedField | null | undefined,
    blockId?: string,
  ) => {
    if (value)
      texts.push({
        entity,
        entityId: id.toHexString(),
        field,
        value,
        ...(blockId ? { blockId } : {}),
      });
  };
  add(TranslatableEntity.COURSE, course._id, 'title', course.title);
  add(TranslatableEntity.COURSE, course._id, 'summary', course.summary);
  for (const m of modules) add(TranslatableEntity.MODULE, m._id, 'title', m.title);
  for (const l of lessons) {
    add(TranslatableEntity.LESSON, l._id, 'title', l.title);
    withBlockIds(l._id.toHexString(), l.blocks ?? []).forEach((block, index) => {
      for (const f of BLOCK_TEXT_FIELDS)
        add(TranslatableEntity.LESSON, l._id, `blocks.${index}.${f}`, block[f], block.id);
    });
  }
  for (const q of questions) {
    add(TranslatableEntity.QUIZ_QUESTION, q._id, 'prompt', q.prompt);
    (q.options ?? []).forEach((o, index) => {
      add(TranslatableEntity.QUIZ_QUESTION, q._id, `options.${index}.text`, o.text);
      add(TranslatableEntity.QUIZ_QUESTION, q._id, `options.${index}.feedback`, o.feedback);
    });
  }
  for (const c of cohorts) add(TranslatableEntity.COHORT, c._id, 'name', c.name);
  return texts;
}

/** The texts that are MISSING or OUTDATED in `lang` (none in the base language itself). */
export function translationGapsIn(
  texts: CourseText[],
  lang: Language,
  base: Language,
): TranslationGap[] {
  if (lang === base) return [];
  return texts.flatMap(({ entity, entityId, field, value, blockId }) => {
    const state = translationState(value, lang);
    if (state === TranslationState.UP_TO_DATE) return [];
    return [{ entity, entityId, field, state, blockId: blockId ?? null }];
  });
}

/** What a course's search reads of its content: module and lesson titles, lesson texts. */
export interface OutlineTexts {
  titles: LocalizedField[];
  /** Lesson blocks' texts (Markdown, link titles, glossary terms and definitions). */
  bodies: LocalizedField[];
}

export const NO_OUTLINE: OutlineTexts = { titles: [], bodies: [] };

/** The texts of a lesson's blocks that search reads. */
export const blockTexts = (blocks: LessonBlock[] | undefined): LocalizedField[] =>
  (blocks ?? []).flatMap((b) => BLOCK_TEXT_FIELDS.flatMap((f) => (b[f] ? [b[f]] : [])));

/**
 * Fields computed from the texts on every write: the languages in which the title and summary
 * exist (the catalogue filter) and the search tokens of what a reader of each language sees of
 * the course, in two weights: `searchTokens` for its title, summary, tags, and the titles of its
 * modules and lessons; `bodyTokens` for the words of its lessons' texts that are not already
 * title tokens. The catalogue lists matches in titles before matches in lesson texts only.
 */
export function derivedCourseFields(
  course: Pick<Course, 'title' | 'summary' | 'tags' | 'baseLanguage' | 'fallbackLanguages'>,
  outline: OutlineTexts = NO_OUTLINE,
): { availableLanguages: Language[]; searchTokens: string[]; bodyTokens: string[] } {
  const policy: LanguagePolicy = {
    base: course.baseLanguage,
    fallbacks: course.fallbackLanguages ?? [],
  };
  const availableLanguages = LANGUAGES.filter((l) => course.title[l] && course.summary[l]);
  const searchTokens = LANGUAGES.flatMap((reader) =>
    languageTokens(reader, [
      resolveLocalized(course.title, reader, policy),
      resolveLocalized(course.summary, reader, policy),
      ...outline.titles.map((title) => resolveLocalized(title, reader, policy)),
      ...course.tags.map((text) => ({ text, language: reader })),
    ]),
  );
  const titled = new Set(searchTokens);
  const bodyTokens = LANGUAGES.flatMap((reader) =>
    languageTokens(
      reader,
      outline.bodies.map((body) => resolveLocalized(body, reader, policy)),
    ),
  ).filter((token) => !titled.has(token));
  return { availableLanguages, searchTokens, bodyTokens };
}
