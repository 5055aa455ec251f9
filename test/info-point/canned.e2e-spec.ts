import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const texts = (pl: string, uk: string, be: string, ru: string) => [
  { lang: 'pl', text: pl },
  { lang: 'uk', text: uk },
  { lang: 'be', text: be },
  { lang: 'ru', text: ru },
];

const CREATE = `mutation($i: CannedAnswerInput!) { createCannedAnswer(input: $i) { id shortCode placeholders texts { language text state } } }`;
const UPDATE = `mutation($i: CannedAnswerInput!) { updateCannedAnswer(input: $i) { shortCode title placeholders } }`;
const DELETE = `mutation($c: String!) { deleteCannedAnswer(input: { shortCode: $c }) }`;
const SEARCH = `query($s: String) { cannedAnswers(search: $s) { shortCode title } }`;
const RENDER = `query($c: String!, $l: Language!, $v: [PlaceholderValue!]) { renderCannedAnswer(shortCode: $c, language: $l, values: $v) }`;

const residence = {
  shortCode: 'karta-pobytu',
  title: 'Karta pobytu: gdzie złożyć wniosek',
  texts: texts(
    'Wniosek składa się w {{office}} przed końcem ważności wizy ({{deadline}}).',
    'Заяву подають до {{office}} до закінчення візи ({{deadline}}).',
    'Заяву падаюць у {{office}} да заканчэння візы ({{deadline}}).',
    'Заявление подают в {{office}} до окончания визы ({{deadline}}).',
  ),
};

describe('info point: canned answers in four languages', () => {
  let t: TestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startTestApp();
    staff = (await t.userWith([Role.staff])).token;
  });
  afterAll(() => t.close());

  it('keeps an answer in four languages with the same placeholders, under a unique short code', async () => {
    const created = await t.gql<{
      createCannedAnswer: { placeholders: string[]; texts: { language: string; text: string }[] };
    }>(CREATE, { i: residence }, { token: staff });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createCannedAnswer.placeholders).toEqual(['deadline', 'office']);
    expect(created.body.data!.createCannedAnswer.texts).toEqual(
      residence.texts.map((e) => ({ language: e.lang, text: e.text, state: 'UP_TO_DATE' })),
    );
    expect(codeOf(await t.gql(CREATE, { i: residence }, { token: staff }))).toBe(
      'CANNED_CODE_TAKEN',
    );
    const holey = await t.gql(
      CREATE,
      {
        i: {
          ...residence,
          shortCode: 'holey',
          texts: residence.texts.map((e) =>
            e.lang === 'be' ? { ...e, text: 'Заяву падаюць у {{office}}.' } : e,
          ),
        },
      },
      { token: staff },
    );
    expect(codeOf(holey)).toBe('BAD_USER_INPUT');
    expect(holey.body.errors![0].extensions.fields).toEqual([
      { field: 'texts.2', constraint: 'samePlaceholders' },
    ]);
    const emptyRussian = await t.gql(
      CREATE,
      {
        i: {
          ...residence,
          shortCode: 'no-ru',
          texts: residence.texts.map((e) => (e.lang === 'ru' ? { ...e, text: '' } : e)),
        },
      },
      { token: staff },
    );
    expect(codeOf(emptyRussian)).toBe('BAD_USER_INPUT');
    const noRussian = await t.gql(
      CREATE,
      { i: { ...residence, shortCode: 'no-ru', texts: residence.texts.slice(0, 3) } },
      { token: staff },
    );
    expect(noRussian.body.errors![0].extensions.fields).toEqual([
      { field: 'texts', constraint: 'allLanguages' },
    ]);
    const tooLong = await t.gql(
      CREATE,
      {
        i: {
          ...residence,
          shortCode: 'too-long',
          texts: residence.texts.map((e) => ({ ...e, text: e.text + 'x'.repeat(5000) })),
        },
      },
      { token: staff },
    );
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
    for (const shortCode of ['Karta', 'a', 'karta pobytu', 'x'.repeat(41)])
      expect(
        codeOf(await t.gql(CREATE, { i: { ...residence, shortCode } }, { token: staff })),
      ).toBe('BAD_USER_INPUT');
  });

  it('finds answers by the beginning of a short code, and fills placeholders in the asker’s language', async () => {
    await t.gql(
      CREATE,
      {
        i: {
          shortCode: 'karta-polaka',
          title: 'Karta Polaka',
          texts: texts('Karta Polaka', 'Карта поляка', 'Карта паляка', 'Карта поляка'),
        },
      },
      { token: staff },
    );
    await t.gql(
      CREATE,
      {
        i: {
          shortCode: 'praca-umowa',
          title: 'Umowa o pracę',
          texts: texts('Umowa', 'Договір', 'Дагавор', 'Договор'),
        },
      },
      { token: staff },
    );
    const found = await t.gql<{ cannedAnswers: { shortCode: string }[] }>(
      SEARCH,
      { s: 'karta' },
      { token: staff },
    );
    expect(found.body.data!.cannedAnswers.map((c) => c.shortCode)).toEqual([
      'karta-pobytu',
      'karta-polaka',
    ]);
    const all = await t.gql<{ cannedAnswers: unknown[] }>(SEARCH, {}, { token: staff });
    expect(all.body.data!.cannedAnswers).toHaveLength(3);
    expect(codeOf(await t.gql(SEARCH, { s: '.*' }, { token: staff }))).toBe('BAD_USER_INPUT');

    const values = [
      { name: 'office', value: 'Łódzki Urząd Wojewódzki, ul. Żeromskiego 87' },
      { name: 'deadline', value: '31.12.2026' },
    ];
    const be = await t.gql<{ renderCannedAnswer: string }>(
      RENDER,
      { c: 'karta-pobytu', l: 'be', v: values },
      { token: staff },
    );
    expect(be.body.data!.renderCannedAnswer).toBe(
      'Заяву падаюць у Łódzki Urząd Wojewódzki, ul. Żeromskiego 87 да заканчэння візы (31.12.2026).',
    );
    const missing = await t.gql(
      RENDER,
      { c: 'karta-pobytu', l: 'uk', v: [values[0]] },
      { token: staff },
    );
    expect(missing.body.errors![0].extensions.fields).toEqual([
      { field: 'values.deadline', constraint: 'missingPlaceholder' },
    ]);
    expect(codeOf(await t.gql(RENDER, { c: 'nie-ma', l: 'pl' }, { token: staff }))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets staff update, only admins delete, and learners nothing', async () => {
    const updated = await t.gql<{ updateCannedAnswer: { title: string } }>(
      UPDATE,
      { i: { ...residence, title: 'Karta pobytu czasowego' } },
      { token: staff },
    );
    expect(updated.body.data!.updateCannedAnswer.title).toBe('Karta pobytu czasowego');
    expect(codeOf(await t.gql(DELETE, { c: 'karta-pobytu' }, { token: staff }))).toBe('FORBIDDEN');
    const admin = (await t.userWith([Role.admin])).token;
    expect((await t.gql(DELETE, { c: 'karta-pobytu' }, { token: admin })).body.data).toEqual({
      deleteCannedAnswer: true,
    });
    expect(codeOf(await t.gql(DELETE, { c: 'karta-pobytu' }, { token: admin }))).toBe('NOT_FOUND');
    const learner = (await t.userWith([Role.learner])).token;
    expect(codeOf(await t.gql(SEARCH, {}, { token: learner }))).toBe('FORBIDDEN');
  });
});
