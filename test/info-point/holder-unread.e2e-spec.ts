import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!) { answerQuestion(input: { questionId: $q, text: "Так." }) { id } }`;
const FOLLOW_UP = `mutation($c: String!) { followUpQuestion(input: { accessCode: $c, text: "А ще?" }) { id } }`;
const MINE = `query { questionQueue(mine: true) { nodes { id updatedForHolder } } }`;
const ALL = `query { questionQueue { nodes { id updatedForHolder } } }`;
const OPEN = `query($q: ID!) { staffQuestion(questionId: $q) { id updatedForHolder } }`;
const DIRECTORY = `query { staffDirectory { id name } }`;

/** Issue 12, item 1: the holder sees which questions have an unread follow-up; names of colleagues. */
describe('info point: unread follow-ups for the holder, the staff directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('marks a held question updated when the asker writes, until the holder (not a colleague) opens it', async () => {
    const holder = await t.userWith([Role.staff]);
    const colleague = await t.userWith([Role.staff]);
    const asked = ok(
      await t.gql<{ askQuestion: { accessCode: string; question: { id: string } } }>(ASK, {
        i: { text: 'Де взяти PESEL?', language: 'uk', topic: 'other', consentToProcessing: true },
      }),
    ).askQuestion;
    const id = asked.question.id;
    ok(await t.gql(CLAIM, { q: id }, { token: holder.token }));
    ok(await t.gql(ANSWER, { q: id }, { token: holder.token }));
    const mine = async () =>
      ok(
        await t.gql<{ questionQueue: { nodes: { id: string; updatedForHolder: boolean }[] } }>(
          MINE,
          {},
          { token: holder.token },
        ),
      ).questionQueue.nodes;
    expect(await mine()).toEqual([{ id, updatedForHolder: false }]);

    ok(await t.gql(FOLLOW_UP, { c: asked.accessCode }));
    expect(await mine()).toEqual([{ id, updatedForHolder: true }]);
    // a colleague reading it does not clear the holder's mark
    ok(await t.gql(OPEN, { q: id }, { token: colleague.token }));
    const seenByAll = ok(
      await t.gql<{ questionQueue: { nodes: { id: string; updatedForHolder: boolean }[] } }>(
        ALL,
        {},
        { token: colleague.token },
      ),
    ).questionQueue.nodes;
    expect(seenByAll.find((n) => n.id === id)?.updatedForHolder).toBe(true);

    // the holder opens it: read (the view returned already says so)
    const opened = ok(
      await t.gql<{ staffQuestion: { updatedForHolder: boolean } }>(
        OPEN,
        { q: id },
        {
          token: holder.token,
        },
      ),
    ).staffQuestion;
    expect(opened.updatedForHolder).toBe(false);
    expect(await mine()).toEqual([{ id, updatedForHolder: false }]);
  });

  it('lists active staff and admins by name for staff only', async () => {
    const staff = await t.userWith([Role.staff]);
    const admin = await t.userWith([Role.admin]);
    const learner = await t.userWith([Role.learner]);
    const directory = ok(
      await t.gql<{ staffDirectory: { id: string; name: string }[] }>(
        DIRECTORY,
        {},
        {
          token: staff.token,
        },
      ),
    ).staffDirectory;
    expect(directory).toEqual(
      expect.arrayContaining([
        { id: staff.id, name: staff.login },
        { id: admin.id, name: admin.login },
      ]),
    );
    expect(directory.map((m) => m.id)).not.toContain(learner.id);
    expect(codeOf(await t.gql(DIRECTORY, {}, { token: learner.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DIRECTORY, {}))).toBe('UNAUTHENTICATED');
  });
});
