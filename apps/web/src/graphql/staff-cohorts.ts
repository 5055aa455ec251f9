import { graphql } from './graphql';

/** Console: a course's cohorts (sessions, attendance) and its certificates (revocation). */
export const CourseCohorts = graphql(`
  query CourseCohorts($courseId: ID!) {
    course(id: $courseId) {
      id
      baseLanguage
      title {
        text
        language
      }
    }
    courseCohorts(courseId: $courseId) {
      id
      capacity
      memberCount
      name {
        text
        language
      }
      sessions {
        id
        startsAt
        durationMinutes
        place
      }
    }
  }
`);

export const CreateCohort = graphql(`
  mutation CreateCohort($input: CreateCohortInput!) {
    createCohort(input: $input) {
      id
    }
  }
`);

export const AddCohortSession = graphql(`
  mutation AddCohortSession($input: AddCohortSessionInput!) {
    addCohortSession(input: $input) {
      id
      sessions {
        id
      }
    }
  }
`);

export const AttendanceSheet = graphql(`
  query AttendanceSheet($cohortId: ID!) {
    cohortMembers(cohortId: $cohortId) {
      userId
      displayName
    }
    cohortAttendance(cohortId: $cohortId) {
      sessionId
      userId
      present
    }
  }
`);

export const RecordAttendance = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      sessionId
      userId
      present
    }
  }
`);

export const CourseCertificates = graphql(`
  query CourseCertificates($courseId: ID!) {
    course(id: $courseId) {
      id
      title {
        text
        language
      }
    }
    courseCertificates(courseId: $courseId) {
      id
      displayName
      issuedAt
      language
      revokedAt
      revocationReason
    }
  }
`);

export const RevokeCertificate = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) {
      id
      revokedAt
      revocationReason
    }
  }
`);

/** A course's cohort names in one language (the console's client asks once per language). */
export const CohortNames = graphql(`
  query CohortNames($courseId: ID!) {
    courseCohorts(courseId: $courseId) {
      id
      name {
        text
        language
        isFallback
        state
      }
    }
  }
`);

export const RenameCohort = graphql(`
  mutation RenameCohort($input: RenameCohortInput!) {
    renameCohort(input: $input) {
      id
      name {
        text
        language
      }
    }
  }
`);
