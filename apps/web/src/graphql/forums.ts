import { graphql } from './graphql';

/** Active Residents Forums (issue 16): public reading, membership, ideas, supports, comments. */
export const ForumTextFields = graphql(`
  fragment ForumTextFields on ForumText {
    language
    languageName
    title
    text
    translation {
      language
      title
      text
      isMachine
    }
  }
`);

export const ForumFields = graphql(`
  fragment ForumFields on Forum {
    id
    key
    name
    city
    memberCount
    viewerIsMember
    description {
      text
      language
      isFallback
    }
  }
`);

export const Forums = graphql(
  `
    query Forums {
      forums {
        ...ForumFields
      }
    }
  `,
  [ForumFields],
);

export const IdeaFields = graphql(
  `
    fragment IdeaFields on Idea {
      id
      forumId
      state
      stateReason
      supportCount
      commentCount
      viewerSupports
      hidden
      createdAt
      author {
        userId
        fromPaper
        erased
      }
      place {
        address
      }
      content {
        ...ForumTextFields
      }
    }
  `,
  [ForumTextFields],
);

export const ForumPage = graphql(
  `
    query ForumPage($id: ID!, $signedIn: Boolean!) {
      forum(id: $id) {
        ...ForumFields
      }
      myForumMemberships @include(if: $signedIn) {
        forumId
        member
        public
      }
      forumMembers(id: $id) {
        userId
        displayName
        since
      }
      forumActivities(forumId: $id, first: 10) {
        nodes {
          id
          eventId
          kind
          title
          startsAt
        }
      }
    }
  `,
  [ForumFields],
);

/** Its own request: the API's cost limit counts every page size. */
export const ForumIdeas = graphql(`
  query ForumIdeas($id: ID!) {
    forumIdeas(forumId: $id, first: 30) {
      totalCount
      nodes {
        id
        state
        supportCount
        commentCount
        content {
          language
          languageName
          title
          translation {
            language
            title
          }
        }
      }
    }
  }
`);

export const ForumDiscussion = graphql(`
  query ForumDiscussion($id: ID!) {
    forumDebates(forumId: $id, first: 10) {
      nodes {
        id
        closed
        commentCount
        conclusions
        content {
          language
          languageName
          title
          text
          translation {
            language
            title
            text
            isMachine
          }
        }
      }
    }
    forumRecommendations(forumId: $id, first: 10) {
      nodes {
        id
        state
        progress
        sentAt
        content {
          language
          languageName
          title
          text
          translation {
            language
            title
            text
            isMachine
          }
        }
        answer {
          status
          reason
          answeredAt
        }
        milestones {
          id
          title
          progress
          at
        }
      }
    }
  }
`);

export const IdeaPage = graphql(
  `
    query IdeaPage($id: ID!, $forumId: ID!) {
      forum(id: $forumId) {
        id
        name
        viewerIsMember
      }
      idea(id: $id) {
        ...IdeaFields
      }
    }
  `,
  [IdeaFields],
);

/** Its own request: the API's cost limit counts every page size. */
export const IdeaComments = graphql(`
  query IdeaComments($id: ID!) {
    forumComments(targetId: $id, first: 30) {
      totalCount
      nodes {
        id
        replyToId
        hidden
        erased
        createdAt
        author {
          userId
        }
        content {
          language
          languageName
          title
          text
          translation {
            language
            title
            text
            isMachine
          }
        }
      }
    }
  }
`);

export const JoinForum = graphql(`
  mutation JoinForum($input: JoinForumInput!) {
    joinForum(input: $input) {
      forumId
      member
      public
    }
  }
`);

export const LeaveForum = graphql(`
  mutation LeaveForum($input: LeaveForumInput!) {
    leaveForum(input: $input) {
      forumId
      member
      public
    }
  }
`);

export const SetMembershipVisibility = graphql(`
  mutation SetMembershipVisibility($input: SetForumMembershipVisibilityInput!) {
    setForumMembershipVisibility(input: $input) {
      forumId
      member
      public
    }
  }
`);

export const SupportIdea = graphql(`
  mutation SupportIdea($input: IdeaIdInput!) {
    supportIdea(input: $input) {
      ideaId
      supported
      supportCount
    }
  }
`);

export const WithdrawIdeaSupport = graphql(`
  mutation WithdrawIdeaSupport($input: IdeaIdInput!) {
    withdrawIdeaSupport(input: $input) {
      ideaId
      supported
      supportCount
    }
  }
`);

export const CommentOnPost = graphql(`
  mutation CommentOnPost($input: CommentOnPostInput!) {
    commentOnPost(input: $input) {
      id
    }
  }
`);

export const ReportPost = graphql(`
  mutation ReportPost($input: ReportPostInput!) {
    reportPost(input: $input) {
      postId
      hidden
    }
  }
`);

export const PostIdea = graphql(`
  mutation PostIdea($input: PostIdeaInput!) {
    postIdea(input: $input) {
      id
    }
  }
`);
