import { graphql } from './graphql';

/**
 * The console's Events section (issue 12, item 7): events run by staff, or by a library branch's
 * coordinator for their organisation. Loaded under /staff only.
 */
export const ConsoleMe = graphql(`
  query ConsoleMe {
    me {
      id
      roles
      organisationId
    }
  }
`);

export const ConsoleEventFields = graphql(`
  fragment ConsoleEventFields on Event {
    id
    kind
    startsAt
    endsAt
    languages
    interpretation
    capacity
    confirmedCount
    seatsLeft
    cancelled
    registrationOpen
    organisationId
    baseLanguage
    title {
      text
      language
      isFallback
    }
    place {
      name
      address {
        street
        postalCode
        city
      }
    }
  }
`);

export const ConsoleEvents = graphql(
  `
    query ConsoleEvents($organisationId: ID, $upcomingOnly: Boolean!) {
      events(first: 50, organisationId: $organisationId, upcomingOnly: $upcomingOnly) {
        totalCount
        nodes {
          ...ConsoleEventFields
        }
      }
    }
  `,
  [ConsoleEventFields],
);

/** The event with its texts in every language (for the form) and its attendance. */
const Texts = graphql(`
  fragment ConsoleEventTexts on Event {
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
  }
`);

export const ConsoleEventTextsQuery = graphql(
  `
    query ConsoleEventTexts($id: ID!) {
      pl: event(id: $id, lang: pl) {
        ...ConsoleEventTexts
      }
      uk: event(id: $id, lang: uk) {
        ...ConsoleEventTexts
      }
      be: event(id: $id, lang: be) {
        ...ConsoleEventTexts
      }
      ru: event(id: $id, lang: ru) {
        ...ConsoleEventTexts
      }
    }
  `,
  [Texts],
);

export const ConsoleEvent = graphql(
  `
    query ConsoleEvent($id: ID!) {
      event(id: $id) {
        ...ConsoleEventFields
      }
      eventAttendance(id: $id) {
        confirmed
        waitlisted
        checkedIn
        interpretationNeeds {
          language
          count
        }
      }
    }
  `,
  [ConsoleEventFields],
);

export const RegistrantFields = graphql(`
  fragment RegistrantFields on EventRegistrant {
    id
    status
    userId
    name
    contact
    waitlistSeq
    interpretationNeeds
    group
    checkedInAt
    createdAt
    codeSuffix
  }
`);

export const EventRegistrants = graphql(
  `
    query EventRegistrants($eventId: ID!, $status: RegistrationStatus!, $after: String) {
      eventRegistrations(eventId: $eventId, status: $status, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RegistrantFields
        }
      }
    }
  `,
  [RegistrantFields],
);

export const CreateEvent = graphql(
  `
    mutation CreateEvent($input: CreateEventInput!) {
      createEvent(input: $input) {
        ...ConsoleEventFields
      }
    }
  `,
  [ConsoleEventFields],
);

export const UpdateEvent = graphql(
  `
    mutation UpdateEvent($input: UpdateEventInput!) {
      updateEvent(input: $input) {
        ...ConsoleEventFields
      }
    }
  `,
  [ConsoleEventFields],
);

export const CancelEvent = graphql(
  `
    mutation CancelEvent($input: CancelEventInput!) {
      cancelEvent(input: $input) {
        ...ConsoleEventFields
      }
    }
  `,
  [ConsoleEventFields],
);

export const CheckIn = graphql(
  `
    mutation CheckIn($input: CheckInInput!) {
      checkInEventRegistration(input: $input) {
        ...RegistrantFields
      }
    }
  `,
  [RegistrantFields],
);

export const RegisterWalkIn = graphql(
  `
    mutation RegisterWalkIn($input: RegisterEventWalkInInput!) {
      registerEventWalkIn(input: $input) {
        code
        registrant {
          ...RegistrantFields
        }
      }
    }
  `,
  [RegistrantFields],
);

export const ExportRegistrations = graphql(`
  query ExportRegistrations($eventId: ID!) {
    exportEventRegistrationsCsv(eventId: $eventId)
  }
`);
