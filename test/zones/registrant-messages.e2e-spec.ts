import { Clock, JobScheduler, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';

const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { id } }`;
const CANCEL_EVENT = `mutation($i: CancelEventInput!) { cancelEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { code registration { status } } }`;
const CANCEL_BY_CODE = `mutation($c: String!) { cancelEventRegistrationByCode(input: { code: $c }) { status } }`;

/**
 * Issue 10, item 13: people registered without an account, who left a contact, hear of event
 * changes, cancellations and a seat from the waitlist, in the language they registered in.
 */
describe('zones: messages to registrants without an account', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'wydarzenia@example.org',
        APP_URL: 'https://sasiad.example.org',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => t.app.get(Clock).reset());

  it('tells each one by e-mail in their language; nothing goes to a phone without an SMS provider', async () => {
    const staff = await t.userWith([Role.staff]);
    // 18:00 in Warsaw on a winter day
    const startsAt = '2027-01-20T17:00:00.000Z';
    const eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          i: {
            kind: 'workshop',
            title: [
              { lang: 'pl', text: 'Jak założyć stowarzyszenie' },
              { lang: 'uk', text: 'Як заснувати об’єднання' },
            ],
            place: {
              name: 'Biblioteka Główna',
              address: { street: 'Kościuszki 1', postalCode: '15-001', city: 'Białystok' },
            },
            startsAt,
            endsAt: '2027-01-20T19:00:00.000Z',
            languages: ['pl', 'uk'],
            capacity: 1,
          },
        },
        { token: staff.token },
      ),
    ).createEvent.id;
    const register = async (lang: string, name: string, contact: string) =>
      ok(
        await t.gql<{ registerForEvent: { code: string; registration: { status: string } } }>(
          REGISTER,
          { i: { eventId, name, contact, consent: true } },
          { lang },
        ),
      ).registerForEvent;
    const olena = await register('uk', 'Олена', 'olena@example.org');
    const ales = await register('be', 'Алесь', 'ales@example.org');
    const maria = await register('ru', 'Мария', '+48 600 100 200');
    expect([olena, ales, maria].map((r) => r.registration.status)).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect(smtp.received).toHaveLength(0);

    // the time moves: everyone registered hears of it (the phone number has no provider)
    ok(
      await t.gql(
        UPDATE,
        {
          i: {
            id: eventId,
            startsAt: '2027-01-21T16:30:00.000Z',
            endsAt: '2027-01-21T18:30:00.000Z',
          },
        },
        { token: staff.token },
      ),
    );
    const changed = [await smtp.next(), await smtp.next()].sort((a, b) =>
      a.to[0].localeCompare(b.to[0]),
    );
    expect(changed.map((m) => [m.to[0], m.subject])).toEqual([
      // no Belarusian title: the Polish one (the base), never the Ukrainian or Russian
      ['ales@example.org', 'Sąsiad: змены ў падзеі «Jak założyć stowarzyszenie»'],
      ['olena@example.org', 'Sąsiad: зміни в події «Як заснувати об’єднання»'],
    ]);
    expect(changed[1].text).toContain('21.01.2027 17:30');
    expect(changed[1].text).toContain('Biblioteka Główna');
    expect(changed[1].text).toContain(`https://sasiad.example.org/events/${eventId}`);
    // nothing the person told us goes out
    expect(changed[1].text).not.toContain('Олена');

    // Olena gives up her seat: Aleś, first on the waitlist, gets it and is told
    ok(await t.gql(CANCEL_BY_CODE, { c: olena.code }));
    const promoted = await smtp.next();
    expect(promoted.to).toEqual(['ales@example.org']);
    expect(promoted.subject).toBe(
      'Sąsiad: для вас ёсць месца на падзею «Jak założyć stowarzyszenie»',
    );

    // the organiser cancels: Aleś hears of it; Olena had already left
    ok(await t.gql(CANCEL_EVENT, { i: { id: eventId } }, { token: staff.token }));
    const cancelled = await smtp.next();
    expect(cancelled.to).toEqual(['ales@example.org']);
    expect(cancelled.subject).toBe('Sąsiad: падзею «Jak założyć stowarzyszenie» адменена');
    expect(smtp.received).toHaveLength(0);
  });

  it('reminds everyone with a seat the day before, once: in the app when signed in, else by e-mail', async () => {
    const staff = await t.userWith([Role.staff]);
    const learner = await t.userWith([Role.learner]);
    const create = async (startsAt: string) =>
      ok(
        await t.gql<{ createEvent: { id: string } }>(
          CREATE,
          {
            i: {
              kind: 'seminar',
              title: [
                { lang: 'pl', text: 'Spotkanie mieszkańców Bema' },
                { lang: 'ru', text: 'Встреча жителей Бема' },
              ],
              place: {
                name: 'Klub osiedlowy',
                address: { street: 'Bema 2', postalCode: '15-369', city: 'Białystok' },
              },
              startsAt,
              endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
              languages: ['pl', 'ru'],
              capacity: 10,
            },
          },
          { token: staff.token },
        ),
      ).createEvent.id;
    const soon = await create('2027-03-10T17:00:00.000Z');
    const later = await create('2027-03-14T17:00:00.000Z');
    for (const eventId of [soon, later])
      ok(
        await t.gql(
          REGISTER,
          { i: { eventId, name: 'Ірина', contact: 'iryna@example.org', consent: true } },
          { lang: 'ru' },
        ),
      );
    ok(
      await t.gql(
        `mutation { updateMyProfile(input: { preferredLanguage: ru }) { id } }`,
        {},
        { token: learner.token },
      ),
    );
    ok(await t.gql(REGISTER, { i: { eventId: soon } }, { token: learner.token }));

    t.app.get(Clock).setNow(new Date('2027-03-09T18:00:00.000Z'));
    const jobs = t.app.get(JobScheduler);
    expect(await jobs.runNow('zones.eventReminders')).toBe('ran');
    const mail = await smtp.next();
    expect(mail.to).toEqual(['iryna@example.org']);
    expect(mail.subject).toBe('Sąsiad: напоминание о мероприятии «Встреча жителей Бема»');
    expect(mail.text).toContain('10.03.2027 18:00');
    const inApp = ok(
      await t.gql<{
        myNotifications: { nodes: { kind: string; referenceId: string; message: string }[] };
      }>(
        `query { myNotifications { nodes { kind referenceId message } } }`,
        {},
        { token: learner.token },
      ),
    ).myNotifications.nodes;
    expect(inApp).toEqual([
      {
        kind: 'EVENT_REMINDER',
        referenceId: soon,
        message: expect.stringContaining('Напоминание: мероприятие «Встреча жителей Бема»'),
      },
    ]);

    // a later run (the next period) sends nothing twice, and the event in five days waits
    t.app.get(Clock).advance(20 * 60_000);
    expect(await jobs.runNow('zones.eventReminders')).toBe('ran');
    expect(smtp.received).toHaveLength(0);
  });
});
