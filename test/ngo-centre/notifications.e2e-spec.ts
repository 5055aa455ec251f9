import type { Client } from 'graphql-ws';
import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { NgoNotificationKind, NgoNotificationsService } from '@sasiad/ngo-centre';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { collect, liveClient, subscribed } from '../support/subscriptions';
import { belarusianGroup, OrgFixture, verifiedOrganisation } from './fixtures';

const MINE = `{ myNgoNotifications { id kind message organisationId read } }`;
const MARK = `mutation($id: ID!) { markNgoNotificationRead(input: { notificationId: $id }) { id read } }`;
const LIVE = `subscription { myNgoNotifications { id kind message organisationId read } }`;

interface Row {
  id: string;
  kind: string;
  message: string;
  organisationId: string | null;
  read: boolean;
}

describe('ngo-centre: notifications, live and with read marks', () => {
  let t: TestApp;
  let org: OrgFixture;
  let other: OrgFixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const staff = await t.userWith([Role.staff]);
    org = await verifiedOrganisation(t, staff.token);
    other = await verifiedOrganisation(
      t,
      staff.token,
      belarusianGroup({ name: 'Klub mam z Bałut' }),
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  it("an organisation's people get its notification live in their language, each marks it read for themselves, others cannot", async () => {
    const live = collect<{ myNgoNotifications: Row }>(
      liveClient(t, { authorization: `Bearer ${org.admin.token}`, lang: 'uk' }, clients),
      LIVE,
    );
    const stranger = collect<{ myNgoNotifications: Row }>(
      liveClient(t, { authorization: `Bearer ${other.admin.token}`, lang: 'uk' }, clients),
      LIVE,
    );
    await subscribed(t, 'ngo.notification.created', 2);
    await t.app
      .get(NgoNotificationsService)
      .notify(
        { organisationId: new Types.ObjectId(org.organisationId) },
        NgoNotificationKind.FUNDING_DEADLINE,
        { title: 'Mikrogranty 2027', time: '11 grudnia 2026, 15:00' },
      );
    const got = (await live.next()).data!.myNgoNotifications;
    expect(got).toMatchObject({
      kind: 'FUNDING_DEADLINE',
      organisationId: org.organisationId,
      read: false,
    });
    expect(got.message).toContain('«Mikrogranty 2027»');

    // the other organisation's admin heard nothing: a notification to them arrives first
    await t.app
      .get(NgoNotificationsService)
      .notify(
        { organisationId: new Types.ObjectId(other.organisationId) },
        NgoNotificationKind.FUNDING_DEADLINE,
        { title: 'Fundusz lokalny', time: '12 grudnia 2026, 12:00' },
      );
    const theirs = (await stranger.next()).data!.myNgoNotifications;
    expect(theirs.message).toContain('Fundusz lokalny');

    // read marks: mine only; the stranger may not mark it (NOT_FOUND), nothing changes
    expect(codeOf(await t.gql(MARK, { id: got.id }, { token: other.admin.token }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await t.gql(MARK, { id: 'nonsense' }, { token: org.admin.token }))).toBe(
      'NOT_FOUND',
    );
    const marked = ok(
      await t.gql<{ markNgoNotificationRead: { read: boolean } }>(
        MARK,
        { id: got.id },
        { token: org.admin.token },
      ),
    );
    expect(marked.markNgoNotificationRead.read).toBe(true);
    const rows = ok(
      await t.gql<{ myNgoNotifications: Row[] }>(MINE, {}, { token: org.admin.token }),
    ).myNgoNotifications;
    expect(rows.map((r) => [r.id, r.read])).toEqual([[got.id, true]]);
    const stored = await t.db
      .collection('ngo_notifications')
      .findOne({ _id: new Types.ObjectId(got.id) });
    expect(stored!.readBy.map(String)).toEqual([org.admin.id]);
    expect(
      ok(
        await t.gql<{ myNgoNotifications: Row[] }>(MINE, {}, { token: other.admin.token }),
      ).myNgoNotifications.map((r) => r.read),
    ).toEqual([false]);
  });
});
