import { Types } from 'mongoose';
import { Clock, JobScheduler, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import {
  assignRole,
  COMMENT,
  Data,
  FORUM_TEXT,
  IDEA_FIELDS,
  join,
  person,
  Person,
  postIdea,
  refused,
  seededForums,
} from './fixtures';

const IDEA = `query($id: ID!, $lang: Language) { idea(id: $id, lang: $lang) { ${IDEA_FIELDS} } }`;
const TRANSLATE = `mutation($i: TranslateForumTextInput!) { translateForumText(input: $i) ${FORUM_TEXT} }`;
const SUPPORT = `mutation($id: ID!) { supportIdea(input: { ideaId: $id }) { supported supportCount } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawIdeaSupport(input: { ideaId: $id }) { supported supportCount } }`;
const COMMENTS = `query($id: ID!) { forumComments(targetId: $id) { totalCount nodes { id replyToId hidden author { userId } content { text language } } } }`;
const PAPER = `mutation($i: PostPaperIdeaInput!) { postPaperIdea(input: $i) { ${IDEA_FIELDS} } }`;
const SET_STATE = `mutation($i: SetIdeaStateInput!) { setIdeaState(input: $i) { state stateReason stateReasonLanguage } }`;
const OPEN_DEBATE = `mutation($i: OpenDebateInput!) { openDebate(input: $i) { id closed content { title language } } }`;
const CLOSE_DEBATE = `mutation($i: CloseDebateInput!) { closeDebate(input: $i) { id closed closedAt conclusions commentCount } }`;
const NOTIFICATIONS = `{ myForumNotifications { totalCount nodes { kind message referenceId read } } }`;

describe('forums: ideas across languages, supports, comments, debates', () => {
  let t: TestApp;
  let forumId: string;
  let admin: Person;
  let facilitator: Person;
  let volunteer: Person;
  let author: Person;
  let ideaId: string;

  beforeAll(async () => {
    t = await startTestApp();
    forumId = (await seededForums(t)).bema;
    admin = await person(t, [Role.admin]);
    facilitator = await person(t, [Role.staff]);
    volunteer = await person(t, [Role.learner], 'pl');
    author = await person(t, [Role.learner], 'uk');
    await assignRole(t, admin.token, forumId, facilitator.id, 'FACILITATOR');
    await assignRole(t, admin.token, forumId, volunteer.id, 'TRANSLATOR');
    await join(t, author, forumId);
    ideaId = await postIdea(
      t,
      author,
      forumId,
      'Дитячий майданчик біля школи',
      'Старі гойдалки зламані, діти граються на дорозі.',
    );
  });
  afterAll(() => t.close());

  it('shows a Ukrainian idea translated into Polish by a volunteer, marked, with the original beside it', async () => {
    const outsider = await person(t);
    const notTranslator = await t.gql(
      TRANSLATE,
      { i: { id: ideaId, language: 'pl', title: 'Plac zabaw', text: 'Huśtawki są zepsute.' } },
      { token: outsider.token },
    );
    expect(refused(notTranslator)).toEqual({ code: 'NOT_FORUM_TRANSLATOR', data: null });
    const intoOriginal = await t.gql(
      TRANSLATE,
      { i: { id: ideaId, language: 'uk', title: 'x', text: 'y' } },
      { token: volunteer.token },
    );
    expect(refused(intoOriginal).code).toBe('BAD_USER_INPUT');

    ok(
      await t.gql(
        TRANSLATE,
        {
          i: {
            id: ideaId,
            language: 'pl',
            title: 'Plac zabaw przy szkole',
            text: 'Stare huśtawki są zepsute, dzieci bawią się na ulicy.',
          },
        },
        { token: volunteer.token },
      ),
    );
    const pl = ok(await t.gql<Data>(IDEA, { id: ideaId, lang: 'pl' })).idea.content;
    expect(pl).toEqual({
      language: 'uk',
      languageName: 'ukraiński',
      title: 'Дитячий майданчик біля школи',
      text: 'Старі гойдалки зламані, діти граються на дорозі.',
      translation: {
        language: 'pl',
        title: 'Plac zabaw przy szkole',
        text: 'Stare huśtawki są zepsute, dzieci bawią się na ulicy.',
        isMachine: false,
      },
      translations: [
        {
          language: 'pl',
          title: 'Plac zabaw przy szkole',
          text: 'Stare huśtawki są zepsute, dzieci bawią się na ulicy.',
          isMachine: false,
        },
      ],
    });
    // a Ukrainian reader gets the original only
    const uk = ok(await t.gql<Data>(IDEA, { id: ideaId, lang: 'uk' })).idea.content;
    expect(uk).toMatchObject({ language: 'uk', languageName: 'українська', translation: null });
    expect(ok(await t.gql<Data>('{ forumMachineTranslationAvailable }'))).toEqual({
      forumMachineTranslationAvailable: false,
    });
  });

  it('counts exactly 30 supports from 30 residents at once', async () => {
    const residents: Person[] = [];
    for (let i = 0; i < 30; i++) residents.push(await person(t));
    await Promise.all(residents.map((r) => join(t, r, forumId)));
    const results = await Promise.all(
      residents.map((r) => t.gql<Data>(SUPPORT, { id: ideaId }, { token: r.token })),
    );
    expect(results.map((r) => ok(r).supportIdea.supported)).toEqual(Array(30).fill(true));
    const idea = ok(await t.gql<Data>(IDEA, { id: ideaId }, { token: residents[0].token })).idea;
    expect(idea).toMatchObject({ supportCount: 30, viewerSupports: true });
    expect(await t.db.collection('forums_supports').countDocuments({})).toBe(30);
  });

  it('keeps one support when one person supports twice at once; withdrawal counts once', async () => {
    const twice = await person(t);
    await join(t, twice, forumId);
    const both = await Promise.all([
      t.gql<Data>(SUPPORT, { id: ideaId }, { token: twice.token }),
      t.gql<Data>(SUPPORT, { id: ideaId }, { token: twice.token }),
    ]);
    const codes = both.map((r) => refused(r).code ?? 'ok').sort();
    expect(codes).toEqual(['ALREADY_SUPPORTED', 'ok']);
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea.supportCount).toBe(31);

    expect(ok(await t.gql<Data>(WITHDRAW, { id: ideaId }, { token: twice.token }))).toEqual({
      withdrawIdeaSupport: { supported: false, supportCount: 30 },
    });
    const again = await t.gql(WITHDRAW, { id: ideaId }, { token: twice.token });
    expect(refused(again)).toEqual({ code: 'NOT_SUPPORTED', data: null });
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea.supportCount).toBe(30);
    const outsider = await person(t);
    const notMember = await t.gql(SUPPORT, { id: ideaId }, { token: outsider.token });
    expect(refused(notMember)).toEqual({ code: 'NOT_FORUM_MEMBER', data: null });
  });

  it('threads comments with replies and tells the author of what is answered', async () => {
    const neighbour = await person(t, [Role.learner], 'pl');
    await join(t, neighbour, forumId);
    const first = ok(
      await t.gql<Data>(
        COMMENT,
        { i: { targetId: ideaId, text: 'Popieram, huśtawki trzeba wymienić.' } },
        { token: neighbour.token },
      ),
    ).commentOnPost;
    expect(first).toMatchObject({ targetId: ideaId, replyToId: null, content: { language: 'pl' } });
    const reply = ok(
      await t.gql<Data>(
        COMMENT,
        { i: { targetId: ideaId, replyToId: first.id, text: 'Дякую! Напишімо до міста.' } },
        { token: author.token },
      ),
    ).commentOnPost;
    expect(reply).toMatchObject({ replyToId: first.id, content: { language: 'uk' } });
    const list = ok(await t.gql<Data>(COMMENTS, { id: ideaId })).forumComments;
    expect(list.nodes.map((c: Data) => [c.id, c.replyToId])).toEqual([
      [first.id, null],
      [reply.id, first.id],
    ]);
    expect(ok(await t.gql<Data>(IDEA, { id: ideaId })).idea.commentCount).toBe(2);

    const authorNews = ok(await t.gql<Data>(NOTIFICATIONS, {}, { token: author.token }));
    expect(authorNews.myForumNotifications.nodes).toEqual([
      {
        kind: 'REPLY',
        message: 'Нова відповідь в обговоренні «Дитячий майданчик біля школи».',
        referenceId: ideaId,
        read: false,
      },
    ]);
    const neighbourNews = ok(await t.gql<Data>(NOTIFICATIONS, {}, { token: neighbour.token }));
    expect(neighbourNews.myForumNotifications.nodes.map((n: Data) => n.message)).toEqual([
      'Nowa odpowiedź w dyskusji „Дитячий майданчик біля школи”.',
    ]);
  });

  it('lets facilitators enter paper ideas and set states; NOT_TAKEN needs a reason', async () => {
    const paper = ok(
      await t.gql<Data>(
        PAPER,
        { i: { forumId, title: 'Więcej koszy na śmieci', text: 'Z kartki ze spotkania.' } },
        { token: facilitator.token },
      ),
    ).postPaperIdea;
    expect(paper).toMatchObject({
      author: { userId: null, fromPaper: true, erased: false },
      content: { language: 'pl' },
    });
    const byResident = await t.gql(
      PAPER,
      { i: { forumId, title: 'Kosze', text: 'x' } },
      { token: (await person(t, [Role.staff])).token },
    );
    expect(refused(byResident)).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });

    const noReason = await t.gql(
      SET_STATE,
      { i: { ideaId: paper.id, state: 'NOT_TAKEN' } },
      { token: facilitator.token },
    );
    expect(refused(noReason).code).toBe('BAD_USER_INPUT');
    expect(
      ok(
        await t.gql<Data>(
          SET_STATE,
          { i: { ideaId: paper.id, state: 'NOT_TAKEN', reason: 'Kosze wymienia spółdzielnia.' } },
          { token: facilitator.token, lang: 'pl' },
        ),
      ).setIdeaState,
    ).toEqual({
      state: 'NOT_TAKEN',
      stateReason: 'Kosze wymienia spółdzielnia.',
      stateReasonLanguage: 'pl', // the facilitator's (request's) language, unless given
    });
    const byHand = await t.gql(
      SET_STATE,
      { i: { ideaId: paper.id, state: 'IN_RECOMMENDATION' } },
      { token: facilitator.token },
    );
    expect(refused(byHand)).toEqual({ code: 'IDEA_STATE_CHANGE_NOT_ALLOWED', data: null });
  });

  it('closes a debate with conclusions; no comment after closing', async () => {
    const member = await person(t);
    await join(t, member, forumId);
    const debate = ok(
      await t.gql<Data>(
        OPEN_DEBATE,
        {
          i: {
            forumId,
            question: 'Czy osiedle potrzebuje rady osiedla?',
            text: 'Porozmawiajmy bez głosowania.',
          },
        },
        { token: facilitator.token },
      ),
    ).openDebate;
    expect(debate).toMatchObject({ closed: false, content: { language: 'pl' } });
    const byMember = await t.gql(
      OPEN_DEBATE,
      { i: { forumId, question: 'Pytanie?', text: 'x' } },
      { token: member.token },
    );
    expect(refused(byMember)).toEqual({ code: 'NOT_FORUM_FACILITATOR', data: null });
    ok(
      await t.gql(
        COMMENT,
        { i: { targetId: debate.id, text: 'Tak, żeby miasto nas słyszało.' } },
        { token: member.token },
      ),
    );
    const closed = ok(
      await t.gql<Data>(
        CLOSE_DEBATE,
        {
          i: {
            debateId: debate.id,
            conclusions: 'Forum chce rady osiedla z udziałem nowych mieszkańców.',
          },
        },
        { token: facilitator.token },
      ),
    ).closeDebate;
    expect(closed).toMatchObject({
      closed: true,
      conclusions: 'Forum chce rady osiedla z udziałem nowych mieszkańców.',
      commentCount: 1,
    });
    const late = await t.gql(
      COMMENT,
      { i: { targetId: debate.id, text: 'Jeszcze jedno…' } },
      { token: member.token },
    );
    expect(refused(late)).toEqual({ code: 'DEBATE_CLOSED', data: null });
    const closeAgain = await t.gql(
      CLOSE_DEBATE,
      { i: { debateId: debate.id, conclusions: 'Inne wnioski.' } },
      { token: facilitator.token },
    );
    expect(refused(closeAgain)).toEqual({ code: 'DEBATE_CLOSED', data: null });
    const comments = ok(await t.gql<Data>(COMMENTS, { id: debate.id })).forumComments;
    expect(comments.totalCount).toBe(1);
  });
  it('repairs a support or comment counter left one low by a crash, once the same difference is seen at two runs', async () => {
    const piasta = (await seededForums(t)).piasta;
    const residents = await Promise.all([1, 2, 3, 4].map(() => person(t)));
    for (const r of residents) await join(t, r, piasta);
    const lamp = await postIdea(t, residents[0], piasta, 'Latarnia w alejce', 'Wieczorem ciemno.');
    await Promise.all(
      residents
        .slice(0, 3)
        .map(async (r) => ok(await t.gql(SUPPORT, { id: lamp }, { token: r.token }))),
    );
    ok(
      await t.gql(
        COMMENT,
        { i: { targetId: lamp, text: 'Popieram.' } },
        { token: residents[1].token },
      ),
    );
    // a crash between the record and its counter: the support and the comment are written,
    // their `$inc` never happens
    await t.db
      .collection('forums_posts')
      .updateOne(
        { _id: new Types.ObjectId(lamp) },
        { $inc: { supportCount: -1, commentCount: -1 } },
      );
    const counts = async () => {
      const idea = ok(await t.gql<Data>(IDEA, { id: lamp })).idea;
      return [idea.supportCount, idea.commentCount];
    };
    expect(await counts()).toEqual([2, 0]);

    const jobs = t.app.get(JobScheduler);
    const clock = t.app.get(Clock);
    const nextRun = async () => {
      clock.advance(10 * 60_000);
      expect(await jobs.runNow('forums.repairCounters')).toBe('ran');
    };
    try {
      // first sight: it could be a request in flight, so nothing is changed yet
      expect(await jobs.runNow('forums.repairCounters')).toBe('ran');
      expect(await counts()).toEqual([2, 0]);
      // a support counted meanwhile moves both sides: the wait starts again, nothing overwritten
      ok(await t.gql(SUPPORT, { id: lamp }, { token: residents[3].token }));
      await nextRun();
      expect(await counts()).toEqual([3, 1]);
      await nextRun();
      expect(await counts()).toEqual([4, 1]);
      // settled counters stay as they are; nothing is left waiting
      await nextRun();
      expect(await counts()).toEqual([4, 1]);
      expect(await t.db.collection('forums_counter_checks').countDocuments({})).toBe(0);
      expect(
        await t.db
          .collection('forums_supports')
          .countDocuments({ ideaId: new Types.ObjectId(lamp) }),
      ).toBe(4);
    } finally {
      clock.reset();
    }
  });
});
