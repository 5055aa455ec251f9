import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { QuestionRetentionService } from '@sasiad/info-point';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';

const ASK = `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode question { id } } }`;
const CLAIM = `mutation($q: ID!) { claimQuestion(input: { questionId: $q }) { id } }`;
const ANSWER = `mutation($q: ID!, $t: String!) { answerQuestion(input: { questionId: $q, text: $t }) { id } }`;
const CLOSE = `mutation($q: ID!) { closeQuestion(input: { questionId: $q }) { id } }`;
const ERASE = `mutation($c: String) { eraseQuestion(input: { accessCode: $c }) }`;
const AUDIT = `query($q: ID) { infoPointAudit(questionId: $q, first: 100) { nodes { actorKind actorId action } } }`;
const TEXT = `{ text language isFallback state }`;
const STAFF_FIELDS = `id state baseLanguage topic tags sourceQuestionId lastEditedBy personalDetailsConfirmedAt
  availableLanguages question ${TEXT} answer ${TEXT}
  translations { language question answer questionState answerState }
  history { action state by at }`;
const FROM_QUESTION = `mutation($i: CreateFaqEntryFromQuestionInput!) { createFaqEntryFromQuestion(input: $i) { ${STAFF_FIELDS} } }`;
const CREATE = `mutation($i: CreateFaqEntryInput!) { createFaqEntry(input: $i) { ${STAFF_FIELDS} } }`;
const UPDATE = `mutation($i: UpdateFaqEntryInput!) { updateFaqEntry(input: $i) { ${STAFF_FIELDS} } }`;
const MOVE = `mutation($i: ChangeFaqEntryStateInput!) { changeFaqEntryState(input: $i) { ${STAFF_FIELDS} } }`;
const STAFF_ENTRY = `query($id: ID!) { staffFaqEntry(id: $id) { ${STAFF_FIELDS} } }`;
const GAPS = `query($lang: Language!) { faqTranslationGaps(lang: $lang) { entryId entryState field state } }`;
const ENTRY = `query($id: ID!, $lang: Language) { faqEntry(id: $id, lang: $lang) { id topic tags requestedLanguage question ${TEXT} answer ${TEXT} } }`;
const ENTRIES = `query($search: String, $topic: QuestionTopic, $lang: Language, $first: Int, $after: String) {
  faqEntries(search: $search, topic: $topic, lang: $lang, first: $first, after: $after) {
    totalCount nodes { id question ${TEXT} } pageInfo { hasNextPage endCursor } } }`;
const SUGGEST = `query($text: String!, $language: Language!, $topic: QuestionTopic) {
  faqSuggestions(text: $text, language: $language, topic: $topic) { score entry { id question ${TEXT} answer ${TEXT} } } }`;

type Text = { text: string; language: string; isFallback: boolean; state: string };
type Translation = {
  language: string;
  question: string | null;
  answer: string | null;
  questionState: string;
  answerState: string;
};
type StaffEntry = {
  id: string;
  state: string;
  baseLanguage: string;
  topic: string;
  tags: string[];
  sourceQuestionId: string | null;
  lastEditedBy: string;
  personalDetailsConfirmedAt: string | null;
  availableLanguages: string[];
  question: Text;
  answer: Text;
  translations: Translation[];
  history: { action: string; state: string; by: string; at: string }[];
};
type Staff = Awaited<ReturnType<TestApp['userWith']>>;

const ASKED_UK =
  'Добрий день, я Олена Коваль, мій телефон +48 600 100 200. Як отримати карту побиту в Лодзі?';
const ANSWER_UK =
  'Подайте заяву до воєводи особисто. Якщо будуть питання, пишіть мені: marta.konsultantka@example.org';

const CLEAN = {
  question: [
    { lang: 'pl', text: 'Jak uzyskać kartę pobytu w Łodzi?' },
    { lang: 'uk', text: 'Як отримати карту побиту в Лодзі?' },
    { lang: 'be', text: 'Як атрымаць карту побыту ў Лодзі?' },
    { lang: 'ru', text: 'Как получить карту побыту в Лодзи?' },
  ],
  answer: [
    { lang: 'pl', text: 'Złóż wniosek u wojewody osobiście. Zobacz https://www.gov.pl/web/udsc' },
    { lang: 'uk', text: 'Подайте заяву до воєводи особисто.' },
    { lang: 'be', text: 'Падайце заяву ваяводу асабіста.' },
    { lang: 'ru', text: 'Подайте заявление воеводе лично.' },
  ],
};

