import { NamedLocks, Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const SET_ROLES = `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { roles } }`;
const SET_STATUS = `mutation($i: SetUserStatusInput!) { setUserStatus(input: $i) { status } }`;

/** Each test gets its own database, so the admins it makes are the only ones. */
describe('identity: the last admin survives concurrent changes', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const activeAdmins = () =>
    t.db.collection('users').countDocuments({ roles: 'admin', status: 'active' });

  it('two admins demoting each other at the same moment leave exactly one admin', async () => {
    const anna = await t.userWith([Role.admin]);
    const borys = await t.userWith([Role.admin]);
    const results = await Promise.all([
      t.gql(SET_ROLES, { i: { userId: borys.id, roles: ['staff'] } }, { token: anna.token }),
      t.gql(SET_ROLES, { i: { userId: anna.id, roles: ['staff'] } }, { token: borys.token }),
    ]);
    const succeeded = results.filter((r) => r.body.data?.setUserRoles);
    expect(succeeded).toHaveLength(1);
    // The other is refused: as the last admin, or because its own admin rights just went.
    expect(['LAST_ADMIN', 'UNAUTHENTICATED']).toContain(
      codeOf(results.find((r) => !r.body.data?.setUserRoles)!),
    );
    expect(await activeAdmins()).toBe(1);
  });

  it('three admins disabling and demoting each other in a ring leave at least one admin', async () => {
    const admins = await Promise.all([1, 2, 3].map(() => t.userWith([Role.admin])));
    await Promise.all(
      admins.map((actor, i) => {
        const target = admins[(i + 1) % admins.length];
        return i % 2 === 0
          ? t.gql(
              SET_STATUS,
              { i: { userId: target.id, status: 'disabled' } },
              { token: actor.token },
            )
          : t.gql(
              SET_ROLES,
              { i: { userId: target.id, roles: ['staff'] } },
              { token: actor.token },
            );
      }),
    );
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
  });

  it('a named lock makes read-then-write sections exclusive across concurrent callers', async () => {
    const locks = t.app.get(NamedLocks);
    const counters = t.db.collection<{ _id: string; n: number }>('lock_test');
    await counters.insertOne({ _id: 'c', n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        locks.withLock('test.counter', async () => {
          const { n } = (await counters.findOne({ _id: 'c' }))!;
          await new Promise((r) => setTimeout(r, 2));
          await counters.updateOne({ _id: 'c' }, { $set: { n: n + 1 } });
        }),
      ),
    );
    expect((await counters.findOne({ _id: 'c' }))!.n).toBe(20);
    expect(await t.db.collection('locks').findOne({ _id: 'test.counter' as never })).toMatchObject({
      holder: null,
    });
  });
});
