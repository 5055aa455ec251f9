import { Clock, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import sharp from 'sharp';
import { parseCsv } from '../support/csv';
import { downloadFile, requestUpload, uploadFile } from '../support/files';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import {
  assignRole,
  COMMENT,
  Data,
  IDEA_FIELDS,
  join,
  person,
  Person,
  postIdea,
  refused,
  seededForums,
} from './fixtures';

const CREATE = `mutation($i: CreateForumActivityInput!) { createForumActivity(input: $i) { id kind eventId title startsAt minutes { participants } event { id kind capacity seatsLeft title { text } } } }`;
const MINUTES = `mutation($i: RecordActivityMinutesInput!) { recordActivityMinutes(input: $i) { id minutes { text language participants newcomers } ideaIds } }`;
const ACTIVITY = `query($id: ID!) { forumActivity(id: $id) { id kind minutes { participants newcomers } ideaIds } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status waitlistPosition } } }`;
const EVENT = `query($id: ID!) { event(id: $id) { kind confirmedCount seatsLeft } }`;
const REPORT = `query($f: ID!, $from: DateTime!, $to: DateTime!) { forumReport(forumId: $f, from: $from, to: $to) { activities participants newcomers ideas supports recommendations answered accepted csv } }`;
const NOTIFICATIONS = `{ myForumNotifications { nodes { kind message } } }`;
const IDEA = `query($id: ID!) { idea(id: $id) { ${IDEA_FIELDS} } }`;

const NOW = new Date('2026-12-01T09:00:00Z');
const STARTS = '2026-12-05T10:00:00+01:00';

function walkInput(forumId: string) {
  return {
    forumId,
    kind: 'WALK',
    event: {
      title: [
        { lang: 'pl', text: 'Spacer po podwórkach osiedla Bema' },
        { lang: 'uk', text: 'Прогулянка подвір’ями мікрорайону Bema' },
      ],
      place: { name: 'Przed Klubem Osiedlowym' },
      startsAt: STARTS,
      endsAt: '2026-12-05T12:00:00+01:00',
      languages: ['pl', 'uk'],
      capacity: 2,
    },
  };
}

describe('forums: activities, the per-forum report, erasure', () => {
  let t: TestApp;
  let forumId: string;
  let admin: Person;
  let facilitator: Person;
  let resident: Person;
  let activityId: string;
  let ideaId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).setNow(NOW);
    forumId = (await seededForums(t)).bema;
    admin = await person(t, [Role.admin]);
    facilitator = await person(t, [Role.staff]);
    resident = await person(t, [Role.learner], 'uk');
    await assignRole(t, admin.token, forumId, facilitator.id, 'FACILITATOR');
    await join(t, resident, forumId);
  });
  afterAll(() => {
    t.app.get(Clock).reset();
    return t.close();
  });

  it('announces a walk with seats and a waitlist, told to the forum’s followers', async () => {
    ok(
      await t.gql(
        `mutation($i: FollowInput!) { follow(input: $i) { following } }`,
        { i: { targetKind: 'FORUM', targetId: forumId } },
        { token: resident.token },
      ),
    );
    const nothing = await t.gql(
      `mutation($i: FollowInput!) { follow(input: $i) { following } }`,
      { i: { targetKind: 'IDEA', targetId: forumId } },
      { token: resident.token },
    );
    expect(refused(nothing)).toEqual({ code: 'NOT_FOUND', data: null });
    const otherStaff = await person(t, [Role.staff]);
    const notFacilitator = await t.gql(
      CREATE,
      { i: walkInput(forumId) },
      { token: otherStaff.token },
    );
    expect(refused(notFacilitator)).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });

    const activity = ok(
      await t.gql<Data>(CREATE, { i: walkInput(forumId) }, { token: facilitator.token }),
    ).createForumActivity;
    activityId = activity.id;
    expect(activity).toMatchObject({
      kind: 'WALK',
      title: 'Spacer po podwórkach osiedla Bema',
      minutes: null,
      event: { kind: 'forum_activity', capacity: 2, seatsLeft: 2 },
    });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await person(t);
      statuses.push(
        ok(await t.gql<Data>(REGISTER, { i: { eventId: activity.eventId } }, { token: p.token }))
          .registerForEvent.registration.status,
      );
    }
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(ok(await t.gql<Data>(EVENT, { id: activity.eventId })).event).toEqual({
      kind: 'forum_activity',
      confirmedCount: 2,
      seatsLeft: 0,
    });
    const news = ok(await t.gql<Data>(NOTIFICATIONS, {}, { token: resident.token }))
      .myForumNotifications.nodes;
    expect(news).toEqual([
      {
        kind: 'NEW_ACTIVITY',
        message:
          'Тематична прогулянка на форумі мікрорайону Bema: «Spacer po podwórkach osiedla Bema». Зареєструйтеся, поки є вільні місця.',
      },
    ]);
  });

  it('records minutes, participants, newcomers and ideas only once the walk has begun', async () => {
    ideaId = await postIdea(t, resident, forumId, 'Мурал на трансформаторній будці', 'Сіра будка.');
    const input = {
      activityId,
      text: 'Przeszliśmy trzy podwórka; mieszkańcy opowiadali o historii osiedla.',
      language: 'pl',
      participants: 14,
      newcomers: 5,
      ideaIds: [ideaId],
    };
    const early = await t.gql(MINUTES, { i: input }, { token: facilitator.token });
    expect(refused(early)).toEqual({ code: 'ACTIVITY_NOT_HELD_YET', data: null });
    t.app.get(Clock).setNow(new Date('2026-12-05T12:30:00Z'));
    const tooMany = await t.gql(
      MINUTES,
      { i: { ...input, newcomers: 20 } },
      { token: facilitator.token },
    );
    expect(refused(tooMany).code).toBe('BAD_USER_INPUT');
    ok(await t.gql(MINUTES, { i: input }, { token: facilitator.token }));
    expect(ok(await t.gql<Data>(ACTIVITY, { id: activityId })).forumActivity).toEqual({
      id: activityId,
      kind: 'WALK',
      minutes: { participants: 14, newcomers: 5 },
      ideaIds: [ideaId],
    });
  });

  it('keeps photos of the walk in the file store: added by its facilitators, public', async () => {
    const photo = await sharp({
      create: { width: 30, height: 20, channels: 3, background: '#7a4' },
    })
      .jpeg()
      .toBuffer();
    const file = { ownerKind: 'forums.activity', ownerId: activityId, fileName: 'spacer.jpg' };
    const byResident = await t.gql(
      `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
      { i: file },
      { token: resident.token },
    );
    expect(refused(byResident)).toEqual({ code: 'FORBIDDEN', data: null });
    await expect(requestUpload(t, facilitator.token, file)).resolves.toHaveProperty('uploadUrl');
    const stored = await uploadFile(t, facilitator.token, { ...file, bytes: photo });
    expect(stored).toMatchObject({ kind: 'IMAGE', mimeType: 'image/jpeg' });
    const withPhotos = ok(
      await t.gql<Data>(
        `query($id: ID!) { forumActivity(id: $id) { photos { id kind fileName } } }`,
        {
          id: activityId,
        },
      ),
    ).forumActivity;
    expect(withPhotos.photos).toEqual([{ id: stored.id, kind: 'IMAGE', fileName: 'spacer.jpg' }]);
    expect((await downloadFile(t, stored.id)).status).toBe(200);
  });

  it('reports a forum for a period as figures and CSV, for staff only', async () => {
    const args = { f: forumId, from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const byResident = await t.gql(REPORT, args, { token: resident.token });
    expect(refused(byResident)).toEqual({ code: 'FORBIDDEN', data: null });
    const report = ok(await t.gql<Data>(REPORT, args, { token: facilitator.token })).forumReport;
    expect(report).toMatchObject({
      activities: 1,
      participants: 14,
      newcomers: 5,
      ideas: 1,
      supports: 0,
      recommendations: 0,
    });
    const rows = parseCsv(report.csv);
    expect(rows[0]).toEqual([
      'type',
      'date',
      'kind',
      'title',
      'participants',
      'newcomers',
      'supports',
      'status',
    ]);
    expect(rows).toContainEqual([
      'activity',
      '2026-12-05',
      'WALK',
      'Spacer po podwórkach osiedla Bema',
      '14',
      '5',
      '',
      'MINUTES',
    ]);
    expect(rows).toContainEqual([
      'idea',
      expect.any(String),
      'ONLINE',
      'Мурал на трансформаторній будці',
      '',
      '',
      '0',
      'NEW',
    ]);
  });

  it('on erasure removes the person’s comments, anonymises their ideas and withdraws their supports', async () => {
    const leaving = await person(t, [Role.learner], 'be', 'Ales');
    await join(t, leaving, forumId, true);
    const neighbour = await person(t);
    await join(t, neighbour, forumId);
    const theirIdea = await postIdea(t, leaving, forumId, 'Веласіпедная стаянка', 'Ля крамы.');
    ok(
      await t.gql(
        `mutation($id: ID!) { supportIdea(input: { ideaId: $id }) { supportCount } }`,
        { id: ideaId },
        { token: leaving.token },
      ),
    );
    const comment = ok(
      await t.gql<Data>(
        COMMENT,
        { i: { targetId: ideaId, text: 'Я жыву побач.' } },
        { token: leaving.token },
      ),
    ).commentOnPost;
    const reply = ok(
      await t.gql<Data>(
        COMMENT,
        { i: { targetId: ideaId, replyToId: comment.id, text: 'Super!' } },
        { token: neighbour.token },
      ),
    ).commentOnPost;
    const before = ok(
      await t.gql<Data>(`query($id: ID!) { forum(id: $id) { memberCount } }`, { id: forumId }),
    ).forum.memberCount;

    await t.app.get(UsersService).erase(leaving.id);

    const idea = ok(await t.gql<Data>(IDEA, { id: theirIdea })).idea;
    expect(idea).toMatchObject({
      author: { userId: null, erased: true, fromPaper: false },
      content: { title: 'Веласіпедная стаянка' },
    });
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea).toMatchObject({
      supportCount: 0,
      commentCount: 2,
    });
    const comments = ok(
      await t.gql<Data>(
        `query($id: ID!) { forumComments(targetId: $id) { nodes { id replyToId content { text } author { userId erased } } } }`,
        { id: ideaId },
      ),
    ).forumComments.nodes;
    expect(comments).toEqual([
      { id: comment.id, replyToId: null, content: null, author: { userId: null, erased: true } },
      {
        id: reply.id,
        replyToId: comment.id,
        content: { text: 'Super!' },
        author: { userId: neighbour.id, erased: false },
      },
    ]);
    const after = ok(
      await t.gql<Data>(
        `query($id: ID!) { forum(id: $id) { memberCount } forumMembers(id: $id) { userId } }`,
        {
          id: forumId,
        },
      ),
    );
    expect(after.forum.memberCount).toBe(before - 1);
    expect(after.forumMembers).toEqual([]);
    // nothing in the forums collections still names the person
    const names = await Promise.all(
      (await t.db.listCollections())
        .map((c) => c.name)
        .filter((n) => n.startsWith('forums_'))
        .map(async (name) => {
          const docs = await t.db.collection(name).find({}).toArray();
          return docs.some((d) => JSON.stringify(d).includes(leaving.id)) ? name : null;
        }),
    );
    expect(names.filter(Boolean)).toEqual([]);
  });
});
