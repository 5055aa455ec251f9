import { Clock, Language, Role } from '@sasiad/core';
import { FormalCheckService } from '@sasiad/grants/applications/formal-check.service';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { coordinatorIn } from '../zones/fixtures';
import {
  App,
  content,
  CREATE_APP,
  DECIDE,
  FORMAL,
  FUND_RESERVE,
  GET_APP,
  GRANT_CALL,
  groupInput,
  microGrantProgramme,
  organisation,
  PLN,
  PUBLISH,
  REGISTER_GROUP,
  resident,
  SUBMIT_APP,
  UPDATE_APP,
  WITHDRAW,
} from './fixtures';

/**
 * One micro-grant programme from call to results: a 75,000 PLN call, 20 applications from NGOs
 * and informal groups in four languages, a correction loop and two lapsed corrections, decisions
 * made at once that never overspend the pool, publication through the zones engine, a withdrawal
 * that funds the first reserve project, and the public results in each language.
 */
describe('grants: a whole micro-grant programme', () => {
  let t: TestApp;
  let admin: string;
  let p: Awaited<ReturnType<typeof microGrantProgramme>>;
  const LANGS: Language[] = ['pl', 'uk', 'be', 'ru'];
  const applicants: { token: string; lang: Language }[] = [];
  const apps: App[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
    p = await microGrantProgramme(t, admin);
  });
  afterAll(async () => {
    t.app.get(Clock).reset();
    await t.close();
  });

  const staff = () => p.staff.token;

  it('takes 20 numbered applications from NGOs and informal groups in four languages', async () => {
    for (let i = 0; i < 20; i++) {
      const lang = LANGS[i % 4];
      let token: string;
      let groupId: string | undefined;
      if (i < 14) {
        const orgId = await organisation(t, admin, `Stowarzyszenie ${i}`);
        token = (await coordinatorIn(t, orgId, lang)).token;
      } else {
        token = (await resident(t, lang)).token;
        groupId = ok(
          await t.gql<{ registerInformalGroup: { id: string } }>(
            REGISTER_GROUP,
            { i: groupInput(`Sąsiedzi ${i}`) },
            { token },
          ),
        ).registerInformalGroup.id;
      }
      const draft = ok(
        await t.gql<{ createGrantApplication: App }>(
          CREATE_APP,
          { i: { grantCallId: p.grantCallId, groupId, ...content(5_000 * PLN) } },
          { token, lang },
        ),
      ).createGrantApplication;
      expect(draft).toMatchObject({ status: 'DRAFT', number: null });
      expect(draft.totals).toEqual({
        requestedGrosze: 500_000,
        costGrosze: 530_000,
        volunteerGrosze: 20_000,
      });
      const submitted = ok(
        await t.gql<{ submitGrantApplication: App }>(SUBMIT_APP, { id: draft.id }, { token }),
      ).submitGrantApplication;
      applicants.push({ token, lang });
      apps.push(submitted);
    }
    const year = new Date().getUTCFullYear();
    expect(apps.map((a) => a.number)).toEqual(
      apps.map((_, i) =>
        expect.stringMatching(
          new RegExp(`^MG/(${year}|${year + 1})/${String(i + 1).padStart(4, '0')}$`),
        ),
      ),
    );
    expect(apps.every((a) => a.status === 'SUBMITTED' && /^[0-9a-f]{64}$/.test(a.checksum!))).toBe(
      true,
    );
    expect(await t.db.collection('applications').countDocuments({ status: 'submitted' })).toBe(20);
  });

  it('prints a confirmation with the number and checksum in the reader’s language', async () => {
    const { token } = applicants[1]; // uk
    const res = await t.gql<{ grantApplicationSummary: string }>(
      `query($id: ID!) { grantApplicationSummary(id: $id) }`,
      { id: apps[1].id },
      { token },
    );
    const text = ok(res).grantApplicationSummary;
    expect(text).toContain(`Підтвердження подання заявки на мікрогрант № ${apps[1].number}`);
    expect(text).toContain(apps[1].checksum);
    expect(text).toContain('5 000,00 zł');
    // nobody else's
    expect(
      codeOf(
        await t.gql(
          `query($id: ID!) { grantApplicationSummary(id: $id) }`,
          { id: apps[1].id },
          { token: applicants[2].token },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('runs the formal check: a correction loop, and corrections that never come are rejected', async () => {
    for (const [i, a] of apps.entries()) {
      const needsCorrection = i === 0 || i >= 18;
      ok(
        await t.gql(
          FORMAL,
          {
            i: needsCorrection
              ? {
                  applicationId: a.id,
                  outcome: 'CORRECTIONS_NEEDED',
                  problems: ['Brak podpisu osoby upoważnionej.'],
                }
              : { applicationId: a.id, outcome: 'PASSED' },
          },
          { token: staff() },
        ),
      );
    }
    // an applicant cannot run the formal check
    expect(
      codeOf(
        await t.gql(
          FORMAL,
          { i: { applicationId: apps[1].id, outcome: 'PASSED' } },
          { token: applicants[1].token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const sent = ok(
      await t.gql<{ grantApplication: App }>(
        GET_APP,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).grantApplication;
    expect(sent.status).toBe('CORRECTION_REQUESTED');
    ok(
      await t.gql(
        UPDATE_APP,
        {
          i: {
            applicationId: apps[0].id,
            ...content(5_000 * PLN, { summary: 'Z podpisem prezesa.' }),
          },
        },
        { token: applicants[0].token },
      ),
    );
    const corrected = ok(
      await t.gql<{ submitGrantApplication: App }>(
        SUBMIT_APP,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).submitGrantApplication;
    expect(corrected).toMatchObject({ status: 'SUBMITTED', number: apps[0].number });
    expect(corrected.checksum).not.toBe(apps[0].checksum);
    ok(
      await t.gql(
        FORMAL,
        { i: { applicationId: apps[0].id, outcome: 'PASSED' } },
        { token: staff() },
      ),
    );

    t.app.get(Clock).advance(8 * 86_400_000);
    // the check on access: app 18 reads as rejected before any job ran
    const lapsed = ok(
      await t.gql<{ grantApplication: App }>(
        GET_APP,
        { id: apps[18].id },
        { token: applicants[18].token, lang: 'be' },
      ),
    ).grantApplication;
    expect(lapsed).toMatchObject({
      status: 'FORMALLY_REJECTED',
      rejectionReason: 'Заяўка не выпраўлена ў вызначаны тэрмін.',
    });
    expect(
      codeOf(await t.gql(SUBMIT_APP, { id: apps[18].id }, { token: applicants[18].token })),
    ).toBe('GRANT_APPLICATION_NOT_EDITABLE');
    // the sweeper takes the other one
    expect(await t.app.get(FormalCheckService).sweepLapsedCorrections()).toBe(1);
    const swept = ok(
      await t.gql<{ grantApplication: App }>(GET_APP, { id: apps[19].id }, { token: staff() }),
    ).grantApplication;
    expect(swept.status).toBe('FORMALLY_REJECTED');
  });

  it('decides at once without ever going over the pool, then publishes through the engine', async () => {
    const conditional = ok(
      await t.gql<{ decideGrant: App }>(
        DECIDE,
        {
          i: {
            applicationId: apps[0].id,
            outcome: 'CONDITIONAL',
            grantedGrosze: 4_500 * PLN,
            justification: 'Dobry pomysł, budżet do korekty.',
            conditions: 'Obniżenie kosztów poczęstunku.',
          },
        },
        { token: staff() },
      ),
    ).decideGrant;
    expect(conditional.decision).toMatchObject({ outcome: 'CONDITIONAL', grantedGrosze: 450_000 });
    // more than requested is refused
    const over = await t.gql(
      DECIDE,
      {
        i: {
          applicationId: apps[1].id,
          outcome: 'FUNDED',
          grantedGrosze: 5_001 * PLN,
          justification: 'Za dużo pieniędzy tutaj.',
        },
      },
      { token: staff() },
    );
    expect(codeOf(over)).toBe('BAD_USER_INPUT');

    const rest = apps.slice(1, 18);
    const results = await Promise.all(
      rest.map((a) =>
        t.gql(
          DECIDE,
          {
            i: {
              applicationId: a.id,
              outcome: 'FUNDED',
              grantedGrosze: 5_000 * PLN,
              justification: 'Projekt wysoko oceniony.',
            },
          },
          { token: staff() },
        ),
      ),
    );
    const funded = results.filter((r) => !r.body.errors);
    const refused = rest.filter((_, i) => results[i].body.errors);
    expect(funded).toHaveLength(14);
    expect(results.filter((r) => codeOf(r) === 'POOL_EXCEEDED')).toHaveLength(3);
    const call = ok(
      await t.gql<{ grantCall: { committedGrosze: number; availableGrosze: number } }>(GRANT_CALL, {
        id: p.grantCallId,
      }),
    ).grantCall;
    expect(call).toEqual({
      committedGrosze: 7_450_000,
      availableGrosze: 50_000,
      publishedAt: null,
    });

    for (const [i, a] of refused.entries())
      ok(
        await t.gql(
          DECIDE,
          {
            i: {
              applicationId: a.id,
              outcome: 'RESERVE',
              reservePosition: i + 1,
              justification: 'Lista rezerwowa, brak środków.',
            },
          },
          { token: staff() },
        ),
      );
    // the applicant does not see the decision before publication
    const before = ok(
      await t.gql<{ grantApplication: App }>(
        GET_APP,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).grantApplication;
    expect(before.decision).toBeNull();

    const published = ok(
      await t.gql<{ publishGrantDecisions: { publishedAt: string; committedGrosze: number } }>(
        PUBLISH,
        { g: p.grantCallId },
        { token: staff() },
      ),
    ).publishGrantDecisions;
    expect(published.publishedAt).toBeTruthy();
    expect(await t.db.collection('decisions').countDocuments({ outcome: 'accepted' })).toBe(15);
    expect(await t.db.collection('decisions').countDocuments({ outcome: 'waitlisted' })).toBe(3);
    expect(await t.db.collection('decisions').countDocuments({ outcome: 'rejected' })).toBe(2);
    const after = ok(
      await t.gql<{ grantApplication: App }>(
        GET_APP,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).grantApplication;
    expect(after).toMatchObject({
      projectStatus: 'ACTIVE',
      decision: { outcome: 'CONDITIONAL', grantedGrosze: 450_000 },
    });
    expect(
      codeOf(
        await t.gql(
          DECIDE,
          {
            i: {
              applicationId: apps[1].id,
              outcome: 'REJECTED',
              justification: 'Zmiana po ogłoszeniu.',
            },
          },
          { token: staff() },
        ),
      ),
    ).toBe('DECISIONS_ALREADY_PUBLISHED');

    // a withdrawal frees 5,000 PLN, and the first reserve project gets it
    const i = apps.findIndex(
      (a) => a.id === (funded[0].body.data as { decideGrant: App }).decideGrant.id,
    );
    const withdrawn = ok(
      await t.gql<{ withdrawGrantProject: App }>(
        WITHDRAW,
        { id: apps[i].id },
        { token: applicants[i].token },
      ),
    ).withdrawGrantProject;
    expect(withdrawn.projectStatus).toBe('WITHDRAWN');
    expect(codeOf(await t.gql(WITHDRAW, { id: apps[i].id }, { token: applicants[i].token }))).toBe(
      'GRANT_PROJECT_NOT_ACTIVE',
    );
    const reserve = ok(
      await t.gql<{ fundReserveProject: App }>(
        FUND_RESERVE,
        { i: { grantCallId: p.grantCallId, grantedGrosze: 5_000 * PLN } },
        { token: staff() },
      ),
    ).fundReserveProject;
    expect(reserve).toMatchObject({
      id: refused[0].id,
      projectStatus: 'ACTIVE',
      decision: { outcome: 'FUNDED', grantedGrosze: 500_000 },
    });
    expect(
      codeOf(
        await t.gql(
          FUND_RESERVE,
          { i: { grantCallId: p.grantCallId, grantedGrosze: 5_000 * PLN } },
          { token: staff() },
        ),
      ),
    ).toBe('POOL_EXCEEDED');
    expect(
      ok(await t.gql<{ grantCall: { committedGrosze: number } }>(GRANT_CALL, { id: p.grantCallId }))
        .grantCall.committedGrosze,
    ).toBe(7_450_000);
  });

  it('shows the public results in each language', async () => {
    const Q = `query($g: ID!) { grantResults(grantCallId: $g) { headline fundedProjects grantedGrosze plannedResidents plannedRefugees projects { thematicArea { text language } } } }`;
    const headlines: Record<string, string> = {};
    for (const lang of ['pl', 'uk', 'be', 'ru']) {
      const r = ok(
        await t.gql<{
          grantResults: {
            headline: string;
            fundedProjects: number;
            grantedGrosze: number;
            plannedResidents: number;
            plannedRefugees: number;
            projects: { thematicArea: { text: string; language: string } }[];
          };
        }>(Q, { g: p.grantCallId }, { lang }),
      ).grantResults;
      expect(r).toMatchObject({
        fundedProjects: 15,
        grantedGrosze: 7_450_000,
        plannedResidents: 450,
        plannedRefugees: 300,
      });
      expect(r.projects[0].thematicArea.language).toBe(lang);
      headlines[lang] = r.headline;
    }
    expect(headlines).toEqual({
      pl: '15 projektów z dofinansowaniem, łącznie 74 500,00 zł, planowani uczestnicy: 750.',
      uk: '15 проєктів отримали фінансування, разом 74 500,00 zł, запланованих учасників: 750.',
      be: '15 праектаў атрымалі фінансаванне, разам 74 500,00 zł, запланаваных удзельнікаў: 750.',
      ru: '15 проектов получили финансирование, всего 74 500,00 zł, запланированных участников: 750.',
    });
  });
});
