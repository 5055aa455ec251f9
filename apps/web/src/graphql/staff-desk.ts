import { graphql } from './graphql';

/** Desk-assisted mode (console): staff acting for a person at the desk. Loaded under /staff only. */
export const DeskQuestionConsent = graphql(`
  query DeskQuestionConsent($person: Language!, $staff: Language!) {
    person: infoPointConsent(lang: $person) {
      deskVersion
      desk
      contact
    }
    staff: infoPointConsent(lang: $staff) {
      deskVersion
      desk
      contact
    }
  }
`);

export const DeskAccountConsent = graphql(`
  query DeskAccountConsent($person: Language!, $staff: Language!) {
    person: deskAccountConsent(lang: $person) {
      version
      text
    }
    staff: deskAccountConsent(lang: $staff) {
      version
      text
    }
  }
`);

export const AskQuestionForPerson = graphql(`
  mutation AskQuestionForPerson($input: AskQuestionForPersonInput!) {
    askQuestionForPerson(input: $input) {
      accessCode
      claimedByMe
      question {
        id
        status
        language
        topic
        expectedAnswerBy
      }
    }
  }
`);

export const CreateAccountForPerson = graphql(`
  mutation CreateAccountForPerson($input: CreateAccountForPersonInput!) {
    createAccountForPerson(input: $input) {
      setupCode
      setupCodeExpiresAt
      user {
        id
        login
        loginKind
        displayName
        preferredLanguage
      }
    }
  }
`);
