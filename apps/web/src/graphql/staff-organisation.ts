import { graphql } from './graphql';

/** Console: an organisation's own people (names only), for its coordinators and admins. */
export const OrganisationTeam = graphql(`
  query OrganisationTeam($organisationId: ID!) {
    organisationMembers(organisationId: $organisationId) {
      id
      name
    }
  }
`);
