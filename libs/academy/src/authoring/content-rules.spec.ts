import { contentRemovable, courseDeletionRefusal } from './content-rules';
import { CourseState } from '../courses/course.schema';

const step = (state: CourseState) => ({ state });

describe('content rules', () => {
  it('deletes only a never-published draft without learners', () => {
    const draft = {
      state: CourseState.DRAFT,
      history: [step(CourseState.DRAFT)],
      enrolledCount: 0,
    };
    expect(courseDeletionRefusal(draft)).toBeNull();
    expect(courseDeletionRefusal({ ...draft, state: CourseState.IN_REVIEW })).toBe('notDraft');
    expect(courseDeletionRefusal({ ...draft, state: CourseState.ARCHIVED })).toBe('notDraft');
    const republished = [
      CourseState.DRAFT,
      CourseState.IN_REVIEW,
      CourseState.PUBLISHED,
      CourseState.ARCHIVED,
      CourseState.DRAFT,
    ].map(step);
    expect(courseDeletionRefusal({ ...draft, history: republished })).toBe('wasPublished');
    expect(courseDeletionRefusal({ ...draft, enrolledCount: 1 })).toBe('hasLearners');
  });

  it('allows removing content only while learners cannot see the course', () => {
    expect(contentRemovable(CourseState.DRAFT)).toBe(true);
    expect(contentRemovable(CourseState.IN_REVIEW)).toBe(true);
    expect(contentRemovable(CourseState.PUBLISHED)).toBe(false);
    expect(contentRemovable(CourseState.ARCHIVED)).toBe(false);
  });
});
