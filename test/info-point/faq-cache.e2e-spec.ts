import { ReadCache, Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const TEXT = `{ text language }`;
const CREATE = `mutation($i: CreateFaqEntryInput!) { createFaqEntry(input: $i) { id } }`;
const UPDATE = `mutation($i: UpdateFaqEntryInput!) { updateFaqEntry(input: $i) { id state } }`;
const MOVE = `mutation($i: ChangeFaqEntryStateInput!) { changeFaqEntryState(input: $i) { state } }`;
const ENTRY = `query($id: ID!, $lang: Language) { faqEntry(id: $id, lang: $lang) { id answer ${TEXT} } }`;
const ENTRIES = `query($lang: Language) { faqEntries(lang: $lang) { totalCount nodes { id question ${TEXT} answer ${TEXT} } } }`;

type Entries = {
  faqEntries: { totalCount: number; nodes: { id: string; answer: { text: string } }[] };
};

/** The public FAQ is served from core's ReadCache; every change shows on the next read. */
describe('info point: cached public FAQ', () => {
  let t: TestApp;
  let author: { token: string };
  let reviewer: { token: string };

  beforeAll(async () => {
    t = await startTestApp();
    [author, reviewer] = await Promise.all([t.userWith([Role.staff]), t.userWith([Role.staff])]);
  });
  afterAll(() => t.close());

  const move = async (entryId: string, to: string, who: { token: string }) =>
    ok(
      await t.gql(MOVE, { i: { entryId, to, personalDetailsRemoved: true } }, { token: who.token }),
    );
  const list = async (lang: string) => ok(await t.gql<Entries>(ENTRIES, { lang })).faqEntries;

  it('shows a publication, an edit and an archiving on the next read, in each language', async () => {
    expect((await list('uk')).totalCount).toBe(0);
    const { id } = ok(
      await t.gql<{ createFaqEntry: { id: string } }>(
        CREATE,
        {
          i: {
            topic: 'work',
            question: [
              { lang: 'pl', text: 'Czy potrzebuję zezwolenia na pracę?' },
              { lang: 'uk', text: 'Чи потрібен дозвіл на роботу?' },
            ],
            answer: [
              { lang: 'pl', text: 'Zależy od podstawy pobytu.' },
              { lang: 'uk', text: 'Залежить від підстави перебування.' },
            ],
          },
        },
        { token: author.token },
      ),
    ).createFaqEntry;
    expect((await list('uk')).totalCount).toBe(0); // a draft is not public
    await move(id, 'IN_REVIEW', author);
    await move(id, 'PUBLISHED', reviewer);
    expect((await list('uk')).nodes.map((n) => n.answer.text)).toEqual([
      'Залежить від підстави перебування.',
    ]);

    // cached: a second read is a hit
    const cache = t.app.get(ReadCache);
    await list('pl');
    const hits = cache.stats.hits;
    await list('pl');
    expect(cache.stats.hits).toBeGreaterThan(hits);
    expect(ok(await t.gql(ENTRY, { id, lang: 'uk' })).faqEntry).toMatchObject({ id });

    ok(
      await t.gql(
        UPDATE,
        { i: { entryId: id, answer: [{ lang: 'uk', text: 'Так, якщо у вас немає карти.' }] } },
        { token: author.token },
      ),
    );
    expect((await list('uk')).nodes[0].answer.text).toBe('Так, якщо у вас немає карти.');
    expect(
      ok(await t.gql<{ faqEntry: { answer: { text: string } } }>(ENTRY, { id, lang: 'uk' }))
        .faqEntry.answer.text,
    ).toBe('Так, якщо у вас немає карти.');
    expect((await list('pl')).nodes[0].answer.text).toBe('Zależy od podstawy pobytu.');

    await move(id, 'ARCHIVED', reviewer);
    expect((await list('uk')).totalCount).toBe(0);
    expect(codeOf(await t.gql(ENTRY, { id, lang: 'uk' }))).toBe('NOT_FOUND');
  });

  it('caches a search by its words in any order, and an edit shows on the next search', async () => {
    const SEARCH = `query($q: String!) { faqEntries(search: $q, lang: uk) { totalCount nodes { id } } }`;
    const search = async (q: string) =>
      ok(await t.gql<Entries>(SEARCH, { q })).faqEntries.nodes.map((n) => n.id);
    const { id } = ok(
      await t.gql<{ createFaqEntry: { id: string } }>(
        CREATE,
        {
          i: {
            topic: 'residence',
            question: [
              { lang: 'pl', text: 'Jak długo czeka się na kartę pobytu?' },
              { lang: 'uk', text: 'Скільки чекати на карту побуту?' },
            ],
            answer: [
              { lang: 'pl', text: 'Wojewoda ma sześćdziesiąt dni na decyzję.' },
              { lang: 'uk', text: 'Воєвода має на рішення шістдесят днів.' },
            ],
          },
        },
        { token: author.token },
      ),
    ).createFaqEntry;
    await move(id, 'IN_REVIEW', author);
    await move(id, 'PUBLISHED', reviewer);

    const cache = t.app.get(ReadCache);
    expect(await search('карту побуту')).toEqual([id]);
    const hits = cache.stats.hits;
    expect(await search('  ПОБУТУ карту ')).toEqual([id]); // same words, another order and case
    expect(cache.stats.hits).toBe(hits + 1);
    expect(await search('карту робота')).toEqual([]); // other words: not the cached answer
    expect(cache.stats.hits).toBe(hits + 1);

    ok(
      await t.gql(
        UPDATE,
        { i: { entryId: id, question: [{ lang: 'uk', text: 'Скільки чекати на рішення?' }] } },
        { token: author.token },
      ),
    );
    expect(await search('карту побуту')).toEqual([]);
    expect(await search('рішення')).toEqual([id]);
  });
});
