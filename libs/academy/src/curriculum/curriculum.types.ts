/**
 * The starter curriculum as data: one file per course under libs/academy/curriculum/<key>.json,
 * loaded by the seed command. Every human-readable text is given in all four languages; Polish
 * is the base (authoritative for legal content). The seed command writes it through the
 * academy services, so the same validation applies as to staff authoring.
 */
export interface CurriculumTexts {
  pl: string;
  uk: string;
  be: string;
  ru: string;
}

export interface CurriculumSource {
  /** The act (with its Dziennik Ustaw reference) or the official page's title. */
  title: string;
  /** https only: an official page (gov.pl, udsc.gov.pl, praca.gov.pl, isap.sejm.gov.pl, …). */
  url: string;
}

export type CurriculumBlock =
  | { kind: 'TEXT'; text: CurriculumTexts }
  | { kind: 'CALLOUT'; text: CurriculumTexts }
  | { kind: 'LINK'; url: string; linkKind: 'VIDEO' | 'DOCUMENT'; title: CurriculumTexts }
  | { kind: 'GLOSSARY'; term: CurriculumTexts; definition: CurriculumTexts };

export interface CurriculumLesson {
  title: CurriculumTexts;
  /** True for lessons that state the law: they carry sources and a last-verified date. */
  legal: boolean;
  sources: CurriculumSource[];
  /** ISO date (YYYY-MM-DD) on which the facts were last checked against the sources. */
  lastVerifiedAt: string;
  blocks: CurriculumBlock[];
}

export type CurriculumQuestion =
  | {
      kind: 'SINGLE' | 'MULTIPLE';
      prompt: CurriculumTexts;
      options: { text: CurriculumTexts; correct: boolean }[];
    }
  | { kind: 'TRUE_FALSE'; prompt: CurriculumTexts; trueIsCorrect: boolean };

export interface CurriculumModule {
  title: CurriculumTexts;
  lessons: CurriculumLesson[];
  quiz: {
    drawCount: number;
    passPercent: number;
    maxAttempts: number;
    questions: CurriculumQuestion[];
  };
}

export interface CurriculumCourse {
  /** Stable identifier of the seeded course (kebab-case): re-running the seed never duplicates. */
  key: string;
  topic: 'residence' | 'work' | 'participation' | 'associations' | 'language';
  level: 'beginner' | 'intermediate' | 'advanced';
  durationMinutes: number;
  tags: string[];
  title: CurriculumTexts;
  /** Markdown; must say it is sample content to be reviewed by a lawyer before real use. */
  summary: CurriculumTexts;
  modules: CurriculumModule[];
}
