import { Types } from 'mongoose';
import { LocalizedField, mergeLocalized, TranslationState } from '@sasiad/core';
import { courseTexts, derivedCourseFields, translationGapsIn } from './course-texts';
import { LessonBlockKind } from './lesson.schema';
import { legacyBlockId } from './lesson-blocks';
import { TranslatableEntity } from './models/course.model';

const t0 = new Date('2026-01-01T00:00:00Z');
const f = (entries: Record<string, string>): LocalizedField =>
  mergeLocalized(
    undefined,
    Object.entries(entries).map(([lang, text]) => ({ lang: lang as 'pl', text })),
    'pl',
    t0,
  );
const id = () => new Types.ObjectId();

describe('course texts', () => {
  const course = {
    title: f({ pl: 'Praca w Polsce', uk: 'Праця в Польщі' }),
    summary: f({ pl: 'Umowy', uk: 'Договори' }),
    tags: ['PESEL'],
    baseLanguage: 'pl' as const,
    fallbackLanguages: [],
  };

  it('puts module and lesson titles into every reader language’s search tokens', () => {
    const { searchTokens, availableLanguages } = derivedCourseFields(course, {
      titles: [
        f({ pl: 'Zezwolenie na pracę', uk: 'Дозвіл на працю' }),
        f({ pl: 'Umowa zlecenie' }),
      ],
      bodies: [],
    });
    expect(availableLanguages).toEqual(['pl', 'uk']);
    expect(searchTokens).toEqual(
      expect.arrayContaining(['pl:zezvolenie', 'uk:dozvil', 'uk:zlecenie', 'be:zlecenie']), // folded: w → v,
    );
    // a Ukrainian reader sees the Ukrainian module title, not the Polish one
    expect(searchTokens).not.toContain('uk:zezvolenie');
    expect(derivedCourseFields(course).searchTokens).not.toContain('pl:zezvolenie');
  });

  it('indexes lesson texts apart from titles, without repeating title words', () => {
    const { searchTokens, bodyTokens } = derivedCourseFields(course, {
      titles: [f({ pl: 'Umowa o pracę' })],
      bodies: [
        f({
          pl: 'Umowa **zlecenie** to umowa cywilna.',
          uk: 'Договір доручення (umowa zlecenie).',
        }),
      ],
    });
    expect(bodyTokens).toEqual(
      expect.arrayContaining(['pl:zlecenie', 'pl:civilna', 'uk:zlecenie', 'uk:dogovir']), // folded: y → i, w → v
    );
    expect(searchTokens).not.toContain('pl:zlecenie');
    // "umowa" is a title word: only in the title tokens
    expect(searchTokens).toContain('pl:umova');
    expect(bodyTokens).not.toContain('pl:umova');
  });

  it('lists every text of a course and its gaps in a language', () => {
    const lessonId = id();
    const questionId = id();
    const texts = courseTexts(
      { _id: id(), ...course },
      [{ _id: id(), title: f({ pl: 'Moduł', uk: 'Модуль' }) }],
      [
        {
          _id: lessonId,
          title: f({ pl: 'Lekcja', uk: 'Урок' }),
          blocks: [
            { kind: LessonBlockKind.CALLOUT },
            { kind: LessonBlockKind.GLOSSARY, term: f({ pl: 'PIT' }), definition: f({ pl: 'x' }) },
          ],
        },
      ],
      [
        {
          _id: questionId,
          prompt: f({ pl: 'Pytanie', uk: 'Питання' }),
          options: [{ text: f({ pl: 'Tak' }) }, {}],
        },
      ],
    );
    expect(texts).toHaveLength(8);
    expect(translationGapsIn(texts, 'pl', 'pl')).toEqual([]);
    expect(translationGapsIn(texts, 'uk', 'pl')).toEqual([
      {
        entity: TranslatableEntity.LESSON,
        entityId: lessonId.toHexString(),
        field: 'blocks.1.term',
        state: TranslationState.MISSING,
        blockId: legacyBlockId(lessonId.toHexString(), 1),
      },
      {
        entity: TranslatableEntity.LESSON,
        entityId: lessonId.toHexString(),
        field: 'blocks.1.definition',
        state: TranslationState.MISSING,
        blockId: legacyBlockId(lessonId.toHexString(), 1),
      },
      {
        entity: TranslatableEntity.QUIZ_QUESTION,
        entityId: questionId.toHexString(),
        field: 'options.0.text',
        state: TranslationState.MISSING,
        blockId: null,
      },
    ]);
  });
});
