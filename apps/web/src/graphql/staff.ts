import { graphql } from './graphql';

/** The info-point staff console: the queue, a question, canned answers. Loaded under /staff only. */
export const QueueItemFields = graphql(`
  fragment QueueItemFields on QueueItem {
    id
    status
    topic
    language
    anonymous
    claimedBy
    createdAt
    dueAt
    overdue
    firstResponseAt
    updatedForHolder
    askedAtDesk
  }
`);

/** The four views' counts under the same topic and language filters (one request). */
export const QueueCounts = graphql(`
  query QueueCounts($topic: QuestionTopic, $language: Language) {
    mine: questionQueue(first: 1, mine: true, topic: $topic, language: $language) {
      totalCount
    }
    unassigned: questionQueue(first: 1, status: open, topic: $topic, language: $language) {
      totalCount
    }
    all: questionQueue(first: 1, topic: $topic, language: $language) {
      totalCount
    }
    overdue: questionQueue(first: 1, overdue: true, topic: $topic, language: $language) {
      totalCount
    }
  }
`);

export const Queue = graphql(
  `
    query Queue(
      $mine: Boolean
      $overdue: Boolean
      $status: QuestionStatus
      $topic: QuestionTopic
      $language: Language
      $after: String
    ) {
      questionQueue(
        first: 50
        after: $after
        mine: $mine
        overdue: $overdue
        status: $status
        topic: $topic
        language: $language
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...QueueItemFields
        }
      }
    }
  `,
  [QueueItemFields],
);

export const QueueEvents = graphql(`
  subscription QueueEvents {
    questionQueueEvents {
      questionId
      action
      status
      claimedBy
      at
    }
  }
`);

export const ClaimQuestion = graphql(
  `
    mutation ClaimQuestion($input: QuestionIdInput!) {
      claimQuestion(input: $input) {
        ...QueueItemFields
      }
    }
  `,
  [QueueItemFields],
);

export const ClaimNextQuestion = graphql(
  `
    mutation ClaimNextQuestion($input: ClaimNextQuestionInput!) {
      claimNextQuestion(input: $input) {
        question {
          ...QueueItemFields
        }
      }
    }
  `,
  [QueueItemFields],
);

export const ReleaseQuestion = graphql(
  `
    mutation ReleaseQuestion($input: QuestionIdInput!) {
      releaseQuestion(input: $input) {
        ...QueueItemFields
      }
    }
  `,
  [QueueItemFields],
);

export const ReassignQuestion = graphql(
  `
    mutation ReassignQuestion($input: ReassignQuestionInput!) {
      reassignQuestion(input: $input) {
        ...QueueItemFields
      }
    }
  `,
  [QueueItemFields],
);

export const CloseQuestion = graphql(
  `
    mutation CloseQuestion($input: QuestionIdInput!) {
      closeQuestion(input: $input) {
        ...QueueItemFields
      }
    }
  `,
  [QueueItemFields],
);

export const StaffQuestionFields = graphql(`
  fragment StaffQuestionFields on StaffQuestion {
    id
    status
    topic
    language
    anonymous
    askedAtDesk
    claimedBy
    createdAt
    dueAt
    overdue
    firstResponseAt
    closedAt
    text
    contact {
      channel
    }
    thread {
      at
      authorId
      kind
      text
    }
    notes {
      at
      authorId
      text
    }
  }
`);

export const StaffQuestionQuery = graphql(
  `
    query StaffQuestion($questionId: ID!) {
      staffQuestion(questionId: $questionId) {
        ...StaffQuestionFields
      }
    }
  `,
  [StaffQuestionFields],
);

export const AddInternalNote = graphql(
  `
    mutation AddInternalNote($input: QuestionTextInput!) {
      addInternalNote(input: $input) {
        ...StaffQuestionFields
      }
    }
  `,
  [StaffQuestionFields],
);

export const AnswerQuestion = graphql(
  `
    mutation AnswerQuestion($input: QuestionTextInput!) {
      answerQuestion(input: $input) {
        ...StaffQuestionFields
      }
    }
  `,
  [StaffQuestionFields],
);

export const AskForDetails = graphql(
  `
    mutation AskForDetails($input: QuestionTextInput!) {
      askForDetails(input: $input) {
        ...StaffQuestionFields
      }
    }
  `,
  [StaffQuestionFields],
);

export const CannedAnswers = graphql(`
  query CannedAnswers {
    cannedAnswers {
      id
      shortCode
      title
      placeholders
    }
  }
`);

export const RenderCannedAnswer = graphql(`
  query RenderCannedAnswer(
    $shortCode: String!
    $language: Language!
    $values: [PlaceholderValue!]!
  ) {
    renderCannedAnswer(shortCode: $shortCode, language: $language, values: $values)
  }
`);

/** Colleagues (active staff and admins) by name: holders, authors, reassigning. */
export const StaffMembers = graphql(`
  query StaffMembers {
    staffDirectory {
      id
      name
    }
  }
`);
