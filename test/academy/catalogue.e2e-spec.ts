import { Role } from '@sasiad/core';
import { createCourse, ok, publish } from '../support/academy-fixtures';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const SEARCH = `query($s: String, $lang: Language, $topic: String, $level: String, $in: Language, $first: Int, $after: String) {
  courses(search: $s, lang: $lang, topic: $topic, level: $level, availableIn: $in, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id topic level title { text language isFallback } }
  } }`;

describe('academy: catalogue, filters and search in the reader’s language', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const search = async (vars: Record<string, unknown>) =>
    (await ok(t, SEARCH, vars)).courses as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { id: string; title: { text: string; language: string } }[];
    };
  const found = async (vars: Record<string, unknown>) =>
    (await search(vars)).nodes.map((n) => n.id).sort();

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await t.userWith([Role.staff]);
    ids.residence = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Karta pobytu czasowego' },
        { lang: 'uk', text: 'Карта побиту: як отримати' },
        { lang: 'be', text: 'Карта побыту: як атрымаць' },
        { lang: 'ru', text: 'Карта побыту: как получить' },
      ],
      summary: [
        { lang: 'pl', text: 'Wniosek do wojewody.' },
        { lang: 'uk', text: 'Заява до воєводи.' },
        { lang: 'be', text: 'Заява да ваяводы.' },
        { lang: 'ru', text: 'Заявление воеводе.' },
      ],
      topic: 'residence',
      level: 'beginner',
    });
    ids.work = await createCourse(t, staff.token, {
      title: [
        { lang: 'pl', text: 'Praca w Polsce: zezwolenie na pracę' },
        { lang: 'uk', text: 'Праця в Польщі: дозвіл на працю' },
      ],
      summary: [
        { lang: 'pl', text: 'Umowa o pracę i oświadczenie.' },
        { lang: 'uk', text: 'Трудовий договір і заява.' },
      ],
      topic: 'work',
      level: 'intermediate',
      tags: ['PESEL'],
    });
    ids.budget = await createCourse(t, staff.token, {
      title: [{ lang: 'pl', text: 'Budżet obywatelski w Łodzi' }],
      summary: [{ lang: 'pl', text: 'Jak zgłosić projekt i głosować.' }],
      topic: 'participation',
      level: 'beginner',
    });
    ids.draft = await createCourse(t, staff.token, {
      title: [{ lang: 'pl', text: 'Karta pobytu stałego (szkic)' }],
      topic: 'residence',
    });
    for (const key of ['residence', 'work', 'budget']) await publish(t, staff.token, ids[key]);
  });
  afterAll(() => t.close());

  it('finds Cyrillic text with a Latin query, and the other way round', async () => {
    expect(await found({ s: 'karta pobytu', lang: 'uk' })).toEqual([ids.residence]);
    expect(await found({ s: 'pratsia', lang: 'uk' })).toEqual([ids.work]);
    expect(await found({ s: 'Праця', lang: 'uk' })).toEqual([ids.work]);
    expect(await found({ s: 'kak poluchit', lang: 'ru' })).toEqual([ids.residence]);
    expect(await found({ s: 'atrymats', lang: 'be' })).toEqual([ids.residence]);
  });

  it('is case-, accent- and diacritic-insensitive and matches word prefixes', async () => {
    expect(await found({ s: 'ZEZWOLENIE na PRACE', lang: 'pl' })).toEqual([ids.work]);
    expect(await found({ s: 'lodz', lang: 'pl' })).toEqual([ids.budget]);
    expect(await found({ s: 'Łódź budż', lang: 'pl' })).toEqual([ids.budget]);
    expect(await found({ s: 'kart', lang: 'pl' })).toEqual([ids.residence]);
    expect(await found({ s: 'pesel', lang: 'be' })).toEqual([ids.work]);
  });

  it('searches what the reader sees: a fallback text is searchable in the reader’s language', async () => {
    // the budget course has only Polish: a Ukrainian reader sees (and finds) the Polish title
    expect(await found({ s: 'budzet', lang: 'uk' })).toEqual([ids.budget]);
    // the Ukrainian title of the work course hides its Polish one from Ukrainian readers
    expect(await found({ s: 'zezwolenie', lang: 'uk' })).toEqual([]);
  });

  it('never lists drafts, and every word must match', async () => {
    expect(await found({ s: 'stalego', lang: 'pl' })).toEqual([]);
    expect(await found({ s: 'karta praca', lang: 'pl' })).toEqual([]);
    expect((await search({})).totalCount).toBe(3);
  });

  it('filters by topic, level and language availability', async () => {
    expect(await found({ topic: 'residence' })).toEqual([ids.residence]);
    expect(await found({ level: 'beginner' })).toEqual([ids.residence, ids.budget].sort());
    expect(await found({ in: 'be' })).toEqual([ids.residence]);
    expect(await found({ in: 'uk' })).toEqual([ids.residence, ids.work].sort());
    const bad = await t.gql(SEARCH, { topic: 'cooking' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const lang = await t.gql(SEARCH, { in: 'en' });
    expect(codeOf(lang)).toBe('UNSUPPORTED_LANGUAGE');
  });

  it('pages with cursors', async () => {
    const first = await search({ first: 2 });
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.nodes, ...second.nodes].map((n) => n.id).sort();
    expect(all).toEqual([ids.residence, ids.work, ids.budget].sort());
    expect(codeOf(await t.gql(SEARCH, { after: 'garbage' }))).toBe('INVALID_CURSOR');
  });

  it('reads the catalogue in the request language', async () => {
    const res = await t.gql<{ courses: { nodes: { id: string; title: { text: string } }[] } }>(
      SEARCH,
      { topic: 'work' },
      { query: '?lang=uk' },
    );
    expect(res.body.data!.courses.nodes[0].title.text).toBe('Праця в Польщі: дозвіл на працю');
  });
});
