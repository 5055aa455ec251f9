import { Clock, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import { verifiedOrganisation } from './fixtures';

describe('ngo-centre: erasure of an account (USER_ERASED)', () => {
  let t: TestApp;
  let clock: Clock;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.setNow(new Date('2026-12-07T08:00:00Z'));
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const ngoDocuments = async () => {
    const names = (await t.db.listCollections())
      .map((c) => c.name)
      .filter((n) => n.startsWith('ngo_'));
    return JSON.stringify(await Promise.all(names.map((n) => t.db.collection(n).find().toArray())));
  };

  it('leaves nothing of a member, an adviser or a founder in any ngo_ collection; the organisation’s things stay', async () => {
    const admin = await t.userWith([Role.admin]);
    const staff = await t.userWith([Role.staff]);
    const adviser = await t.userWith([Role.staff]);
    const org = await verifiedOrganisation(t, staff.token);
    const member = await t.userWith([Role.learner]);
    ok(
      await t.gql(
        `mutation($i: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $i) { state } }`,
        { i: { organisationId: org.organisationId, login: member.login } },
        { token: org.admin.token },
      ),
    );
    ok(
      await t.gql(
        `mutation($id: ID!) { acceptOrganisationInvitation(input: { organisationId: $id }) { state } }`,
        { id: org.organisationId },
        { token: member.token },
      ),
    );
    const adviserId = ok(
      await t.gql<{ assignAdviser: { id: string } }>(
        `mutation($i: AssignAdviserInput!) { assignAdviser(input: $i) { id } }`,
        {
          i: {
            userId: adviser.id,
            displayName: 'Doradca',
            topics: ['LEGAL'],
            languages: ['pl'],
            slotMinutes: 60,
          },
        },
        { token: admin.token },
      ),
    ).assignAdviser.id;
    ok(
      await t.gql(
        `mutation($i: SetAdviserAvailabilityInput!) { setAdviserAvailability(input: $i) { id } }`,
        {
          i: {
            adviserId,
            plan: {
              weekly: [{ weekday: 2, intervals: [{ from: '10:00', to: '12:00' }] }],
              exceptions: [],
            },
          },
        },
        { token: adviser.token },
      ),
    );
    const booking = ok(
      await t.gql<{ bookConsultation: { id: string } }>(
        `mutation($i: BookConsultationInput!) { bookConsultation(input: $i) { id } }`,
        {
          i: {
            adviserId,
            organisationId: org.organisationId,
            startsAt: '2026-12-08T09:00:00Z',
            topic: 'LEGAL',
            language: 'pl',
          },
        },
        { token: member.token },
      ),
    ).bookConsultation;
    ok(
      await t.gql(
        `mutation($id: ID!) { setConsultationNotes(input: { consultationId: $id, notes: "Poufne" }) { id } }`,
        { id: booking.id },
        { token: adviser.token },
      ),
    );
    const roomId = ok(
      await t.gql<{ createRoom: { id: string } }>(
        `mutation { createRoom(input: { name: "Sala", capacity: 10 }) { id } }`,
        {},
        { token: staff.token },
      ),
    ).createRoom.id;
    ok(
      await t.gql(
        `mutation($i: RequestResourceInput!) { requestResource(input: $i) { id } }`,
        {
          i: {
            organisationId: org.organisationId,
            kind: 'ROOM',
            roomId,
            startsAt: '2026-12-20T10:00:00Z',
            endsAt: '2026-12-20T12:00:00Z',
            plan: 'Zebranie członków grupy.',
          },
        },
        { token: member.token },
      ),
    );

    const users = t.app.get(UsersService);
    for (const person of [member, adviser, org.admin]) {
      expect(await ngoDocuments()).toContain(person.id);
      await users.erase(person.id);
      expect(await ngoDocuments()).not.toContain(person.id);
    }
    // the organisation's things stay: the profile, the booking (without notes), the request
    const consultation = await t.db.collection('ngo_consultations').findOne({});
    expect(consultation).toMatchObject({ status: 'BOOKED' });
    expect(consultation!.notesEnc).toBeUndefined();
    expect(await t.db.collection('ngo_profiles').countDocuments()).toBe(1);
    expect(await t.db.collection('ngo_resource_requests').countDocuments()).toBe(1);
    expect(await t.db.collection('ngo_advisers').findOne({})).toMatchObject({ active: false });
  });
});
