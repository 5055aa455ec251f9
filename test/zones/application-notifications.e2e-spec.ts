import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { subscribed } from '../support/subscriptions';
import { NOTIFICATION_CREATED } from '@sasiad/zones';
import {
  branchCoordinator,
  coordinatorIn,
  CREATE_APPLICATION,
  createCall,
  SUBMIT_APPLICATION,
  UPDATE_APPLICATION,
  userIn,
  WITHDRAW_APPLICATION,
} from './fixtures';

const MINE = `query($u: Boolean) { myNotifications(first: 20, unreadOnly: $u) { totalCount nodes { id kind referenceId message read } } }`;
const MARK = `mutation($id: ID!) { markNotificationRead(input: { notificationId: $id }) { id read } }`;

type Node = { id: string; kind: string; referenceId: string; message: string; read: boolean };
type Mine = { myNotifications: { totalCount: number; nodes: Node[] } };

/** The wall-clock time in Warsaw as the notifications write it, computed independently. */
function warsaw(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Warsaw',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

describe('zones: notifications about applications', () => {
  let t: TestApp;
  let admin: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  const mine = async (token: string, unreadOnly = false) =>
    ok(await t.gql<Mine>(MINE, { u: unreadOnly }, { token })).myNotifications;

  function firstNotification(token: string, lang: string) {
    type Next = {
      data?: { myNotifications: { kind: string; referenceId: string; message: string } };
    };
    const client = createClient({
      url: t.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}`, lang },
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(client);
    return new Promise<Next>((resolve, reject) => {
      const dispose = client.subscribe<Next['data']>(
        { query: 'subscription { myNotifications { kind referenceId message } }' },
        {
          next: (value) => {
            dispose();
            resolve(value as Next);
          },
          error: (error) => reject(new Error(JSON.stringify(error))),
          complete: () => undefined,
        },
      );
    });
  }

  it('confirms a submission to every coordinator of the applicant and tells every admin, each in their language', async () => {
    const callId = await createCall(t, admin, {
      title: [
        { lang: 'pl', text: 'Mikrogranty sąsiedzkie' },
        { lang: 'uk', text: 'Сусідські мікрогранти' },
      ],
    });
    const olena = await branchCoordinator(t, admin, 'Filia Bałuty', 'uk');
    const anna = await coordinatorIn(t, olena.organisationId, 'pl');
    const stranger = await branchCoordinator(t, admin, 'Filia Widzew', 'pl');
    const ukAdmin = await userIn(t, [Role.admin], 'uk');
    const plAdmin = await userIn(t, [Role.admin], 'pl');
    const staff = await userIn(t, [Role.staff], 'pl');

    const { id } = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE_APPLICATION,
        { i: { callId, values: [{ key: 'why', text: 'Festyn sąsiedzki dla wszystkich.' }] } },
        { token: olena.token },
      ),
    ).createApplication;
    // a draft is nobody's news
    expect((await mine(olena.token)).totalCount).toBe(0);
    expect((await mine(ukAdmin.token)).totalCount).toBe(0);

    const adminHears = firstNotification(ukAdmin.token, 'uk');
    const coordinatorHears = firstNotification(anna.token, 'pl');
    // both subscriptions registered on the server before anything is published
    await subscribed(t, NOTIFICATION_CREATED, 2);
    const { submittedAt } = ok(
      await t.gql<{ submitApplication: { submittedAt: string } }>(
        SUBMIT_APPLICATION,
        { id },
        { token: olena.token },
      ),
    ).submitApplication;
    const at = warsaw(submittedAt);

    expect((await mine(olena.token)).nodes).toEqual([
      expect.objectContaining({
        kind: 'APPLICATION_SUBMITTED',
        referenceId: id,
        read: false,
        message: `Заявку вашої організації на конкурс «Сусідські мікрогранти» подано. Ми отримали її ${at} (за варшавським часом).`,
      }),
    ]);
    expect((await mine(anna.token)).nodes.map((n) => n.message)).toEqual([
      `Zgłoszenie Twojej organizacji w naborze „Mikrogranty sąsiedzkie” zostało złożone. Otrzymaliśmy je ${at} (czas warszawski).`,
    ]);
    expect((await mine(ukAdmin.token)).nodes).toEqual([
      expect.objectContaining({
        kind: 'APPLICATION_ARRIVED',
        referenceId: id,
        message: `Нова заявка на конкурс «Сусідські мікрогранти» від: Filia Bałuty. Надійшла ${at} (за варшавським часом).`,
      }),
    ]);
    expect((await mine(plAdmin.token)).nodes.map((n) => n.message)).toEqual([
      `Nowe zgłoszenie w naborze „Mikrogranty sąsiedzkie” od: Filia Bałuty. Wpłynęło ${at} (czas warszawski).`,
    ]);
    // neither another organisation nor staff hear of it
    expect((await mine(stranger.token)).totalCount).toBe(0);
    expect((await mine(staff.token)).totalCount).toBe(0);

    // the same over the subscription, rendered in the subscriber's language
    expect((await adminHears).data?.myNotifications).toEqual({
      kind: 'APPLICATION_ARRIVED',
      referenceId: id,
      message: `Нова заявка на конкурс «Сусідські мікрогранти» від: Filia Bałuty. Надійшла ${at} (за варшавським часом).`,
    });
    expect((await coordinatorHears).data?.myNotifications).toMatchObject({
      kind: 'APPLICATION_SUBMITTED',
      referenceId: id,
    });

    // one admin reading it leaves it unread for the other; nobody else can mark it
    const arrivedId = (await mine(plAdmin.token)).nodes[0].id;
    expect(codeOf(await t.gql(MARK, { id: arrivedId }, { token: stranger.token }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await t.gql(MARK, { id: arrivedId }, { token: staff.token }))).toBe('NOT_FOUND');
    ok(await t.gql(MARK, { id: arrivedId }, { token: plAdmin.token }));
    expect((await mine(plAdmin.token, true)).totalCount).toBe(0);
    expect((await mine(ukAdmin.token, true)).nodes.map((n) => n.id)).toEqual([arrivedId]);
  });

  it('confirms changes after submission and a withdrawal, in the reader’s language; withdrawing a draft says nothing', async () => {
    const callId = await createCall(t, admin, {
      title: [
        { lang: 'pl', text: 'Strefy MSAS 2027' },
        { lang: 'uk', text: 'Зони MSAS 2027' },
      ],
    });
    const olena = await branchCoordinator(t, admin, 'Filia Polesie', 'uk');
    const draft = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE_APPLICATION,
        { i: { callId, values: [] } },
        { token: olena.token },
      ),
    ).createApplication.id;
    ok(await t.gql(WITHDRAW_APPLICATION, { id: draft }, { token: olena.token }));
    expect((await mine(olena.token)).totalCount).toBe(0);

    ok(
      await t.gql(
        UPDATE_APPLICATION,
        { i: { applicationId: draft, values: [{ key: 'why', text: 'Bo sąsiedzi tego chcą.' }] } },
        { token: olena.token },
      ),
    );
    ok(await t.gql(SUBMIT_APPLICATION, { id: draft }, { token: olena.token }));
    ok(
      await t.gql(
        UPDATE_APPLICATION,
        {
          i: {
            applicationId: draft,
            values: [{ key: 'why', text: 'Bo sąsiedzi bardzo tego chcą.' }],
          },
        },
        { token: olena.token },
      ),
    );
    ok(await t.gql(WITHDRAW_APPLICATION, { id: draft }, { token: olena.token }));

    const seen = await mine(olena.token);
    expect(seen.nodes.map((n) => [n.kind, n.referenceId])).toEqual([
      ['APPLICATION_WITHDRAWN', draft],
      ['APPLICATION_CHANGED', draft],
      ['APPLICATION_SUBMITTED', draft],
    ]);
    expect(seen.nodes[0].message).toMatch(
      /^Заявку вашої організації на конкурс «Зони MSAS 2027» відкликано \d\d\.\d\d\.\d{4} \d\d:\d\d \(за варшавським часом\)\. До кінцевого терміну її можна подати знову\.$/,
    );
    expect(seen.nodes[1].message).toMatch(
      /^Зміни в заявці вашої організації на конкурс «Зони MSAS 2027» збережено\. Ми отримали їх \d\d\.\d\d\.\d{4} \d\d:\d\d \(за варшавським часом\)\.$/,
    );
    // the same notifications read in Polish when the request asks for it
    const polish = ok(
      await t.gql<Mine>(MINE, {}, { token: olena.token, query: '?lang=pl' }),
    ).myNotifications;
    expect(polish.nodes[0].message).toMatch(
      /^Zgłoszenie Twojej organizacji w naborze „Strefy MSAS 2027” zostało wycofane \d\d\.\d\d\.\d{4} \d\d:\d\d \(czas warszawski\)\./,
    );
    // admins heard of the one submission only
    const arrivals = await t.db
      .collection('zones_notifications')
      .find({ audienceRole: 'admin', kind: 'APPLICATION_ARRIVED' })
      .toArray();
    expect(arrivals.filter((n) => n.referenceId.toHexString() === draft)).toHaveLength(1);
  });
});
