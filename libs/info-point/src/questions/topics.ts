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

/**
 * The version of the desk wording (i18n `infoPoint:consent.desk`): a person at the desk agrees
 * orally that a staff member writes their question down and sends it for them.
 */
export const DESK_CONSENT_VERSION = '2026-12-desk-v1';
