import { Role } from '@sasiad/core';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';

const extensionsOf = (res: GqlResponse) => (res.body as { extensions?: unknown }).extensions;

/** Issue 10 item 4: the language argument is an enum; an unsupported request says what it got. */
describe('languages: the Language enum and the language a response was served in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is an enum of the four languages, written bare like every other enum argument', async () => {
    const type = await t.gql<{ __type: { kind: string; enumValues: { name: string }[] } }>(
      `{ __type(name: "Language") { kind enumValues { name } } }`,
    );
    expect(type.body.data!.__type.kind).toBe('ENUM');
    expect(type.body.data!.__type.enumValues.map((v) => v.name).sort()).toEqual([
      'be',
      'pl',
      'ru',
      'uk',
    ]);
    const bare = await t.gql(`{ courses(first: 1, lang: be) { totalCount } }`);
    expect(bare.body).toEqual({ data: { courses: { totalCount: 0 } } });
    const variable = await t.gql(
      `query($l: Language) { faqEntries(first: 1, lang: $l) { totalCount } }`,
      { l: 'ru' },
    );
    expect(variable.body).toEqual({ data: { faqEntries: { totalCount: 0 } } });
  });

  it('refuses a language outside the four with UNSUPPORTED_LANGUAGE in the request language', async () => {
    const inline = await t.gql(`{ courses(first: 1, lang: en) { totalCount } }`, undefined, {
      lang: 'uk',
    });
    expect(codeOf(inline)).toBe('UNSUPPORTED_LANGUAGE');
    expect(inline.body.errors![0].message).toBe('Мова не підтримується. Доступні: pl, uk, be, ru.');
    const variable = await t.gql(
      `query($l: Language) { courses(first: 1, lang: $l) { totalCount } }`,
      { l: 'de' },
      { lang: 'be' },
    );
    expect(codeOf(variable)).toBe('UNSUPPORTED_LANGUAGE');
    expect(variable.body.errors![0].message).toBe(
      'Мова не падтрымліваецца. Даступныя: pl, uk, be, ru.',
    );
  });

  it('names the served language in Content-Language on every response', async () => {
    const plain = await t.gql(`{ __typename }`, undefined, { lang: 'ru-RU,ru;q=0.9' });
    expect(plain.headers.get('content-language')).toBe('ru');
    expect(extensionsOf(plain)).toBeUndefined();
    // the aliases people type stay accepted in the query parameter and the header
    const alias = await t.gql(`{ __typename }`, undefined, { query: '?lang=ua' });
    expect(alias.headers.get('content-language')).toBe('uk');
    expect(extensionsOf(alias)).toBeUndefined();
    const header = await t.gql(`{ __typename }`, undefined, { lang: 'by' });
    expect(header.headers.get('content-language')).toBe('be');
  });

  it('says which language was served when ?lang= asks for one it does not speak', async () => {
    const en = await t.gql(`{ __typename }`, undefined, { query: '?lang=en' });
    expect(en.status).toBe(200);
    expect(en.headers.get('content-language')).toBe('pl');
    expect(en.body).toEqual({
      data: { __typename: 'Query' },
      extensions: {
        servedLanguage: 'pl',
        languageNotice:
          'Język „en” nie jest obsługiwany, dlatego odpowiadamy po polsku. Dostępne języki: pl, uk, be, ru.',
      },
    });
    // the next choice in order (here Accept-Language) is served, and the notice is in it
    const next = await t.gql(`{ __typename }`, undefined, { query: '?lang=en', lang: 'be' });
    expect(next.headers.get('content-language')).toBe('be');
    expect(extensionsOf(next)).toEqual({
      servedLanguage: 'be',
      languageNotice:
        'Мова «en» не падтрымліваецца, таму адказваем па-беларуску. Даступныя мовы: pl, uk, be, ru.',
    });
    // a signed-in user's preference comes before the header
    const user = await t.userWith([Role.learner]);
    const profile = await t.gql(
      `mutation { updateMyProfile(input: { preferredLanguage: uk }) { preferredLanguage } }`,
      undefined,
      { token: user.token },
    );
    expect(profile.body).toEqual({ data: { updateMyProfile: { preferredLanguage: 'uk' } } });
    const mine = await t.gql(`{ __typename }`, undefined, {
      query: '?lang=xx',
      token: user.token,
    });
    expect(extensionsOf(mine)).toEqual({
      servedLanguage: 'uk',
      languageNotice:
        'Мова «xx» не підтримується, тому відповідаємо українською. Доступні мови: pl, uk, be, ru.',
    });
    expect(mine.headers.get('content-language')).toBe('uk');
  });
});
