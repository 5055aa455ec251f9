import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { coordinatorIn, CREATE_ORGANISATION, libraryBranch, WEEK } from './fixtures';

const FULL = `id name kind address { street postalCode city } contact { email phone website }
  openingHours { timeZone weekly { weekday intervals { from to } }
    exceptions { date intervals { from to } note } }`;

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
    openingHours: {
      weekly: [...WEEK].reverse(),
      exceptions: [
        { date: '2026-12-31', intervals: [{ from: '10:00', to: '13:00' }], note: 'Sylwester' },
        { date: '2026-12-24', intervals: [] },
      ],
    },
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
      // stored Monday first (all seven days, Sunday closed), exceptions by date
      openingHours: {
        timeZone: 'Europe/Warsaw',
        weekly: [...WEEK, { weekday: 7, intervals: [] }],
        exceptions: [
          { date: '2026-12-24', intervals: [], note: null },
          { date: '2026-12-31', intervals: [{ from: '10:00', to: '13:00' }], note: 'Sylwester' },
        ],
      },
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
          openingHours: {
            weekly: [{ weekday: 1, intervals: [{ from: '25:00', to: '18:00' }] }],
            exceptions: [],
          },
        },
      },
      { token: admin },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors![0].extensions.fields).toEqual(
      expect.arrayContaining([
        { field: 'address.postalCode', constraint: 'matches' },
        { field: 'openingHours.weekly.0.intervals.0.from', constraint: 'matches' },
      ]),
    );
    const twiceMonday = await t.gql(
      CREATE_ORGANISATION,
      { i: { ...input, openingHours: { weekly: [...WEEK, WEEK[0]], exceptions: [] } } },
      { token: admin },
    );
    expect(twiceMonday.body.errors![0].extensions.fields).toEqual([
      { field: 'openingHours.weekly.6.weekday', constraint: 'unique' },
    ]);
    const reversed = await t.gql(
      CREATE_ORGANISATION,
      {
        i: {
          ...input,
          openingHours: {
            weekly: WEEK,
            exceptions: [{ date: '2026-05-01', intervals: [{ from: '15:00', to: '09:00' }] }],
          },
        },
      },
      { token: admin },
    );
    expect(reversed.body.errors![0].extensions.fields).toEqual([
      { field: 'openingHours.exceptions.0.intervals', constraint: 'fromBeforeTo' },
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
  it('lets a coordinator change only their own organisation and see only its people', async () => {
    const own = await libraryBranch(t, admin, 'Filia nr 12 (Widzew)');
    const other = await libraryBranch(t, admin, 'Filia nr 3 (Polesie)');
    const coordinator = await coordinatorIn(t, own);
    const UPDATE = `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) {
      name openingHours { weekly { weekday intervals { from to } } exceptions { date note } } } }`;
    const change = (id: string, name: string) => ({
      id,
      name,
      kind: 'library_branch',
      address: { street: 'ul. Piotrkowska 100', postalCode: '90-001', city: 'Łódź' },
      openingHours: {
        weekly: [{ weekday: 2, intervals: [{ from: '10:00', to: '18:00' }] }],
        exceptions: [{ date: '2026-12-24', intervals: [], note: 'Wigilia' }],
      },
    });
    const saved = await t.gql<{ updateOrganisation: { name: string } }>(
      UPDATE,
      { i: change(own, 'Filia nr 12') },
      { token: coordinator.token },
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data!.updateOrganisation).toMatchObject({
      name: 'Filia nr 12',
      openingHours: { exceptions: [{ date: '2026-12-24', note: 'Wigilia' }] },
    });
    expect(
      codeOf(await t.gql(UPDATE, { i: change(other, 'Przejęta') }, { token: coordinator.token })),
    ).toBe('FORBIDDEN');
    // the kind decides which calls it may apply to: a coordinator cannot change it
    expect(
      codeOf(
        await t.gql(
          UPDATE,
          { i: { ...change(own, 'Filia nr 12'), kind: 'ngo' } },
          { token: coordinator.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(
          UPDATE,
          { i: change('65a0000000000000000000ff', 'Nieznana filia') },
          { token: coordinator.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    const staff = await t.userWith([Role.staff]);
    expect(
      codeOf(await t.gql(UPDATE, { i: change(own, 'Filia personelu') }, { token: staff.token })),
    ).toBe('FORBIDDEN');
    const read = await t.gql<{ organisation: { name: string } }>(
      `query($id: ID!) { organisation(id: $id) { name } }`,
      { id: other },
    );
    expect(read.body.data!.organisation.name).toBe('Filia nr 3 (Polesie)');

    const MEMBERS = `query($o: ID!) { organisationMembers(organisationId: $o) { id name } }`;
    const mine = await t.gql<{ organisationMembers: { id: string }[] }>(
      MEMBERS,
      { o: own },
      { token: coordinator.token },
    );
    expect(mine.body.data!.organisationMembers.map((m) => m.id)).toEqual([coordinator.id]);
    const byAdmin = await t.gql<{ organisationMembers: { id: string }[] }>(
      MEMBERS,
      { o: own },
      { token: admin },
    );
    expect(byAdmin.body.data!.organisationMembers).toHaveLength(1);
    expect(codeOf(await t.gql(MEMBERS, { o: other }, { token: coordinator.token }))).toBe(
      'FORBIDDEN',
    );
    const learner = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(MEMBERS, { o: own }, { token: learner.token }))).toBe('FORBIDDEN');
  });
});
