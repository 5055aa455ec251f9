import { Role } from '@sasiad/core';
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

const REC_FIELDS = `id state ideaIds debateIds progress sentAt adoption { decision decidedOn } answer { status reason } milestones { title progress } content { title language }`;
const DRAFT = `mutation($i: DraftRecommendationInput!) { draftRecommendation(input: $i) { ${REC_FIELDS} } }`;
const ADOPT = `mutation($i: AdoptRecommendationInput!) { adoptRecommendation(input: $i) { ${REC_FIELDS} } }`;
const SEND = `mutation($id: ID!) { sendRecommendation(input: { recommendationId: $id }) { ${REC_FIELDS} } }`;
const ANSWER = `mutation($i: AnswerRecommendationInput!) { answerRecommendation(input: $i) { ${REC_FIELDS} } }`;
const MILESTONE = `mutation($i: AddRecommendationMilestoneInput!) { addRecommendationMilestone(input: $i) { ${REC_FIELDS} } }`;
const RECOMMENDATION = `query($id: ID!) { recommendation(id: $id) { ${REC_FIELDS} } }`;
const IDEA = `query($id: ID!) { idea(id: $id) { ${IDEA_FIELDS} } }`;
const REPORT = `mutation($i: ReportPostInput!) { reportPost(input: $i) { postId hidden } }`;
const HIDE = `mutation($i: ModeratePostInput!) { hidePost(input: $i) { id hidden hiddenReason reportCount decided } }`;
const RESTORE = `mutation($i: ModeratePostInput!) { restorePost(input: $i) { id hidden hiddenReason reportCount decided } }`;
const QUEUE = `query($f: ID!) { moderationQueue(forumId: $f) { totalCount nodes { id hidden reportCount reportReasons decided content { title } } } }`;
const DECISIONS = `query($f: ID!) { moderationDecisions(forumId: $f) { nodes { postId action reason moderatorId reportCount } } }`;
const IDEAS = `query($f: ID!) { forumIdeas(forumId: $f) { totalCount nodes { id } } }`;
const NOTIFICATIONS = `{ myForumNotifications { nodes { kind message referenceId } } }`;

