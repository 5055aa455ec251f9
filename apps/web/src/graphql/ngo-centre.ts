import { graphql } from './graphql';

/** The NGO support centre (issue 17): directory, registration, consultations, rooms, console. */

export const NgoDirectory = graphql(`
  query NgoDirectory($search: String, $legalForm: LegalForm, $speaks: Language, $after: String) {
    ngoDirectory(
      search: $search
      legalForm: $legalForm
      speaks: $speaks
      first: 20
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        organisationId
        legalForm
        languages
        districts
        fieldsOfActivity
        organisation {
          id
          name
          address {
            city
          }
        }
      }
    }
  }
`);

export const NgoProfile = graphql(`
  query NgoProfile($organisationId: ID!) {
    ngoProfile(organisationId: $organisationId) {
      organisationId
      legalForm
      krs
      nip
      regon
      languages
      districts
      fieldsOfActivity
      verification
      refusalReason
      registeredAt
      description {
        text
        language
        isFallback
      }
      organisation {
        id
        name
        address {
          street
          postalCode
          city
        }
        contact {
          email
          phone
          website
        }
        openingHours {
          weekly {
            weekday
            intervals {
              from
              to
            }
          }
        }
      }
    }
  }
`);

export const MyNgoMemberships = graphql(`
  query MyNgoMemberships {
    myNgoMemberships {
      organisationId
      role
      state
    }
  }
`);

export const RegisterOrganisation = graphql(`
  mutation RegisterOrganisation($input: RegisterOrganisationInput!) {
    registerOrganisation(input: $input) {
      organisationId
      verification
    }
  }
`);

export const UpdateNgoProfile = graphql(`
  mutation UpdateNgoProfile($input: UpdateNgoProfileInput!) {
    updateNgoProfile(input: $input) {
      organisationId
      verification
    }
  }
`);

export const InviteOrganisationMember = graphql(`
  mutation InviteOrganisationMember($input: InviteOrganisationMemberInput!) {
    inviteOrganisationMember(input: $input) {
      userId
      state
    }
  }
`);

export const AcceptOrganisationInvitation = graphql(`
  mutation AcceptOrganisationInvitation($input: AcceptOrganisationInvitationInput!) {
    acceptOrganisationInvitation(input: $input) {
      organisationId
      state
    }
  }
`);

export const Advisers = graphql(`
  query Advisers {
    advisers {
      id
      displayName
      topics
      languages
      slotMinutes
      plan {
        weekly {
          weekday
          intervals {
            from
            to
          }
        }
      }
    }
  }
`);

export const ConsultationSlots = graphql(`
  query ConsultationSlots($adviserId: ID!, $from: DateTime!) {
    consultationSlots(adviserId: $adviserId, from: $from, days: 14) {
      startsAt
      endsAt
    }
  }
`);

export const OrganisationConsultations = graphql(`
  query OrganisationConsultations($organisationId: ID!) {
    organisationConsultations(organisationId: $organisationId, upcomingOnly: true) {
      id
      adviserId
      startsAt
      endsAt
      topic
      language
      status
    }
  }
`);

export const BookConsultation = graphql(`
  mutation BookConsultation($input: BookConsultationInput!) {
    bookConsultation(input: $input) {
      id
      startsAt
      status
    }
  }
`);

export const CancelConsultation = graphql(`
  mutation CancelConsultation($input: CancelConsultationInput!) {
    cancelConsultation(input: $input) {
      id
      status
    }
  }
`);

export const Rooms = graphql(`
  query Rooms {
    rooms {
      id
      name
      capacity
    }
  }
`);

export const RoomCalendar = graphql(`
  query RoomCalendar($roomId: ID!, $from: DateTime!) {
    roomCalendar(roomId: $roomId, from: $from, days: 14) {
      startsAt
      endsAt
    }
  }
`);

