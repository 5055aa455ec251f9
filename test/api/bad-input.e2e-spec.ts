import { Role } from '@sasiad/core';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';

const json = async (res: Response) => (await res.json()) as GqlResponse['body'];

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken user { displayName login } } }`;

describe('bad input is refused with a stable code and a localized message', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports each invalid field with the rule it broke, and says in words what is wrong and the limit, in the request language', async () => {
    const i = { email: 'not-an-email', password: 'short', displayName: 'x'.repeat(81) };
    const expected: Record<string, { message: string; fieldMessages: Record<string, string> }> = {
      pl: {
        message:
          'Niektóre dane są nieprawidłowe. email: To nie jest prawidłowy adres e-mail. password: Co najmniej 10 znaków. displayName: Maksymalnie 80 znaków.',
        fieldMessages: {
          email: 'To nie jest prawidłowy adres e-mail.',
          password: 'Co najmniej 10 znaków.',
          displayName: 'Maksymalnie 80 znaków.',
        },
      },
      uk: {
        message:
          'Деякі дані некоректні. email: Некоректна адреса електронної пошти. password: Щонайменше 10 символів. displayName: Не більше ніж 80 символів.',
        fieldMessages: {
          email: 'Некоректна адреса електронної пошти.',
          password: 'Щонайменше 10 символів.',
          displayName: 'Не більше ніж 80 символів.',
        },
      },
      be: {
        message:
          'Некаторыя даныя некарэктныя. email: Некарэктны адрас электроннай пошты. password: Не менш за 10 сімвалаў. displayName: Не больш за 80 сімвалаў.',
        fieldMessages: {
          email: 'Некарэктны адрас электроннай пошты.',
          password: 'Не менш за 10 сімвалаў.',
          displayName: 'Не больш за 80 сімвалаў.',
        },
      },
      ru: {
        message:
          'Некоторые данные некорректны. email: Некорректный адрес электронной почты. password: Не менее 10 символов. displayName: Не более 80 символов.',
        fieldMessages: {
          email: 'Некорректный адрес электронной почты.',
          password: 'Не менее 10 символов.',
          displayName: 'Не более 80 символов.',
        },
      },
    };
    for (const [lang, { message, fieldMessages }] of Object.entries(expected)) {
      const res = await t.gql(SIGN_UP, { i }, { lang });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toBe(message);
      expect(res.body.errors![0].extensions.fieldMessages).toEqual(fieldMessages);
      expect(res.body.errors![0].extensions.fields).toEqual(
        expect.arrayContaining([
          { field: 'email', constraint: 'isEmail' },
          { field: 'password', constraint: 'minLength' },
          { field: 'displayName', constraint: 'maxLength' },
        ]),
      );
      // the words never name an internal rule
      expect(message).not.toMatch(/isEmail|minLength|maxLength|matches/);
    }
    // country codes typed as languages are understood
    expect((await t.gql(SIGN_UP, { i }, { query: '?lang=ua' })).body.errors![0].message).toBe(
      expected.uk.message,
    );
    expect((await t.gql(SIGN_UP, { i }, { query: '?lang=by' })).body.errors![0].message).toBe(
      expected.be.message,
    );
    expect(await t.db.collection('users').countDocuments({})).toBe(0);
  });

  it('reads a missing value as missing, not as a broken length or format rule', async () => {
    const none = await t.gql(
      SIGN_UP,
      { i: { password: 'long-enough-password-1' } },
      { lang: 'pl' },
    );
    expect(codeOf(none)).toBe('BAD_USER_INPUT');
    expect(none.body.errors![0].extensions.fields).toEqual([
      { field: 'email', constraint: 'required' },
      { field: 'username', constraint: 'required' },
    ]);
    expect(none.body.errors![0].message).toBe(
      'Niektóre dane są nieprawidłowe. email: To pole jest wymagane. username: To pole jest wymagane.',
    );
    const empty = await t.gql(
      SIGN_UP,
      { i: { email: '  ', password: 'long-enough-password-1' } },
      { lang: 'ru' },
    );
    expect(empty.body.errors![0].extensions.fields).toEqual([
      { field: 'email', constraint: 'notEmpty' },
    ]);
    expect(empty.body.errors![0].extensions.fieldMessages).toEqual({
      email: 'Не может быть пустым.',
    });
    // a rule with a message of its own says what a username may contain
    const name = await t.gql(
      SIGN_UP,
      { i: { username: 'a b', password: 'long-enough-password-1' } },
      { lang: 'be' },
    );
    expect(name.body.errors![0].extensions.fieldMessages).toEqual({
      username: 'Імя карыстальніка: ад 3 да 32 літар, лічбаў, кропак, злучкоў або падкрэсленняў.',
    });
  });

  it('says in words why a password is weak', async () => {
    const common = await t.gql(
      SIGN_UP,
      { i: { username: 'weak_one', password: 'qwerty12345' } },
      { lang: 'uk' },
    );
    expect(codeOf(common)).toBe('WEAK_PASSWORD');
    expect(common.body.errors![0].message).toBe(
      'Цей пароль є в списку найпоширеніших паролів, тому його легко вгадати. Виберіть інший, наприклад кілька не пов’язаних між собою слів.',
    );
    const login = await t.gql(
      SIGN_UP,
      { i: { username: 'mariia', password: 'mariia-2024-01' } },
      { lang: 'pl' },
    );
    expect(login.body.errors![0].message).toBe(
      'Hasło zawiera login (e-mail lub nazwę użytkownika), więc łatwo je odgadnąć. Wybierz hasło bez loginu.',
    );
    const repeated = await t.gql(
      SIGN_UP,
      { i: { username: 'repeater', password: 'abababababab' } },
      { lang: 'ru' },
    );
    expect(repeated.body.errors![0].message).toBe(
      'Пароль состоит из одного или двух повторяющихся символов. Используйте разные буквы, цифры или слова.',
    );
  });

  it('refuses unknown input fields, inline and in variables', async () => {
    const inline = await t.gql(
      `mutation { signIn(input: { login: "abc", password: "x", role: "admin" }) { accessToken } }`,
    );
    expect(codeOf(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
    const vars = await t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`, {
      i: { login: 'abc', password: 'x', role: 'admin' },
    });
    expect(codeOf(vars)).toBe('BAD_USER_INPUT');
  });

  it('refuses a language outside the four with UNSUPPORTED_LANGUAGE', async () => {
    const user = await t.userWith([Role.learner]);
    const res = await t.gql(
      `mutation($l: Language) { updateMyProfile(input: { preferredLanguage: $l }) { preferredLanguage } }`,
      { l: 'de' },
      { token: user.token },
    );
    expect(codeOf(res)).toBe('UNSUPPORTED_LANGUAGE');
    const inline = await t.gql(
      `mutation { updateMyProfile(input: { preferredLanguage: "en" }) { preferredLanguage } }`,
      undefined,
      { token: user.token },
    );
    expect(codeOf(inline)).toBe('UNSUPPORTED_LANGUAGE');
  });

  it('trims strings and normalizes them to Unicode NFC (but never trims a password)', async () => {
    const decomposed = '  Андріи\u0306 Ковальчук  '; // й typed as и + combining breve
    const res = await t.gql<{
      signUp: { accessToken: string; user: { displayName: string; login: string } };
    }>(SIGN_UP, {
      i: { username: '  andrii_k ', password: ' spaced-password-1 ', displayName: decomposed },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.signUp.user).toEqual({
      displayName: 'Андрій Ковальчук',
      login: 'andrii_k',
    });
    expect(res.body.data!.signUp.user.displayName).toBe('Андрій Ковальчук'.normalize('NFC'));
    const signIn = `mutation($p: String!) { signIn(input: { login: "andrii_k", password: $p }) { accessToken } }`;
    expect(codeOf(await t.gql(signIn, { p: 'spaced-password-1' }))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(await t.gql(signIn, { p: ' spaced-password-1 ' }))).toBeUndefined();
  });

  it('never lets a MongoDB operator through an input', async () => {
    const asObject = await t.gql(
      `mutation($l: String!) { signIn(input: { login: $l, password: "whatever-1" }) { accessToken } }`,
      { l: { $gt: '' } },
    );
    expect(codeOf(asObject)).toBe('BAD_USER_INPUT');
    const asJsonText = await t.gql(
      `mutation($l: String!) { signIn(input: { login: $l, password: "whatever-1" }) { accessToken } }`,
      { l: '{"$gt": ""}' },
    );
    expect(codeOf(asJsonText)).toBe('INVALID_CREDENTIALS');
    const refresh = await t.gql(
      `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }`,
      { t: '{"$ne":null}.aaaaaaaaaaaaaaaaaaaaaaa' },
    );
    expect(codeOf(refresh)).toBe('INVALID_REFRESH_TOKEN');
  });

  it('neutralises a query operator that reaches a model from input (sanitizeFilter), while trusted operators work', async () => {
    await t.userWith([Role.learner]);
    const { getModelToken } = await import('@nestjs/mongoose');
    const { trusted } = await import('mongoose');
    const users = t.app.get<import('mongoose').Model<{ loginHash: string }>>(getModelToken('User'));
    const fromInput = JSON.parse('{"loginHash": {"$ne": "nothing"}}') as Record<string, unknown>;
    // The operator becomes a literal value to compare with ($eq), which a string field refuses.
    await expect(users.countDocuments(fromInput)).rejects.toThrow(/Cast to string failed/);
    expect(await users.countDocuments({ loginHash: trusted({ $ne: 'nothing' }) })).toBeGreaterThan(
      0,
    );
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
      body: JSON.stringify({
        query: '{ __typename }',
        variables: { pad: 'x'.repeat(1024 * 1024 + 10) },
      }),
    });
    expect(res.status).toBe(413);
    expect(await json(res)).toEqual({
      errors: [
        {
          message: 'Отправленные данные слишком велики.',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('answers malformed JSON with 400 and BAD_REQUEST', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).errors![0].extensions.code).toBe('BAD_REQUEST');
  });

  it('does not execute batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.errors![0].extensions.code).toBe('BAD_REQUEST');
    expect(body.data).toBeUndefined();
  });

  it('blocks simple cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect((await json(res)).errors![0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('query limits, read from configuration', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        GRAPHQL_MAX_DEPTH: '2',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_TOKENS: '300',
        GRAPHQL_MAX_COST: '12',
      },
    });
    token = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  const refused = async (query: string, code: string) => {
    const res = await t.gql(query, undefined, { token });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe(code);
    expect(res.body.errors![0].message).toBe(
      code === 'QUERY_TOO_COMPLEX'
        ? 'Zapytanie jest zbyt złożone. Podziel je na mniejsze.'
        : 'Zapytanie GraphQL ma błąd składni.',
    );
  };

  it('accepts what is within the limits', async () => {
    const res = await t.gql(`{ me { id login } a: me { id } }`, undefined, { token });
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses a query nested too deeply, also through fragments', async () => {
    await refused(`{ users { nodes { id } } }`, 'QUERY_TOO_COMPLEX');
    await refused(
      `fragment N on UserConnection { nodes { id } } query { users { ...N } }`,
      'QUERY_TOO_COMPLEX',
    );
  });

  it('refuses too many aliases', () =>
    refused(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`, 'QUERY_TOO_COMPLEX'));

  it('refuses a query that costs too much', () =>
    refused(
      `{ me { id login loginKind displayName roles organisationId preferredLanguage status createdAt } }`,
      'QUERY_TOO_COMPLEX',
    ));

  it('refuses a document with too many tokens while parsing', () =>
    refused(`{ ${'__typename '.repeat(400)} }`, 'GRAPHQL_PARSE_FAILED'));
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        JWT_SECRET: 'p'.repeat(48),
        DATA_ENCRYPTION_KEYS: `k2026:${Buffer.alloc(32, 7).toString('base64')}`,
        BLIND_INDEX_KEY: 'b'.repeat(48),
      },
    });
  });
  afterAll(() => t.close());

  it('turns introspection and GraphiQL off', async () => {
    expect(codeOf(await t.gql('{ __schema { types { name } } }'))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect((await fetch(`${t.url}/graphiql`)).status).toBe(404);
  });

  it('answers an internal failure with a generic localized message and no stack trace or internals', async () => {
    const user = await t.userWith([Role.learner]);
    // Break the stored ciphertext so that reading the account fails inside the server.
    await t.db
      .collection('users')
      .updateOne({}, { $set: { loginEnc: 'v1.k2026.broken.broken.broken' } });
    const res = await t.gql('{ me { login } }', undefined, { token: user.token, lang: 'pl' });
    expect(res.body.errors).toEqual([
      {
        message: 'Coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę.',
        locations: [{ line: 1, column: 3 }],
        path: ['me'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|decrypt|\.ts:|node_modules/i);
  });
  it('refuses a lone UTF-16 surrogate as invalid input, signed in or anonymous, in words', async () => {
    const signUp = await t.gql(
      SIGN_UP,
      { i: { email: 'a\udc00b@example.org', password: 'Kyiv-to-Lodz-2024' } },
      { lang: 'uk' },
    );
    expect(codeOf(signUp)).toBe('BAD_USER_INPUT');
    expect(signUp.body.errors![0].extensions.fields).toEqual([
      { field: 'email', constraint: 'wellFormedText' },
    ]);
    expect(signUp.body.errors![0].message).toContain('пошкоджений символ Unicode');
    const ask = await t.gql(
      `mutation($i: AskQuestionInput!) { askQuestion(input: $i) { accessCode } }`,
      {
        i: {
          text: 'Pytanie\ud800',
          language: 'pl',
          topic: 'residence',
          consentToProcessing: true,
        },
      },
    );
    expect(codeOf(ask)).toBe('BAD_USER_INPUT');
    expect(ask.body.errors![0].extensions.fields).toEqual([
      { field: 'text', constraint: 'wellFormedText' },
    ]);
  });

  it('answers a crafted pagination cursor with INVALID_CURSOR, not an internal error', async () => {
    // {"v":"x","id":"000000000000000000000000"}: well-formed, but no time to continue after
    const crafted = 'eyJ2IjoieCIsImlkIjoiMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwIn0';
    const res = await t.gql(`query($a: String) { events(first: 5, after: $a) { totalCount } }`, {
      a: crafted,
    });
    expect(codeOf(res)).toBe('INVALID_CURSOR');
  });
});
