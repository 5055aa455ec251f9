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
