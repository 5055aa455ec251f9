import { DomainException, ErrorCode } from '@sasiad/core';
import { CourseState, CourseStateChange } from '../courses/course.schema';

/**
 * What may be deleted, and when. Learners only ever see PUBLISHED courses (and claim certificates
 * from ARCHIVED ones), so:
 * - a whole course can be deleted only while it is a DRAFT that was never published and has no
 *   learners; a course that was ever published is archived instead, so that the progress,
 *   attempts and certificates that point to it keep their meaning;
 * - modules, lessons and quiz questions can be removed only while the course is DRAFT or
 *   IN_REVIEW (to change a published course: archive it, move it to draft, edit, publish again).
 *   Learners' progress then counts only the lessons that still exist, and certificates already
 *   issued stay valid (they keep a snapshot of the course title).
 */
export type CourseDeletionRefusal = 'notDraft' | 'wasPublished' | 'hasLearners';

export const wasEverPublished = (history: Pick<CourseStateChange, 'state'>[]) =>
  history.some((h) => h.state === CourseState.PUBLISHED);

export function courseDeletionRefusal(course: {
  state: CourseState;
  history: Pick<CourseStateChange, 'state'>[];
  enrolledCount: number;
}): CourseDeletionRefusal | null {
  if (course.state !== CourseState.DRAFT) return 'notDraft';
  if (wasEverPublished(course.history)) return 'wasPublished';
  if (course.enrolledCount > 0) return 'hasLearners';
  return null;
}

export const CONTENT_REMOVABLE_IN: readonly CourseState[] = [
  CourseState.DRAFT,
  CourseState.IN_REVIEW,
];

export const contentRemovable = (state: CourseState) => CONTENT_REMOVABLE_IN.includes(state);

/** Removal of content is allowed while the course is DRAFT or IN_REVIEW, else COURSE_CONTENT_LOCKED. */
export function assertContentRemovable(course: { state: CourseState }): void {
  if (!contentRemovable(course.state))
    throw new DomainException(ErrorCode.COURSE_CONTENT_LOCKED, { state: course.state });
}