export const OrganisationResourceRequests = graphql(`
  query OrganisationResourceRequests($organisationId: ID!) {
    resourceRequests(organisationId: $organisationId, first: 50) {
      totalCount
      nodes {
        id
        kind
        roomId
        startsAt
        endsAt
        status
        refusalReason
      }
    }
  }
`);

export const RequestResource = graphql(`
  mutation RequestResource($input: RequestResourceInput!) {
    requestResource(input: $input) {
      id
      status
    }
  }
`);

export const WithdrawResourceRequest = graphql(`
  mutation WithdrawResourceRequest($input: WithdrawResourceRequestInput!) {
    withdrawResourceRequest(input: $input) {
      id
      status
    }
  }
`);

// ---- the centre's console (staff and admins) ----

export const NgoProfilesForStaff = graphql(`
  query NgoProfilesForStaff($verification: VerificationState, $after: String) {
    ngoProfilesForStaff(verification: $verification, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        organisationId
        legalForm
        krs
        nip
        regon
        languages
        verification
        refusalReason
        registeredAt
        organisation {
          id
          name
          address {
            street
            postalCode
            city
          }
        }
      }
    }
  }
`);

export const VerifyOrganisation = graphql(`
  mutation VerifyOrganisation($input: VerifyOrganisationInput!) {
    verifyOrganisation(input: $input) {
      organisationId
      verification
    }
  }
`);

export const RefuseOrganisation = graphql(`
  mutation RefuseOrganisation($input: RefuseOrganisationInput!) {
    refuseOrganisation(input: $input) {
      organisationId
      verification
      refusalReason
    }
  }
`);

export const StaffResourceRequests = graphql(`
  query StaffResourceRequests($status: ResourceRequestStatus) {
    resourceRequests(status: $status, first: 50) {
      totalCount
      nodes {
        id
        kind
        organisationId
        roomId
        startsAt
        endsAt
        plan
        status
        refusalReason
      }
    }
    rooms {
      id
      name
    }
  }
`);

export const ApproveResourceRequest = graphql(`
  mutation ApproveResourceRequest($input: ApproveResourceRequestInput!) {
    approveResourceRequest(input: $input) {
      id
      status
    }
  }
`);

export const RefuseResourceRequest = graphql(`
  mutation RefuseResourceRequest($input: RefuseResourceRequestInput!) {
    refuseResourceRequest(input: $input) {
      id
      status
    }
  }
`);

export const MyAdviserConsultations = graphql(`
  query MyAdviserConsultations {
    myAdviserConsultations {
      id
      adviserId
      organisationId
      startsAt
      endsAt
      topic
      language
      status
      notes
    }
  }
`);

// ---- volunteering ----

