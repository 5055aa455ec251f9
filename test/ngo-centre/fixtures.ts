/** NGO centre fixtures: registered and verified organisations, their admins, centre staff. */
import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { TestApp } from '../support/test-app';

export const REGISTER = `mutation($i: RegisterOrganisationInput!) {
  registerOrganisation(input: $i) {
    organisationId legalForm krs nip regon verification refusalReason languages
    organisation { id name kind }
    description { text language }
  }
}`;
export const VERIFY = `mutation($id: ID!) { verifyOrganisation(input: { organisationId: $id }) { organisationId verification } }`;
export const DIRECTORY = `query($s: String, $f: LegalForm, $sp: Language) {
  ngoDirectory(search: $s, legalForm: $f, speaks: $sp) { totalCount nodes { organisationId organisation { name } } }
}`;

export const ADDRESS = { street: 'ul. Piotrkowska 100', postalCode: '90-001', city: 'Łódź' };

/** A Belarusian initiative group (no KRS), written in Belarusian. */
export function belarusianGroup(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Беларускі дом у Лодзі',
    legalForm: 'INITIATIVE_GROUP',
    address: ADDRESS,
    baseLanguage: 'be',
    languages: ['be', 'ru', 'pl'],
    fieldsOfActivity: ['культура', 'адукацыя'],
    districts: ['Widzew'],
    description: [
      { lang: 'be', text: 'Суполка беларусаў: моўныя клубы, дапамога з дакументамі.' },
      { lang: 'pl', text: 'Społeczność Białorusinów: kluby językowe, pomoc z dokumentami.' },
    ],
    ...overrides,
  };
}

export interface OrgFixture {
  organisationId: string;
  admin: { id: string; token: string; login: string };
}

/** A person signs up (a learner account), registers an organisation; staff verify it. */
export async function verifiedOrganisation(
  t: TestApp,
  staffToken: string,
  input: Record<string, unknown> = belarusianGroup(),
): Promise<OrgFixture> {
  const admin = await t.userWith([Role.learner]);
  const registered = ok(
    await t.gql<{ registerOrganisation: { organisationId: string } }>(
      REGISTER,
      { i: input },
      { token: admin.token },
    ),
  ).registerOrganisation;
  ok(await t.gql(VERIFY, { id: registered.organisationId }, { token: staffToken }));
  return { organisationId: registered.organisationId, admin };
}
