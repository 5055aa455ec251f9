import { graphql } from './graphql';

/** The FAQ in the staff console: drafts from answered questions, translations, four-eyes review. */
export const StaffFaqFields = graphql(`
  fragment StaffFaqFields on StaffFaqEntry {
    id
    state
    topic
    baseLanguage
    sourceLanguage
    sourceQuestionId
    availableLanguages
    lastEditedBy
    lastEditedAt
    personalDetailsConfirmedAt
    question {
      text
      language
      isFallback
    }
    translations {
      language
      question
      answer
      questionState
      answerState
    }
    history {
      action
      state
      by
      at
    }
  }
`);

export const StaffFaqEntries = graphql(`
  query StaffFaqEntries($state: FaqState) {
    staffFaqEntries(first: 50, state: $state) {
      totalCount
      nodes {
        id
        state
        topic
        lastEditedAt
        question {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const FaqGaps = graphql(`
  query FaqGaps($lang: Language!) {
    faqTranslationGaps(lang: $lang) {
      entryId
      entryState
      field
      state
    }
  }
`);

export const StaffFaqEntry = graphql(
  `
    query StaffFaqEntry($id: ID!) {
      staffFaqEntry(id: $id) {
        ...StaffFaqFields
      }
    }
  `,
  [StaffFaqFields],
);

export const CreateFaqFromQuestion = graphql(`
  mutation CreateFaqFromQuestion($input: CreateFaqEntryFromQuestionInput!) {
    createFaqEntryFromQuestion(input: $input) {
      id
    }
  }
`);

export const UpdateFaqEntry = graphql(
  `
    mutation UpdateFaqEntry($input: UpdateFaqEntryInput!) {
      updateFaqEntry(input: $input) {
        ...StaffFaqFields
      }
    }
  `,
  [StaffFaqFields],
);

export const ChangeFaqState = graphql(
  `
    mutation ChangeFaqState($input: ChangeFaqEntryStateInput!) {
      changeFaqEntryState(input: $input) {
        ...StaffFaqFields
      }
    }
  `,
  [StaffFaqFields],
);
