import { Clock, ReadCache, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import { isoIn } from './fixtures';

const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { id } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id status } } }`;
const LIST = `query($lang: Language) { events(lang: $lang) { totalCount nodes { id title { text } confirmedCount seatsLeft registrationOpen } } }`;
const EVENT = `query($id: ID!) { event(id: $id) { id seatsLeft registrationOpen } }`;
const MINE = `{ myEventRegistrations { eventId status } }`;

type List = {
  events: {
    totalCount: number;
    nodes: {
      id: string;
      title: { text: string };
      confirmedCount: number;
      seatsLeft: number;
      registrationOpen: boolean;
    }[];
  };
};

/** The public events list is served from core's ReadCache: every change shows on the next read. */
describe('zones: cached events list', () => {
  let t: TestApp;
  let staff: { token: string };
  let eventId: string;
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    eventId = ok(
      await t.gql<{ createEvent: { id: string } }>(
        CREATE,
        {
          i: {
            kind: 'seminar',
            title: [
              { lang: 'pl', text: 'Prawa najemcy' },
              { lang: 'uk', text: 'Права орендаря' },
            ],
            place: { name: 'Filia 12' },
            startsAt: isoIn(2 * DAY),
            endsAt: isoIn(2 * DAY + 7_200_000),
            languages: ['pl', 'uk'],
            interpretation: [],
            capacity: 3,
          },
        },
        { token: staff.token },
      ),
    ).createEvent.id;
  });
  afterAll(() => t.close());

  const list = async (lang = 'pl') => ok(await t.gql<List>(LIST, { lang })).events;

  it('shows seat counts and edits on the next read, and is served from the cache between', async () => {
    expect((await list()).nodes).toEqual([
      expect.objectContaining({ id: eventId, confirmedCount: 0, seatsLeft: 3 }),
    ]);
    const cache = t.app.get(ReadCache);
    const hits = cache.stats.hits;
    await list('uk');
    expect(cache.stats.hits).toBeGreaterThan(hits);
    expect((await list('uk')).nodes[0].title.text).toBe('Права орендаря');

    const anna = await t.userWith([Role.learner]);
    const ivan = await t.userWith([Role.learner]);
    ok(await t.gql(REGISTER, { i: { eventId } }, { token: anna.token }));
    expect((await list()).nodes[0]).toMatchObject({ confirmedCount: 1, seatsLeft: 2 });
    expect(
      ok(await t.gql<{ event: { seatsLeft: number } }>(EVENT, { id: eventId })).event.seatsLeft,
    ).toBe(2);

    // a registration is the learner's own: never in the shared list, only in their own query
    expect(
      ok(await t.gql<{ myEventRegistrations: unknown[] }>(MINE, {}, { token: anna.token }))
        .myEventRegistrations,
    ).toEqual([{ eventId, status: 'confirmed' }]);
    expect(
      ok(await t.gql<{ myEventRegistrations: unknown[] }>(MINE, {}, { token: ivan.token }))
        .myEventRegistrations,
    ).toEqual([]);

    ok(
      await t.gql(
        UPDATE,
        { i: { id: eventId, title: [{ lang: 'uk', text: 'Права орендаря житла' }] } },
        { token: staff.token },
      ),
    );
    expect((await list('uk')).nodes[0].title.text).toBe('Права орендаря житла');
  });

  it('follows the clock: registration closes at the start and the event leaves the list when it ends', async () => {
    await list();
    const clock = t.app.get(Clock);
    clock.setNow(new Date(Date.now() + 2 * DAY + 60_000)); // a minute into the event
    const during = await list();
    expect(during.nodes[0]).toMatchObject({ id: eventId, registrationOpen: false });
    clock.setNow(new Date(Date.now() + 3 * DAY)); // after it ended
    expect(await list()).toEqual({ totalCount: 0, nodes: [] });
    clock.setNow(new Date()); // back: the event is upcoming again
    expect((await list()).totalCount).toBe(1);
  });
});
