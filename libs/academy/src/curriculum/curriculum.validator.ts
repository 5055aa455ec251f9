import { isURL } from 'class-validator';
import { containsRawHtml, LANGUAGES } from '@sasiad/core';
import { COURSE_LEVELS, COURSE_TOPICS } from '../courses/catalogue.constants';
import type { CurriculumCourse } from './curriculum.types';

/** One thing wrong with a curriculum file: which file, where in it (a JSON path), and what. */
export interface CurriculumProblem {
  file: string;
  path: string;
  message: string;
}

export const formatProblem = (p: CurriculumProblem) =>
  p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;
const HTTPS = { protocols: ['https'], require_protocol: true, require_tld: true };
/** Facts are stated as of 2026: an older check date means the text was never checked for it. */
export const EARLIEST_VERIFICATION = '2026-01-01';
/** The limits of the authoring inputs (LocalizedStringInput, LocalizedMarkdownInput). */
const SHORT = 300;
const MARKDOWN = 20000;
/** A translation identical to another one this long was almost surely not translated. */
const COPY_CHECK_LENGTH = 30;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks one parsed curriculum file against the format of curriculum.types.ts and the rules the
 * academy applies to staff authoring, so that the seed fails before writing anything. Every
 * problem is reported (not only the first), each with its JSON path.
 */
