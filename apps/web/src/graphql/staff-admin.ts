import { graphql } from './graphql';

/** Admins in the console: accounts and their roles. */
export const AdminUserFields = graphql(`
  fragment AdminUserFields on User {
    id
    login
    displayName
    roles
    status
    organisationId
    preferredLanguage
    createdAt
  }
`);

export const AdminUsers = graphql(
  `
    query AdminUsers($role: Role, $after: String) {
      users(first: 50, role: $role, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...AdminUserFields
        }
      }
    }
  `,
  [AdminUserFields],
);

export const AdminOrganisations = graphql(`
  query AdminOrganisations {
    organisations(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const SetUserRoles = graphql(
  `
    mutation SetUserRoles($input: SetUserRolesInput!) {
      setUserRoles(input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const SetUserStatus = graphql(
  `
    mutation SetUserStatus($input: SetUserStatusInput!) {
      setUserStatus(input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const CreateUser = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

/** The information point's figures per topic and language for a period. */
export const InfoPointStatsQuery = graphql(`
  query InfoPointStats($from: DateTime!, $to: DateTime!) {
    infoPointStats(from: $from, to: $to) {
      from
      to
      rows {
        topic
        language
        answered
        backlog
        medianFirstResponseMinutes
      }
    }
  }
`);

/** An estate forum's figures for a period (staff). */
export const StaffForums = graphql(`
  query StaffForums {
    forums {
      id
      name
    }
  }
`);

export const ForumReportQuery = graphql(`
  query ForumReport($forumId: ID!, $from: DateTime!, $to: DateTime!) {
    forumReport(forumId: $forumId, from: $from, to: $to) {
      activities
      participants
      newcomers
      ideas
      supports
      recommendations
      answered
      accepted
      csv
    }
  }
`);

/** Moderation of an estate forum: reported and hidden posts, hide or restore with a reason. */
export const ModerationQueue = graphql(`
  query ModerationQueue($forumId: ID!) {
    moderationQueue(forumId: $forumId, first: 50) {
      totalCount
      nodes {
        id
        kind
        hidden
        hiddenReason
        decided
        reportCount
        reportReasons
        content {
          title
          text
          language
          languageName
        }
      }
    }
  }
`);

export const HidePost = graphql(`
  mutation HidePost($input: ModeratePostInput!) {
    hidePost(input: $input) {
      id
      hidden
      decided
    }
  }
`);

export const RestorePost = graphql(`
  mutation RestorePost($input: ModeratePostInput!) {
    restorePost(input: $input) {
      id
      hidden
      decided
    }
  }
`);
