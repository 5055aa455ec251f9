import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ConnectionType,
  Language,
  LanguageCodeScalar,
  LanguagePolicy,
  LocalizedText,
  TranslationState,
} from '@sasiad/core';
import { CourseState } from '../course.schema';
import { LessonBlockKind, LinkKind } from '../lesson.schema';
import { QuizSettingsModel } from '../../quizzes/models/quiz.model';

registerEnumType(CourseState, { name: 'CourseState' });
registerEnumType(LessonBlockKind, { name: 'LessonBlockKind' });
registerEnumType(LinkKind, { name: 'LinkKind' });

/** What nested fields need to resolve their texts like their course. */
export interface ReadingContext {
  lang: Language;
  policy: LanguagePolicy;
}

@ObjectType()
export class CourseStateChangeModel {
  @Field(() => CourseState)
  state: CourseState;

  @Field(() => ID)
  by: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType('LegalSource')
export class LegalSourceModel {
  @Field()
  title: string;

  @Field()
  url: string;
}

@ObjectType('LessonBlock')
export class LessonBlockModel {
  @Field(() => ID, {
    description:
      'Stable: the block keeps it (and its translations) when blocks are moved, inserted or removed.',
  })
  id: string;

  @Field(() => LessonBlockKind)
  kind: LessonBlockKind;

  @Field(() => LocalizedText, { nullable: true, description: 'Markdown (TEXT, CALLOUT).' })
  text: LocalizedText | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => LinkKind, { nullable: true })
  linkKind: LinkKind | null;

  @Field(() => LocalizedText, { nullable: true })
  title: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true })
  term: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true })
  definition: LocalizedText | null;
}

@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => ID)
  moduleId: string;

  @Field(() => Int)
  order: number;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => [LessonBlockModel])
  blocks: LessonBlockModel[];

  @Field({ description: 'Legal content: shows its sources and when it was last verified.' })
  legal: boolean;

  @Field(() => [LegalSourceModel])
  sources: LegalSourceModel[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastVerifiedAt: Date | null;
}

@ObjectType('CourseModule', { description: 'A module of a course (an ordered group of lessons).' })
export class CourseModuleModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => Int)
  order: number;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => QuizSettingsModel, { nullable: true, description: 'The module’s quiz, if any.' })
  quiz: QuizSettingsModel | null;

  reading: ReadingContext;
}

@ObjectType('Course')
export class CourseModel {
  @Field(() => ID)
  id: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText)
  summary: LocalizedText;

  @Field({ description: 'One of residence, work, participation, associations, language.' })
  topic: string;

  @Field({ description: 'beginner, intermediate or advanced.' })
  level: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => [String])
  tags: string[];

  @Field(() => LanguageCodeScalar)
  baseLanguage: Language;

  @Field(() => [LanguageCodeScalar])
  fallbackLanguages: Language[];

  @Field(() => [LanguageCodeScalar])
  availableLanguages: Language[];

  @Field(() => LanguageCodeScalar, { description: 'The language the course was read in.' })
  requestedLanguage: Language;

  @Field(() => CourseState)
  state: CourseState;

  @Field(() => [CourseStateChangeModel], {
    description: 'Who moved the course when (authors only; empty for others).',
  })
  history: CourseStateChangeModel[];

  @Field(() => Int, { nullable: true })
  capacity: number | null;

  @Field(() => Int)
  enrolledCount: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enrolmentOpensAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enrolmentClosesAt: Date | null;

  @Field({
    description:
      'Sample content (e.g. the seeded starter curriculum) not yet reviewed by a lawyer: show `sampleContentNotice` with it.',
  })
  sampleContent: boolean;

  reading: ReadingContext;
}

@ObjectType()
export class CourseConnection extends ConnectionType(CourseModel) {}

export enum TranslatableEntity {
  COURSE = 'COURSE',
  MODULE = 'MODULE',
  LESSON = 'LESSON',
  QUIZ_QUESTION = 'QUIZ_QUESTION',
  COHORT = 'COHORT',
}
registerEnumType(TranslatableEntity, { name: 'TranslatableEntity' });

@ObjectType({ description: 'A field whose translation is missing or outdated.' })
export class TranslationGap {
  @Field(() => TranslatableEntity)
  entity: TranslatableEntity;

  @Field(() => ID)
  entityId: string;

  @Field({ description: 'e.g. title, summary, blocks.2.definition' })
  field: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'For a lesson block’s field: the block’s stable id (the field names its position).',
  })
  blockId: string | null;

  @Field(() => TranslationState)
  state: TranslationState;
}

@ObjectType()
export class ModuleProgress {
  @Field(() => ID)
  moduleId: string;

  @Field(() => Int)
  completedLessons: number;

  @Field(() => Int)
  totalLessons: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the module’s quiz is passed; null when the module has no quiz.',
  })
  quizPassed: boolean | null;

  @Field(() => Int, {
    description: '0–100, rounded down, of the module’s lessons and its quiz (one step).',
  })
  percent: number;
}

@ObjectType({ description: 'What is left before the certificate can be claimed.' })
export class MissingProgress {
  @Field(() => [ID], { description: 'Lessons not yet completed, in course order.' })
  lessonIds: string[];

  @Field(() => [ID], { description: 'Modules whose quiz is not yet passed, in course order.' })
  quizModuleIds: string[];
}

@ObjectType()
export class CourseProgress {
  @Field(() => ID)
  courseId: string;

  @Field(() => Int)
  completedLessons: number;

  @Field(() => Int)
  totalLessons: number;

  @Field(() => Int)
  passedQuizzes: number;

  @Field(() => Int, { description: 'Module quizzes required for the certificate.' })
  totalQuizzes: number;

  @Field(() => Int, {
    description:
      '0–100, rounded down, of the required steps: every lesson and every module quiz. 100 exactly when `complete`.',
  })
  percent: number;

  @Field({
    description: 'Every lesson done and every module quiz passed: the certificate can be claimed.',
  })
  complete: boolean;

  @Field(() => MissingProgress)
  missing: MissingProgress;

  @Field(() => [ModuleProgress])
  modules: ModuleProgress[];

  @Field(() => [ID])
  completedLessonIds: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The next lesson to read (first incomplete in course order); null when done.',
  })
  resumeLessonId: string | null;

  @Field(() => [ID], { description: 'Modules whose quiz the learner has passed.' })
  passedQuizModuleIds: string[];
}

@ObjectType()
export class EnrolmentModel {
  @Field(() => ID)
  courseId: string;

  @Field(() => GraphQLISODateTime)
  enrolledAt: Date;

  @Field(() => CourseProgress)
  progress: CourseProgress;
}

@ObjectType()
export class EnrolmentConnection extends ConnectionType(EnrolmentModel) {}
