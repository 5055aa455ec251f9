/**
 * Topics of the Resident Academy. Extend the list here: inputs are validated against it and the
 * catalogue filters by it (a string, not a GraphQL enum, so adding one changes no schema).
 */
export const COURSE_TOPICS = [
  'residence',
  'work',
  'participation',
  'associations',
  'language',
] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number];

export const COURSE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
