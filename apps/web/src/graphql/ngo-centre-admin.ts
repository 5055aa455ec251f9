import { graphql } from './graphql';
import { OpeningHoursFields } from './opening-hours';

/**
 * The NGO centre's set-up in the console (issue 17): admins assign advisers and set their plans;
 * centre staff create rooms and see each room's approved bookings.
 */

/** Advisers with their whole plan (weekly hours and dated exceptions, Warsaw time). */
/** An adviser with their whole plan (weekly hours and dated exceptions, Warsaw time). */
export const AdviserFields = graphql(
  `
    fragment AdviserFields on Adviser {
      id
      displayName
      topics
      languages
      slotMinutes
      plan {
        ...OpeningHoursFields
      }
    }
  `,
  [OpeningHoursFields],
);

export const AdviserPlans = graphql(
  `
    query AdviserPlans {
      advisers {
        ...AdviserFields
      }
    }
  `,
  [AdviserFields],
);

/** The caller's own adviser record (null for staff who are not advisers). */
export const MyAdviser = graphql(
  `
    query MyAdviser {
      myAdviser {
        ...AdviserFields
      }
    }
  `,
  [AdviserFields],
);

/** The accounts an admin may make advisers (the API takes staff and admin accounts). */
export const AdviserCandidates = graphql(`
  query AdviserCandidates($role: Role!) {
    users(first: 100, role: $role) {
      nodes {
        id
        login
        displayName
        status
      }
    }
  }
`);

export const AssignAdviser = graphql(`
  mutation AssignAdviser($input: AssignAdviserInput!) {
    assignAdviser(input: $input) {
      id
      displayName
      topics
      languages
      slotMinutes
    }
  }
`);

export const SetAdviserAvailability = graphql(
  `
    mutation SetAdviserAvailability($input: SetAdviserAvailabilityInput!) {
      setAdviserAvailability(input: $input) {
        id
        plan {
          ...OpeningHoursFields
        }
      }
    }
  `,
  [OpeningHoursFields],
);

export const CreateRoom = graphql(`
  mutation CreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
      name
      capacity
    }
  }
`);

/** One room's approved uses over the next four weeks (who is not shown). */
export const RoomBookings = graphql(`
  query RoomBookings($roomId: ID!, $from: DateTime!) {
    roomCalendar(roomId: $roomId, from: $from, days: 28) {
      startsAt
      endsAt
    }
  }
`);
