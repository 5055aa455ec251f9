import { progressFigures } from './progress';

const outline = [
  { moduleId: 'm1', lessonIds: ['l1', 'l2'], hasQuiz: true },
  { moduleId: 'm2', lessonIds: ['l3'], hasQuiz: false },
];

describe('course progress', () => {
  it('is not 100 % while a required quiz is not passed, and says what is missing', () => {
    const p = progressFigures(outline, ['l1', 'l2', 'l3'], []);
    expect(p).toMatchObject({
      completedLessons: 3,
      totalLessons: 3,
      passedQuizzes: 0,
      totalQuizzes: 1,
      percent: 75,
      complete: false,
      missing: { lessonIds: [], quizModuleIds: ['m1'] },
      resumeLessonId: null,
    });
    expect(p.modules[0]).toMatchObject({ quizPassed: false, percent: 66 });
    expect(p.modules[1]).toMatchObject({ quizPassed: null, percent: 100 });
  });

  it('is 100 % and complete exactly when the certificate rule is met', () => {
    const p = progressFigures(outline, ['l3', 'l2', 'l1'], ['m1']);
    expect(p).toMatchObject({
      percent: 100,
      complete: true,
      missing: { lessonIds: [], quizModuleIds: [] },
    });
  });

  it('ignores removed lessons and quizzes of removed modules; an empty course is never complete', () => {
    const p = progressFigures(outline, ['l1', 'gone'], ['m1', 'gone']);
    expect(p).toMatchObject({
      completedLessonIds: ['l1'],
      passedQuizModuleIds: ['m1'],
      percent: 50,
      missing: { lessonIds: ['l2', 'l3'], quizModuleIds: [] },
      resumeLessonId: 'l2',
    });
    expect(progressFigures([], [], []).complete).toBe(false);
  });
});
