import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';
import { coordinatorIn } from '../zones/fixtures';
import {
  App,
  ASSIGN_STAFF,
  content,
  CREATE_APP,
  groupInput,
  microGrantProgramme,
  organisation,
  PLN,
  REGISTER_GROUP,
  resident,
  SUBMIT_APP,
} from './fixtures';

/** Each bad input: a stable code, the offending field named, and nothing written. */
describe('grants: bad input', () => {
  let t: TestApp;
  let admin: string;
  let p: Awaited<ReturnType<typeof microGrantProgramme>>;
  let ngo: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
    p = await microGrantProgramme(t, admin);
    ngo = (await coordinatorIn(t, await organisation(t, admin, 'Fundacja Zielone Rączki'), 'uk'))
      .token;
  });
  afterAll(() => t.close());

  const counts = async () => ({
    grants: await t.db.collection('grants_applications').countDocuments(),
    engine: await t.db.collection('applications').countDocuments(),
    groups: await t.db.collection('grants_groups').countDocuments(),
    organisations: await t.db.collection('organisations').countDocuments(),
  });
  const fields = (res: GqlResponse) => res.body.errors?.[0]?.extensions.fields;

  const line = (overrides: Record<string, unknown>) => ({
    ...content(400_000).budget[0],
    ...overrides,
  });

  it.each([
    [
      'a line that does not add up',
      { budget: [line({ grantGrosze: 400_001 })] },
      [{ field: 'budget.0', constraint: 'sumMismatch' }],
    ],
    [
      'negative grosze',
      { budget: [line({ ownMoneyGrosze: -10_000, grantGrosze: 420_000 })] },
      [{ field: 'budget.0.ownMoneyGrosze', constraint: 'min' }],
    ],
    [
      'an activity outside the realisation window',
      {
        schedule: [
          {
            name: 'Piknik',
            startsAt: '2027-06-20T12:00:00+02:00',
            endsAt: '2027-06-20T16:00:00+02:00',
          },
        ],
      },
      [
        { field: 'schedule.0.startsAt', constraint: 'outsideWindow' },
        { field: 'schedule.0.endsAt', constraint: 'outsideWindow' },
      ],
    ],
  ])('refuses %s with the line named, writing nothing', async (_, overrides, expected) => {
    const before = await counts();
    const res = await t.gql(
      CREATE_APP,
      { i: { grantCallId: p.grantCallId, ...content(400_000, overrides) } },
      { token: ngo, lang: 'uk' },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fields(res)).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it('tells operator staff their roles (for the console), and nobody else', async () => {
    const Q = `{ myGrantStaffRoles { operatorOrganisationId role } }`;
    type R = { myGrantStaffRoles: { operatorOrganisationId: string; role: string }[] };
    expect(ok(await t.gql<R>(Q, {}, { token: p.staff.token })).myGrantStaffRoles).toEqual([
      { operatorOrganisationId: p.operatorId, role: 'OPERATOR_STAFF' },
    ]);
    expect(ok(await t.gql<R>(Q, {}, { token: ngo })).myGrantStaffRoles).toEqual([]);
    expect(ok(await t.gql<R>(Q, {}, { token: admin })).myGrantStaffRoles).toEqual([]);
  });

  it('lets finance approvers list a call’s applications (to reach the tranches), not other coordinators', async () => {
    const finance = await coordinatorIn(t, p.operatorId, 'pl');
    ok(
      await t.gql(
        ASSIGN_STAFF,
        { i: { operatorOrganisationId: p.operatorId, userId: finance.id, role: 'FINANCE' } },
        { token: admin },
      ),
    );
    const Q = `query($g: ID!) { grantApplications(grantCallId: $g) { id } }`;
    expect(ok(await t.gql(Q, { g: p.grantCallId }, { token: finance.token }))).toBeDefined();
    const other = await coordinatorIn(t, await organisation(t, admin, 'Inna fundacja'), 'pl');
    expect(codeOf(await t.gql(Q, { g: p.grantCallId }, { token: other.token }))).toBe('FORBIDDEN');
  });

  it('refuses fractional grosze (money is Int on the wire) in the reader’s language, writing nothing', async () => {
    const before = await counts();
    const res = await t.gql(
      CREATE_APP,
      {
        i: {
          grantCallId: p.grantCallId,
          ...content(400_000, { budget: [line({}), line({ unitCostGrosze: 430_000.5 })] }),
        },
      },
      { token: ngo, lang: 'uk' },
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0].message).not.toMatch(/cannot represent/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a submission whose total does not match, or over the maximum grant, and numbers nothing', async () => {
    const draft = ok(
      await t.gql<{ createGrantApplication: App }>(
        CREATE_APP,
        {
          i: {
            grantCallId: p.grantCallId,
            ...content(5_100 * PLN, { requestedGrosze: 5_000 * PLN }),
          },
        },
        { token: ngo },
      ),
    ).createGrantApplication;
    const mismatch = await t.gql(SUBMIT_APP, { id: draft.id }, { token: ngo, lang: 'uk' });
    expect(codeOf(mismatch)).toBe('BAD_USER_INPUT');
    expect(fields(mismatch)).toEqual([{ field: 'requestedGrosze', constraint: 'totalMismatch' }]);
    expect(mismatch.body.errors![0].message).toContain('Запитувана сума не збігається');
    ok(
      await t.gql(
        `mutation($i: UpdateGrantApplicationInput!) { updateGrantApplication(input: $i) { id } }`,
        { i: { applicationId: draft.id, ...content(5_100 * PLN) } },
        { token: ngo },
      ),
    );
    const over = await t.gql(SUBMIT_APP, { id: draft.id }, { token: ngo });
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(fields(over)).toEqual([{ field: 'requestedGrosze', constraint: 'overMaxGrant' }]);
    const stored = await t.db.collection('grants_applications').findOne({});
    expect(stored).toMatchObject({ status: 'DRAFT' });
    expect(stored!.number).toBeUndefined();
    expect(await t.db.collection('grants_calls').findOne({})).toMatchObject({ submissionSeq: 0 });
    expect(await t.db.collection('applications').countDocuments({ status: 'submitted' })).toBe(0);
  });

  it('refuses an informal group of two, and a minor, writing nothing', async () => {
    const contact = await resident(t, 'be');
    const before = await counts();
    const two = await t.gql(
      REGISTER_GROUP,
      { i: groupInput('Za mała grupa', 2) },
      { token: contact.token, lang: 'be' },
    );
    expect(codeOf(two)).toBe('BAD_USER_INPUT');
    expect(fields(two)).toEqual([{ field: 'members', constraint: 'groupTooSmall' }]);
    expect(two.body.errors![0].message).toContain('мінімум з 3 паўналетніх');
    const minor = groupInput('Z niepełnoletnią', 3);
    minor.members[2].birthDate = '2015-01-01';
    const res = await t.gql(REGISTER_GROUP, { i: minor }, { token: contact.token });
    expect(fields(res)).toEqual([{ field: 'members.2.birthDate', constraint: 'notAdult' }]);
    expect(await counts()).toEqual(before);
  });

  it('lets a group apply once per call, even with requests at once', async () => {
    const contact = await resident(t, 'ru');
    const group = ok(
      await t.gql<{ registerInformalGroup: { id: string; organisationId: string } }>(
        REGISTER_GROUP,
        { i: groupInput('Sąsiedzi z Bojar', 4) },
        { token: contact.token },
      ),
    ).registerInformalGroup;
    const stored = await t.db.collection('grants_groups').findOne({});
    expect(JSON.stringify(stored)).not.toContain('Olena');
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        t.gql(
          CREATE_APP,
          { i: { grantCallId: p.grantCallId, groupId: group.id, ...content(300_000) } },
          { token: contact.token },
        ),
      ),
    );
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'APPLICATION_LIMIT_REACHED')).toHaveLength(2);
    const mine = {
      organisationId: new (await import('mongoose')).Types.ObjectId(group.organisationId),
    };
    expect(await t.db.collection('grants_applications').countDocuments(mine)).toBe(1);
    expect(await t.db.collection('applications').countDocuments(mine)).toBe(1);
    // someone else cannot apply as the group
    const other = await resident(t, 'pl');
    expect(
      codeOf(
        await t.gql(
          CREATE_APP,
          { i: { grantCallId: p.grantCallId, groupId: group.id, ...content(300_000) } },
          { token: other.token },
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
