import { graphql } from './graphql';

/** Micro-grants (issue 15): calls, applications, decisions, results; the operator's console. */
export const GrantCallFields = graphql(`
  fragment GrantCallFields on GrantCall {
    id
    callId
    poolGrosze
    maxGrantGrosze
    committedGrosze
    availableGrosze
    intendedProjects
    eligibleApplicants
    realisationStartsAt
    realisationEndsAt
    correctionDays
    publishedAt
    operatorOrganisationId
    rules {
      text
      language
      isFallback
    }
    thematicAreas {
      key
      label {
        text
        language
      }
    }
  }
`);

export const GrantCalls = graphql(
  `
    query GrantCalls {
      grantCalls {
        ...GrantCallFields
      }
    }
  `,
  [GrantCallFields],
);

/** One call with the engine's title and application window. */
export const GrantCallPage = graphql(
  `
    query GrantCallPage($id: ID!, $callId: ID!) {
      grantCall(id: $id) {
        ...GrantCallFields
        faq {
          question {
            text
            language
          }
          answer {
            text
            language
          }
        }
        documents {
          id
          fileName
          url
          size
        }
      }
      call(id: $callId) {
        id
        title {
          text
          language
        }
        opensAt
        closesAt
        isOpen
      }
    }
  `,
  [GrantCallFields],
);

/** The engine's title and deadline of a call (list cards). */
export const CallHeader = graphql(`
  query CallHeader($callId: ID!) {
    call(id: $callId) {
      id
      title {
        text
        language
      }
      closesAt
      isOpen
    }
  }
`);

export const ApplicationFields = graphql(`
  fragment ApplicationFields on GrantApplication {
    id
    grantCallId
    callId
    organisationId
    applicantKind
    status
    number
    checksum
    submittedAt
    title
    summary
    expectedResults
    thematicArea
    requestedGrosze
    residents
    refugees
    correctionProblems
    correctionDueAt
    rejectionReason
    projectStatus
    budget {
      category
      unit
      quantity
      unitCostGrosze
      grantGrosze
      ownMoneyGrosze
      inKindGrosze
      volunteerHours
      volunteerRateGrosze
    }
    schedule {
      name
      startsAt
      endsAt
    }
    totals {
      costGrosze
      requestedGrosze
      ownMoneyGrosze
      inKindGrosze
      volunteerGrosze
    }
    decision {
      outcome
      grantedGrosze
      justification
      conditions
      reservePosition
    }
    attachments {
      id
      fileName
      size
      url
    }
  }
`);

