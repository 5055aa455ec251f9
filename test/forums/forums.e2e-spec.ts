import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LANGUAGES, Role } from '@sasiad/core';
import { BIALYSTOK_ESTATES } from '@sasiad/forums';
import { runCli } from '../../apps/cli/src/cli';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import {
  assignRole,
  Data,
  IDEA_FIELDS,
  JOIN,
  person,
  Person,
  POST_IDEA,
  refused,
} from './fixtures';

const FORUMS = `query($lang: Language) { forums(lang: $lang) { id key name city memberCount sample viewerIsMember description { text language isFallback state } } }`;
const FORUM = `query($id: ID!) { forum(id: $id) { id name memberCount viewerIsMember facilitatorIds } forumMembers(id: $id) { userId displayName } }`;
const LEAVE = `mutation($i: LeaveForumInput!) { leaveForum(input: $i) { forumId member } }`;
const SET_ROLE = `mutation($i: SetForumRoleInput!) { setForumRole(input: $i) { id facilitatorIds } }`;
const IDEAS = `query($f: ID!, $s: String) { forumIdeas(forumId: $f, search: $s) { totalCount nodes { id content { title } } } }`;

describe('forums: the six estates, members, roles, posting rules', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'sasiad-forums-seed-'));
  const dbUri = `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}forums_${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };
  let ids: Record<string, string> = {};
  let admin: Person;
  let resident: Person;

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readSecret: async () => '',
    });
    return { code, out, err };
  };

  beforeAll(async () => {
    t = await startTestApp({ dataDir, env: { MONGODB_URI: dbUri } });
    // The command runs in this process against the same database, as `npm run cli` would.
    Object.assign(process.env, {
      NODE_ENV: 'test',
      MONGODB_URI: dbUri,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    admin = await person(t, [Role.admin]);
    resident = await person(t, [Role.learner], 'uk', 'Olena');
  });
  afterAll(async () => {
    process.env = saved;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the six Białystok estates with descriptions in four languages, once', async () => {
    const first = await run(['seed-forums']);
    expect(first.code).toBe(0);
    expect(first.out).toHaveLength(6);
    for (const line of first.out)
      expect(line).toMatch(/^created forum [a-z]+ \(id [0-9a-f]{24}\)$/);
    const again = await run(['seed-forums']);
    expect(again.code).toBe(0);
    expect(again.out.every((l) => l.startsWith('skipped forum'))).toBe(true);

    for (const lang of LANGUAGES) {
      const { forums } = ok(await t.gql<{ forums: Data[] }>(FORUMS, { lang }));
      expect(forums.map((f) => f.name).sort()).toEqual(
        ['Bema', 'Białostoczek', 'Piasta', 'Przyjaźń', 'TBS', 'Tysiąclecia'].sort(),
      );
      for (const f of forums) {
        const estate = BIALYSTOK_ESTATES.find((e) => e.key === f.key)!;
        expect(f).toMatchObject({ city: 'Białystok', sample: true, memberCount: 0 });
        expect(f.description).toEqual({
          text: estate.description[lang],
          language: lang,
          isFallback: false,
          state: 'UP_TO_DATE',
        });
      }
      ids = Object.fromEntries(forums.map((f) => [f.key, f.id]));
    }
  });

  it('lets anyone signed in join; lists only members who agreed; leaving lowers the count', async () => {
    const quiet = await person(t);
    ok(await t.gql(JOIN, { i: { forumId: ids.bema, public: true } }, { token: resident.token }));
    ok(await t.gql(JOIN, { i: { forumId: ids.bema } }, { token: quiet.token }));
    const again = await t.gql(JOIN, { i: { forumId: ids.bema } }, { token: quiet.token });
    expect(refused(again)).toEqual({ code: 'ALREADY_FORUM_MEMBER', data: null });

    const page = ok(await t.gql<Data>(FORUM, { id: ids.bema }, { token: resident.token }));
    expect(page.forum).toMatchObject({ memberCount: 2, viewerIsMember: true });
    expect(page.forumMembers).toEqual([{ userId: resident.id, displayName: 'Olena' }]);
    const anonymous = ok(await t.gql<Data>(FORUM, { id: ids.bema }));
    expect(anonymous.forum.viewerIsMember).toBe(false);

    // consent can be withdrawn without leaving
    const VISIBILITY = `mutation($i: SetForumMembershipVisibilityInput!) { setForumMembershipVisibility(input: $i) { member public } }`;
    expect(
      ok(
        await t.gql<Data>(
          VISIBILITY,
          { i: { forumId: ids.bema, public: false } },
          { token: resident.token },
        ),
      ),
    ).toEqual({ setForumMembershipVisibility: { member: true, public: false } });
    expect(ok(await t.gql<Data>(FORUM, { id: ids.bema })).forumMembers).toEqual([]);
    ok(
      await t.gql(
        VISIBILITY,
        { i: { forumId: ids.bema, public: true } },
        { token: resident.token },
      ),
    );
    const outsiderVisibility = await t.gql(
      VISIBILITY,
      { i: { forumId: ids.bema, public: true } },
      { token: (await person(t)).token },
    );
    expect(refused(outsiderVisibility)).toEqual({ code: 'NOT_FORUM_MEMBER', data: null });

    ok(await t.gql(LEAVE, { i: { forumId: ids.bema } }, { token: quiet.token }));
    const twice = await t.gql(LEAVE, { i: { forumId: ids.bema } }, { token: quiet.token });
    expect(refused(twice)).toEqual({ code: 'NOT_FORUM_MEMBER', data: null });
    expect(ok(await t.gql<Data>(FORUM, { id: ids.bema })).forum.memberCount).toBe(1);
  });

  it('makes facilitators, staff or not, assigned only by an admin; each sees their roles', async () => {
    const staff = await person(t, [Role.staff]);
    const volunteer = await person(t);
    const outsider = await person(t);
    const byStaff = await t.gql(
      SET_ROLE,
      { i: { forumId: ids.tbs, userId: staff.id, role: 'FACILITATOR', assigned: true } },
      { token: staff.token },
    );
    expect(refused(byStaff)).toEqual({ code: 'FORBIDDEN', data: null });
    await assignRole(t, admin.token, ids.tbs, staff.id, 'FACILITATOR');
    // a resident volunteer without any staff role facilitates too (forum-scoped role)
    await assignRole(t, admin.token, ids.tbs, volunteer.id, 'FACILITATOR');
    await assignRole(t, admin.token, ids.tbs, volunteer.id, 'MODERATOR');
    const forum = ok(await t.gql<Data>(FORUM, { id: ids.tbs })).forum;
    expect(forum.facilitatorIds).toEqual([staff.id, volunteer.id]);

    const ROLES = `query($id: ID!) { forum(id: $id) { viewerRoles } }`;
    const rolesOf = async (token?: string) =>
      ok(await t.gql<Data>(ROLES, { id: ids.tbs }, { token })).forum.viewerRoles;
    expect(await rolesOf(volunteer.token)).toEqual(['FACILITATOR', 'MODERATOR']);
    expect(await rolesOf(outsider.token)).toEqual([]);
    expect(await rolesOf()).toEqual([]);
    expect(await rolesOf(admin.token)).toEqual(['FACILITATOR', 'MODERATOR', 'TRANSLATOR']);

    const OPEN = `mutation($i: OpenDebateInput!) { openDebate(input: $i) { id forumId } }`;
    const question = {
      forumId: ids.tbs,
      question: 'Gdzie stawiać rowery?',
      text: 'Porozmawiajmy.',
    };
    const notFacilitator = await t.gql(OPEN, { i: question }, { token: outsider.token });
    expect(refused(notFacilitator)).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });
    const opened = ok(await t.gql<Data>(OPEN, { i: question }, { token: volunteer.token }));
    expect(opened.openDebate.forumId).toBe(ids.tbs);

    // an activity planned by the volunteer: a forum_activity event hosted by no organisation
    const PLAN = `mutation($i: CreateForumActivityInput!) { createForumActivity(input: $i) { id event { kind } } }`;
    const startsAt = Date.now() + 2 * 86_400_000;
    const walk = {
      forumId: ids.tbs,
      kind: 'WALK',
      event: {
        title: [{ lang: 'pl', text: 'Spacer po TBS' }],
        place: { name: 'Plac przy ul. Mieszka I' },
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
        languages: ['pl'],
        capacity: 10,
      },
    };
    const byOutsider = await t.gql(PLAN, { i: walk }, { token: outsider.token });
    expect(refused(byOutsider)).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });
    const planned = ok(await t.gql<Data>(PLAN, { i: walk }, { token: volunteer.token }));
    expect(planned.createForumActivity.event).toEqual({ kind: 'forum_activity' });
  });

  it('refuses a non-member, HTML or scripts, and too many posts in a minute, writing nothing', async () => {
    const outsider = await person(t);
    const input = { forumId: ids.piasta, title: 'Ławka przy przystanku', text: 'Brakuje ławki.' };
    const notMember = await t.gql(POST_IDEA, { i: input }, { token: outsider.token });
    expect(refused(notMember)).toEqual({ code: 'NOT_FORUM_MEMBER', data: null });

    ok(await t.gql(JOIN, { i: { forumId: ids.piasta } }, { token: outsider.token }));
    for (const bad of [
      { title: '<b>Ławka</b>', text: 'Brakuje ławki.' },
      { title: 'Ławka', text: 'Zobacz <script>alert(1)</script>' },
      { title: 'Ławka', text: '[tu](javascript:alert(1))' },
    ]) {
      const res = await t.gql(POST_IDEA, { i: { ...input, ...bad } }, { token: outsider.token });
      expect(refused(res)).toEqual({ code: 'RAW_HTML_NOT_ALLOWED', data: null });
    }
    const halfPoint = await t.gql(
      POST_IDEA,
      { i: { ...input, place: { lat: 53.1 } } },
      { token: outsider.token },
    );
    expect(refused(halfPoint).code).toBe('BAD_USER_INPUT');
    expect(halfPoint.body.errors![0].extensions.fields).toEqual([
      { field: 'place.lng', constraint: 'pointNeedsBoth' },
    ]);
    const none = ok(await t.gql<Data>(IDEAS, { f: ids.piasta }));
    expect(none.forumIdeas.totalCount).toBe(0);

    for (let i = 1; i <= 5; i++)
      ok(
        await t.gql(
          POST_IDEA,
          { i: { ...input, title: `Pomysł ${i}` } },
          { token: outsider.token },
        ),
      );
    const sixth = await t.gql(
      POST_IDEA,
      { i: { ...input, title: 'Pomysł 6' } },
      { token: outsider.token },
    );
    expect(refused(sixth)).toEqual({ code: 'POSTING_TOO_FAST', data: null });
    expect(ok(await t.gql<Data>(IDEAS, { f: ids.piasta })).forumIdeas.totalCount).toBe(5);
  });

  it('stores an idea in its author’s language and finds it in either alphabet', async () => {
    ok(await t.gql(JOIN, { i: { forumId: ids.przyjazn } }, { token: resident.token }));
    const res = await t.gql<{ postIdea: Data }>(
      POST_IDEA,
      {
        i: {
          forumId: ids.przyjazn,
          title: 'Лавка біля зупинки',
          text: 'Літнім людям нема де сісти.',
          place: { address: 'ul. Przyjaciół 5', lat: 53.14, lng: 23.15 },
        },
      },
      { token: resident.token, query: '?lang=pl' },
    );
    const idea = ok(res).postIdea;
    expect(idea).toMatchObject({
      state: 'NEW',
      supportCount: 0,
      author: { userId: resident.id, fromPaper: false, erased: false },
      place: { address: 'ul. Przyjaciół 5', lat: 53.14, lng: 23.15 },
      content: {
        language: 'uk',
        languageName: 'ukraiński',
        title: 'Лавка біля зупинки',
        translation: null,
      },
    });
    for (const search of ['лавка', 'lawka', 'zupynky'])
      expect(
        ok(await t.gql<Data>(IDEAS, { f: ids.przyjazn, s: search })).forumIdeas.nodes.map(
          (n: Data) => n.id,
        ),
      ).toEqual([idea.id]);
    expect(IDEA_FIELDS).toContain('viewerSupports');
  });
});
