import { graphql } from './graphql';

/** Information point: asking, the asker's thread, and the public FAQ. */
export const FaqSearch = graphql(`
  query FaqSearch($search: String) {
    faqEntries(search: $search, first: 10) {
      totalCount
      nodes {
        id
        topic
        question {
          text
          language
          isFallback
        }
        answer {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const FaqSuggestions = graphql(`
  query FaqSuggestions($text: String!, $language: Language!, $topic: QuestionTopic) {
    faqSuggestions(text: $text, language: $language, topic: $topic, first: 3) {
      score
      entry {
        id
        question {
          text
          language
          isFallback
        }
        answer {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const Consent = graphql(`
  query Consent {
    infoPointConsent {
      version
      processing
      contact
    }
  }
`);

export const QuestionFields = graphql(`
  fragment QuestionFields on AskerQuestion {
    id
    status
    topic
    language
    text
    createdAt
    closedAt
    reopenableUntil
    contactChannel
    unread
    expectedAnswerBy
    thread {
      at
      kind
      text
    }
  }
`);

export const AskQuestion = graphql(
  `
    mutation AskQuestion($input: AskQuestionInput!) {
      askQuestion(input: $input) {
        accessCode
        question {
          ...QuestionFields
        }
      }
    }
  `,
  [QuestionFields],
);

export const MyQuestion = graphql(
  `
    query MyQuestion($accessCode: String, $questionId: ID) {
      myQuestion(accessCode: $accessCode, questionId: $questionId) {
        ...QuestionFields
      }
    }
  `,
  [QuestionFields],
);

export const MyQuestions = graphql(`
  query MyQuestions {
    myQuestions(first: 20) {
      nodes {
        id
        status
        topic
        createdAt
        text
        unread
      }
    }
  }
`);

export const MarkQuestionRead = graphql(`
  mutation MarkQuestionRead($accessCode: String, $questionId: ID) {
    markQuestionRead(input: { accessCode: $accessCode, questionId: $questionId }) {
      id
      unread
    }
  }
`);

export const FollowUp = graphql(
  `
    mutation FollowUp($accessCode: String, $questionId: ID, $text: String!) {
      followUpQuestion(input: { accessCode: $accessCode, questionId: $questionId, text: $text }) {
        ...QuestionFields
      }
    }
  `,
  [QuestionFields],
);

export const Reopen = graphql(
  `
    mutation Reopen($accessCode: String, $questionId: ID) {
      reopenQuestion(input: { accessCode: $accessCode, questionId: $questionId }) {
        ...QuestionFields
      }
    }
  `,
  [QuestionFields],
);

export const QuestionEvents = graphql(`
  subscription QuestionEvents($accessCode: String, $questionId: ID) {
    myQuestionEvents(accessCode: $accessCode, questionId: $questionId) {
      questionId
      action
      status
      at
    }
  }
`);
