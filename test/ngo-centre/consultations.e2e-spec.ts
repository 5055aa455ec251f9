import { Clock, JobScheduler, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { belarusianGroup, OrgFixture, verifiedOrganisation } from './fixtures';

const BOOK = `mutation($i: BookConsultationInput!) { bookConsultation(input: $i) { id status startsAt endsAt notes } }`;
const CANCEL = `mutation($id: ID!) { cancelConsultation(input: { consultationId: $id }) { status } }`;
const NOTES = `mutation($id: ID!, $n: String!) { setConsultationNotes(input: { consultationId: $id, notes: $n }) { notes } }`;
const ATTENDANCE = `mutation($id: ID!, $a: Boolean!) { recordConsultationAttendance(input: { consultationId: $id, attended: $a }) { status } }`;
const SLOTS = `query($a: ID!, $f: DateTime!) { consultationSlots(adviserId: $a, from: $f, days: 7) { startsAt endsAt } }`;

// Monday 7 December 2026, 09:00 in Warsaw (UTC+1)
const MONDAY = new Date('2026-12-07T08:00:00Z');
// Tuesday 8 December, 10:00 and 11:00 Warsaw
const TUE_10 = '2026-12-08T09:00:00.000Z';
const TUE_11 = '2026-12-08T10:00:00.000Z';

describe('ngo-centre: consultations', () => {
  let t: TestApp;
  let adviser: { id: string; token: string };
  let adviserId: string;
  let org: OrgFixture;
  let clock: Clock;

  const booking = (startsAt: string, organisationId = org.organisationId) => ({
    i: { adviserId, organisationId, startsAt, topic: 'FUNDRAISING', language: 'be' },
  });
  const stored = () => t.db.collection('ngo_consultations').countDocuments();

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    clock.setNow(MONDAY);
    const admin = await t.userWith([Role.admin]);
    const staff = await t.userWith([Role.staff]);
    adviser = await t.userWith([Role.staff]);
    adviserId = ok(
      await t.gql<{ assignAdviser: { id: string } }>(
        `mutation($i: AssignAdviserInput!) { assignAdviser(input: $i) { id } }`,
        {
          i: {
            userId: adviser.id,
            displayName: 'Anna (fundraising)',
            topics: ['FUNDRAISING', 'LEGAL'],
            languages: ['pl', 'be', 'ru'],
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
              weekly: [
                { weekday: 2, intervals: [{ from: '10:00', to: '13:00' }] },
                { weekday: 4, intervals: [{ from: '16:00', to: '18:00' }] },
              ],
              exceptions: [{ date: '2026-12-10', intervals: [], note: 'Szkolenie' }],
            },
          },
        },
        { token: adviser.token },
      ),
    );
    org = await verifiedOrganisation(t, staff.token);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it('offers the slots of the weekly plan in Warsaw time, without the day off', async () => {
    const slots = ok(
      await t.gql<{ consultationSlots: { startsAt: string }[] }>(SLOTS, {
        a: adviserId,
        f: MONDAY.toISOString(),
      }),
    ).consultationSlots;
    // Tuesday 10, 11, 12 (Warsaw); Thursday the 10th is off
    expect(slots.map((s) => s.startsAt)).toEqual([TUE_10, TUE_11, '2026-12-08T11:00:00.000Z']);
  });

  it('20 concurrent bookings of one slot give exactly one booking', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(BOOK, booking(TUE_10), { token: org.admin.token })),
    );
    const won = results.filter((r) => r.body.data?.bookConsultation);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'SLOT_TAKEN')).toHaveLength(19);
    expect(
      await t.db.collection('ngo_consultations').countDocuments({ startsAt: new Date(TUE_10) }),
    ).toBe(1);
    const slots = ok(
      await t.gql<{ consultationSlots: { startsAt: string }[] }>(SLOTS, {
        a: adviserId,
        f: MONDAY.toISOString(),
      }),
    ).consultationSlots;
    expect(slots.map((s) => s.startsAt)).not.toContain(TUE_10);
  });

  it('refuses a slot in the past, outside the plan, a topic not offered and a stranger, writing nothing', async () => {
    const before = await stored();
    const past = await t.gql(BOOK, booking('2026-12-01T09:00:00Z'), { token: org.admin.token });
    expect(codeOf(past)).toBe('SLOT_IN_PAST');
    const offGrid = await t.gql(BOOK, booking('2026-12-08T09:30:00Z'), { token: org.admin.token });
    expect(codeOf(offGrid)).toBe('SLOT_OUTSIDE_PLAN');
    const dayOff = await t.gql(BOOK, booking('2026-12-10T15:00:00Z'), { token: org.admin.token });
    expect(codeOf(dayOff)).toBe('SLOT_OUTSIDE_PLAN');
    const topic = await t.gql(
      BOOK,
      { i: { ...booking(TUE_11).i, topic: 'VOLUNTEERING' } },
      { token: org.admin.token },
    );
    expect(codeOf(topic)).toBe('BAD_USER_INPUT');
    expect(topic.body.errors![0].extensions.fields).toEqual([
      { field: 'topic', constraint: 'isIn' },
    ]);
    const stranger = await t.userWith([Role.learner]);
    expect(codeOf(await t.gql(BOOK, booking(TUE_11), { token: stranger.token }))).toBe('FORBIDDEN');
    expect(await stored()).toBe(before);
  });

  it('a cancelled slot can be booked again; notes are the adviser’s, encrypted; no-shows are counted', async () => {
    const first = ok(
      await t.gql<{ bookConsultation: { id: string } }>(BOOK, booking(TUE_11), {
        token: org.admin.token,
      }),
    ).bookConsultation;
    expect(
      ok(
        await t.gql<{ cancelConsultation: { status: string } }>(
          CANCEL,
          { id: first.id },
          { token: org.admin.token },
        ),
      ).cancelConsultation.status,
    ).toBe('CANCELLED');
    expect(codeOf(await t.gql(CANCEL, { id: first.id }, { token: org.admin.token }))).toBe(
      'ILLEGAL_TRANSITION',
    );
    const again = ok(
      await t.gql<{ bookConsultation: { id: string } }>(BOOK, booking(TUE_11), {
        token: org.admin.token,
      }),
    ).bookConsultation;

    const other = await t.userWith([Role.staff]);
    expect(codeOf(await t.gql(NOTES, { id: again.id, n: 'x' }, { token: other.token }))).toBe(
      'FORBIDDEN',
    );
    const note = 'Statut do poprawy: § 5 (zarząd).';
    expect(
      ok(
        await t.gql<{ setConsultationNotes: { notes: string } }>(
          NOTES,
          { id: again.id, n: note },
          { token: adviser.token },
        ),
      ).setConsultationNotes.notes,
    ).toBe(note);
    const raw = await t.db.collection('ngo_consultations').findOne({ notesEnc: { $exists: true } });
    expect(JSON.stringify(raw)).not.toContain('Statut');
    const orgView = ok(
      await t.gql<{ organisationConsultations: { id: string; notes: string | null }[] }>(
        `query($o: ID!) { organisationConsultations(organisationId: $o) { id notes } }`,
        { o: org.organisationId },
        { token: org.admin.token },
      ),
    ).organisationConsultations;
    expect(orgView.find((c) => c.id === again.id)?.notes).toBeNull();
    const adviserView = ok(
      await t.gql<{ myAdviserConsultations: { id: string; notes: string | null }[] }>(
        `{ myAdviserConsultations { id notes } }`,
        {},
        { token: adviser.token },
      ),
    ).myAdviserConsultations;
    expect(adviserView.find((c) => c.id === again.id)?.notes).toBe(note);

    // before the start attendance cannot be recorded; after it, once
    expect(
      codeOf(await t.gql(ATTENDANCE, { id: again.id, a: false }, { token: adviser.token })),
    ).toBe('ILLEGAL_TRANSITION');
    clock.setNow(new Date('2026-12-08T12:00:00Z'));
    try {
      expect(
        ok(
          await t.gql<{ recordConsultationAttendance: { status: string } }>(
            ATTENDANCE,
            { id: again.id, a: false },
            { token: adviser.token },
          ),
        ).recordConsultationAttendance.status,
      ).toBe('NO_SHOW');
      expect(
        codeOf(await t.gql(ATTENDANCE, { id: again.id, a: true }, { token: adviser.token })),
      ).toBe('ILLEGAL_TRANSITION');
      const record = ok(
        await t.gql<{ consultationRecord: { noShows: number; booked: number } }>(
          `query($o: ID!) { consultationRecord(organisationId: $o) { booked attended noShows } }`,
          { o: org.organisationId },
          { token: org.admin.token },
        ),
      ).consultationRecord;
      expect(record).toEqual({ booked: 1, attended: 0, noShows: 1 });
      // cancelling a past booking is refused
      const past = (await t.db.collection('ngo_consultations').findOne({ status: 'BOOKED' }))!;
      expect(
        codeOf(await t.gql(CANCEL, { id: past._id.toHexString() }, { token: org.admin.token })),
      ).toBe('ILLEGAL_TRANSITION');
    } finally {
      clock.setNow(MONDAY);
    }
  });

  it('reminds the organisation a day ahead, once, as an in-app notification', async () => {
    const staff = await t.userWith([Role.staff]);
    const second = await verifiedOrganisation(
      t,
      staff.token,
      belarusianGroup({ name: 'Mamy z Ukrainy' }),
    );
    // Thursday 17 December, 16:00 Warsaw
    ok(
      await t.gql(BOOK, booking('2026-12-17T15:00:00Z', second.organisationId), {
        token: second.admin.token,
      }),
    );
    const jobs = t.app.get(JobScheduler);
    const mine = async () =>
      ok(
        await t.gql<{
          myNgoNotifications: { kind: string; message: string; organisationId: string }[];
        }>(
          `{ myNgoNotifications { kind message organisationId } }`,
          {},
          { token: second.admin.token, lang: 'pl' },
        ),
      ).myNgoNotifications;
    clock.setNow(new Date('2026-12-15T12:00:00Z'));
    try {
      expect(await jobs.runNow('ngo.consultation-reminders')).toBe('ran');
      expect(await mine()).toEqual([]);
      clock.setNow(new Date('2026-12-16T16:00:00Z')); // 23 hours before
      expect(await jobs.runNow('ngo.consultation-reminders')).toBe('ran');
      clock.advance(20 * 60_000);
      expect(await jobs.runNow('ngo.consultation-reminders')).toBe('ran');
      const notes = await mine();
      expect(notes).toEqual([
        {
          kind: 'CONSULTATION_REMINDER',
          organisationId: second.organisationId,
          message: 'Przypomnienie: konsultacja z doradcą (Anna (fundraising)) 17.12.2026 16:00.',
        },
      ]);
    } finally {
      clock.setNow(MONDAY);
    }
  });
});