export function validateCurriculumCourse(
  value: unknown,
  file: string,
  today = new Date(),
): CurriculumProblem[] {
  const problems: CurriculumProblem[] = [];
  const report = (path: string, message: string) => problems.push({ file, path, message });

  const keys = (obj: Json, path: string, allowed: string[]) => {
    for (const k of Object.keys(obj))
      if (!allowed.includes(k))
        report(`${path}.${k}`, `unknown property (allowed: ${allowed.join(', ')})`);
  };
  const object = (v: unknown, path: string, allowed: string[]): Json | undefined => {
    if (!isObject(v)) {
      report(path, 'must be an object');
      return undefined;
    }
    keys(v, path, allowed);
    return v;
  };
  const array = (v: unknown, path: string, min: number, max: number): unknown[] => {
    if (!Array.isArray(v)) {
      report(path, 'must be an array');
      return [];
    }
    if (v.length < min) report(path, `needs at least ${min} item(s), has ${v.length}`);
    if (v.length > max) report(path, `may have at most ${max} items, has ${v.length}`);
    return v;
  };
  const integer = (v: unknown, path: string, min: number, max: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      report(path, `must be a whole number from ${min} to ${max}`);
  };
  const boolean = (v: unknown, path: string) => {
    if (typeof v !== 'boolean') report(path, 'must be true or false');
  };
  const oneOf = (v: unknown, path: string, allowed: readonly string[]) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      report(path, `must be one of ${allowed.join(', ')}`);
  };
  const https = (v: unknown, path: string) => {
    if (typeof v !== 'string' || v.length > 2000 || !isURL(v, HTTPS))
      report(path, 'must be an https URL');
  };
  const string = (v: unknown, path: string, max: number): v is string => {
    if (typeof v !== 'string' || v.trim().length === 0) {
      report(path, 'must be a non-empty text');
      return false;
    }
    if (v.trim().length > max) report(path, `is longer than ${max} characters`);
    if (containsRawHtml(v)) report(path, 'contains raw HTML (write Markdown; no tags)');
    return true;
  };
  /** A text in all four languages; Ukrainian, Belarusian and Russian in Cyrillic. */
  const texts = (v: unknown, path: string, max: number) => {
    const obj = object(v, path, [...LANGUAGES]);
    if (!obj) return;
    for (const lang of LANGUAGES) {
      const text = obj[lang];
      if (!string(text, `${path}.${lang}`, max)) continue;
      // A text without letters ("2026", "5 000") has nothing to write in Cyrillic.
      if (lang !== 'pl' && LETTER.test(text) && !CYRILLIC.test(text))
        report(`${path}.${lang}`, `has no Cyrillic letter: is it really ${lang}?`);
    }
    const same = (a: string, b: string) => {
      const x = obj[a];
      if (
        typeof x === 'string' &&
        x.length >= COPY_CHECK_LENGTH &&
        x.trim() === String(obj[b]).trim()
      )
        report(`${path}.${a}`, `is identical to ${b}: not translated?`);
    };
    same('uk', 'ru');
    same('be', 'ru');
    same('be', 'uk');
  };
  const day = (v: unknown, path: string) => {
    const match = typeof v === 'string' ? ISO_DAY.exec(v) : null;
    const date = match ? new Date(`${v as string}T00:00:00Z`) : undefined;
    if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      report(path, 'must be a date YYYY-MM-DD');
      return;
    }
    if ((v as string) < EARLIEST_VERIFICATION)
      report(path, `is before ${EARLIEST_VERIFICATION}: check the facts against the sources again`);
    if (date.getTime() > today.getTime()) report(path, 'is in the future');
  };

  const block = (v: unknown, path: string) => {
    if (!isObject(v)) return void report(path, 'must be an object');
    switch (v.kind) {
      case 'TEXT':
      case 'CALLOUT':
        keys(v, path, ['kind', 'text']);
        return texts(v.text, `${path}.text`, MARKDOWN);
      case 'LINK':
        keys(v, path, ['kind', 'url', 'linkKind', 'title']);
        https(v.url, `${path}.url`);
        oneOf(v.linkKind, `${path}.linkKind`, ['VIDEO', 'DOCUMENT']);
        return texts(v.title, `${path}.title`, SHORT);
      case 'GLOSSARY':
        keys(v, path, ['kind', 'term', 'definition']);
        texts(v.term, `${path}.term`, SHORT);
        return texts(v.definition, `${path}.definition`, MARKDOWN);
      default:
        report(`${path}.kind`, 'must be one of TEXT, CALLOUT, LINK, GLOSSARY');
    }
  };

  const lesson = (v: unknown, path: string) => {
    const l = object(v, path, ['title', 'legal', 'sources', 'lastVerifiedAt', 'blocks']);
    if (!l) return;
    texts(l.title, `${path}.title`, SHORT);
    boolean(l.legal, `${path}.legal`);
    const sources = array(l.sources, `${path}.sources`, 0, 20);
    if (l.legal === true && Array.isArray(l.sources) && sources.length === 0)
      report(`${path}.sources`, 'a legal lesson needs at least one official source');
    sources.forEach((s, i) => {
      const source = object(s, `${path}.sources[${i}]`, ['title', 'url']);
      if (!source) return;
      string(source.title, `${path}.sources[${i}].title`, SHORT);
      https(source.url, `${path}.sources[${i}].url`);
    });
    day(l.lastVerifiedAt, `${path}.lastVerifiedAt`);
    array(l.blocks, `${path}.blocks`, 1, 100).forEach((b, i) => block(b, `${path}.blocks[${i}]`));
  };

  /** Where the correct option of each SINGLE question sits, to refuse a blind-passable file. */
  const singleAnswerPositions: number[] = [];

  const question = (v: unknown, path: string) => {
    if (!isObject(v)) return void report(path, 'must be an object');
    if (v.kind === 'TRUE_FALSE') {
      keys(v, path, ['kind', 'prompt', 'trueIsCorrect']);
      texts(v.prompt, `${path}.prompt`, MARKDOWN);
      return boolean(v.trueIsCorrect, `${path}.trueIsCorrect`);
    }
    if (v.kind !== 'SINGLE' && v.kind !== 'MULTIPLE')
      return void report(`${path}.kind`, 'must be one of SINGLE, MULTIPLE, TRUE_FALSE');
    keys(v, path, ['kind', 'prompt', 'options']);
    texts(v.prompt, `${path}.prompt`, MARKDOWN);
    const options = array(v.options, `${path}.options`, 2, 8);
    options.forEach((o, i) => {
      const option = object(o, `${path}.options[${i}]`, ['text', 'correct']);
      if (!option) return;
      texts(option.text, `${path}.options[${i}].text`, SHORT);
      boolean(option.correct, `${path}.options[${i}].correct`);
    });
    const correct = options.filter((o) => isObject(o) && o.correct === true).length;
    if (v.kind === 'SINGLE' && correct !== 1)
      report(
        `${path}.options`,
        `a SINGLE question needs exactly one correct option, has ${correct}`,
      );
    if (v.kind === 'MULTIPLE' && correct < 1)
      report(`${path}.options`, 'a MULTIPLE question needs at least one correct option');
    if (v.kind === 'SINGLE' && correct === 1)
      singleAnswerPositions.push(options.findIndex((o) => isObject(o) && o.correct === true));
  };

  const quiz = (v: unknown, path: string) => {
    const q = object(v, path, ['drawCount', 'passPercent', 'maxAttempts', 'questions']);
    if (!q) return;
    integer(q.drawCount, `${path}.drawCount`, 1, 50);
    integer(q.passPercent, `${path}.passPercent`, 1, 100);
    integer(q.maxAttempts, `${path}.maxAttempts`, 1, 20);
    const questions = array(q.questions, `${path}.questions`, 1, 200);
    questions.forEach((x, i) => question(x, `${path}.questions[${i}]`));
    if (typeof q.drawCount === 'number' && q.drawCount > questions.length)
      report(
        `${path}.drawCount`,
        `draws ${q.drawCount} questions but the bank has only ${questions.length}`,
      );
  };

  const course = object(value, '$', [
    'key',
    'topic',
    'level',
    'durationMinutes',
    'tags',
    'title',
    'summary',
    'modules',
  ]);
  if (!course) return problems;
  if (typeof course.key !== 'string' || !KEY.test(course.key) || course.key.length > 60)
    report('$.key', 'must be kebab-case (a-z, 0-9, single hyphens), at most 60 characters');
  else if (file.replace(/^.*[\\/]/, '') !== `${course.key}.json`)
    report('$.key', `must match the file name (${course.key}.json)`);
  oneOf(course.topic, '$.topic', COURSE_TOPICS);
  oneOf(course.level, '$.level', COURSE_LEVELS);
  integer(course.durationMinutes, '$.durationMinutes', 1, 10000);
  const tags = array(course.tags, '$.tags', 0, 20);
  tags.forEach((t, i) => {
    if (typeof t !== 'string' || t.trim().length === 0) report(`$.tags[${i}]`, 'must be a word');
  });
  if (new Set(tags).size !== tags.length) report('$.tags', 'has duplicates');
  texts(course.title, '$.title', SHORT);
  texts(course.summary, '$.summary', MARKDOWN);
  const modules = array(course.modules, '$.modules', 1, 50);
  let lessons = 0;
  modules.forEach((m, i) => {
    const path = `$.modules[${i}]`;
    const module = object(m, path, ['title', 'lessons', 'quiz']);
    if (!module) return;
    texts(module.title, `${path}.title`, SHORT);
    const list = array(module.lessons, `${path}.lessons`, 1, 100);
    lessons += list.length;
    list.forEach((l, j) => lesson(l, `${path}.lessons[${j}]`));
    if (module.quiz === undefined) report(`${path}.quiz`, 'every module needs a quiz');
    else quiz(module.quiz, `${path}.quiz`);
  });
  if (lessons < 3)
    report('$.modules', `a course needs at least 3 lessons in total, has ${lessons}`);
  const crowded = crowdedAnswerPosition(singleAnswerPositions);
  if (crowded)
    report(
      '$.modules',
      `${crowded.count} of ${singleAnswerPositions.length} single-choice questions have their ` +
        `correct option at position ${crowded.position + 1}: spread the correct options, or ` +
        'always picking that position passes the quizzes',
    );
  return problems;
}

/**
 * A position that holds the correct option of more than half of the single-choice questions (of
 * four or more): a learner who always picks it would pass. Options are also shuffled per
 * attempt, but the stored order is what authors, translators and exports see.
 */
export function crowdedAnswerPosition(
  positions: number[],
): { position: number; count: number } | null {
  if (positions.length < 4) return null;
  const counts = new Map<number, number>();
  for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const [position, count] of counts)
    if (count * 2 > positions.length) return { position, count };
  return null;
}

/** Keys must be unique across files: a key names one seeded course. */
export function duplicateKeys(
  courses: { file: string; course: Pick<CurriculumCourse, 'key'> }[],
): CurriculumProblem[] {
  const seen = new Map<string, string>();
  const problems: CurriculumProblem[] = [];
  for (const { file, course } of courses) {
    const first = seen.get(course.key);
    if (first)
      problems.push({
        file,
        path: '$.key',
        message: `"${course.key}" is also the key of ${first}`,
      });
    else seen.set(course.key, file);
  }
  return problems;
}