export const VolunteerOffers = graphql(`
  query VolunteerOffers($speaks: Language) {
    volunteerOffers(speaks: $speaks, first: 50) {
      totalCount
      nodes {
        id
        organisationId
        place
        languages
        startsAt
        endsAt
        volunteerLimit
        acceptedCount
        recruitment
        title {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const VolunteerOffer = graphql(`
  query VolunteerOffer($offerId: ID!, $signedIn: Boolean!) {
    volunteerOffer(offerId: $offerId) {
      id
      organisationId
      place
      languages
      startsAt
      endsAt
      recruitmentOpensAt
      recruitmentClosesAt
      volunteerLimit
      acceptedCount
      recruitment
      action
      moderation
      moderationReason
      title {
        text
        language
        isFallback
      }
      tasks {
        text
        language
        isFallback
      }
      requirements {
        text
        language
        isFallback
      }
    }
    myVolunteerApplications @include(if: $signedIn) {
      id
      offerId
      status
      reservePosition
    }
  }
`);

export const OrganisationVolunteerOffers = graphql(`
  query OrganisationVolunteerOffers($organisationId: ID!) {
    organisationVolunteerOffers(organisationId: $organisationId, first: 50) {
      totalCount
      nodes {
        id
        startsAt
        volunteerLimit
        acceptedCount
        recruitment
        moderation
        moderationReason
        title {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const VolunteerApplications = graphql(`
  query VolunteerApplications($offerId: ID!) {
    volunteerApplications(offerId: $offerId) {
      id
      userId
      status
      reservePosition
      message
    }
  }
`);

export const CreateVolunteerOffer = graphql(`
  mutation CreateVolunteerOffer($input: CreateVolunteerOfferInput!) {
    createVolunteerOffer(input: $input) {
      id
      moderation
    }
  }
`);

export const ApplyToVolunteerOffer = graphql(`
  mutation ApplyToVolunteerOffer($input: ApplyToVolunteerOfferInput!) {
    applyToVolunteerOffer(input: $input) {
      id
      offerId
      status
      reservePosition
    }
  }
`);

export const WithdrawVolunteerApplication = graphql(`
  mutation WithdrawVolunteerApplication($input: WithdrawVolunteerApplicationInput!) {
    withdrawVolunteerApplication(input: $input) {
      id
      status
      reservePosition
    }
  }
`);

export const AcceptVolunteer = graphql(`
  mutation AcceptVolunteer($input: AcceptVolunteerInput!) {
    acceptVolunteer(input: $input) {
      id
      status
      reservePosition
    }
  }
`);

export const MoveVolunteerToReserve = graphql(`
  mutation MoveVolunteerToReserve($input: MoveVolunteerToReserveInput!) {
    moveVolunteerToReserve(input: $input) {
      id
      status
      reservePosition
    }
  }
`);

export const VolunteerOffersForModeration = graphql(`
  query VolunteerOffersForModeration($moderation: VolunteerOfferModeration!) {
    volunteerOffersForModeration(moderation: $moderation, first: 50) {
      totalCount
      nodes {
        id
        organisationId
        place
        languages
        startsAt
        endsAt
        volunteerLimit
        moderation
        moderationReason
        title {
          text
          language
          isFallback
        }
        tasks {
          text
          language
          isFallback
        }
      }
    }
  }
`);

export const ModerateVolunteerOffer = graphql(`
  mutation ModerateVolunteerOffer($input: ModerateVolunteerOfferInput!) {
    moderateVolunteerOffer(input: $input) {
      id
      moderation
    }
  }
`);

// ---- funding, trainings, publications ----

export const FundingOpportunities = graphql(`
  query FundingOpportunities($topic: FundingTopic) {
    fundingOpportunities(topic: $topic) {
      id
      source
      callId
      organiser
      deadline
      poolGrosze
      grantMinGrosze
      grantMaxGrosze
      link
      topics
      title {
        text
        language
        isFallback
      }
    }
  }
`);

export const Trainings = graphql(`
  query Trainings {
    trainings {
      id
      eventId
      topics
      materials {
        id
        fileName
        size
        url
      }
    }
  }
`);

export const TrainingEvent = graphql(`
  query TrainingEvent($id: ID!) {
    event(id: $id) {
      id
      startsAt
      cancelled
      title {
        text
        language
      }
    }
  }
`);

export const Publications = graphql(`
  query Publications($search: String, $kind: PublicationKind) {
    publications(search: $search, kind: $kind, first: 30) {
      totalCount
      nodes {
        id
        kind
        topics
        title {
          text
          language
          isFallback
        }
        summary {
          text
          language
        }
        versions {
          number
          superseded
          addedAt
          validFrom
          validUntil
          file {
            id
            fileName
            size
            url
          }
        }
      }
    }
  }
`);

// ---- the centre's notifications ----

export const MyNgoNotifications = graphql(`
  query MyNgoNotifications {
    myNgoNotifications {
      id
      kind
      message
      organisationId
      createdAt
      read
    }
  }
`);

export const NgoNotificationEvents = graphql(`
  subscription NgoNotificationEvents {
    myNgoNotifications {
      id
      read
    }
  }
`);

export const MarkNgoNotificationRead = graphql(`
  mutation MarkNgoNotificationRead($input: MarkNgoNotificationReadInput!) {
    markNgoNotificationRead(input: $input) {
      id
      read
    }
  }
`);
