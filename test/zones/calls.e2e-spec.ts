import { Types } from 'mongoose';
import { Clock, Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { coordinatorOf, libraryBranch } from './fixtures';

const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { id isOpen closesAt
  title { text language isFallback } form { key type required maxLength label { text isFallback } } } }`;
const CREATE = `mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id status slot values { key text choice number date yesNo } } }`;
const UPDATE = `mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { id status values { key text number } } }`;
const SUBMIT = `mutation($id: ID!) { submitApplication(input: { applicationId: $id }) { id status submittedAt } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { id status } }`;
const MINE = `{ myApplications { id organisationId status values { key text } } }`;

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** The activity-zone (MSAS) call's form: experience with residents and foreigners, why a zone. */
const ZONE_FORM = [
  {
    key: 'experienceWithResidents',
    type: 'long_text',
    required: true,
    minLength: 20,
    maxLength: 2000,
    label: [
      { lang: 'pl', text: 'Doświadczenie w pracy z mieszkańcami' },
      { lang: 'uk', text: 'Досвід роботи з мешканцями' },
      { lang: 'be', text: 'Досвед працы з жыхарамі' },
      { lang: 'ru', text: 'Опыт работы с жителями' },
    ],
  },
  {
    key: 'experienceWithForeigners',
    type: 'long_text',
    required: true,
    minLength: 20,
    maxLength: 2000,
    label: [
      { lang: 'pl', text: 'Doświadczenie w pracy z cudzoziemcami' },
      { lang: 'uk', text: 'Досвід роботи з іноземцями' },
    ],
  },
  {
    key: 'whyZone',
    type: 'long_text',
    required: true,
    minLength: 20,
    maxLength: 2000,
    label: [{ lang: 'pl', text: 'Dlaczego filia chce współtworzyć strefę MSAS?' }],
  },
  {
    key: 'contactPerson',
    type: 'short_text',
    required: true,
    label: [{ lang: 'pl', text: 'Osoba do kontaktu' }],
  },
  {
    key: 'weeklyHoursForZone',
    type: 'number',
    required: false,
    min: 1,
    max: 60,
    label: [{ lang: 'pl', text: 'Godziny tygodniowo dla strefy' }],
  },
  {
    key: 'district',
    type: 'single_choice',
    required: true,
    label: [{ lang: 'pl', text: 'Dzielnica' }],
    options: [
      { key: 'baluty', label: [{ lang: 'pl', text: 'Bałuty' }] },
      { key: 'widzew', label: [{ lang: 'pl', text: 'Widzew' }] },
      { key: 'polesie', label: [{ lang: 'pl', text: 'Polesie' }] },
    ],
  },
  {
    key: 'availableFrom',
    type: 'date',
    required: false,
    label: [{ lang: 'pl', text: 'Dostępna od' }],
  },
  { key: 'stepFree', type: 'yes_no', required: false, label: [{ lang: 'pl', text: 'Bez barier' }] },
];

const COMPLETE = [
  { key: 'experienceWithResidents', text: 'Kluby czytelnicze i warsztaty dla seniorów od 2015.' },
  { key: 'experienceWithForeigners', text: 'Lekcje polskiego dla dzieci z Ukrainy od 2022 roku.' },
  { key: 'whyZone', text: 'Chcemy, żeby sąsiedzi z różnych krajów poznali się przy książkach.' },
  { key: 'contactPerson', text: 'Anna Nowak' },
  { key: 'district', choice: 'baluty' },
  { key: 'weeklyHoursForZone', number: 12 },
  { key: 'availableFrom', date: '2027-01-15' },
  { key: 'stepFree', yesNo: true },
];

type CallTexts = {
  title: { text: string; state: string };
  form: { key: string; label: { text: string; state: string } }[];
};

describe('zones: calls and applications', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterEach(() => t.app.get(Clock).reset());
  afterAll(() => t.close());

  async function createCall(overrides: Record<string, unknown> = {}) {
    const res = await t.gql<{ createCall: { id: string } }>(
      CREATE_CALL,
      {
        i: {
          title: [
            { lang: 'pl', text: 'Nabór filii do stref MSAS' },
            { lang: 'uk', text: 'Конкурс для філій: зони MSAS' },
          ],
          description: [
            { lang: 'pl', text: 'Trzy Międzykulturowe Strefy Aktywności Sąsiedzkiej.' },
          ],
          eligibleKinds: ['library_branch'],
          places: 3,
          opensAt: isoIn(-60_000),
          closesAt: isoIn(3_600_000),
          form: ZONE_FORM,
          ...overrides,
        },
      },
      { token: admin },
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.createCall.id;
  }

  async function branchCoordinator(name: string) {
    const organisationId = await libraryBranch(t, admin, name);
    return { organisationId, ...(await coordinatorOf(t, organisationId)) };
  }

  it('drafts, submits and changes an application before the deadline; one second after it nothing changes', async () => {
    const branch = await branchCoordinator('Filia nr 12');
    const changedValues = COMPLETE.map((v) =>
      v.key === 'weeklyHoursForZone' ? { ...v, number: 20 } : v,
    );
    /**
     * The deadline is an hour away; the steps before it take what they take. Then the server's
     * Clock is moved to one second after the deadline: the server's clock decides, not the test's.
     */
    const closesAt = new Date(Date.now() + 3_600_000);
    const callId = await createCall({ closesAt: closesAt.toISOString() });
    const draft = ok(
      await t.gql<{ createApplication: { id: string; status: string } }>(
        CREATE,
        { i: { callId, values: COMPLETE.slice(0, 2) } },
        { token: branch.token },
      ),
    ).createApplication;
    expect(draft.status).toBe('draft');
    ok(
      await t.gql(
        UPDATE,
        { i: { applicationId: draft.id, values: COMPLETE } },
        { token: branch.token },
      ),
    );
    expect(
      ok(
        await t.gql<{ submitApplication: { status: string } }>(
          SUBMIT,
          { id: draft.id },
          { token: branch.token },
        ),
      ).submitApplication.status,
    ).toBe('submitted');
    const values = ok(
      await t.gql<{
        updateApplication: { status: string; values: { key: string; number: number }[] };
      }>(
        UPDATE,
        { i: { applicationId: draft.id, values: changedValues } },
        { token: branch.token },
      ),
    ).updateApplication;
    expect(values.status).toBe('submitted');
    expect(values.values.find((v) => v.key === 'weeklyHoursForZone')!.number).toBe(20);

    t.app.get(Clock).setNow(new Date(closesAt.getTime() + 1_000));
    const late = await t.gql(
      UPDATE,
      { i: { applicationId: draft.id, values: COMPLETE } },
      { token: branch.token },
    );
    expect(codeOf(late)).toBe('CALL_CLOSED');
    expect(codeOf(await t.gql(WITHDRAW, { id: draft.id }, { token: branch.token }))).toBe(
      'CALL_CLOSED',
    );
    expect(codeOf(await t.gql(SUBMIT, { id: draft.id }, { token: branch.token }))).toBe(
      'CALL_CLOSED',
    );
    expect(
      codeOf(await t.gql(CREATE, { i: { callId, values: [] } }, { token: branch.token })),
    ).toBe('CALL_CLOSED');
    const after = ok(
      await t.gql<{ application: { status: string; values: { key: string; number: number }[] } }>(
        `query($id: ID!) { application(id: $id) { status values { key number } } }`,
        { id: draft.id },
        { token: branch.token },
      ),
    ).application;
    expect(after.status).toBe('submitted');
    expect(after.values.find((v) => v.key === 'weeklyHoursForZone')!.number).toBe(20);
    const call = ok(
      await t.gql<{ call: { isOpen: boolean } }>(`query($id: ID!) { call(id: $id) { isOpen } }`, {
        id: callId,
      }),
    ).call;
    expect(call.isOpen).toBe(false);
  });

  it('defines the zone call with a form in four languages, the deadline an instant in UTC, texts with a fallback flag', async () => {
    const res = await t.gql<{
      createCall: {
        closesAt: string;
        title: { text: string; language: string; isFallback: boolean };
        form: {
          key: string;
          maxLength: number | null;
          label: { text: string; isFallback: boolean };
        }[];
      };
    }>(
      CREATE_CALL,
      {
        i: {
          title: [
            { lang: 'pl', text: 'Nabór filii do stref MSAS' },
            { lang: 'uk', text: 'Конкурс для філій: зони MSAS' },
          ],
          description: [{ lang: 'pl', text: 'Opis' }],
          eligibleKinds: ['library_branch'],
          places: 3,
          opensAt: '2026-11-01T09:00:00+01:00',
          closesAt: '2026-11-30T23:59:00+01:00',
          form: ZONE_FORM,
        },
      },
      { token: admin, query: '?lang=be' },
    );
    const call = ok(res).createCall;
    expect(call.closesAt).toBe('2026-11-30T22:59:00.000Z');
    // Belarusian is missing: Polish, flagged; never Russian or Ukrainian instead
    expect(call.title).toEqual({
      text: 'Nabór filii do stref MSAS',
      language: 'pl',
      isFallback: true,
    });
    expect(call.form[0].label).toEqual({ text: 'Досвед працы з жыхарамі', isFallback: false });
    expect(call.form.find((f) => f.key === 'contactPerson')!.maxLength).toBe(200);

    const uk = await t.gql<{ call: { title: { text: string; isFallback: boolean } } }>(
      `query($id: ID!) { call(id: $id) { title { text isFallback } } }`,
      { id: await createCall() },
      { lang: 'uk' },
    );
    expect(uk.body.data!.call.title).toEqual({
      text: 'Конкурс для філій: зони MSAS',
      isFallback: false,
    });
  });

  it('reads a call in the language asked for (lang), whatever the request language', async () => {
    const id = await createCall();
    type Text = { text?: string; language: string; isFallback: boolean; state: string };
    const read = ok(
      await t.gql<{ call: { title: Text; description: Text } }>(
        `query($id: ID!) { call(id: $id, lang: uk) {
          title { text language isFallback state } description { language isFallback state } } }`,
        { id },
        { query: '?lang=pl' },
      ),
    ).call;
    expect(read.title).toEqual({
      text: 'Конкурс для філій: зони MSAS',
      language: 'uk',
      isFallback: false,
      state: 'UP_TO_DATE',
    });
    expect(read.description).toEqual({ language: 'pl', isFallback: true, state: 'MISSING' });
  });

  it('refuses inconsistent call definitions and deadlines without an offset', async () => {
    const longShort = await t.gql(
      CREATE_CALL,
      {
        i: {
          title: [{ lang: 'pl', text: 'X' }],
          description: [{ lang: 'pl', text: 'X' }],
          eligibleKinds: ['ngo'],
          places: 1,
          opensAt: isoIn(0),
          closesAt: isoIn(60_000),
          form: [
            {
              key: 'name',
              type: 'short_text',
              maxLength: 300,
              label: [{ lang: 'pl', text: 'Imię' }],
            },
          ],
        },
      },
      { token: admin },
    );
    expect(longShort.body.errors![0].extensions.fields).toEqual([
      { field: 'form.0.maxLength', constraint: 'max' },
    ]);
    const noOffset = await t.gql(
      CREATE_CALL,
      {
        i: {
          title: [{ lang: 'pl', text: 'X' }],
          description: [{ lang: 'pl', text: 'X' }],
          eligibleKinds: ['ngo'],
          places: 1,
          opensAt: '2026-12-01T09:00:00',
          closesAt: '2026-12-01T08:00:00+01:00',
          form: ZONE_FORM,
        },
      },
      { token: admin },
    );
    expect(noOffset.body.errors![0].extensions.fields).toEqual([
      { field: 'opensAt', constraint: 'isoDateTimeWithOffset' },
    ]);
    expect(await t.db.collection('calls').countDocuments({ 'title.pl.text': 'X' })).toBe(0);

    const callId = await createCall();
    const UPDATE_CALL = `mutation($i: UpdateCallInput!) { updateCall(input: $i) { places closesAt title { text } } }`;
    const moved = await t.gql(
      UPDATE_CALL,
      {
        i: {
          id: callId,
          places: 4,
          closesAt: '2027-01-31T12:00:00+01:00',
          title: [{ lang: 'pl', text: 'Nowy' }],
        },
      },
      { token: admin },
    );
    expect(moved.body.data).toEqual({
      updateCall: {
        places: 4,
        closesAt: '2027-01-31T11:00:00.000Z',
        title: { text: 'Nowy' },
      },
    });
    const backwards = await t.gql(
      UPDATE_CALL,
      { i: { id: callId, closesAt: '2020-01-01T00:00:00Z' } },
      { token: admin },
    );
    expect(backwards.body.errors![0].extensions.fields).toEqual([
      { field: 'closesAt', constraint: 'afterOpensAt' },
    ]);
  });

  it('takes texts as one entry per language: base required, translations OUTDATED after a base change', async () => {
    const noBase = await t.gql(
      CREATE_CALL,
      {
        i: {
          title: [{ lang: 'uk', text: 'Конкурс' }],
          description: [{ lang: 'pl', text: 'X' }],
          eligibleKinds: ['ngo'],
          places: 1,
          opensAt: isoIn(0),
          closesAt: isoIn(60_000),
          form: ZONE_FORM,
        },
      },
      { token: admin },
    );
    expect(codeOf(noBase)).toBe('BAD_USER_INPUT');
    expect(noBase.body.errors![0].extensions.fields).toEqual([
      { field: 'title', constraint: 'baseLanguageRequired' },
    ]);
    const twice = await t.gql(
      CREATE_CALL,
      {
        i: {
          title: [
            { lang: 'pl', text: 'A' },
            { lang: 'pl', text: 'B' },
          ],
          description: [{ lang: 'pl', text: 'X' }],
          eligibleKinds: ['ngo'],
          places: 1,
          opensAt: isoIn(0),
          closesAt: isoIn(60_000),
          form: ZONE_FORM,
        },
      },
      { token: admin },
    );
    expect(twice.body.errors![0].extensions.fields).toEqual([
      { field: 'title.1', constraint: 'duplicateLanguage' },
    ]);

    const callId = await createCall();
    const READ = `query($id: ID!) { call(id: $id, lang: uk) { title { text state }
      form { key label { text state } } } }`;
    const before = ok(await t.gql<{ call: CallTexts }>(READ, { id: callId })).call;
    expect(before.title).toEqual({ text: 'Конкурс для філій: зони MSAS', state: 'UP_TO_DATE' });
    expect(before.form[0].label).toEqual({
      text: 'Досвід роботи з мешканцями',
      state: 'UP_TO_DATE',
    });
    const form = ZONE_FORM.map((f, i) =>
      i === 0 ? { ...f, label: [{ lang: 'pl', text: 'Doświadczenie z mieszkańcami' }] } : f,
    );
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { id } }`,
        { i: { id: callId, title: [{ lang: 'pl', text: 'Nabór 2027' }], form } },
        { token: admin },
      ),
    );
    const after = ok(await t.gql<{ call: CallTexts }>(READ, { id: callId })).call;
    expect(after.title).toEqual({ text: 'Конкурс для філій: зони MSAS', state: 'OUTDATED' });
    expect(after.form[0].label).toEqual({ text: 'Досвід роботи з мешканцями', state: 'OUTDATED' });
    expect(after.form[1].label).toEqual({
      text: 'Досвід роботи з іноземцями',
      state: 'UP_TO_DATE',
    });
    ok(
      await t.gql(
        `mutation($i: UpdateCallInput!) { updateCall(input: $i) { id } }`,
        { i: { id: callId, title: [{ lang: 'uk', text: 'Конкурс 2027' }] } },
        { token: admin },
      ),
    );
    const translated = ok(await t.gql<{ call: CallTexts }>(READ, { id: callId })).call;
    expect(translated.title).toEqual({ text: 'Конкурс 2027', state: 'UP_TO_DATE' });
  });

  it('keeps a base language other than Polish, and refuses an inline time without an offset', async () => {
    const res = await t.gql<{ createCall: { baseLanguage: string; title: { text: string } } }>(
      `mutation { createCall(input: {
        title: [{ lang: uk, text: "Конкурс громад" }], description: [{ lang: uk, text: "Опис" }],
        baseLanguage: uk, eligibleKinds: [ngo], places: 1,
        opensAt: "2030-01-01T09:00:00+01:00", closesAt: "2030-01-31T09:00:00+01:00",
        form: [{ key: "name", type: short_text, label: [{ lang: uk, text: "Назва" }] }] }) {
        baseLanguage title { text } } }`,
      {},
      { token: admin, query: '?lang=pl' },
    );
    expect(ok(res).createCall).toEqual({
      baseLanguage: 'uk',
      title: { text: 'Конкурс громад' },
    });
    const inline = await t.gql(
      `mutation { createCall(input: {
        title: [{ lang: pl, text: "X" }], description: [{ lang: pl, text: "X" }],
        eligibleKinds: [ngo], places: 1,
        opensAt: "2030-01-01T09:00:00+01:00", closesAt: "2030-01-31T09:00:00",
        form: [{ key: "name", type: short_text, label: [{ lang: pl, text: "Nazwa" }] }] }) { id } }`,
      {},
      { token: admin },
    );
    expect(codeOf(inline)).toBe('BAD_USER_INPUT');
    expect(inline.body.errors![0].extensions.fields).toEqual([
      { field: 'closesAt', constraint: 'isoDateTimeWithOffset' },
    ]);
  });

  it('validates answers against the form: wrong type, over the limit, unknown key, missing required', async () => {
    const callId = await createCall();
    const branch = await branchCoordinator('Filia nr 3');
    const wrong = await t.gql(
      CREATE,
      {
        i: {
          callId,
          values: [
            { key: 'weeklyHoursForZone', text: 'dwanaście' },
            { key: 'contactPerson', text: 'A'.repeat(201) },
            { key: 'whyZone', text: 'x'.repeat(2001) },
            { key: 'district', choice: 'srodmiescie' },
            { key: 'budget', number: 5000 },
          ],
        },
      },
      { token: branch.token },
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors![0].extensions.fields).toEqual([
      { field: 'values.weeklyHoursForZone', constraint: 'type' },
      { field: 'values.contactPerson', constraint: 'maxLength' },
      { field: 'values.whyZone', constraint: 'maxLength' },
      { field: 'values.district', constraint: 'isIn' },
      { field: 'values.budget', constraint: 'unknownField' },
    ]);
    expect(
      await t.db.collection('applications').countDocuments({ callId: new Types.ObjectId(callId) }),
    ).toBe(0);

    const draft = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE,
        { i: { callId, values: [{ key: 'whyZone', text: 'Bo to dobre miejsce na spotkania.' }] } },
        { token: branch.token },
      ),
    ).createApplication;
    const incomplete = await t.gql(SUBMIT, { id: draft.id }, { token: branch.token });
    expect(codeOf(incomplete)).toBe('BAD_USER_INPUT');
    expect(incomplete.body.errors![0].extensions.fields).toEqual([
      { field: 'values.experienceWithResidents', constraint: 'required' },
      { field: 'values.experienceWithForeigners', constraint: 'required' },
      { field: 'values.contactPerson', constraint: 'required' },
      { field: 'values.district', constraint: 'required' },
    ]);
    // a submitted application cannot be emptied by a later change
    ok(
      await t.gql(
        UPDATE,
        { i: { applicationId: draft.id, values: COMPLETE } },
        { token: branch.token },
      ),
    );
    ok(await t.gql(SUBMIT, { id: draft.id }, { token: branch.token }));
    const emptied = await t.gql(
      UPDATE,
      { i: { applicationId: draft.id, values: COMPLETE.slice(1) } },
      { token: branch.token },
    );
    expect(emptied.body.errors![0].extensions.fields).toEqual([
      { field: 'values.experienceWithResidents', constraint: 'required' },
    ]);
    // free-text answers are encrypted at rest
    const stored = await t.db
      .collection('applications')
      .findOne({ _id: new Types.ObjectId(draft.id) });
    expect(JSON.stringify(stored)).not.toContain('Anna Nowak');
    expect(stored!.values.find((v: { key: string }) => v.key === 'contactPerson').textEnc).toMatch(
      /^v1\./,
    );
  });

  it('refuses a second application from the same branch, also when sent at the same moment', async () => {
    const callId = await createCall();
    const branch = await branchCoordinator('Filia nr 5');
    const colleague = await coordinatorOf(t, branch.organisationId);
    const first = ok(
      await t.gql<{ createApplication: { slot: number } }>(
        CREATE,
        { i: { callId } },
        { token: branch.token },
      ),
    );
    expect(first.createApplication.slot).toBe(1);
    const second = await t.gql(CREATE, { i: { callId } }, { token: colleague.token });
    expect(codeOf(second)).toBe('APPLICATION_LIMIT_REACHED');

    const raceCall = await createCall();
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.gql(CREATE, { i: { callId: raceCall } }, { token: branch.token }),
      ),
    );
    expect(racing.filter((r) => !r.body.errors).length).toBe(1);
    expect(racing.filter((r) => codeOf(r) === 'APPLICATION_LIMIT_REACHED').length).toBe(7);

    const twoPerApplicant = await createCall({ maxApplicationsPerApplicant: 2 });
    const slots = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.gql<{ createApplication: { slot: number } }>(
          CREATE,
          { i: { callId: twoPerApplicant } },
          { token: branch.token },
        ),
      ),
    );
    expect(
      slots
        .filter((r) => !r.body.errors)
        .map((r) => r.body.data!.createApplication.slot)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('withdraws and re-submits before the deadline; refuses ineligible kinds and calls not yet open', async () => {
    const callId = await createCall();
    const branch = await branchCoordinator('Filia nr 9');
    const { id } = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE,
        { i: { callId, values: COMPLETE } },
        { token: branch.token },
      ),
    ).createApplication;
    ok(await t.gql(SUBMIT, { id }, { token: branch.token }));
    const withdrawn = ok(
      await t.gql<{ withdrawApplication: { status: string } }>(
        WITHDRAW,
        { id },
        { token: branch.token },
      ),
    );
    expect(withdrawn.withdrawApplication.status).toBe('withdrawn');
    const again = ok(
      await t.gql<{ submitApplication: { status: string } }>(
        SUBMIT,
        { id },
        { token: branch.token },
      ),
    );
    expect(again.submitApplication.status).toBe('submitted');

    const ngoId = (
      await t.gql<{ createOrganisation: { id: string } }>(
        `mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }`,
        {
          i: {
            name: 'Fundacja Sąsiedzi',
            kind: 'ngo',
            address: { street: 'ul. Zachodnia 1', postalCode: '90-001', city: 'Łódź' },
          },
        },
        { token: admin },
      )
    ).body.data!.createOrganisation.id;
    const ngo = await coordinatorOf(t, ngoId);
    expect(codeOf(await t.gql(CREATE, { i: { callId } }, { token: ngo.token }))).toBe(
      'NOT_ELIGIBLE',
    );

    const future = await createCall({ opensAt: isoIn(3_600_000), closesAt: isoIn(7_200_000) });
    expect(codeOf(await t.gql(CREATE, { i: { callId: future } }, { token: branch.token }))).toBe(
      'CALL_NOT_OPEN',
    );
    // an account whose organisation this context does not know
    const stranger = await t.userWith([Role.library]);
    expect(codeOf(await t.gql(CREATE, { i: { callId } }, { token: stranger.token }))).toBe(
      'NO_ORGANISATION',
    );
  });

  it("shows applicants only their own organisation's applications; admins see all", async () => {
    const callId = await createCall();
    const a = await branchCoordinator('Filia A');
    const b = await branchCoordinator('Filia B');
    const appA = ok(
      await t.gql<{ createApplication: { id: string } }>(
        CREATE,
        { i: { callId, values: COMPLETE } },
        { token: a.token },
      ),
    ).createApplication.id;
    ok(await t.gql(CREATE, { i: { callId } }, { token: b.token }));

    const mineB = ok(
      await t.gql<{ myApplications: { id: string; organisationId: string }[] }>(MINE, undefined, {
        token: b.token,
      }),
    ).myApplications;
    expect(mineB.map((x) => x.organisationId)).toEqual([b.organisationId]);
    const peek = await t.gql(
      `query($id: ID!) { application(id: $id) { id } }`,
      { id: appA },
      { token: b.token },
    );
    expect(codeOf(peek)).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(UPDATE, { i: { applicationId: appA, values: [] } }, { token: b.token })),
    ).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(WITHDRAW, { id: appA }, { token: b.token }))).toBe('NOT_FOUND');

    const all = ok(
      await t.gql<{
        callApplications: {
          totalCount: number;
          nodes: { values: { key: string; text: string }[] }[];
        };
      }>(
        `query($c: ID!) { callApplications(callId: $c) { totalCount nodes { values { key text } } } }`,
        { c: callId },
        { token: admin },
      ),
    ).callApplications;
    expect(all.totalCount).toBe(2);
    expect(all.nodes[0].values.find((v) => v.key === 'contactPerson')!.text).toBe('Anna Nowak');
    expect(
      codeOf(
        await t.gql(
          `query($c: ID!) { callApplications(callId: $c) { totalCount } }`,
          { c: callId },
          { token: a.token },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
