import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { belarusianGroup, OrgFixture, REGISTER, verifiedOrganisation } from './fixtures';

const REQUEST = `mutation($i: RequestResourceInput!) { requestResource(input: $i) { id status kind roomId } }`;
const APPROVE = `mutation($id: ID!) { approveResourceRequest(input: { requestId: $id }) { id status } }`;
const CALENDAR = `query($r: ID!, $f: DateTime!) { roomCalendar(roomId: $r, from: $f, days: 1) { startsAt endsAt } }`;
const PLAN = 'Spotkanie grupy wsparcia dla mam z Ukrainy, 15 osób.';
const DAY = '2027-03-10';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

describe('ngo-centre: resources and the room calendar', () => {
  let t: TestApp;
  let staff: { token: string };
  let org: OrgFixture;
  let roomId: string;

  const room = (from: string, to: string, organisation = org) => ({
    i: {
      organisationId: organisation.organisationId,
      kind: 'ROOM',
      roomId,
      startsAt: at(from),
      endsAt: at(to),
      plan: PLAN,
    },
  });
  const requestCount = () => t.db.collection('ngo_resource_requests').countDocuments();

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    org = await verifiedOrganisation(t, staff.token);
    roomId = ok(
      await t.gql<{ createRoom: { id: string } }>(
        `mutation { createRoom(input: { name: "Sala 1 (parter)", capacity: 20 }) { id } }`,
        {},
        { token: staff.token },
      ),
    ).createRoom.id;
  });
  afterAll(() => t.close());

  it('approves a room request, shows it in the calendar and refuses an overlapping request, writing nothing', async () => {
    const first = ok(
      await t.gql<{ requestResource: { id: string; status: string } }>(
        REQUEST,
        room('09:00', '11:00'),
        { token: org.admin.token },
      ),
    ).requestResource;
    expect(first.status).toBe('PENDING');
    expect(
      ok(
        await t.gql<{ approveResourceRequest: { status: string } }>(
          APPROVE,
          { id: first.id },
          { token: staff.token },
        ),
      ).approveResourceRequest.status,
    ).toBe('APPROVED');
    expect(codeOf(await t.gql(APPROVE, { id: first.id }, { token: staff.token }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    const calendar = ok(
      await t.gql<{ roomCalendar: unknown[] }>(
        CALENDAR,
        { r: roomId, f: `${DAY}T00:00:00Z` },
        { token: org.admin.token },
      ),
    ).roomCalendar;
    expect(calendar).toEqual([{ startsAt: at('09:00'), endsAt: at('11:00') }]);

    const before = await requestCount();
    const overlap = await t.gql(REQUEST, room('10:30', '12:00'), {
      token: org.admin.token,
      query: '?lang=uk',
    });
    expect(codeOf(overlap)).toBe('ROOM_TAKEN');
    expect(overlap.body.errors![0].message).toBe(
      'Залу в цей час уже заброньовано. Виберіть інший час.',
    );
    expect(await requestCount()).toBe(before);

    // back to back is not an overlap
    const adjacent = ok(
      await t.gql<{ requestResource: { id: string } }>(REQUEST, room('11:00', '12:00'), {
        token: org.admin.token,
      }),
    ).requestResource;
    expect(
      ok(
        await t.gql<{ approveResourceRequest: { status: string } }>(
          APPROVE,
          { id: adjacent.id },
          { token: staff.token },
        ),
      ).approveResourceRequest.status,
    ).toBe('APPROVED');
  });

  it('of overlapping pending requests approved at once, exactly one is approved', async () => {
    // every two of these overlap (all contain 15:00–15:30)
    const times = [
      ['14:00', '16:00'],
      ['15:00', '17:00'],
      ['14:30', '15:30'],
      ['15:00', '15:30'],
      ['13:00', '18:00'],
    ];
    const ids: string[] = [];
    for (const [from, to] of times)
      ids.push(
        ok(
          await t.gql<{ requestResource: { id: string } }>(REQUEST, room(from, to), {
            token: org.admin.token,
          }),
        ).requestResource.id,
      );
    const results = await Promise.all(
      ids.map((id) => t.gql(APPROVE, { id }, { token: staff.token })),
    );
    expect(results.filter((r) => r.body.data?.approveResourceRequest)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'ROOM_TAKEN')).toHaveLength(4);
    const calendar = ok(
      await t.gql<{ roomCalendar: { startsAt: string }[] }>(
        CALENDAR,
        { r: roomId, f: `${DAY}T00:00:00Z` },
        { token: staff.token },
      ),
    ).roomCalendar;
    expect(calendar.filter((b) => b.startsAt >= at('13:00'))).toHaveLength(1);
  });

  it('refuses with a reason; other resources need no room; an unverified group and bad times are refused', async () => {
    const address = ok(
      await t.gql<{ requestResource: { id: string; roomId: string | null } }>(
        REQUEST,
        {
          i: {
            organisationId: org.organisationId,
            kind: 'CORRESPONDENCE_ADDRESS',
            startsAt: '2027-01-01T00:00:00Z',
            endsAt: '2027-12-31T23:00:00Z',
            plan: PLAN,
          },
        },
        { token: org.admin.token },
      ),
    ).requestResource;
    expect(address.roomId).toBeNull();
    const refused = ok(
      await t.gql<{ refuseResourceRequest: { status: string; refusalReason: string } }>(
        `mutation($i: RefuseResourceRequestInput!) { refuseResourceRequest(input: $i) { status refusalReason } }`,
        {
          i: {
            requestId: address.id,
            reason: 'Adres korespondencyjny tylko dla organizacji z KRS.',
          },
        },
        { token: staff.token },
      ),
    ).refuseResourceRequest;
    // the one workstation has a calendar too
    const desk = (from: string, to: string) => ({
      i: {
        organisationId: org.organisationId,
        kind: 'WORKSTATION',
        startsAt: at(from),
        endsAt: at(to),
        plan: PLAN,
      },
    });
    const firstDesk = ok(
      await t.gql<{ requestResource: { id: string } }>(REQUEST, desk('08:00', '12:00'), {
        token: org.admin.token,
      }),
    ).requestResource;
    ok(await t.gql(APPROVE, { id: firstDesk.id }, { token: staff.token }));
    expect(codeOf(await t.gql(REQUEST, desk('11:00', '13:00'), { token: org.admin.token }))).toBe(
      'ROOM_TAKEN',
    );
    expect(refused).toEqual({
      status: 'REFUSED',
      refusalReason: 'Adres korespondencyjny tylko dla organizacji z KRS.',
    });

    const before = await requestCount();
    const founder = await t.userWith([Role.learner]);
    const pending = ok(
      await t.gql<{ registerOrganisation: { organisationId: string } }>(
        REGISTER,
        { i: belarusianGroup({ name: 'Nowa grupa' }) },
        { token: founder.token },
      ),
    ).registerOrganisation;
    const unverified = await t.gql(
      REQUEST,
      room('18:00', '19:00', { organisationId: pending.organisationId, admin: { ...founder } }),
      { token: founder.token },
    );
    expect(codeOf(unverified)).toBe('NOT_VERIFIED');
    const backwards = await t.gql(REQUEST, room('19:00', '18:00'), { token: org.admin.token });
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.body.errors![0].extensions.fields).toEqual([
      { field: 'endsAt', constraint: 'afterStartsAt' },
    ]);
    const stranger = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(REQUEST, room('18:00', '19:00'), { token: stranger.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await requestCount()).toBe(before);
  });
});
