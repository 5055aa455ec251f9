import { graphql } from './graphql';

/** Resident Academy: catalogue, course, lessons, quizzes, certificates. */
export const LocalizedTextFields = graphql(`
  fragment LocalizedTextFields on LocalizedText {
    text
    language
    isFallback
    state
  }
`);

export const Courses = graphql(
  `
    query Courses(
      $search: String
      $topic: String
      $level: String
      $availableIn: Language
      $after: String
    ) {
      courses(
        search: $search
        topic: $topic
        level: $level
        availableIn: $availableIn
        first: 20
        after: $after
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          topic
          level
          durationMinutes
          availableLanguages
          sampleContent
          title {
            ...LocalizedTextFields
          }
          summary {
            ...LocalizedTextFields
          }
        }
      }
    }
  `,
  [LocalizedTextFields],
);

export const CoursePage = graphql(
  `
    query CoursePage($id: ID!) {
      course(id: $id) {
        id
        topic
        level
        durationMinutes
        availableLanguages
        sampleContent
        sampleContentNotice
        enrolmentOpensAt
        enrolmentClosesAt
        capacity
        enrolledCount
        title {
          ...LocalizedTextFields
        }
        summary {
          ...LocalizedTextFields
        }
        modules {
          id
          order
          title {
            ...LocalizedTextFields
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
              ...LocalizedTextFields
            }
          }
        }
      }
    }
  `,
  [LocalizedTextFields],
);

export const MyProgress = graphql(`
  query MyProgress($courseId: ID!) {
    myCourseProgress(courseId: $courseId) {
      courseId
      completedLessonIds
      completedLessons
      totalLessons
      percent
      resumeLessonId
      passedQuizModuleIds
    }
  }
`);

export const Enrol = graphql(`
  mutation Enrol($courseId: ID!) {
    enrolInCourse(input: { courseId: $courseId }) {
      courseId
      enrolledAt
      progress {
        courseId
        percent
        resumeLessonId
      }
    }
  }
`);

export const LessonPage = graphql(
  `
    query LessonPage($id: ID!) {
      lesson(id: $id) {
        id
        courseId
        moduleId
        order
        legal
        lastVerifiedAt
        title {
          ...LocalizedTextFields
        }
        sources {
          title
          url
        }
        blocks {
          id
          kind
          linkKind
          url
          text {
            ...LocalizedTextFields
          }
          title {
            ...LocalizedTextFields
          }
          term {
            ...LocalizedTextFields
          }
          definition {
            ...LocalizedTextFields
          }
        }
      }
    }
  `,
  [LocalizedTextFields],
);

export const CompleteLesson = graphql(`
  mutation CompleteLesson($lessonId: ID!) {
    completeLesson(input: { lessonId: $lessonId }) {
      courseId
      completedLessonIds
      completedLessons
      percent
      resumeLessonId
    }
  }
`);

export const StartQuiz = graphql(
  `
    mutation StartQuiz($moduleId: ID!) {
      startQuizAttempt(input: { moduleId: $moduleId }) {
        id
        attemptNo
        maxAttempts
        passPercent
        moduleId
        questions {
          id
          kind
          prompt {
            ...LocalizedTextFields
          }
          options {
            key
            text {
              ...LocalizedTextFields
            }
          }
        }
      }
    }
  `,
  [LocalizedTextFields],
);

export const SubmitQuiz = graphql(`
  mutation SubmitQuiz($input: SubmitQuizInput!) {
    submitQuizAttempt(input: $input) {
      attemptId
      passed
      scorePercent
      correctCount
      questionCount
      attemptsLeft
      review {
        questionId
        isCorrect
        selectedKeys
        correctKeys
        feedback {
          key
          text {
            text
            language
            isFallback
          }
        }
      }
    }
  }
`);

export const ClaimCertificate = graphql(
  `
    mutation ClaimCertificate($input: ClaimCertificateInput!) {
      claimCertificate(input: $input) {
        id
        courseId
        displayName
        issuedAt
        revokedAt
        verificationCode
        pdfPath
        courseTitle {
          ...LocalizedTextFields
        }
      }
    }
  `,
  [LocalizedTextFields],
);

export const VerifyCertificate = graphql(
  `
    query VerifyCertificate($code: String!) {
      verifyCertificate(verificationCode: $code) {
        valid
        displayName
        issuedAt
        revokedAt
        courseTitle {
          ...LocalizedTextFields
        }
      }
    }
  `,
  [LocalizedTextFields],
);
