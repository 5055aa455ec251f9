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
    viewerRoles
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
      stateReasonLanguage
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
  query ForumIdeas($id: ID!, $state: IdeaState) {
    forumIdeas(forumId: $id, first: 30, state: $state) {
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
        viewerRoles
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

/* ── Facilitators, moderators and translators (forum-scoped roles, staff or not) ── */

/** The forum's activities as its facilitators see them: minutes and photos included. */
export const FacilitatorActivities = graphql(`
  query FacilitatorActivities($id: ID!) {
    forum(id: $id) {
      id
      name
      viewerRoles
    }
    forumActivities(forumId: $id, first: 10) {
      nodes {
        id
        eventId
        kind
        title
        startsAt
        ideaIds
        minutes {
          text
          participants
          newcomers
        }
        photos {
          id
          fileName
          url
        }
      }
    }
  }
`);

/** Ideas, debates and recommendations a facilitator works on (small pages: the cost limit). */
export const FacilitatorDiscussion = graphql(`
  query FacilitatorDiscussion($id: ID!) {
    forumIdeas(forumId: $id, first: 20) {
      nodes {
        id
        state
        activityId
        author {
          fromPaper
        }
        content {
          language
          title
        }
      }
    }
    forumDebates(forumId: $id, first: 10) {
      nodes {
        id
        closed
        conclusions
        content {
          language
          title
        }
      }
    }
    forumRecommendations(forumId: $id, first: 10) {
      nodes {
        id
        state
        progress
        ideaIds
        content {
          language
          title
          text
        }
        answer {
          status
          reason
        }
        milestones {
          id
          title
          progress
        }
      }
    }
  }
`);

export const CreateForumActivity = graphql(`
  mutation CreateForumActivity($input: CreateForumActivityInput!) {
    createForumActivity(input: $input) {
      id
      eventId
    }
  }
`);

export const RecordActivityMinutes = graphql(`
  mutation RecordActivityMinutes($input: RecordActivityMinutesInput!) {
    recordActivityMinutes(input: $input) {
      id
    }
  }
`);

export const RequestFileUpload = graphql(`
  mutation RequestActivityPhotoUpload($input: RequestFileUploadInput!) {
    requestFileUpload(input: $input) {
      uploadUrl
    }
  }
`);

export const PostPaperIdea = graphql(`
  mutation PostPaperIdea($input: PostPaperIdeaInput!) {
    postPaperIdea(input: $input) {
      id
    }
  }
`);

export const OpenDebate = graphql(`
  mutation OpenDebate($input: OpenDebateInput!) {
    openDebate(input: $input) {
      id
    }
  }
`);

export const CloseDebate = graphql(`
  mutation CloseDebate($input: CloseDebateInput!) {
    closeDebate(input: $input) {
      id
      closed
    }
  }
`);

export const DraftRecommendation = graphql(`
  mutation DraftRecommendation($input: DraftRecommendationInput!) {
    draftRecommendation(input: $input) {
      id
      state
    }
  }
`);

export const AdoptRecommendation = graphql(`
  mutation AdoptRecommendation($input: AdoptRecommendationInput!) {
    adoptRecommendation(input: $input) {
      id
      state
    }
  }
`);

export const SendRecommendation = graphql(`
  mutation SendRecommendation($input: SendRecommendationInput!) {
    sendRecommendation(input: $input) {
      id
      state
    }
  }
`);

export const AnswerRecommendation = graphql(`
  mutation AnswerRecommendation($input: AnswerRecommendationInput!) {
    answerRecommendation(input: $input) {
      id
      state
    }
  }
`);

export const AddRecommendationMilestone = graphql(`
  mutation AddRecommendationMilestone($input: AddRecommendationMilestoneInput!) {
    addRecommendationMilestone(input: $input) {
      id
      progress
    }
  }
`);

/** A forum's moderation queue for its volunteer moderators (the console's operations). */
/** Who the reader is in a forum (its roles decide which work screens are theirs). */
export const ForumViewerRoles = graphql(`
  query ForumViewerRoles($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      viewerRoles
    }
  }
`);

export const ForumModerationQueue = graphql(`
  query ForumModerationQueue($forumId: ID!) {
    forum(id: $forumId) {
      id
      name
      viewerRoles
    }
    moderationQueue(forumId: $forumId, first: 30) {
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

export const HideForumPost = graphql(`
  mutation HideForumPost($input: ModeratePostInput!) {
    hidePost(input: $input) {
      id
      hidden
      decided
    }
  }
`);

export const RestoreForumPost = graphql(`
  mutation RestoreForumPost($input: ModeratePostInput!) {
    restorePost(input: $input) {
      id
      hidden
      decided
    }
  }
`);

export const TranslateForumText = graphql(`
  mutation TranslateForumText($input: TranslateForumTextInput!) {
    translateForumText(input: $input) {
      language
    }
  }
`);

/* ── Following and forum notifications ── */

export const MyFollows = graphql(`
  query MyFollows {
    myFollows {
      targetId
      targetKind
      following
    }
  }
`);

export const Follow = graphql(`
  mutation FollowForumOrIdea($input: FollowInput!) {
    follow(input: $input) {
      targetId
      targetKind
      following
    }
  }
`);

export const Unfollow = graphql(`
  mutation UnfollowForumOrIdea($input: FollowInput!) {
    unfollow(input: $input) {
      targetId
      targetKind
      following
    }
  }
`);

export const MyForumNotifications = graphql(`
  query MyForumNotifications {
    myForumNotifications(first: 20) {
      totalCount
      nodes {
        id
        kind
        message
        referenceId
        read
        createdAt
      }
    }
  }
`);

export const MarkForumNotificationRead = graphql(`
  mutation MarkForumNotificationRead($input: MarkForumNotificationReadInput!) {
    markForumNotificationRead(input: $input) {
      id
      read
    }
  }
`);

/** A facilitator's decision on an idea: discussed, or not taken with a reason for residents. */
export const SetIdeaState = graphql(`
  mutation SetIdeaState($input: SetIdeaStateInput!) {
    setIdeaState(input: $input) {
      id
      state
      stateReason
    }
  }
`);