describe('info point: the public FAQ, from an answered question to a published entry', () => {
  let t: TestApp;
  let author: Staff;
  let reviewer: Staff;
  let admin: Staff;
  const raw = () => t.db.collection('info_point_faq');

  beforeAll(async () => {
    t = await startTestApp({ env: { CLAIM_RATE_PER_MINUTE: '10000' } });
    [author, reviewer, admin] = await Promise.all([
      t.userWith([Role.staff]),
      t.userWith([Role.staff]),
      t.userWith([Role.admin]),
    ]);
  });
  afterAll(() => t.close());

  /** An anonymous question, claimed and answered by the author. */
  const answered = async (text: string, answer: string, language = 'uk') => {
    const asked = ok(
      await t.gql<{ askQuestion: { accessCode: string; question: { id: string } } }>(ASK, {
        i: { text, language, topic: 'residence', consentToProcessing: true },
      }),
    ).askQuestion;
    ok(await t.gql(CLAIM, { q: asked.question.id }, { token: author.token }));
    ok(await t.gql(ANSWER, { q: asked.question.id, t: answer }, { token: author.token }));
    return { id: asked.question.id, accessCode: asked.accessCode };
  };
  const move = (id: string, to: string, who: Staff, extra: Record<string, unknown> = {}) =>
    t.gql<{ changeFaqEntryState: StaffEntry }>(
      MOVE,
      { i: { entryId: id, to, ...extra } },
      { token: who.token },
    );
  const update = (input: Record<string, unknown>, who: Staff, lang?: string) =>
    t.gql<{ updateFaqEntry: StaffEntry }>(UPDATE, { i: input }, { token: who.token, lang });
  const read = async (id: string, lang: string) =>
    ok(
      await t.gql<{
        faqEntry: { question: Text; answer: Text; requestedLanguage: string };
      }>(ENTRY, { id, lang }),
    ).faqEntry;
  const search = async (vars: Record<string, unknown>) =>
    ok(
      await t.gql<{
        faqEntries: {
          totalCount: number;
          nodes: { id: string; question: Text }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(ENTRIES, vars),
    ).faqEntries;

  let source: { id: string; accessCode: string };
  let entryId: string;

  it('drafts an entry from an answered question, pre-filled in its language, and audits the read', async () => {
    const open = ok(
      await t.gql<{ askQuestion: { question: { id: string } } }>(ASK, {
        i: { text: 'Ще без відповіді', language: 'uk', topic: 'work', consentToProcessing: true },
      }),
    ).askQuestion.question.id;
    expect(
      codeOf(await t.gql(FROM_QUESTION, { i: { questionId: open } }, { token: author.token })),
    ).toBe('FAQ_SOURCE_NOT_ANSWERED');

    source = await answered(ASKED_UK, ANSWER_UK);
    const learner = await t.userWith([Role.learner]);
    expect(
      codeOf(
        await t.gql(FROM_QUESTION, { i: { questionId: source.id } }, { token: learner.token }),
      ),
    ).toBe('FORBIDDEN');
    const draft = ok(
      await t.gql<{ createFaqEntryFromQuestion: StaffEntry }>(
        FROM_QUESTION,
        { i: { questionId: source.id, tags: ['karta pobytu'] } },
        { token: author.token },
      ),
    ).createFaqEntryFromQuestion;
    entryId = draft.id;
    expect(draft).toMatchObject({
      state: 'DRAFT',
      baseLanguage: 'pl',
      topic: 'residence',
      tags: ['karta pobytu'],
      sourceQuestionId: source.id,
      lastEditedBy: author.id,
      personalDetailsConfirmedAt: null,
    });
    const uk = draft.translations.find((tr) => tr.language === 'uk')!;
    expect(uk).toMatchObject({ question: ASKED_UK, answer: ANSWER_UK });
    expect(draft.translations.find((tr) => tr.language === 'pl')).toMatchObject({
      question: null,
      questionState: 'MISSING',
    });
    expect(draft.history).toEqual([
      { action: 'create', state: 'DRAFT', by: author.id, at: expect.any(String) },
    ]);

    // the draft holds the asker's words: encrypted at rest, not searchable, not public
    const stored = (await raw().findOne({ _id: new Types.ObjectId(entryId) }))!;
    expect(JSON.stringify(stored)).not.toContain('Олена');
    expect(JSON.stringify(stored)).not.toContain('600 100 200');
    expect(stored.searchTokens).toEqual([]);
    expect(codeOf(await t.gql(ENTRY, { id: entryId }))).toBe('NOT_FOUND');

    const audit = ok(
      await t.gql<{ infoPointAudit: { nodes: { actorId: string; action: string }[] } }>(
        AUDIT,
        { q: source.id },
        { token: admin.token },
      ),
    ).infoPointAudit.nodes;
    expect(audit).toContainEqual({ actorKind: 'staff', actorId: author.id, action: 'faqDraft' });
  });

  it('drafts from the answer staff choose (default: the first one), and shows staff the original language when theirs has none', async () => {
    const FOLLOW_UP = `mutation($c: String!, $t: String!) { followUpQuestion(input: { accessCode: $c, text: $t }) { id } }`;
    const FULL = 'Заяву подають у воєводському управлінні; потрібні паспорт, фото і договір.';
    const SHORT = 'Управління працює з 8:00 до 16:00.';
    const asked = await answered('Де подати заяву на карту побуту?', FULL);
    ok(await t.gql(FOLLOW_UP, { c: asked.accessCode, t: 'А коли воно працює?' }));
    ok(await t.gql(ANSWER, { q: asked.id, t: SHORT }, { token: author.token }));
    const draft = async (extra: Record<string, unknown>) =>
      t.gql<{ createFaqEntryFromQuestion: StaffEntry & { sourceLanguage: string } }>(
        FROM_QUESTION.replace('sourceQuestionId', 'sourceQuestionId sourceLanguage'),
        { i: { questionId: asked.id, ...extra } },
        { token: author.token, lang: 'pl' },
      );

    const byDefault = ok(await draft({})).createFaqEntryFromQuestion;
    expect(byDefault.translations.find((tr) => tr.language === 'uk')?.answer).toBe(FULL);
    // a Polish-speaking author sees the Ukrainian original, marked by its language
    expect(byDefault.sourceLanguage).toBe('uk');
    expect(byDefault.question).toMatchObject({
      text: 'Де подати заяву на карту побуту?',
      language: 'uk',
      isFallback: true,
    });
    expect(byDefault.answer).toMatchObject({ text: FULL, language: 'uk', isFallback: true });

    const chosen = ok(await draft({ answerMessages: [0, 2] })).createFaqEntryFromQuestion;
    expect(chosen.translations.find((tr) => tr.language === 'uk')?.answer).toBe(
      `${FULL}\n\n${SHORT}`,
    );

    // the asker's follow-up (position 1) and a position past the thread are not staff answers
    const count = await raw().countDocuments();
    for (const answerMessages of [[1], [7]]) {
      const refused = await draft({ answerMessages });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.body.errors![0].extensions.fields).toEqual([
        { field: 'answerMessages', constraint: 'staffMessageOfThread' },
      ]);
    }
    expect(await raw().countDocuments()).toBe(count);
  });

  it('refuses to submit without the confirmation, without the base text, or with personal details left in', async () => {
    expect(codeOf(await move(entryId, 'PUBLISHED', reviewer))).toBe('FAQ_TRANSITION_NOT_ALLOWED');
    expect(codeOf(await move(entryId, 'IN_REVIEW', author))).toBe(
      'FAQ_PERSONAL_DETAILS_NOT_CONFIRMED',
    );
    expect(codeOf(await move(entryId, 'IN_REVIEW', author, { personalDetailsRemoved: true }))).toBe(
      'FAQ_BASE_TEXT_REQUIRED',
    );

    // the Polish base is clean, the Ukrainian text is still the asker's
    ok(await update({ entryId, question: [CLEAN.question[0]], answer: [CLEAN.answer[0]] }, author));
    const refused = await t.gql(
      MOVE,
      { i: { entryId, to: 'IN_REVIEW', personalDetailsRemoved: true } },
      { token: author.token, query: '?lang=uk' },
    );
    expect(codeOf(refused)).toBe('FAQ_PERSONAL_DATA');
    const error = refused.body.errors![0];
    expect(error.extensions.fields).toEqual([
      { field: 'question.uk', constraint: 'phone' },
      { field: 'answer.uk', constraint: 'email' },
    ]);
    expect(error.message).toContain('питання (uk): номер телефону');
    expect(error.message).toContain('відповідь (uk): адреса електронної пошти');
    const inPolish = await t.gql(
      MOVE,
      { i: { entryId, to: 'IN_REVIEW', personalDetailsRemoved: true } },
      { token: author.token, query: '?lang=pl' },
    );
    expect(inPolish.body.errors![0].message).toContain('pytanie (uk): numer telefonu');
    expect(
      ok(
        await t.gql<{ staffFaqEntry: StaffEntry }>(
          STAFF_ENTRY,
          { id: entryId },
          { token: author.token },
        ),
      ).staffFaqEntry.state,
    ).toBe('DRAFT');
  });

  it('goes to review when clean, and is published only by a second staff member', async () => {
    const edited = ok(await update({ entryId, ...CLEAN }, author)).updateFaqEntry;
    expect(edited.availableLanguages).toEqual(['pl', 'uk', 'be', 'ru']);
    expect(
      edited.translations.map((tr) => [tr.language, tr.questionState, tr.answerState]),
    ).toEqual([
      ['pl', 'UP_TO_DATE', 'UP_TO_DATE'],
      ['uk', 'UP_TO_DATE', 'UP_TO_DATE'],
      ['be', 'UP_TO_DATE', 'UP_TO_DATE'],
      ['ru', 'UP_TO_DATE', 'UP_TO_DATE'],
    ]);
    const inReview = ok(
      await move(entryId, 'IN_REVIEW', author, { personalDetailsRemoved: true }),
    ).changeFaqEntryState;
    expect(inReview.state).toBe('IN_REVIEW');
    expect(inReview.personalDetailsConfirmedAt).not.toBeNull();

    // four eyes: the last editor cannot publish, and a reviewer's own edit makes them the editor
    expect(codeOf(await move(entryId, 'PUBLISHED', author))).toBe('FAQ_SAME_EDITOR_AND_REVIEWER');
    expect(codeOf(await move(entryId, 'ARCHIVED', reviewer))).toBe('FAQ_TRANSITION_NOT_ALLOWED');
    expect(codeOf(await t.gql(ENTRY, { id: entryId }))).toBe('NOT_FOUND');

    const published = ok(await move(entryId, 'PUBLISHED', reviewer)).changeFaqEntryState;
    expect(published.state).toBe('PUBLISHED');
    expect(published.history.map((h) => [h.action, h.state, h.by])).toEqual([
      ['create', 'DRAFT', author.id],
      ['edit', 'DRAFT', author.id],
      ['edit', 'DRAFT', author.id],
      ['submit', 'IN_REVIEW', author.id],
      ['publish', 'PUBLISHED', reviewer.id],
    ]);
    expect(codeOf(await move(entryId, 'DRAFT', reviewer))).toBe('FAQ_TRANSITION_NOT_ALLOWED');
  });

  it('is readable by anyone in pl, uk, be and ru, and never falls back to Russian', async () => {
    for (const [i, lang] of ['pl', 'uk', 'be', 'ru'].entries()) {
      const entry = await read(entryId, lang);
      expect(entry.question).toEqual({
        text: CLEAN.question[i].text,
        language: lang,
        isFallback: false,
        state: 'UP_TO_DATE',
      });
      expect(entry.answer.text).toBe(CLEAN.answer[i].text);
    }
    // by the request's language too
    const byHeader = ok(
      await t.gql<{ faqEntry: { question: Text } }>(ENTRY, { id: entryId }, { lang: 'be' }),
    ).faqEntry;
    expect(byHeader.question.language).toBe('be');

    // an entry in Polish and Russian only: Belarusian and Ukrainian readers get Polish
    const other = ok(
      await t.gql<{ createFaqEntry: StaffEntry }>(
        CREATE,
        {
          i: {
            topic: 'work',
            question: [
              { lang: 'pl', text: 'Czy potrzebuję zezwolenia na pracę?' },
              { lang: 'ru', text: 'Нужно ли разрешение на работу?' },
            ],
            answer: [
              { lang: 'pl', text: 'Zależy od podstawy pobytu.' },
              { lang: 'ru', text: 'Зависит от основания пребывания.' },
            ],
          },
        },
        { token: reviewer.token },
      ),
    ).createFaqEntry;
    ok(await move(other.id, 'IN_REVIEW', reviewer, { personalDetailsRemoved: true }));
    ok(await move(other.id, 'PUBLISHED', author));
    for (const lang of ['be', 'uk']) {
      const entry = await read(other.id, lang);
      expect(entry.question).toEqual({
        text: 'Czy potrzebuję zezwolenia na pracę?',
        language: 'pl',
        isFallback: true,
        state: 'MISSING',
      });
    }
    expect((await read(other.id, 'ru')).question.language).toBe('ru');

    // pages of published entries
    const first = await search({ first: 1, lang: 'pl' });
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ first: 1, after: first.pageInfo.endCursor, lang: 'pl' });
    expect([first.nodes[0].id, second.nodes[0].id].sort()).toEqual([entryId, other.id].sort());
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await search({ topic: 'work', lang: 'pl' })).nodes.map((n) => n.id)).toEqual([
      other.id,
    ]);
  });

  it('marks the other languages OUTDATED when the base text changes, and lists the gaps', async () => {
    const changed = ok(
      await update(
        {
          entryId,
          answer: [{ lang: 'pl', text: 'Złóż wniosek u wojewody osobiście lub przez internet.' }],
        },
        author,
      ),
    ).updateFaqEntry;
    expect(changed.state).toBe('PUBLISHED');
    expect(
      changed.translations.map((tr) => [tr.language, tr.questionState, tr.answerState]),
    ).toEqual([
      ['pl', 'UP_TO_DATE', 'UP_TO_DATE'],
      ['uk', 'UP_TO_DATE', 'OUTDATED'],
      ['be', 'UP_TO_DATE', 'OUTDATED'],
      ['ru', 'UP_TO_DATE', 'OUTDATED'],
    ]);
    expect((await read(entryId, 'uk')).answer).toEqual({
      text: CLEAN.answer[1].text,
      language: 'uk',
      isFallback: false,
      state: 'OUTDATED',
    });
    const gaps = ok(
      await t.gql<{ faqTranslationGaps: { entryId: string; field: string; state: string }[] }>(
        GAPS,
        { lang: 'uk' },
        { token: reviewer.token },
      ),
    ).faqTranslationGaps;
    expect(gaps.filter((g) => g.entryId === entryId)).toEqual([
      { entryId, entryState: 'PUBLISHED', field: 'answer', state: 'OUTDATED' },
    ]);
    expect(gaps.filter((g) => g.entryId !== entryId).map((g) => [g.field, g.state])).toEqual([
      ['question', 'MISSING'],
      ['answer', 'MISSING'],
    ]);

    // a published entry cannot get personal details back
    const leak = await update(
      { entryId, answer: [{ lang: 'ru', text: 'Звоните: 600-100-200' }] },
      author,
    );
    expect(codeOf(leak)).toBe('FAQ_PERSONAL_DATA');
    expect((await read(entryId, 'ru')).answer.text).toBe(CLEAN.answer[3].text);
  });

  it('finds entries with Latin or accent-free queries, and suggests them to a new asker', async () => {
    const ids = async (vars: Record<string, unknown>) =>
      (await search(vars)).nodes.map((n) => n.id);
    expect(await ids({ search: 'karta pobytu', lang: 'uk' })).toEqual([entryId]);
    expect(await ids({ search: 'Karta Pobyt', lang: 'ru' })).toEqual([entryId]);
    expect(await ids({ search: 'lodz uzyskac', lang: 'pl' })).toEqual([entryId]);
    expect(await ids({ search: 'ЛОДЗІ', lang: 'uk' })).toEqual([entryId]);
    expect(await ids({ search: 'wojewody internet', lang: 'pl' })).toEqual([entryId]);
    expect(await ids({ search: 'lodz zezwolenie', lang: 'pl' })).toEqual([]);

    const suggested = ok(
      await t.gql<{
        faqSuggestions: { score: number; entry: { id: string; question: Text } }[];
      }>(SUGGEST, {
        text: 'Добрий вечір! Скажіть, будь ласка, як мені отримати карту побиту?',
        language: 'uk',
      }),
    ).faqSuggestions;
    expect(suggested[0].entry.id).toBe(entryId);
    expect(suggested[0].score).toBeGreaterThanOrEqual(3);
    expect(suggested[0].entry.question).toMatchObject({ language: 'uk', isFallback: false });
    const work = ok(
      await t.gql<{ faqSuggestions: { entry: { id: string } }[] }>(SUGGEST, {
        text: 'Czy do pracy potrzebne jest zezwolenie?',
        language: 'pl',
      }),
    ).faqSuggestions;
    expect(work[0].entry.id).not.toBe(entryId);
    expect(
      ok(
        await t.gql<{ faqSuggestions: unknown[] }>(SUGGEST, {
          text: 'карта побиту',
          language: 'uk',
          topic: 'health',
        }),
      ).faqSuggestions,
    ).toEqual([]);
  });

  it('drops the link when the source question is erased, and a never-confirmed draft with it', async () => {
    ok(await t.gql(ERASE, { c: source.accessCode }));
    const kept = ok(
      await t.gql<{ staffFaqEntry: StaffEntry }>(
        STAFF_ENTRY,
        { id: entryId },
        { token: author.token },
      ),
    ).staffFaqEntry;
    expect(kept.sourceQuestionId).toBeNull();
    expect(kept.state).toBe('PUBLISHED');
    expect(
      (await raw().findOne({ _id: new Types.ObjectId(entryId) }))!.sourceQuestionId,
    ).toBeNull();

    // retention: a closed question's draft, never confirmed free of personal data, goes with it
    const old = await answered('Питання Олени про роботу', 'Відповідь консультанта');
    ok(await t.gql(CLOSE, { q: old.id }, { token: author.token }));
    const draft = ok(
      await t.gql<{ createFaqEntryFromQuestion: StaffEntry }>(
        FROM_QUESTION,
        { i: { questionId: old.id } },
        { token: author.token },
      ),
    ).createFaqEntryFromQuestion;
    await t.app
      .get(QuestionRetentionService)
      .purgeExpiredPersonalData(new Date(Date.now() + 200 * 86_400_000));
    expect(await raw().findOne({ _id: new Types.ObjectId(draft.id) })).toBeNull();
    expect(await raw().countDocuments({ sourceQuestionId: new Types.ObjectId(old.id) })).toBe(0);
  });

  it('archives: gone from the public, no more edits, no way back', async () => {
    ok(await move(entryId, 'ARCHIVED', reviewer));
    expect(codeOf(await t.gql(ENTRY, { id: entryId }))).toBe('NOT_FOUND');
    expect((await search({ search: 'karta pobytu', lang: 'uk' })).nodes).toEqual([]);
    expect(codeOf(await update({ entryId, tags: ['x'] }, author))).toBe('FAQ_ENTRY_NOT_EDITABLE');
    expect(codeOf(await move(entryId, 'DRAFT', admin))).toBe('FAQ_TRANSITION_NOT_ALLOWED');
    expect((await raw().findOne({ _id: new Types.ObjectId(entryId) }))!.searchTokens).toEqual([]);
  });

  it('keeps both of two simultaneous translations, and lets exactly one of two reviewers publish', async () => {
    const entry = ok(
      await t.gql<{ createFaqEntry: StaffEntry }>(
        CREATE,
        {
          i: {
            topic: 'housing',
            tags: ['mieszkanie'],
            question: [{ lang: 'pl', text: 'Jak zameldować się w mieszkaniu?' }],
            answer: [{ lang: 'pl', text: 'W urzędzie dzielnicy, z umową najmu.' }],
          },
        },
        { token: author.token },
      ),
    ).createFaqEntry;
    const [uk, be] = await Promise.all([
      update(
        {
          entryId: entry.id,
          question: [{ lang: 'uk', text: 'Як зареєструватися в квартирі?' }],
          answer: [{ lang: 'uk', text: 'В управі району, з договором оренди.' }],
        },
        author,
      ),
      update(
        {
          entryId: entry.id,
          question: [{ lang: 'be', text: 'Як прапісацца ў кватэры?' }],
          answer: [{ lang: 'be', text: 'Ва ўправе раёна, з дамовай арэнды.' }],
        },
        author,
      ),
    ]);
    ok(uk);
    ok(be);
    const both = ok(
      await t.gql<{ staffFaqEntry: StaffEntry }>(
        STAFF_ENTRY,
        { id: entry.id },
        { token: author.token },
      ),
    ).staffFaqEntry;
    expect(both.availableLanguages).toEqual(['pl', 'uk', 'be']);
    expect(both.translations.find((tr) => tr.language === 'be')!.questionState).toBe('UP_TO_DATE');

    ok(await move(entry.id, 'IN_REVIEW', author, { personalDetailsRemoved: true }));
    const results = await Promise.all([
      move(entry.id, 'PUBLISHED', reviewer),
      move(entry.id, 'PUBLISHED', admin),
    ]);
    const winners = results.filter((r) => !r.body.errors);
    expect(winners).toHaveLength(1);
    expect(['EDIT_CONFLICT', 'FAQ_TRANSITION_NOT_ALLOWED']).toContain(
      codeOf(results.find((r) => r.body.errors)!),
    );
    const history = ok(
      await t.gql<{ staffFaqEntry: StaffEntry }>(
        STAFF_ENTRY,
        { id: entry.id },
        { token: author.token },
      ),
    ).staffFaqEntry.history;
    expect(history.filter((h) => h.action === 'publish')).toHaveLength(1);
  });
});
