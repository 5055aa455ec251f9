import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { codeOf, GqlResponse, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import {
  branchCoordinator,
  CREATE_APPLICATION,
  createCall,
  isoIn,
  SUBMIT_APPLICATION,
  submittedApplication,
  UPDATE_APPLICATION,
} from './fixtures';

const UPDATE = `mutation($i: UpdateCallInput!) { updateCall(input: $i) { id isOpen closesAt
  form { key type required minLength maxLength label { text } options { key } } criteria { key maxPoints label { text } } } }`;
const MINE = `{ myNotifications(first: 10) { nodes { kind referenceId message } } }`;

type Field = Record<string, unknown> & { key: string };
const WHY: Field = {
  key: 'why',
  type: 'long_text',
  required: true,
  maxLength: 500,
  label: [{ lang: 'pl', text: 'Dlaczego?' }],
};
const DISTRICT: Field = {
  key: 'district',
  type: 'single_choice',
  required: false,
  label: [{ lang: 'pl', text: 'Dzielnica' }],
  options: [
    { key: 'baluty', label: [{ lang: 'pl', text: 'Bałuty' }] },
    { key: 'widzew', label: [{ lang: 'pl', text: 'Widzew' }] },
  ],
};
const IDEA = { key: 'idea', maxPoints: 10, label: [{ lang: 'pl', text: 'Pomysł' }] };

describe('zones: changing a call after it is created', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  const stored = (callId: string) =>
    t.db.collection('calls').findOne({ _id: new Types.ObjectId(callId) });
  const update = (i: Record<string, unknown>, lang = 'pl') =>
    t.gql(UPDATE, { i }, { token: admin, query: `?lang=${lang}` });
  const fieldsOf = (res: GqlResponse) => res.body.errors?.[0]?.extensions.fields;

  it('changes anything before the call opens', async () => {
    const callId = await createCall(t, admin, {
      opensAt: isoIn(86_400_000),
      closesAt: isoIn(7 * 86_400_000),
      form: [WHY, DISTRICT],
    });
    const changed = ok(
      await update({
        id: callId,
        opensAt: isoIn(2 * 86_400_000),
        closesAt: isoIn(3 * 86_400_000),
        form: [
          {
            key: 'why',
            type: 'short_text',
            required: true,
            label: [{ lang: 'pl', text: 'Krótko: dlaczego?' }],
          },
          {
            key: 'budget',
            type: 'number',
            required: true,
            min: 100,
            label: [{ lang: 'pl', text: 'Budżet' }],
          },
        ],
        criteria: [{ key: 'reach', maxPoints: 5, label: [{ lang: 'pl', text: 'Zasięg' }] }],
      }),
    ) as { updateCall: { form: Field[]; criteria: Field[] } };
    expect(changed.updateCall.form.map((f) => [f.key, f.type, f.required])).toEqual([
      ['why', 'short_text', true],
      ['budget', 'number', true],
    ]);
    expect(changed.updateCall.criteria.map((c) => c.key)).toEqual(['reach']);
  });

  it('once open, lets the form only grow, and keeps submitted applications valid', async () => {
    const callId = await createCall(t, admin, { form: [WHY, DISTRICT], criteria: [IDEA] });
    const branch = await branchCoordinator(t, admin, 'Filia Teofilów');
    const applicationId = await submittedApplication(t, branch.token, callId);
    const before = await stored(callId);

    const refusals: [Field[], { field: string; constraint: string }[]][] = [
      [[WHY], [{ field: 'form.district', constraint: 'removed' }]],
      [
        [{ ...WHY, type: 'short_text', maxLength: 200 }, DISTRICT],
        [{ field: 'form.why', constraint: 'typeChanged' }],
      ],
      [
        [
          { ...WHY, maxLength: 100 },
          { ...DISTRICT, required: true },
        ],
        [
          { field: 'form.why', constraint: 'maxLengthLowered' },
          { field: 'form.district', constraint: 'madeRequired' },
        ],
      ],
      [
        [
          WHY,
          {
            ...DISTRICT,
            options: [
              (DISTRICT.options as Field[])[1],
              { key: 'polesie', label: [{ lang: 'pl', text: 'Polesie' }] },
            ],
          },
        ],
        [{ field: 'form.district.options.baluty', constraint: 'removed' }],
      ],
      [
        [
          WHY,
          DISTRICT,
          {
            key: 'budget',
            type: 'number',
            required: true,
            label: [{ lang: 'pl', text: 'Budżet' }],
          },
        ],
        [{ field: 'form.budget', constraint: 'newFieldRequired' }],
      ],
    ];
    for (const [form, fields] of refusals) {
      const refused = await update({ id: callId, form });
      expect(codeOf(refused)).toBe('CALL_FORM_CHANGE_NOT_ALLOWED');
      expect(fieldsOf(refused)).toEqual(fields);
    }
    const inUkrainian = await update({ id: callId, form: [WHY] }, 'uk');
    expect(inUkrainian.body.errors![0].message).toBe(
      "Конкурс уже розпочався: форму можна лише доповнювати (тексти, нові необов'язкові поля, нові варіанти, м'якші обмеження), а не видаляти чи посилювати поля.",
    );
    expect(await stored(callId)).toEqual(before);

    const grown = ok(
      await update({
        id: callId,
        form: [
          { ...WHY, maxLength: 1000, label: [{ lang: 'pl', text: 'Dlaczego chcecie strefę?' }] },
          {
            ...DISTRICT,
            options: [
              ...(DISTRICT.options as Field[]),
              { key: 'polesie', label: [{ lang: 'pl', text: 'Polesie' }] },
            ],
          },
          {
            key: 'website',
            type: 'short_text',
            required: false,
            label: [{ lang: 'pl', text: 'Strona' }],
          },
        ],
      }),
    ) as { updateCall: { form: Field[] } };
    expect(grown.updateCall.form.map((f) => f.key)).toEqual(['why', 'district', 'website']);
    // the submitted application is still complete against the grown form, and may use it
    const changed = await t.gql<{ updateApplication: { status: string } }>(
      UPDATE_APPLICATION,
      {
        i: {
          applicationId,
          values: [
            { key: 'why', text: 'Sąsiedzi z różnych krajów chcą się poznać.' },
            { key: 'district', choice: 'polesie' },
            { key: 'website', text: 'https://biblioteka.lodz.pl' },
          ],
        },
      },
      { token: branch.token },
    );
    expect(ok(changed).updateApplication.status).toBe('submitted');
  });

  it('fixes the criteria at the first submission; their labels may still change', async () => {
    const callId = await createCall(t, admin, { criteria: [IDEA] });
    // open, nothing submitted yet (a draft does not count): criteria may still change
    const branch = await branchCoordinator(t, admin, 'Filia Chojny');
    const draft = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE_APPLICATION,
        { i: { callId, values: [{ key: 'why', text: 'Bo sąsiedzi tego chcą.' }] } },
        { token: branch.token },
      ),
    ).createApplication.id;
    ok(await update({ id: callId, criteria: [{ ...IDEA, maxPoints: 20 }] }));
    expect((await stored(callId))!.firstSubmittedAt ?? null).toBeNull();
    ok(await t.gql(SUBMIT_APPLICATION, { id: draft }, { token: branch.token }));
    expect((await stored(callId))!.firstSubmittedAt).toBeInstanceOf(Date);
    const before = await stored(callId);

    const refused = await update({
      id: callId,
      criteria: [
        { ...IDEA, maxPoints: 10 },
        { key: 'reach', maxPoints: 5, label: [{ lang: 'pl', text: 'Zasięg' }] },
      ],
    });
    expect(codeOf(refused)).toBe('CALL_CRITERIA_CHANGE_NOT_ALLOWED');
    expect(fieldsOf(refused)).toEqual([
      { field: 'criteria.idea', constraint: 'maxPointsChanged' },
      { field: 'criteria.reach', constraint: 'added' },
    ]);
    expect(refused.body.errors![0].message).toBe(
      'W naborze złożono już zgłoszenie: kryteriów oceny nie można już zmieniać, tylko ich nazwy.',
    );
    expect(await stored(callId)).toEqual(before);

    const relabelled = ok(
      await update({
        id: callId,
        criteria: [{ ...IDEA, maxPoints: 20, label: [{ lang: 'pl', text: 'Pomysł i jego sens' }] }],
      }),
    ) as { updateCall: { criteria: { label: { text: string } }[] } };
    expect(relabelled.updateCall.criteria[0].label.text).toBe('Pomysł i jego sens');
  });

  it('moves an open deadline only later (telling the applicants) or closes the call at once', async () => {
    const callId = await createCall(t, admin, {
      title: [
        { lang: 'pl', text: 'Strefy MSAS 2027' },
        { lang: 'uk', text: 'Зони MSAS 2027' },
      ],
    });
    const olena = await branchCoordinator(t, admin, 'Filia Retkinia', 'uk');
    const draftOnly = await branchCoordinator(t, admin, 'Filia Stoki', 'pl');
    const bystander = await branchCoordinator(t, admin, 'Filia Zarzew', 'pl');
    await submittedApplication(t, olena.token, callId);
    ok(await t.gql(CREATE_APPLICATION, { i: { callId, values: [] } }, { token: draftOnly.token }));
    const before = await stored(callId);

    const opensMoved = await update({ id: callId, opensAt: isoIn(-120_000) });
    expect(codeOf(opensMoved)).toBe('CALL_WINDOW_CHANGE_NOT_ALLOWED');
    expect(fieldsOf(opensMoved)).toEqual([{ field: 'opensAt', constraint: 'alreadyOpen' }]);
    const shortened = await update({ id: callId, closesAt: isoIn(600_000) });
    expect(codeOf(shortened)).toBe('CALL_WINDOW_CHANGE_NOT_ALLOWED');
    expect(fieldsOf(shortened)).toEqual([{ field: 'closesAt', constraint: 'shortened' }]);
    expect(await stored(callId)).toEqual(before);

    // 2026-12-15 23:59 in Warsaw (CET, UTC+1)
    ok(await update({ id: callId, closesAt: '2026-12-15T23:59:00+01:00' }));
    const ukrainian = ok(
      await t.gql<{ myNotifications: { nodes: { kind: string; message: string }[] } }>(
        MINE,
        {},
        { token: olena.token },
      ),
    ).myNotifications.nodes;
    expect(ukrainian[0]).toEqual({
      kind: 'CALL_DEADLINE_EXTENDED',
      referenceId: callId,
      message:
        'Термін конкурсу «Зони MSAS 2027» продовжено до 15.12.2026 23:59 (за варшавським часом).',
    });
    const polish = ok(
      await t.gql<{ myNotifications: { nodes: { message: string }[] } }>(
        MINE,
        {},
        { token: draftOnly.token },
      ),
    ).myNotifications.nodes;
    expect(polish.map((n) => n.message)).toEqual([
      'Termin naboru „Strefy MSAS 2027” został przedłużony do 15.12.2026 23:59 (czas warszawski).',
    ]);
    expect(
      ok(
        await t.gql<{ myNotifications: { nodes: unknown[] } }>(
          MINE,
          {},
          { token: bystander.token },
        ),
      ).myNotifications.nodes,
    ).toEqual([]);

    // closing at once stores the server's now, never an earlier instant
    const asked = Date.now();
    const closed = ok(
      await update({ id: callId, closesAt: new Date(asked - 30_000).toISOString() }),
    ) as { updateCall: { isOpen: boolean; closesAt: string } };
    expect(closed.updateCall.isOpen).toBe(false);
    expect(new Date(closed.updateCall.closesAt).getTime()).toBeGreaterThanOrEqual(asked - 1_000);

    // a closed call stays closed
    const afterClose = await stored(callId);
    const reopen = await update({ id: callId, closesAt: isoIn(86_400_000) }, 'uk');
    expect(codeOf(reopen)).toBe('CALL_WINDOW_CHANGE_NOT_ALLOWED');
    expect(fieldsOf(reopen)).toEqual([{ field: 'closesAt', constraint: 'callClosed' }]);
    expect(reopen.body.errors![0].message).toBe(
      'Цей термін уже не можна змінити: відкритий конкурс можна лише продовжити або одразу закрити, а закритий не можна відкрити знову.',
    );
    expect(await stored(callId)).toEqual(afterClose);
    // texts may still be corrected
    ok(
      await update({ id: callId, title: [{ lang: 'pl', text: 'Strefy MSAS 2027 (poprawiony)' }] }),
    );
  });
});
