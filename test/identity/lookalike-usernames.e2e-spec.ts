import { Types } from 'mongoose';
import { Clock } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { UsernameSkeletons } from '@sasiad/identity/accounts/username-skeletons.service';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { accessToken user { id } } }`;
const DELETE = `mutation($i: DeleteAccountInput!) { deleteMyAccount(input: $i) }`;
const PASSWORD = 'Piotrkowska-Street-104';

type SignedUp = { signUp: { accessToken: string; user: { id: string } } };

/** Issue 14, item 10: a username that reads the same as an existing one (TR39) is refused. */
describe('identity: look-alike usernames', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => t.app.get(Clock).reset());

  const signUp = (username: string, lang?: string) =>
    t.gql<SignedUp>(SIGN_UP, { i: { username, password: PASSWORD } }, { lang });

  it('refuses Cyrillic, Greek, digit and full-width look-alikes; the same name stays LOGIN_TAKEN', async () => {
    ok(await signUp('olena_k'));
    for (const lookalike of [
      '\u043elena_k', // Cyrillic о
      '\u03bfl\u0435na_k', // Greek ο, Cyrillic е
      '0lena_k',
      'o1ena_k',
      '\uff4f\uff4c\uff45\uff4e\uff41_k', // full width
    ])
      expect([lookalike, codeOf(await signUp(lookalike))]).toEqual([
        lookalike,
        'USERNAME_LOOKALIKE',
      ]);
    expect(codeOf(await signUp('OLENA_K'))).toBe('LOGIN_TAKEN');
    const uk = await signUp('\u043elena_k', 'uk');
    expect(uk.body.errors![0].message).toMatch(/^Це ім'я користувача виглядає майже так само/);
    expect((await signUp('olena_kh')).body.errors).toBeUndefined();
    // Only keyed hashes are stored: neither the name nor its form.
    const claims = JSON.stringify(await t.db.collection('username_skeletons').find().toArray());
    expect(claims).not.toMatch(/olena/);
  });

  it('look-alikes signing up at the same moment: exactly one account', async () => {
    const names = ['marta.w', 'm\u0430rta.w', 'm\u0430rt\u0430.w', 'mart\u0430.w', 'rnarta.w'];
    const results = await Promise.all(names.flatMap((n) => [signUp(n), signUp(n)]));
    expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.body.errors))
      expect(['LOGIN_TAKEN', 'USERNAME_LOOKALIKE']).toContain(codeOf(r));
  });

  it('erasure frees the name; an older account gets its claim at start-up; a crashed sign-up is repaired', async () => {
    const first = ok(await signUp('taras_b')).signUp;
    ok(await t.gql(DELETE, { i: { password: PASSWORD } }, { token: first.accessToken }));
    const second = ok(await signUp('t\u0430r\u0430s_b')).signUp; // Cyrillic а twice

    // An account made before look-alikes were refused holds no claim: the backfill gives it one.
    const claims = t.db.collection<{ _id: string; userId: Types.ObjectId; claimedAt: Date }>(
      'username_skeletons',
    );
    await claims.deleteOne({ userId: new Types.ObjectId(second.user.id) });
    const users = t.app.get(UsersService);
    expect(await users.claimExistingUsernames()).toEqual({ claimed: 1, lookalikes: 0 });
    expect(await users.claimExistingUsernames()).toEqual({ claimed: 0, lookalikes: 0 });
    expect(codeOf(await signUp('taras_b'))).toBe('USERNAME_LOOKALIKE');

    // A process that died between the claim and the account left a claim of nobody.
    const clock = t.app.get(Clock);
    await claims.insertOne({
      _id: t.app.get(UsernameSkeletons).keyOf('bohdan_z'),
      userId: new Types.ObjectId(),
      claimedAt: clock.now(),
    });
    expect(codeOf(await signUp('bohdan_z'))).toBe('LOGIN_TAKEN'); // a sign-up may be under way
    clock.advance(61_000);
    const repaired = ok(await signUp('bohdan_z')).signUp;
    expect(await claims.countDocuments({ userId: new Types.ObjectId(repaired.user.id) })).toBe(1);
  });
});
