import { graphql } from './graphql';
import { OpeningHoursFields } from './opening-hours';

/**
 * The console's calls (issue 12, items 5 and 6): admins build calls, assign reviewers and
 * decide; reviewers score; library coordinators fill the forms for their organisation; admins
 * keep the organisations. Loaded under /staff only.
 */

export const CallListFields = graphql(`
  fragment CallListFields on Call {
    id
    opensAt
    closesAt
    isOpen
    places
    programme
    decisionsPublishedAt
    title {
      text
      language
      isFallback
    }
  }
`);

export const ConsoleCalls = graphql(
  `
    query ConsoleCalls($openOnly: Boolean!) {
      calls(first: 50, openOnly: $openOnly) {
        totalCount
        nodes {
          ...CallListFields
        }
      }
    }
  `,
  [CallListFields],
);

export const CallFormFields = graphql(`
  fragment CallFormFields on Call {
    id
    baseLanguage
    opensAt
    closesAt
    isOpen
    places
    programme
    eligibleKinds
    maxApplicationsPerApplicant
    decisionsPublishedAt
    title {
      text
      language
      isFallback
    }
    description {
      text
      language
      isFallback
    }
    form {
      key
      type
      required
      minLength
      maxLength
      min
      max
      label {
        text
        language
        isFallback
      }
      options {
        key
        label {
          text
        }
      }
    }
    criteria {
      key
      maxPoints
      label {
        text
      }
    }
  }
`);

export const ConsoleCall = graphql(
  `
    query ConsoleCall($id: ID!) {
      call(id: $id) {
        ...CallFormFields
      }
    }
  `,
  [CallFormFields],
);

/** A call's texts in one language, as stored (the builder shows all four side by side). */
const CallTexts = graphql(`
  fragment CallTexts on Call {
    title {
      text
      isFallback
      state
    }
    description {
      text
      isFallback
      state
    }
    form {
      key
      label {
        text
        isFallback
      }
      options {
        key
        label {
          text
          isFallback
        }
      }
    }
    criteria {
      key
      label {
        text
        isFallback
      }
    }
  }
`);

export const ConsoleCallTexts = graphql(
  `
    query ConsoleCallTexts($id: ID!) {
      pl: call(id: $id, lang: pl) {
        ...CallTexts
      }
      uk: call(id: $id, lang: uk) {
        ...CallTexts
      }
      be: call(id: $id, lang: be) {
        ...CallTexts
      }
      ru: call(id: $id, lang: ru) {
        ...CallTexts
      }
    }
  `,
  [CallTexts],
);

export const CreateCall = graphql(`
  mutation CreateCall($input: CallInput!) {
    createCall(input: $input) {
      id
    }
  }
`);

export const UpdateCall = graphql(`
  mutation UpdateCall($input: UpdateCallInput!) {
    updateCall(input: $input) {
      id
      opensAt
      closesAt
      isOpen
    }
  }
`);

export const ApplicationFields = graphql(`
  fragment ApplicationFields on Application {
    id
    callId
    organisationId
    slot
    status
    submittedAt
    updatedAt
    values {
      key
      text
      choice
      number
      date
      yesNo
    }
    decision {
      outcome
      justification
      decidedAt
    }
  }
`);

export const CallApplications = graphql(`
  query CallApplications($callId: ID!) {
    callApplications(callId: $callId, first: 100) {
      totalCount
      nodes {
        id
        organisationId
        status
        submittedAt
        decision {
          outcome
        }
      }
    }
    callRanking(callId: $callId) {
      rank
      applicationId
      submittedReviews
      assignedReviews
      averageTotal
    }
  }
`);

export const AdminApplication = graphql(
  `
    query AdminApplication($id: ID!) {
      application(id: $id) {
        ...ApplicationFields
      }
      applicationReviews(applicationId: $id) {
        id
        reviewerId
        status
        total
        comment
        submittedAt
        scores {
          criterionKey
          points
        }
      }
      staffDirectory {
        id
        name
      }
    }
  `,
  [ApplicationFields],
);

export const AssignReviewers = graphql(`
  mutation AssignReviewers($input: AssignReviewersInput!) {
    assignReviewers(input: $input) {
      id
      reviewerId
    }
  }
`);

export const SetDecision = graphql(`
  mutation SetDecision($input: SetDecisionInput!) {
    setDecision(input: $input) {
      outcome
      justification
    }
  }
`);

export const PublishDecisions = graphql(`
  mutation PublishDecisions($input: PublishDecisionsInput!) {
    publishDecisions(input: $input) {
      id
      decisionsPublishedAt
    }
  }
`);

export const MyReviews = graphql(`
  query MyReviews {
    myReviews {
      id
      applicationId
      status
      total
      submittedAt
    }
  }
`);

export const ReviewApplication = graphql(
  `
    query ReviewApplication($id: ID!) {
      applicationToReview(applicationId: $id) {
        ...ApplicationFields
      }
      applicationReviews(applicationId: $id) {
        id
        reviewerId
        status
        total
        comment
        scores {
          criterionKey
          points
        }
      }
    }
  `,
  [ApplicationFields],
);

export const SubmitReview = graphql(`
  mutation SubmitReview($input: SubmitReviewInput!) {
    submitReview(input: $input) {
      id
      status
      total
    }
  }
`);

export const MyCallApplications = graphql(
  `
    query MyCallApplications($callId: ID) {
      myApplications(callId: $callId) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const CreateApplication = graphql(
  `
    mutation CreateApplication($input: CreateApplicationInput!) {
      createApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const UpdateApplication = graphql(
  `
    mutation UpdateApplication($input: UpdateApplicationInput!) {
      updateApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const SubmitApplication = graphql(
  `
    mutation SubmitApplication($input: ApplicationIdInput!) {
      submitApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const WithdrawApplication = graphql(
  `
    mutation WithdrawApplication($input: ApplicationIdInput!) {
      withdrawApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const OrganisationFields = graphql(`
  fragment OrganisationFields on Organisation {
    id
    name
    kind
    updatedAt
    address {
      street
      postalCode
      city
    }
    contact {
      email
      phone
      website
    }
  }
`);

/** Every organisation, fields listed plainly (the API's cost limit counts fragments ×1.5). */
export const ConsoleOrganisations = graphql(`
  query ConsoleOrganisations {
    organisations(first: 100) {
      totalCount
      nodes {
        id
        name
        kind
        address {
          street
          postalCode
          city
        }
      }
    }
  }
`);

export const OrganisationNames = graphql(`
  query OrganisationNames {
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const ConsoleOrganisation = graphql(
  `
    query ConsoleOrganisation($id: ID!) {
      organisation(id: $id) {
        ...OrganisationFields
        openingHours {
          ...OpeningHoursFields
        }
      }
    }
  `,
  [OrganisationFields, OpeningHoursFields],
);

export const OrganisationMembers = graphql(`
  query OrganisationMembers($organisationId: ID!) {
    users(first: 50, organisationId: $organisationId) {
      totalCount
      nodes {
        id
        login
        displayName
        status
      }
    }
  }
`);

export const CreateOrganisation = graphql(
  `
    mutation CreateOrganisation($input: OrganisationInput!) {
      createOrganisation(input: $input) {
        ...OrganisationFields
      }
    }
  `,
  [OrganisationFields],
);

export const UpdateOrganisation = graphql(
  `
    mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
      updateOrganisation(input: $input) {
        ...OrganisationFields
      }
    }
  `,
  [OrganisationFields],
);

export const ExportCallApplications = graphql(`
  query ExportCallApplications($callId: ID!) {
    exportApplicationsCsv(callId: $callId)
  }
`);
