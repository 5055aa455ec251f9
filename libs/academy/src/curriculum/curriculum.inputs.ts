import { ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  DomainException,
  ErrorCode,
  FieldProblem,
  LANGUAGES,
  normalizeStrings,
} from '@sasiad/core';
import { AddModuleInput, CreateCourseInput } from '../courses/dto/course.inputs';
import { AddLessonInput, LessonBlockInput } from '../courses/dto/lesson.inputs';
import { AddQuizQuestionInput, SetModuleQuizInput } from '../quizzes/dto/quiz.inputs';
import { LessonBlockKind, LinkKind } from '../courses/lesson.schema';
import { QuizQuestionKind } from '../quizzes/quiz.schema';
import type {
  CurriculumBlock,
  CurriculumCourse,
  CurriculumQuestion,
  CurriculumTexts,
} from './curriculum.types';
import type { CurriculumProblem } from './curriculum.validator';

/** The staff authoring inputs a curriculum file becomes, in the order they are written. */
export interface CoursePlan {
  course: CreateCourseInput;
  modules: {
    module: Omit<AddModuleInput, 'courseId'>;
    lessons: Omit<AddLessonInput, 'moduleId'>[];
    quiz: Omit<SetModuleQuizInput, 'moduleId'>;
    questions: Omit<AddQuizQuestionInput, 'moduleId'>[];
  }[];
}

/** Stands in for ids not known before writing, so inputs can be checked before anything is. */
const PLACEHOLDER_ID = '000000000000000000000000';

const entries = (t: CurriculumTexts) => LANGUAGES.map((lang) => ({ lang, text: t[lang] }));

function block(b: CurriculumBlock): LessonBlockInput {
  switch (b.kind) {
    case 'TEXT':
      return { kind: LessonBlockKind.TEXT, text: entries(b.text) };
    case 'CALLOUT':
      return { kind: LessonBlockKind.CALLOUT, text: entries(b.text) };
    case 'LINK':
      return {
        kind: LessonBlockKind.LINK,
        url: b.url,
        linkKind: b.linkKind === 'VIDEO' ? LinkKind.VIDEO : LinkKind.DOCUMENT,
        title: entries(b.title),
      };
    case 'GLOSSARY':
      return {
        kind: LessonBlockKind.GLOSSARY,
        term: entries(b.term),
        definition: entries(b.definition),
      };
  }
}

function question(q: CurriculumQuestion): Omit<AddQuizQuestionInput, 'moduleId'> {
  if (q.kind === 'TRUE_FALSE')
    return {
      kind: QuizQuestionKind.TRUE_FALSE,
      prompt: entries(q.prompt),
      options: [],
      trueIsCorrect: q.trueIsCorrect,
    };
  return {
    kind: q.kind === 'SINGLE' ? QuizQuestionKind.SINGLE : QuizQuestionKind.MULTIPLE,
    prompt: entries(q.prompt),
    options: q.options.map((o) => ({ text: entries(o.text), correct: o.correct })),
  };
}

/** A validated curriculum course as the inputs staff would send, all four languages at once. */
export function planCourse(course: CurriculumCourse): CoursePlan {
  return {
    course: {
      title: entries(course.title),
      summary: entries(course.summary),
      topic: course.topic,
      level: course.level,
      durationMinutes: course.durationMinutes,
      tags: course.tags,
      baseLanguage: 'pl',
    },
    modules: course.modules.map((m, i) => ({
      module: { order: i + 1, title: entries(m.title) },
      lessons: m.lessons.map((l, j) => ({
        order: j + 1,
        title: entries(l.title),
        blocks: l.blocks.map(block),
        legal: l.legal,
        sources: l.sources.map((s) => ({ title: s.title, url: s.url })),
        lastVerifiedAt: new Date(`${l.lastVerifiedAt}T00:00:00Z`),
      })),
      quiz: {
        drawCount: m.quiz.drawCount,
        passPercent: m.quiz.passPercent,
        maxAttempts: m.quiz.maxAttempts,
      },
      questions: m.quiz.questions.map(question),
    })),
  };
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((constraint) => ({ field, constraint }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** A deep copy of arrays and plain objects that keeps Dates as they are (normalizing mutates). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

/**
 * What the GraphQL layer does to a staff member's input before a service sees it: strings
 * trimmed and NFC-normalised, the input class built, class-validator with the same options as
 * the global validation pipe. Throws BAD_USER_INPUT with the failing fields.
 */
export function asInput<T extends object>(cls: new () => T, plain: object): T {
  const instance = plainToInstance(cls, normalizeStrings(copy(plain)));
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, flatten(errors));
  return instance;
}

/**
 * Checks every input of a plan against the authoring inputs' rules (lengths, tags, URLs),
 * without writing. Problems name the JSON path of the curriculum object and the input field.
 */
export function checkPlan(plan: CoursePlan, file: string): CurriculumProblem[] {
  const problems: CurriculumProblem[] = [];
  const check = (path: string, cls: new () => object, plain: object) => {
    try {
      asInput(cls, plain);
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      for (const f of error.fields)
        problems.push({ file, path, message: `${cls.name}.${f.field}: ${f.constraint}` });
    }
  };
  check('$', CreateCourseInput, plan.course);
  plan.modules.forEach((m, i) => {
    const path = `$.modules[${i}]`;
    check(path, AddModuleInput, { ...m.module, courseId: PLACEHOLDER_ID });
    m.lessons.forEach((l, j) =>
      check(`${path}.lessons[${j}]`, AddLessonInput, { ...l, moduleId: PLACEHOLDER_ID }),
    );
    check(`${path}.quiz`, SetModuleQuizInput, { ...m.quiz, moduleId: PLACEHOLDER_ID });
    m.questions.forEach((q, j) =>
      check(`${path}.quiz.questions[${j}]`, AddQuizQuestionInput, {
        ...q,
        moduleId: PLACEHOLDER_ID,
      }),
    );
  });
  return problems;
}
