import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { CREATE_ORGANISATION, WEEK } from './fixtures';

const FULL = `id name kind address { street postalCode city } contact { email phone website }
  weeklyHours { day opens closes } hoursExceptions { date opens closes note }`;

describe('zones: organisations', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  const input = {
    name: 'Filia nr 7 Biblioteki Miejskiej w Łodzi',
    kind: 'library_branch',
    address: { street: 'ul. Wólczańska 12', postalCode: '90-731', city: 'Łódź' },
    contact: {
      email: 'filia7@example.org',
      phone: '+48 42 000 00 00',
      website: 'https://example.org/filia7',
    },
    weeklyHours: [...WEEK].reverse(),
    hoursExceptions: [
      { date: '2026-12-31', opens: '10:00', closes: '13:00', note: 'Sylwester' },
      { date: '2026-12-24' },
    ],
  };

  it('lets an admin create and update an organisation that anyone can read', async () => {
    const created = await t.gql<{ createOrganisation: { id: string } }>(
      CREATE_ORGANISATION.replace('{ id name kind }', `{ ${FULL} }`),
      { i: input },
      { token: admin },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createOrganisation.id;
    const read = await t.gql<{ organisation: Record<string, unknown> }>(
      `query($id: ID!) { organisation(id: $id) { ${FULL} } }`,
      { id },
    );
    expect(read.body.data!.organisation).toMatchObject({
      name: input.name,
      kind: 'library_branch',
      contact: input.contact,
      // stored Monday first, exceptions by date
      weeklyHours: WEEK.map((d) => ({ opens: null, closes: null, ...d })),
      hoursExceptions: [
        { date: '2026-12-24', opens: null, closes: null, note: null },
        { date: '2026-12-31', opens: '10:00', closes: '13:00', note: 'Sylwester' },
      ],
    });

    const updated = await t.gql(
      `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { name kind } }`,
      { i: { ...input, id, name: 'Centrum Dialogu', kind: 'community_centre' } },
      { token: admin },
    );
    expect(updated.body.data).toEqual({
      updateOrganisation: { name: 'Centrum Dialogu', kind: 'community_centre' },
    });
    const list = await t.gql<{ organisations: { totalCount: number; nodes: { name: string }[] } }>(
      `{ organisations(kind: community_centre) { totalCount nodes { name } } }`,
    );
    expect(list.body.data!.organisations).toEqual({
      totalCount: 1,
      nodes: [{ name: 'Centrum Dialogu' }],
    });
  });

  it('refuses bad opening hours, a bad postal code, and non-admins', async () => {
    const bad = await t.gql(
      CREATE_ORGANISATION,
      {
        i: {
          ...input,
          address: { ...input.address, postalCode: '90731' },
          weeklyHours: [{ day: 'mon', opens: '25:00', closes: '18:00' }],
        },
      },
      { token: admin },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors![0].extensions.fields).toEqual(
      expect.arrayContaining([
        { field: 'address.postalCode', constraint: 'matches' },
        { field: 'weeklyHours.0.opens', constraint: 'matches' },
      ]),
    );
    const sixDays = await t.gql(
      CREATE_ORGANISATION,
      { i: { ...input, weeklyHours: WEEK.slice(1) } },
      { token: admin },
    );
    expect(sixDays.body.errors![0].extensions.fields).toEqual([
      { field: 'weeklyHours', constraint: 'oneEntryPerWeekday' },
    ]);
    const reversed = await t.gql(
      CREATE_ORGANISATION,
      {
        i: { ...input, hoursExceptions: [{ date: '2026-05-01', opens: '15:00', closes: '09:00' }] },
      },
      { token: admin },
    );
    expect(reversed.body.errors![0].extensions.fields).toEqual([
      { field: 'hoursExceptions.0', constraint: 'closesAfterOpens' },
    ]);
    const library = await t.userWith([Role.library]);
    expect(codeOf(await t.gql(CREATE_ORGANISATION, { i: input }, { token: library.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await t.db.collection('organisations').countDocuments({})).toBe(1);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    const q = `query($id: ID!) { organisation(id: $id) { id } }`;
    expect(codeOf(await t.gql(q, { id: '65a0000000000000000000ff' }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(q, { id: 'nope' }))).toBe('NOT_FOUND');
  });
});