export const MyGrantApplications = graphql(
  `
    query MyGrantApplications {
      myGrantApplications {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const GrantApplication = graphql(
  `
    query GrantApplication($id: ID!) {
      grantApplication(id: $id) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const GrantApplicationSummary = graphql(`
  query GrantApplicationSummary($id: ID!) {
    grantApplicationSummary(id: $id)
  }
`);

export const MyInformalGroups = graphql(`
  query MyInformalGroups {
    myInformalGroups {
      id
      name
      organisationId
      memberCount
    }
  }
`);

export const RegisterInformalGroup = graphql(`
  mutation RegisterInformalGroup($input: RegisterInformalGroupInput!) {
    registerInformalGroup(input: $input) {
      id
      name
      organisationId
      memberCount
    }
  }
`);

export const CreateGrantApplication = graphql(
  `
    mutation CreateGrantApplication($input: CreateGrantApplicationInput!) {
      createGrantApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const UpdateGrantApplication = graphql(
  `
    mutation UpdateGrantApplication($input: UpdateGrantApplicationInput!) {
      updateGrantApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const SubmitGrantApplication = graphql(
  `
    mutation SubmitGrantApplication($input: SubmitGrantApplicationInput!) {
      submitGrantApplication(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const GrantResults = graphql(`
  query GrantResults($grantCallId: ID!) {
    grantResults(grantCallId: $grantCallId) {
      grantCallId
      headline
      fundedProjects
      grantedGrosze
      poolGrosze
      plannedResidents
      plannedRefugees
      reportedResidents
      reportedRefugees
      projects {
        applicationId
        title
        applicant
        grantedGrosze
        plannedResidents
        plannedRefugees
        thematicArea {
          text
          language
        }
      }
    }
  }
`);

export const GrantResultsCsv = graphql(`
  query GrantResultsCsv($grantCallId: ID!) {
    grantResultsCsv(grantCallId: $grantCallId)
  }
`);

// ---- the operator's console ----

export const MyGrantStaffRoles = graphql(`
  query MyGrantStaffRoles {
    myGrantStaffRoles {
      operatorOrganisationId
      role
    }
  }
`);

export const StaffGrantApplications = graphql(`
  query StaffGrantApplications($grantCallId: ID!) {
    grantApplications(grantCallId: $grantCallId) {
      id
      applicantKind
      status
      number
      title
      requestedGrosze
      submittedAt
      correctionDueAt
      projectStatus
      decision {
        outcome
        grantedGrosze
        reservePosition
      }
    }
    grantCall(id: $grantCallId) {
      id
      poolGrosze
      committedGrosze
      availableGrosze
      maxGrantGrosze
      publishedAt
    }
  }
`);

export const RecordFormalCheck = graphql(
  `
    mutation RecordFormalCheck($input: RecordFormalCheckInput!) {
      recordFormalCheck(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const DecideGrant = graphql(
  `
    mutation DecideGrant($input: DecideGrantInput!) {
      decideGrant(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const PublishGrantDecisions = graphql(`
  mutation PublishGrantDecisions($input: PublishGrantDecisionsInput!) {
    publishGrantDecisions(input: $input) {
      id
      publishedAt
      committedGrosze
      availableGrosze
    }
  }
`);

export const FundReserveProject = graphql(
  `
    mutation FundReserveProject($input: FundReserveProjectInput!) {
      fundReserveProject(input: $input) {
        ...ApplicationFields
      }
    }
  `,
  [ApplicationFields],
);

export const StaffGrantApplication = graphql(
  `
    query StaffGrantApplication($id: ID!, $grantCallId: ID!) {
      grantApplication(id: $id) {
        ...ApplicationFields
      }
      grantCall(id: $grantCallId) {
        id
        poolGrosze
        committedGrosze
        availableGrosze
        maxGrantGrosze
        publishedAt
        thematicAreas {
          key
          label {
            text
            language
          }
        }
      }
    }
  `,
  [ApplicationFields],
);

// ---- a funded project: agreement, tranches, reports (applicant, operator staff, finance) ----

export const GrantProjectFields = graphql(`
  fragment GrantProjectFields on GrantProject {
    applicationId
    grantedGrosze
    agreementStatus
    agreementChecksum
    agreementSummary
    agreementText
    applicantConfirmedAt
    operatorConfirmedAt
    signedAt
    annexes
    finalReportDueAt
    budget {
      category
      unit
      quantity
      unitCostGrosze
      grantGrosze
      ownMoneyGrosze
      inKindGrosze
      volunteerHours
      volunteerRateGrosze
    }
    tranches {
      label
      amountGrosze
      status
      paidAt
    }
    changes {
      movedGrosze
      reason
      status
      annex
      requestedAt
      decidedAt
      decisionReason
      budget {
        category
        unit
        quantity
        unitCostGrosze
        grantGrosze
        ownMoneyGrosze
        inKindGrosze
        volunteerHours
        volunteerRateGrosze
      }
    }
    reports {
      kind
      status
      residents
      refugees
      invoiceCount
      fromGrantGrosze
      corrections
    }
    settlement {
      paidGrosze
      spentFromGrantGrosze
      toReturnGrosze
      settledAt
    }
    reportFiles {
      id
      fileName
      kind
      mimeType
      size
      url
    }
  }
`);

export const GrantProject = graphql(
  `
    query GrantProject($applicationId: ID!) {
      grantProject(applicationId: $applicationId) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const ReviseGrantBudget = graphql(
  `
    mutation ReviseGrantBudget($input: ReviseGrantBudgetInput!) {
      reviseGrantBudget(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const ConfirmGrantAgreement = graphql(
  `
    mutation ConfirmGrantAgreement($input: ConfirmGrantAgreementInput!) {
      confirmGrantAgreement(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const SubmitGrantReport = graphql(
  `
    mutation SubmitGrantReport($input: SubmitGrantReportInput!) {
      submitGrantReport(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const RequestFileUpload = graphql(`
  mutation RequestFileUpload($input: RequestFileUploadInput!) {
    requestFileUpload(input: $input) {
      uploadUrl
      expiresAt
    }
  }
`);

export const AddGrantTranche = graphql(
  `
    mutation AddGrantTranche($input: AddGrantTrancheInput!) {
      addGrantTranche(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const ApproveGrantTranche = graphql(
  `
    mutation ApproveGrantTranche($input: ApproveGrantTrancheInput!) {
      approveGrantTranche(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const MarkGrantTranchePaid = graphql(
  `
    mutation MarkGrantTranchePaid($input: MarkGrantTranchePaidInput!) {
      markGrantTranchePaid(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const ReviewGrantReport = graphql(
  `
    mutation ReviewGrantReport($input: ReviewGrantReportInput!) {
      reviewGrantReport(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

// ---- changes during a project (annexes) and report reminders ----

export const RequestGrantChange = graphql(
  `
    mutation RequestGrantChange($input: RequestGrantChangeInput!) {
      requestGrantChange(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const DecideGrantChange = graphql(
  `
    mutation DecideGrantChange($input: DecideGrantChangeInput!) {
      decideGrantChange(input: $input) {
        ...GrantProjectFields
      }
    }
  `,
  [GrantProjectFields],
);

export const MyGrantReminders = graphql(`
  query MyGrantReminders {
    myGrantReminders {
      id
      applicationId
      kind
      dueAt
      createdAt
      message
    }
  }
`);

export const GrantChangeShare = graphql(`
  query GrantChangeShare($grantCallId: ID!) {
    grantCall(id: $grantCallId) {
      id
      autoAcceptChangePercent
    }
  }
`);
