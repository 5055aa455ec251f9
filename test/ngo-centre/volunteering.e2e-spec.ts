import { Clock, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { OrgFixture, verifiedOrganisation } from './fixtures';

const CREATE = `mutation($i: CreateVolunteerOfferInput!) { createVolunteerOffer(input: $i) { id moderation recruitment action title { text language } } }`;
const MODERATE = `mutation($i: ModerateVolunteerOfferInput!) { moderateVolunteerOffer(input: $i) { moderation moderationReason recruitment } }`;
const APPLY = `mutation($id: ID!) { applyToVolunteerOffer(input: { offerId: $id, message: "Mówię po polsku i białorusku." }) { id status } }`;
const ACCEPT = `mutation($id: ID!) { acceptVolunteer(input: { applicationId: $id }) { id userId status reservePosition } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawVolunteerApplication(input: { applicationId: $id }) { status } }`;
const OFFER = `query($id: ID!) { volunteerOffer(offerId: $id) { acceptedCount recruitment moderation } }`;
const APPLICATIONS = `query($id: ID!) { volunteerApplications(offerId: $id) { id userId status reservePosition message } }`;

const OWN = `query($o: ID!) { organisationVolunteerOffers(organisationId: $o) { totalCount nodes { id moderation } } }`;
const QUEUE = `query($m: VolunteerOfferModeration!) { volunteerOffersForModeration(moderation: $m) { totalCount nodes { id organisationId } } }`;

const NOW = new Date('2027-01-05T10:00:00Z');

interface Application {
  id: string;
  userId: string;
  status: string;
  reservePosition: number | null;
  message: string | null;
}

describe('ngo-centre: volunteering', () => {
  let t: TestApp;
  let staff: { token: string };
  let org: OrgFixture;
  let clock: Clock;
  let offerId: string;
  const volunteers: { id: string; token: string; login: string }[] = [];

  const applications = async () =>
    ok(
      await t.gql<{ volunteerApplications: Application[] }>(
        APPLICATIONS,
        { id: offerId },
        { token: org.admin.token },
      ),
    ).volunteerApplications;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.setNow(NOW);
    staff = await t.userWith([Role.staff]);
    org = await verifiedOrganisation(t, staff.token);
    for (let i = 0; i < 9; i++) volunteers.push(await t.userWith([Role.learner]));
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it('an offer is public only after the centre publishes it; rejecting needs a reason', async () => {
    const created = ok(
      await t.gql<{
        createVolunteerOffer: {
          id: string;
          moderation: string;
          recruitment: string;
          action: string;
        };
      }>(
        CREATE,
        {
          i: {
            organisationId: org.organisationId,
            baseLanguage: 'pl',
            title: [
              { lang: 'pl', text: 'Pomoc przy zbiórce zimowej' },
              { lang: 'be', text: 'Дапамога ў зімовым зборы' },
            ],
            tasks: [{ lang: 'pl', text: 'Sortowanie ubrań, dyżur przy punkcie.' }],
            place: 'ul. Mostowa 6, Toruń',
            languages: ['pl', 'be', 'uk'],
            startsAt: '2027-01-15T09:00:00Z',
            endsAt: '2027-01-15T15:00:00Z',
            recruitmentOpensAt: '2027-01-01T00:00:00Z',
            recruitmentClosesAt: '2027-01-10T00:00:00Z',
            volunteerLimit: 5,
          },
        },
        { token: org.admin.token },
      ),
    ).createVolunteerOffer;
    expect(created).toMatchObject({
      moderation: 'PENDING_REVIEW',
      recruitment: 'OPEN',
      action: 'PLANNED',
    });
    offerId = created.id;
    // its organisation lists it while it waits, and so does the centre's moderation queue
    const own = await t.gql<{
      organisationVolunteerOffers: { totalCount: number; nodes: unknown[] };
    }>(OWN, { o: org.organisationId }, { token: org.admin.token });
    expect(ok(own).organisationVolunteerOffers.nodes).toEqual([
      { id: offerId, moderation: 'PENDING_REVIEW' },
    ]);
    expect(
      codeOf(await t.gql(OWN, { o: org.organisationId }, { token: volunteers[0].token })),
    ).toBe('FORBIDDEN');
    const queue = (m: string, token: string) =>
      t.gql<{ volunteerOffersForModeration: { nodes: { id: string }[] } }>(QUEUE, { m }, { token });
    expect(
      ok(await queue('PENDING_REVIEW', staff.token)).volunteerOffersForModeration.nodes,
    ).toEqual([{ id: offerId, organisationId: org.organisationId }]);
    expect(codeOf(await queue('PENDING_REVIEW', org.admin.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(OFFER, { id: offerId }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(APPLY, { id: offerId }, { token: volunteers[0].token }))).toBe(
      'NOT_FOUND',
    );
    const noReason = await t.gql(
      MODERATE,
      { i: { offerId, publish: false } },
      { token: staff.token },
    );
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await t.gql(MODERATE, { i: { offerId, publish: true } }, { token: org.admin.token })),
    ).toBe('FORBIDDEN');
    expect(
      ok(
        await t.gql<{ moderateVolunteerOffer: { moderation: string } }>(
          MODERATE,
          { i: { offerId, publish: true } },
          { token: staff.token },
        ),
      ).moderateVolunteerOffer.moderation,
    ).toBe('PUBLISHED');
    expect(
      ok(await queue('PENDING_REVIEW', staff.token)).volunteerOffersForModeration.nodes,
    ).toEqual([]);
    expect(
      ok(await queue('PUBLISHED', staff.token)).volunteerOffersForModeration.nodes.map((n) => n.id),
    ).toEqual([offerId]);
    const list = ok(
      await t.gql<{ volunteerOffers: { nodes: { title: { text: string } }[] } }>(
        `{ volunteerOffers { nodes { title { text } } } }`,
        {},
        { query: '?lang=be' },
      ),
    );
    expect(list.volunteerOffers.nodes).toEqual([{ title: { text: 'Дапамога ў зімовым зборы' } }]);
  });

  it('a limit of 5 filled by 8 applicants: 5 accepted, 3 on the reserve list, the first promoted when one withdraws', async () => {
    const applied: string[] = [];
    for (const v of volunteers.slice(0, 8))
      applied.push(
        ok(
          await t.gql<{ applyToVolunteerOffer: { id: string } }>(
            APPLY,
            { id: offerId },
            { token: v.token },
          ),
        ).applyToVolunteerOffer.id,
      );
    const twice = await t.gql(APPLY, { id: offerId }, { token: volunteers[0].token });
    expect(codeOf(twice)).toBe('ALREADY_APPLIED');
    expect(await t.db.collection('ngo_volunteer_applications').countDocuments()).toBe(8);

    // the organisation accepts all eight at once
    const results = await Promise.all(
      applied.map((id) =>
        t.gql<{ acceptVolunteer: Application }>(ACCEPT, { id }, { token: org.admin.token }),
      ),
    );
    const outcomes = results.map((r) => ok(r).acceptVolunteer);
    expect(outcomes.filter((a) => a.status === 'ACCEPTED')).toHaveLength(5);
    const reserve = outcomes.filter((a) => a.status === 'RESERVE');
    expect(reserve.map((a) => a.reservePosition).sort()).toEqual([1, 2, 3]);
    expect(
      ok(await t.gql<{ volunteerOffer: unknown }>(OFFER, { id: offerId })).volunteerOffer,
    ).toEqual({
      acceptedCount: 5,
      recruitment: 'FULL',
      moderation: 'PUBLISHED',
    });
    // the message is encrypted at rest and shown to the organisation
    expect(
      JSON.stringify(await t.db.collection('ngo_volunteer_applications').findOne()),
    ).not.toContain('białorusku');
    expect((await applications())[0].message).toBe('Mówię po polsku i białorusku.');

    const first = reserve.find((a) => a.reservePosition === 1)!;
    const leaving = outcomes.find((a) => a.status === 'ACCEPTED')!;
    const leaver = volunteers.find((v) => v.id === leaving.userId)!;
    expect(codeOf(await t.gql(WITHDRAW, { id: leaving.id }, { token: org.admin.token }))).toBe(
      'NOT_FOUND',
    );
    expect(
      ok(
        await t.gql<{ withdrawVolunteerApplication: { status: string } }>(
          WITHDRAW,
          { id: leaving.id },
          { token: leaver.token },
        ),
      ).withdrawVolunteerApplication.status,
    ).toBe('WITHDRAWN');
    const after = await applications();
    expect(after.find((a) => a.id === first.id)).toMatchObject({
      status: 'ACCEPTED',
      reservePosition: null,
    });
    expect(after.filter((a) => a.status === 'ACCEPTED')).toHaveLength(5);
    expect(
      after
        .filter((a) => a.status === 'RESERVE')
        .map((a) => a.reservePosition)
        .sort(),
    ).toEqual([2, 3]);
    expect(
      ok(await t.gql<{ volunteerOffer: { acceptedCount: number } }>(OFFER, { id: offerId }))
        .volunteerOffer.acceptedCount,
    ).toBe(5);
    const promoted = volunteers.find((v) => v.id === first.userId)!;
    const notes = ok(
      await t.gql<{ myNgoNotifications: { kind: string; message: string }[] }>(
        `{ myNgoNotifications { kind message } }`,
        {},
        { token: promoted.token, query: '?lang=pl' },
      ),
    ).myNgoNotifications;
    expect(notes).toContainEqual({
      kind: 'VOLUNTEER_ACCEPTED',
      message:
        'Twoje zgłoszenie do oferty wolontariatu „Pomoc przy zbiórce zimowej” zostało przyjęte.',
    });
  });

  it('an invited person accepting a full offer goes to the reserve list', async () => {
    const invited = ok(
      await t.gql<{ inviteVolunteer: { id: string; status: string } }>(
        `mutation($i: InviteVolunteerInput!) { inviteVolunteer(input: $i) { id status } }`,
        { i: { offerId, login: volunteers[8].login } },
        { token: org.admin.token },
      ),
    ).inviteVolunteer;
    expect(invited.status).toBe('INVITED');
    const accepted = ok(
      await t.gql<{ acceptVolunteerInvitation: { status: string; reservePosition: number } }>(
        `mutation($id: ID!) { acceptVolunteerInvitation(input: { applicationId: $id }) { status reservePosition } }`,
        { id: invited.id },
        { token: volunteers[8].token },
      ),
    ).acceptVolunteerInvitation;
    expect(accepted).toEqual({ status: 'RESERVE', reservePosition: 4 });
  });

  it('refuses an application after the recruitment window, writing nothing', async () => {
    const late = await t.userWith([Role.learner]);
    const before = await t.db.collection('ngo_volunteer_applications').countDocuments();
    clock.setNow(new Date('2027-01-10T00:00:00Z'));
    try {
      const res = await t.gql(APPLY, { id: offerId }, { token: late.token, query: '?lang=be' });
      expect(codeOf(res)).toBe('OFFER_WINDOW_CLOSED');
      expect(res.body.errors![0].message).toBe('Прыём валанцёраў на гэтую прапанову закрыты.');
      expect(await t.db.collection('ngo_volunteer_applications').countDocuments()).toBe(before);
    } finally {
      clock.setNow(NOW);
    }
  });

  it('an erased accepted volunteer leaves nothing behind and the next reserve takes the place', async () => {
    const accepted = (await applications()).find((a) => a.status === 'ACCEPTED')!;
    const nextReserve = (await applications())
      .filter((a) => a.status === 'RESERVE')
      .sort((a, b) => a.reservePosition! - b.reservePosition!)[0];
    await t.app.get(UsersService).erase(accepted.userId);
    const after = await applications();
    expect(after.find((a) => a.userId === accepted.userId)).toBeUndefined();
    expect(after.find((a) => a.id === nextReserve.id)?.status).toBe('ACCEPTED');
    expect(after.filter((a) => a.status === 'ACCEPTED')).toHaveLength(5);
    for (const name of (await t.db.listCollections())
      .map((c) => c.name)
      .filter((n) => n.startsWith('ngo_'))) {
      const docs = await t.db.collection(name).find().toArray();
      expect(JSON.stringify(docs)).not.toContain(accepted.userId);
    }
  });
});
