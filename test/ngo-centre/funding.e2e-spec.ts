import { Clock, JobScheduler, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { createCall } from '../zones/fixtures';
import { belarusianGroup, OrgFixture, verifiedOrganisation } from './fixtures';

const CREATE = `mutation($i: CreateFundingCallInput!) { createFundingCall(input: $i) { id source title { text } } }`;
const LIST = `query($t: FundingTopic) { fundingOpportunities(topic: $t) { source organiser callId deadline topics grantMaxGrosze title { text } } }`;
const FOLLOW = `mutation($i: FollowFundingTopicsInput!) { followFundingTopics(input: $i) { topics } }`;
const NOTES = `{ myNgoNotifications { kind message } }`;

interface Opportunity {
  source: string;
  organiser: string;
  callId: string | null;
  deadline: string;
  topics: string[];
  title: { text: string };
}

describe('ngo-centre: funding opportunities', () => {
  let t: TestApp;
  let staff: { token: string };
  let following: OrgFixture;
  let other: OrgFixture;
  let clock: Clock;
  let sasiadCallId: string;

  const external = (overrides: Record<string, unknown>) => ({
    i: {
      title: [{ lang: 'pl', text: 'Fundusz Tutaj' }],
      organiser: 'Ashoka',
      grantMinGrosze: 500_000,
      grantMaxGrosze: 2_000_000,
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      link: 'https://example.org/fundusz-tutaj',
      topics: ['INTEGRATION'],
      ...overrides,
    },
  });

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock);
    staff = await t.userWith([Role.staff]);
    const admin = await t.userWith([Role.admin]);
    following = await verifiedOrganisation(t, staff.token);
    other = await verifiedOrganisation(t, staff.token, belarusianGroup({ name: 'Klub sportowy' }));
    sasiadCallId = await createCall(t, admin.token, { programme: 'micro_grants' });
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  it("lists Sąsiad's own open calls and external ones by deadline, filterable by topic", async () => {
    ok(await t.gql(CREATE, external({}), { token: staff.token }));
    ok(
      await t.gql(
        CREATE,
        external({
          title: [{ lang: 'pl', text: 'Sport dla wszystkich' }],
          organiser: 'Ministerstwo Sportu',
          topics: ['SPORT'],
          deadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        }),
        { token: staff.token },
      ),
    );
    const all = ok(
      await t.gql<{ fundingOpportunities: Opportunity[] }>(LIST, {}),
    ).fundingOpportunities;
    // the Sąsiad call closes in an hour, then the sport call (10 days), then Fundusz Tutaj (30)
    expect(all.map((o) => [o.source, o.organiser])).toEqual([
      ['SASIAD', 'Sąsiad'],
      ['EXTERNAL', 'Ministerstwo Sportu'],
      ['EXTERNAL', 'Ashoka'],
    ]);
    expect(all[0]).toMatchObject({ callId: sasiadCallId, topics: ['REGRANTING'] });
    const integration = ok(
      await t.gql<{ fundingOpportunities: Opportunity[] }>(LIST, { t: 'INTEGRATION' }),
    ).fundingOpportunities;
    expect(integration.map((o) => o.title.text)).toEqual(['Fundusz Tutaj']);
    const regranting = ok(
      await t.gql<{ fundingOpportunities: Opportunity[] }>(LIST, { t: 'REGRANTING' }),
    ).fundingOpportunities;
    expect(regranting.map((o) => o.source)).toEqual(['SASIAD']);
  });

  it('refuses a grant range upside down or a past deadline, writing nothing', async () => {
    const before = await t.db.collection('ngo_funding_calls').countDocuments();
    const upsideDown = await t.gql(CREATE, external({ grantMinGrosze: 3_000_000 }), {
      token: staff.token,
    });
    expect(codeOf(upsideDown)).toBe('BAD_USER_INPUT');
    expect(upsideDown.body.errors![0].extensions.fields).toEqual([
      { field: 'grantMaxGrosze', constraint: 'notBelowGrantMin' },
    ]);
    const past = await t.gql(CREATE, external({ deadline: '2020-01-01T00:00:00Z' }), {
      token: staff.token,
    });
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE, external({}), { token: following.admin.token }))).toBe(
      'FORBIDDEN',
    );
    expect(await t.db.collection('ngo_funding_calls').countDocuments()).toBe(before);
  });

  it('reminds organisations following a topic a week before the deadline, once', async () => {
    ok(
      await t.gql(
        FOLLOW,
        { i: { organisationId: following.organisationId, topics: ['INTEGRATION', 'CULTURE'] } },
        { token: following.admin.token },
      ),
    );
    ok(
      await t.gql(
        FOLLOW,
        { i: { organisationId: other.organisationId, topics: ['ECOLOGY'] } },
        { token: other.admin.token },
      ),
    );
    expect(
      codeOf(
        await t.gql(
          FOLLOW,
          { i: { organisationId: other.organisationId, topics: [] } },
          { token: following.admin.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const jobs = t.app.get(JobScheduler);
    const notes = async (token: string) =>
      ok(
        await t.gql<{ myNgoNotifications: { kind: string; message: string }[] }>(
          NOTES,
          {},
          { token, query: '?lang=pl' },
        ),
      ).myNgoNotifications;

    expect(await jobs.runNow('ngo.funding-deadline-reminders')).toBe('ran');
    expect(await notes(following.admin.token)).toEqual([]);
    clock.advance(24 * 86_400_000); // Fundusz Tutaj closes in 6 days
    expect(await jobs.runNow('ngo.funding-deadline-reminders')).toBe('ran');
    clock.advance(2 * 60 * 60_000);
    expect(await jobs.runNow('ngo.funding-deadline-reminders')).toBe('ran');
    const received = await notes(following.admin.token);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'FUNDING_DEADLINE' });
    expect(received[0].message).toMatch(
      /^Termin naboru „Fundusz Tutaj” mija \d\d\.\d\d\.\d{4} \d\d:\d\d\.$/,
    );
    expect(await notes(other.admin.token)).toEqual([]);
  });
});
