import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import {
  content,
  CREATE_APP,
  groupInput,
  microGrantProgramme,
  REGISTER_GROUP,
  resident,
} from './fixtures';

/** An erased account leaves no trace of itself in the grants collections. */
describe('grants: erasure of an account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('unlinks the contact person and the operator staff member, keeping the group’s application', async () => {
    const admin = (await t.userWith([Role.admin])).token;
    const p = await microGrantProgramme(t, admin);
    const contact = await resident(t, 'uk');
    const group = ok(
      await t.gql<{ registerInformalGroup: { id: string } }>(
        REGISTER_GROUP,
        { i: groupInput('Razem na Antoniuku') },
        { token: contact.token },
      ),
    ).registerInformalGroup;
    ok(
      await t.gql(
        CREATE_APP,
        { i: { grantCallId: p.grantCallId, groupId: group.id, ...content(300_000) } },
        { token: contact.token },
      ),
    );
    for (const userId of [contact.id, p.staff.id]) {
      ok(
        await t.gql(
          `mutation { deleteMyAccount(input: { password: "correct-horse-battery-7" }) }`,
          {},
          { token: userId === contact.id ? contact.token : p.staff.token },
        ),
      );
    }
    for (const name of ['grants_groups', 'grants_applications', 'grants_staff', 'grants_calls']) {
      const docs = await t.db.collection(name).find({}).toArray();
      const text = JSON.stringify(docs);
      expect({ name, found: text.includes(contact.id) || text.includes(p.staff.id) }).toEqual({
        name,
        found: false,
      });
    }
    expect(await t.db.collection('grants_applications').countDocuments()).toBe(1);
    expect(await t.db.collection('grants_staff').countDocuments()).toBe(0);
  });
});
