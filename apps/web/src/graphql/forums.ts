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
      forumActivities(forumId: $id, first: 20) {
        nodes {
          id
          eventId
          kind
          title
          startsAt
        }
      }
      forumIdeas(forumId: $id, first: 50) {
        totalCount
        nodes {
          ...IdeaFields
        }
      }
      forumDebates(forumId: $id, first: 20) {
        nodes {
          id
          closed
          commentCount
          conclusions
          content {
            ...ForumTextFields
          }
        }
      }
      forumRecommendations(forumId: $id, first: 20) {
        nodes {
          id
          state
          progress
          sentAt
          content {
            ...ForumTextFields
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
  `,
  [ForumFields, IdeaFields, ForumTextFields],
);

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
      forumComments(targetId: $id, first: 100) {
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
            ...ForumTextFields
          }
        }
      }
    }
  `,
  [IdeaFields, ForumTextFields],
);

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
