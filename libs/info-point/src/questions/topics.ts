/** What a question is about: the one list that input validation, storage and GraphQL share. */
export const QUESTION_TOPICS = [
  'residence',
  'work',
  'health',
  'education',
  'housing',
  'benefits',
  'other',
] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

/** The version of the processing-consent text (i18n `infoPoint:consent.processing`) askers accept. */
export const PROCESSING_CONSENT_VERSION = '2026-11-v1';
