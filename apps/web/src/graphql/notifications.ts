import { graphql } from './graphql';

/** The signed-in person's notifications (event changes, a seat from the waitlist, calls). */
export const MyNotifications = graphql(`
  query MyNotifications {
    myNotifications(first: 50) {
      totalCount
      nodes {
        id
        kind
        message
        read
        referenceId
        createdAt
      }
    }
  }
`);

export const UnreadNotifications = graphql(`
  query UnreadNotifications {
    myNotifications(first: 1, unreadOnly: true) {
      totalCount
    }
  }
`);

/** A window event after a notification was marked read: the unread count is read again. */
export const NOTIFICATIONS_READ = 'sasiad:notifications-read';

export const MarkNotificationRead = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(input: { notificationId: $id }) {
      id
      read
    }
  }
`);

export const NotificationEvents = graphql(`
  subscription NotificationEvents {
    myNotifications {
      id
      read
    }
  }
`);