describe('forums: recommendations to the city and moderation', () => {
  let t: TestApp;
  let forumId: string;
  let admin: Person;
  let facilitator: Person;
  let cityDesk: Person;
  let moderator: Person;
  let author: Person;

  beforeAll(async () => {
    t = await startTestApp();
    forumId = (await seededForums(t)).tysiaclecia;
    admin = await person(t, [Role.admin]);
    facilitator = await person(t, [Role.staff]);
    cityDesk = await person(t, [Role.staff]);
    moderator = await person(t, [Role.learner]);
    author = await person(t, [Role.learner], 'be');
    await assignRole(t, admin.token, forumId, facilitator.id, 'FACILITATOR');
    await assignRole(t, admin.token, forumId, moderator.id, 'MODERATOR');
    await join(t, author, forumId);
  });
  afterAll(() => t.close());

  it('builds a recommendation from two ideas, adopts, sends, records the answer and tracks it to 100 %', async () => {
    const follower = await person(t, [Role.learner], 'ru');
    ok(
      await t.gql(
        `mutation($i: FollowInput!) { follow(input: $i) { following } }`,
        { i: { targetKind: 'FORUM', targetId: forumId } },
        { token: follower.token },
      ),
    );
    const benches = await postIdea(t, author, forumId, 'Лаўкі ў двары', 'Няма дзе адпачыць.');
    const lights = await postIdea(t, author, forumId, 'Святло на сцежцы', 'Вечарам цёмна.');
    const draft = ok(
      await t.gql<Data>(
        DRAFT,
        {
          i: {
            forumId,
            title: 'Rada osiedla z budżetem na małą infrastrukturę',
            text: 'Forum rekomenduje radzie miasta…',
            ideaIds: [benches, lights],
          },
        },
        { token: facilitator.token },
      ),
    ).draftRecommendation;
    expect(draft).toMatchObject({ state: 'DRAFT', ideaIds: [benches, lights], progress: 0 });

    const sendDraft = await t.gql(SEND, { id: draft.id }, { token: facilitator.token });
    expect(refused(sendDraft)).toEqual({ code: 'RECOMMENDATION_STEP_NOT_ALLOWED', data: null });

    const adopted = ok(
      await t.gql<Data>(
        ADOPT,
        {
          i: {
            recommendationId: draft.id,
            decision: 'Przyjęta na spotkaniu forum: 21 osób za, 2 wstrzymały się.',
            decidedOn: '2026-11-20T18:00:00+01:00',
          },
        },
        { token: facilitator.token },
      ),
    ).adoptRecommendation;
    expect(adopted).toMatchObject({
      state: 'ADOPTED',
      adoption: { decidedOn: '2026-11-20T17:00:00.000Z' },
    });
    for (const id of [benches, lights])
      expect(ok(await t.gql<Data>(IDEA, { id })).idea.state).toBe('IN_RECOMMENDATION');

    const sent = ok(
      await t.gql<Data>(SEND, { id: draft.id }, { token: facilitator.token }),
    ).sendRecommendation;
    expect(sent.state).toBe('SENT');

    const answerInput = {
      recommendationId: draft.id,
      status: 'ACCEPTED',
      reason: 'Miasto przygotuje uchwałę o radach osiedli w 2027 r.',
    };
    const byResident = await t.gql(ANSWER, { i: answerInput }, { token: author.token });
    expect(refused(byResident)).toEqual({ code: 'FORBIDDEN', data: null });
    expect(
      ok(await t.gql<Data>(RECOMMENDATION, { id: draft.id })).recommendation.answer,
    ).toBeNull();

    const early = await t.gql(
      MILESTONE,
      { i: { recommendationId: draft.id, title: 'Start', progress: 10 } },
      { token: cityDesk.token },
    );
    expect(refused(early)).toEqual({ code: 'RECOMMENDATION_NOT_ACCEPTED', data: null });

    ok(
      await t.gql(
        ANSWER,
        { i: { ...answerInput, status: 'UNDER_CONSIDERATION', reason: 'Wydział analizuje.' } },
        { token: cityDesk.token },
      ),
    );
    const accepted = ok(
      await t.gql<Data>(ANSWER, { i: answerInput }, { token: cityDesk.token }),
    ).answerRecommendation;
    expect(accepted.answer).toEqual({ status: 'ACCEPTED', reason: answerInput.reason });
    const changeMind = await t.gql(
      ANSWER,
      { i: { ...answerInput, status: 'REJECTED' } },
      { token: cityDesk.token },
    );
    expect(refused(changeMind)).toEqual({ code: 'RECOMMENDATION_STEP_NOT_ALLOWED', data: null });

    for (const [title, progress] of [
      ['Projekt uchwały', 40],
      ['Konsultacje społeczne', 70],
      ['Uchwała przyjęta', 100],
    ] as const)
      ok(
        await t.gql(
          MILESTONE,
          { i: { recommendationId: draft.id, title, progress } },
          { token: cityDesk.token },
        ),
      );
    const backwards = await t.gql(
      MILESTONE,
      { i: { recommendationId: draft.id, title: 'Cofnięcie', progress: 90 } },
      { token: cityDesk.token },
    );
    expect(refused(backwards).code).toBe('BAD_USER_INPUT');
    const tracked = ok(await t.gql<Data>(RECOMMENDATION, { id: draft.id })).recommendation;
    expect(tracked).toMatchObject({
      state: 'SENT',
      progress: 100,
      answer: { status: 'ACCEPTED' },
      milestones: [
        { title: 'Projekt uchwały', progress: 40 },
        { title: 'Konsultacje społeczne', progress: 70 },
        { title: 'Uchwała przyjęta', progress: 100 },
      ],
    });

    // a volunteer translates it for Ukrainian readers; the Polish original stays beside it
    const volunteer = await person(t);
    await assignRole(t, admin.token, forumId, volunteer.id, 'TRANSLATOR');
    ok(
      await t.gql(
        `mutation($i: TranslateForumTextInput!) { translateForumText(input: $i) { language } }`,
        {
          i: {
            id: draft.id,
            language: 'uk',
            title: 'Рада мікрорайону з бюджетом на малу інфраструктуру',
            text: 'Форум рекомендує міській раді…',
          },
        },
        { token: volunteer.token },
      ),
    );
    const forUk = ok(
      await t.gql<Data>(
        `query($id: ID!) { recommendation(id: $id, lang: uk) { content { language title translation { language title isMachine } } } }`,
        { id: draft.id },
      ),
    ).recommendation.content;
    expect(forUk).toEqual({
      language: 'pl',
      title: 'Rada osiedla z budżetem na małą infrastrukturę',
      translation: {
        language: 'uk',
        title: 'Рада мікрорайону з бюджетом на малу інфраструктуру',
        isMachine: false,
      },
    });

    // the authors of the ideas and the forum's followers hear of the answers, in their language
    const authorNews = ok(await t.gql<Data>(NOTIFICATIONS, {}, { token: author.token }))
      .myForumNotifications.nodes;
    expect(authorNews.map((n: Data) => n.message)).toEqual([
      'Горад адказаў на рэкамендацыю «Rada osiedla z budżetem na małą infrastrukturę»: прынята.',
      'Горад адказаў на рэкамендацыю «Rada osiedla z budżetem na małą infrastrukturę»: разглядаецца.',
    ]);
    const followerNews = ok(await t.gql<Data>(NOTIFICATIONS, {}, { token: follower.token }))
      .myForumNotifications.nodes;
    expect(followerNews[0].message).toBe(
      'Город ответил на рекомендацию «Rada osiedla z budżetem na małą infrastrukturę»: принята.',
    );
  });

  it('hides a post after three distinct reports, counts a person once, and a moderator restores it', async () => {
    const ideaId = await postIdea(t, author, forumId, 'Парковка замест газона', 'Спрэчная ідэя.');
    const reporters: Person[] = [];
    for (let i = 0; i < 3; i++) reporters.push(await person(t));
    const reason = { postId: ideaId, reason: 'Obraźliwy język' };

    expect(ok(await t.gql<Data>(REPORT, { i: reason }, { token: reporters[0].token }))).toEqual({
      reportPost: { postId: ideaId, hidden: false },
    });
    const twice = await t.gql(REPORT, { i: reason }, { token: reporters[0].token });
    expect(refused(twice)).toEqual({ code: 'ALREADY_REPORTED', data: null });
    ok(await t.gql(REPORT, { i: reason }, { token: reporters[1].token }));
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea).toMatchObject({ hidden: false });
    expect(ok(await t.gql<Data>(REPORT, { i: reason }, { token: reporters[2].token }))).toEqual({
      reportPost: { postId: ideaId, hidden: true },
    });

    const hidden = ok(await t.gql<Data>(IDEA, { id: ideaId })).idea;
    expect(hidden).toMatchObject({ hidden: true, content: null });
    expect(ok(await t.gql<Data>(IDEAS, { f: forumId })).forumIdeas.nodes).not.toContainEqual({
      id: ideaId,
    });
    const comment = await t.gql(
      COMMENT,
      { i: { targetId: ideaId, text: 'A jednak…' } },
      { token: author.token },
    );
    expect(refused(comment)).toEqual({ code: 'POST_HIDDEN', data: null });
    const support = await t.gql(
      `mutation($id: ID!) { supportIdea(input: { ideaId: $id }) { supportCount } }`,
      { id: ideaId },
      { token: author.token },
    );
    expect(refused(support)).toEqual({ code: 'POST_HIDDEN', data: null });

    const notModerator = await t.gql(
      RESTORE,
      { i: { postId: ideaId, reason: 'Nic złego.' } },
      { token: reporters[0].token },
    );
    expect(refused(notModerator)).toEqual({ code: 'NOT_FORUM_MODERATOR', data: null });
    const queue = ok(await t.gql<Data>(QUEUE, { f: forumId }, { token: moderator.token }))
      .moderationQueue.nodes;
    expect(queue).toContainEqual({
      id: ideaId,
      hidden: true,
      reportCount: 3,
      reportReasons: ['Obraźliwy język', 'Obraźliwy język', 'Obraźliwy język'],
      decided: false,
      content: { title: 'Парковка замест газона' },
    });

    const restored = ok(
      await t.gql<Data>(
        RESTORE,
        { i: { postId: ideaId, reason: 'Spór o parking to uprawniona dyskusja.' } },
        { token: moderator.token },
      ),
    ).restorePost;
    expect(restored).toEqual({
      id: ideaId,
      hidden: false,
      hiddenReason: null,
      reportCount: 3,
      decided: true,
    });
    // a moderator's decision stands: a fourth report does not hide it again by itself
    ok(await t.gql(REPORT, { i: reason }, { token: (await person(t)).token }));
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea.hidden).toBe(false);
    const twiceRestored = await t.gql(
      RESTORE,
      { i: { postId: ideaId, reason: 'Jeszcze raz.' } },
      { token: moderator.token },
    );
    expect(refused(twiceRestored)).toEqual({ code: 'CONCURRENT_CHANGE', data: null });

    const audit = ok(await t.gql<Data>(DECISIONS, { f: forumId }, { token: admin.token }))
      .moderationDecisions.nodes;
    expect(audit).toEqual([
      {
        postId: ideaId,
        action: 'RESTORE',
        reason: 'Spór o parking to uprawniona dyskusja.',
        moderatorId: moderator.id,
        reportCount: 3,
      },
      { postId: ideaId, action: 'AUTO_HIDE', reason: 'reports', moderatorId: null, reportCount: 3 },
    ]);
    const news = ok(
      await t.gql<Data>(NOTIFICATIONS, {}, { token: author.token }),
    ).myForumNotifications.nodes.filter((n: Data) => n.referenceId === ideaId);
    expect(news).toEqual([
      {
        kind: 'POST_RESTORED',
        referenceId: ideaId,
        message:
          'Ваш допіс «Парковка замест газона» зноў бачны. Тлумачэнне мадэратара: Spór o parking to uprawniona dyskusja.',
      },
      {
        kind: 'POST_HIDDEN',
        referenceId: ideaId,
        message:
          'Ваш допіс «Парковка замест газона» схаваны. Прычына: некалькі чалавек паскардзіліся на допіс; мадэратар яго праверыць.',
      },
    ]);
  });

  it('lets a moderator hide a comment with a reason; replies to it are refused', async () => {
    const ideaId = await postIdea(t, author, forumId, 'Сметнікі', 'Трэба больш.');
    const c = ok(
      await t.gql<Data>(
        COMMENT,
        { i: { targetId: ideaId, text: 'Spam spam' } },
        { token: author.token },
      ),
    ).commentOnPost;
    const hidden = ok(
      await t.gql<Data>(
        HIDE,
        { i: { postId: c.id, reason: 'Reklama' } },
        { token: moderator.token },
      ),
    ).hidePost;
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Reklama', decided: true });
    const reply = await t.gql(
      COMMENT,
      { i: { targetId: ideaId, replyToId: c.id, text: 'Odpowiedź' } },
      { token: author.token },
    );
    expect(refused(reply)).toEqual({ code: 'POST_HIDDEN', data: null });
    const list = ok(
      await t.gql<Data>(
        `query($id: ID!) { forumComments(targetId: $id) { nodes { id hidden content { text } } } }`,
        { id: ideaId },
      ),
    ).forumComments.nodes;
    expect(list).toEqual([{ id: c.id, hidden: true, content: null }]);
  });

  it('hides once when the threshold is reached by reports at the same moment (threshold set per forum)', async () => {
    const forums = await seededForums(t);
    const piasta = forums.piasta;
    const notAdmin = await t.gql(
      `mutation($i: UpdateForumInput!) { updateForum(input: $i) { autoHideAfterReports } }`,
      { i: { forumId: piasta, autoHideAfterReports: 2 } },
      { token: facilitator.token },
    );
    expect(refused(notAdmin)).toEqual({ code: 'FORBIDDEN', data: null });
    ok(
      await t.gql(
        `mutation($i: UpdateForumInput!) { updateForum(input: $i) { autoHideAfterReports } }`,
        { i: { forumId: piasta, autoHideAfterReports: 2 } },
        { token: admin.token },
      ),
    );
    const writer = await person(t);
    await join(t, writer, piasta);
    const ideaId = await postIdea(t, writer, piasta, 'Kosze', 'Tekst.');
    const reporters: Person[] = [];
    for (let i = 0; i < 4; i++) reporters.push(await person(t));
    const receipts = await Promise.all(
      reporters.map((r) =>
        t.gql<Data>(REPORT, { i: { postId: ideaId, reason: 'Spam' } }, { token: r.token }),
      ),
    );
    expect(receipts.every((r) => ok(r).reportPost.postId === ideaId)).toBe(true);
    const idea = ok(await t.gql<Data>(IDEA, { id: ideaId })).idea;
    expect(idea.hidden).toBe(true);
    const audit = ok(await t.gql<Data>(DECISIONS, { f: piasta }, { token: admin.token }))
      .moderationDecisions.nodes;
    expect(audit.map((e: Data) => e.action)).toEqual(['AUTO_HIDE']);
    const queue = ok(await t.gql<Data>(QUEUE, { f: piasta }, { token: admin.token }))
      .moderationQueue.nodes;
    expect(queue[0]).toMatchObject({ id: ideaId, reportCount: 4, hidden: true });
  });
});
