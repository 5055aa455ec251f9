/** A course's outline as progress needs it: lesson ids per module, and whether it has a quiz. */
export interface OutlineModule {
  moduleId: string;
  lessonIds: string[];
  hasQuiz: boolean;
}

export interface ProgressFigures {
  completedLessons: number;
  totalLessons: number;
  passedQuizzes: number;
  totalQuizzes: number;
  /** 0–100, rounded down, of the required steps: every lesson and every module quiz. */
  percent: number;
  modules: {
    moduleId: string;
    completedLessons: number;
    totalLessons: number;
    quizPassed: boolean | null;
    percent: number;
  }[];
  completedLessonIds: string[];
  resumeLessonId: string | null;
  passedQuizModuleIds: string[];
  missing: { lessonIds: string[]; quizModuleIds: string[] };
  /** The certificate rule: at least one lesson, every lesson done and every module quiz passed. */
  complete: boolean;
}

const percent = (done: number, total: number) =>
  total === 0 ? 0 : Math.floor((done * 100) / total);

/**
 * One rule for the progress a learner sees and for the certificate: the required steps are
 * every lesson that exists and the quiz of every module that has one. A passed quiz of a module
 * removed since, or a lesson removed since, counts for nothing.
 */
export function progressFigures(
  outline: OutlineModule[],
  completedLessonIds: string[],
  passedQuizModuleIds: string[],
): ProgressFigures {
  const done = new Set(completedLessonIds);
  const passed = new Set(passedQuizModuleIds);
  const modules = outline.map((m) => {
    const completed = m.lessonIds.filter((id) => done.has(id)).length;
    const quizPassed = m.hasQuiz ? passed.has(m.moduleId) : null;
    const steps = m.lessonIds.length + (m.hasQuiz ? 1 : 0);
    return {
      moduleId: m.moduleId,
      completedLessons: completed,
      totalLessons: m.lessonIds.length,
      quizPassed,
      percent: percent(completed + (quizPassed ? 1 : 0), steps),
    };
  });
  const all = outline.flatMap((m) => m.lessonIds);
  const completed = all.filter((id) => done.has(id));
  const quizzes = outline.filter((m) => m.hasQuiz).map((m) => m.moduleId);
  const passedNow = quizzes.filter((id) => passed.has(id));
  const missing = {
    lessonIds: all.filter((id) => !done.has(id)),
    quizModuleIds: quizzes.filter((id) => !passed.has(id)),
  };
  return {
    completedLessons: completed.length,
    totalLessons: all.length,
    passedQuizzes: passedNow.length,
    totalQuizzes: quizzes.length,
    percent: percent(completed.length + passedNow.length, all.length + quizzes.length),
    modules,
    completedLessonIds: completed,
    resumeLessonId: missing.lessonIds[0] ?? null,
    passedQuizModuleIds: passedNow,
    missing,
    complete:
      all.length > 0 && missing.lessonIds.length === 0 && missing.quizModuleIds.length === 0,
  };
}
