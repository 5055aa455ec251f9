import { graphql } from './graphql';

/** Zone events: the list, registering, and a registration by its code. */
export const EventFields = graphql(`
  fragment EventFields on Event {
    id
    kind
    startsAt
    endsAt
    languages
    interpretation
    seatsLeft
    capacity
    confirmedCount
    registrationOpen
    cancelled
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

export const Events = graphql(
  `
    query Events {
      events(first: 10, upcomingOnly: true) {
        nodes {
          ...EventFields
        }
      }
    }
  `,
  [EventFields],
);

export const EventPage = graphql(
  `
    query EventPage($id: ID!) {
      event(id: $id) {
        ...EventFields
      }
    }
  `,
  [EventFields],
);

export const RegistrationFields = graphql(`
  fragment RegistrationFields on EventRegistration {
    id
    eventId
    status
    waitlistPosition
    createdAt
    checkedIn
  }
`);

export const RegisterForEvent = graphql(
  `
    mutation RegisterForEvent($input: RegisterForEventInput!) {
      registerForEvent(input: $input) {
        code
        registration {
          ...RegistrationFields
        }
      }
    }
  `,
  [RegistrationFields],
);

export const RegistrationByCode = graphql(
  `
    query RegistrationByCode($code: String!) {
      eventRegistrationByCode(code: $code) {
        ...RegistrationFields
      }
    }
  `,
  [RegistrationFields],
);

export const CancelByCode = graphql(
  `
    mutation CancelByCode($input: RegistrationCodeInput!) {
      cancelEventRegistrationByCode(input: $input) {
        ...RegistrationFields
      }
    }
  `,
  [RegistrationFields],
);

export const MyEventRegistrations = graphql(
  `
    query MyEventRegistrations {
      myEventRegistrations {
        ...RegistrationFields
        event {
          id
          startsAt
          cancelled
          title {
            text
            language
          }
          place {
            name
          }
        }
      }
    }
  `,
  [RegistrationFields],
);
