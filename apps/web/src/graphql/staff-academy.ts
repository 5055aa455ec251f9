import { graphql } from './graphql';

/** Course authoring in the console: courses, modules, lessons, quizzes, workflow, statistics. */
export const StaffCourses = graphql(`
  query StaffCourses($state: CourseState) {
    staffCourses(first: 50, state: $state) {
      totalCount
      nodes {
        id
        state
        baseLanguage
        topic
        availableLanguages
        title {
          text
          language
        }
      }
    }
  }
`);

export const CourseTranslationGaps = graphql(`
  query CourseTranslationGaps($courseId: ID!) {
    uk: translationGaps(courseId: $courseId, lang: uk) {
      state
    }
    be: translationGaps(courseId: $courseId, lang: be) {
      state
    }
    pl: translationGaps(courseId: $courseId, lang: pl) {
      state
    }
    ru: translationGaps(courseId: $courseId, lang: ru) {
      state
    }
  }
`);

export const StaffCourseTexts = graphql(`
  fragment StaffCourseTexts on Course {
    title {
      text
      isFallback
      basedOnText
      state
    }
    summary {
      text
      isFallback
      basedOnText
      state
    }
    modules {
      id
      title {
        text
        isFallback
        basedOnText
        state
      }
    }
  }
`);

export const StaffCourse = graphql(
  `
    query StaffCourse($id: ID!) {
      course(id: $id) {
        id
        state
        baseLanguage
        topic
        level
        durationMinutes
        title {
          text
        }
        history {
          state
          by
          at
        }
        modules {
          id
          order
          title {
            text
            state
          }
          quiz {
            drawCount
            passPercent
            maxAttempts
          }
          lessons {
            id
            order
            title {
              text
            }
          }
        }
      }
      uk: course(id: $id, lang: uk) {
        ...StaffCourseTexts
      }
      be: course(id: $id, lang: be) {
        ...StaffCourseTexts
      }
      pl: course(id: $id, lang: pl) {
        ...StaffCourseTexts
      }
      ru: course(id: $id, lang: ru) {
        ...StaffCourseTexts
      }
    }
  `,
  [StaffCourseTexts],
);

export const CreateCourse = graphql(`
  mutation CreateCourse($input: CreateCourseInput!) {
    createCourse(input: $input) {
      id
    }
  }
`);

export const UpdateCourse = graphql(`
  mutation UpdateCourse($input: UpdateCourseInput!) {
    updateCourse(input: $input) {
      id
    }
  }
`);

export const ChangeCourseState = graphql(`
  mutation ChangeCourseState($input: ChangeCourseStateInput!) {
    changeCourseState(input: $input) {
      id
      state
    }
  }
`);

export const AddCourseModule = graphql(`
  mutation AddCourseModule($input: AddModuleInput!) {
    addCourseModule(input: $input) {
      id
    }
  }
`);

export const UpdateCourseModule = graphql(`
  mutation UpdateCourseModule($input: UpdateModuleInput!) {
    updateCourseModule(input: $input) {
      id
    }
  }
`);

export const AddLesson = graphql(`
  mutation AddLesson($input: AddLessonInput!) {
    addLesson(input: $input) {
      id
    }
  }
`);

export const UpdateLesson = graphql(`
  mutation UpdateLesson($input: UpdateLessonInput!) {
    updateLesson(input: $input) {
      id
    }
  }
`);

export const StaffLessonTexts = graphql(`
  fragment StaffLessonTexts on Lesson {
    title {
      text
      isFallback
      basedOnText
      state
    }
    blocks {
      id
      kind
      url
      text {
        text
        isFallback
        basedOnText
        state
      }
      title {
        text
        isFallback
        basedOnText
        state
      }
      term {
        text
        isFallback
        basedOnText
        state
      }
      definition {
        text
        isFallback
        basedOnText
        state
      }
    }
  }
`);

export const StaffLesson = graphql(
  `
    query StaffLesson($courseId: ID!, $id: ID!) {
      course(id: $courseId) {
        id
        state
        baseLanguage
        title {
          text
        }
      }
      uk: lesson(id: $id, lang: uk) {
        ...StaffLessonTexts
      }
      be: lesson(id: $id, lang: be) {
        ...StaffLessonTexts
      }
      pl: lesson(id: $id, lang: pl) {
        ...StaffLessonTexts
      }
      ru: lesson(id: $id, lang: ru) {
        ...StaffLessonTexts
      }
    }
  `,
  [StaffLessonTexts],
);

export const StaffQuizTexts = graphql(`
  fragment StaffQuizTexts on QuizQuestionForAuthor {
    id
    kind
    prompt {
      text
      isFallback
      basedOnText
      state
    }
    options {
      key
      correct
      text {
        text
        isFallback
        basedOnText
        state
      }
      feedback {
        text
        isFallback
        basedOnText
        state
      }
    }
  }
`);

export const StaffQuiz = graphql(
  `
    query StaffQuiz($courseId: ID!, $moduleId: ID!) {
      course(id: $courseId) {
        id
        state
        baseLanguage
        title {
          text
        }
        modules {
          id
          title {
            text
          }
          quiz {
            drawCount
            passPercent
            maxAttempts
          }
        }
      }
      uk: quizQuestionBank(id: $moduleId, lang: uk) {
        ...StaffQuizTexts
      }
      be: quizQuestionBank(id: $moduleId, lang: be) {
        ...StaffQuizTexts
      }
      pl: quizQuestionBank(id: $moduleId, lang: pl) {
        ...StaffQuizTexts
      }
      ru: quizQuestionBank(id: $moduleId, lang: ru) {
        ...StaffQuizTexts
      }
    }
  `,
  [StaffQuizTexts],
);

export const SetModuleQuiz = graphql(`
  mutation SetModuleQuiz($input: SetModuleQuizInput!) {
    setModuleQuiz(input: $input) {
      drawCount
    }
  }
`);

export const AddQuizQuestion = graphql(`
  mutation AddQuizQuestion($input: AddQuizQuestionInput!) {
    addQuizQuestion(input: $input) {
      id
    }
  }
`);

export const UpdateQuizQuestion = graphql(`
  mutation UpdateQuizQuestion($input: UpdateQuizQuestionInput!) {
    updateQuizQuestion(input: $input) {
      id
    }
  }
`);

export const RemoveQuizQuestion = graphql(`
  mutation RemoveQuizQuestion($input: RemoveQuizQuestionInput!) {
    removeQuizQuestion(input: $input)
  }
`);

export const AcademyStatsQuery = graphql(`
  query AcademyStats($from: DateTime!, $to: DateTime!) {
    academyStats(from: $from, to: $to) {
      rows {
        courseId
        courseTitle
        language
        enrolments
        completions
        quizAttempts
        quizPassed
        quizPassRatePercent
      }
    }
  }
`);

export const LessonBlockIds = graphql(`
  query LessonBlockIds($id: ID!) {
    lesson(id: $id) {
      blocks {
        id
        kind
      }
    }
  }
`);

export const StaffLessonLegal = graphql(`
  query StaffLessonLegal($id: ID!) {
    lesson(id: $id) {
      id
      legal
      lastVerifiedAt
      sources {
        title
        url
      }
    }
  }
`);

export const LessonsDueForVerification = graphql(`
  query LessonsDueForVerification($months: Int!) {
    lessonsDueForVerification(olderThanMonths: $months) {
      id
      courseId
      lastVerifiedAt
      title {
        text
        language
      }
    }
  }
`);
