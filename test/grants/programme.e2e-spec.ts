import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import sharp from 'sharp';
import { downloadFile, requestUpload, sampleFiles, sendUpload, uploadFile } from '../support/files';
import { Clock, Language, Role } from '@sasiad/core';
import { FormalCheckService } from '@sasiad/grants/applications/formal-check.service';
import { RemindersService } from '@sasiad/grants/projects/reminders.service';
import { checksumOf } from '@sasiad/grants/applications/submission';
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

  it('shows the call’s settings, rules and FAQ in the reader’s language', async () => {
    const Q = `query($id: ID!) { grantCall(id: $id) { poolGrosze maxGrantGrosze intendedProjects eligibleApplicants rules { text language } faq { question { text language } } thematicAreas { label { text } } } }`;
    const be = ok(
      await t.gql<{ grantCall: Record<string, unknown> }>(
        Q,
        { id: p.grantCallId },
        { query: '?lang=be' },
      ),
    ).grantCall;
    expect(be).toMatchObject({
      poolGrosze: 7_500_000,
      maxGrantGrosze: 500_000,
      intendedProjects: 15,
      eligibleApplicants: ['ORGANISATION', 'INFORMAL_GROUP'],
      rules: { text: 'Удзел бясплатны; жыхары і ўцекачы дзейнічаюць разам.', language: 'be' },
      faq: [{ question: { text: 'Ці можа нефармальная група падаць заяўку?', language: 'be' } }],
    });
  });

  it('publishes the call’s documents to everyone; only admins and operator staff add them', async () => {
    const owner = { ownerKind: 'grants.call', ownerId: p.grantCallId };
    const rules = await uploadFile(t, staff(), {
      ...owner,
      fileName: 'regulamin.pdf',
      bytes: sampleFiles.pdf,
    });
    expect(rules.kind).toBe('PDF');
    const outsider = await resident(t, 'uk');
    expect(
      codeOf(
        await t.gql(
          `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
          { i: { ...owner, fileName: 'x.pdf' } },
          { token: outsider.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const docs = ok(
      await t.gql<{ grantCall: { documents: { id: string; fileName: string }[] } }>(
        `query($id: ID!) { grantCall(id: $id) { documents { id fileName } } }`,
        { id: p.grantCallId },
      ),
    ).grantCall.documents;
    expect(docs).toEqual([{ id: rules.id, fileName: 'regulamin.pdf' }]);
    expect((await downloadFile(t, rules.id)).status).toBe(200);
  });

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
    // the signed statement goes in as an attachment: the new checksum covers its bytes
    const signed = await uploadFile(t, applicants[0].token, {
      ownerKind: 'grants.application',
      ownerId: apps[0].id,
      fileName: 'oswiadczenie-podpisane.pdf',
      bytes: sampleFiles.pdf,
    });
    const corrected = ok(
      await t.gql<{ submitGrantApplication: App }>(
        SUBMIT_APP,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).submitGrantApplication;
    expect(corrected).toMatchObject({ status: 'SUBMITTED', number: apps[0].number });
    expect(corrected.checksum).not.toBe(apps[0].checksum);
    const pdfSha = createHash('sha256').update(sampleFiles.pdf).digest('hex');
    const stored = await t.db
      .collection('grants_applications')
      .findOne({ _id: new Types.ObjectId(apps[0].id) });
    expect(stored!.submittedFiles).toEqual([{ fileId: signed.id, sha256: pdfSha }]);
    expect(corrected.checksum).toBe(checksumOf(corrected.number!, stored as never, [pdfSha]));
    expect(corrected.checksum).not.toBe(checksumOf(corrected.number!, stored as never));
    const summary = ok(
      await t.gql<{ grantApplicationSummary: string }>(
        `query($id: ID!) { grantApplicationSummary(id: $id) }`,
        { id: apps[0].id },
        { token: applicants[0].token },
      ),
    ).grantApplicationSummary;
    expect(summary).toContain(`1. oswiadczenie-podpisane.pdf (SHA-256 ${pdfSha})`);
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

  it('reviews on merit with the engine’s reviewers and ranking', async () => {
    const reviewer = await t.userWith([Role.staff]);
    for (const [i, points] of [
      [2, 9],
      [3, 6],
    ]) {
      ok(
        await t.gql(
          `mutation($i: AssignReviewersInput!) { assignReviewers(input: $i) { __typename } }`,
          { i: { applicationId: apps[i].zonesApplicationId, reviewerIds: [reviewer.id] } },
          { token: admin },
        ),
      );
      ok(
        await t.gql(
          `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { __typename } }`,
          {
            i: {
              applicationId: apps[i].zonesApplicationId,
              scores: [{ criterionKey: 'impact', points }],
              comment: 'Mieszkańcy i uchodźcy razem.',
            },
          },
          { token: reviewer.token },
        ),
      );
    }
    const ranking = ok(
      await t.gql<{
        callRanking: { rank: number; applicationId: string; averageTotal: number | null }[];
      }>(
        `query($c: ID!) { callRanking(callId: $c) { rank applicationId averageTotal } }`,
        { c: p.callId },
        { token: admin },
      ),
    ).callRanking;
    expect(ranking.slice(0, 2)).toEqual([
      { rank: 1, applicationId: apps[2].zonesApplicationId, averageTotal: 9 },
      { rank: 2, applicationId: apps[3].zonesApplicationId, averageTotal: 6 },
    ]);
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

  it('runs a funded project: agreement, tranches with two approvals, changes, reports, settlement', async () => {
    const P = `applicationId grantedGrosze agreementStatus agreementText agreementSummary agreementChecksum signedAt annexes tranches { label amountGrosze status } changes { movedGrosze status annex } reports { kind status fromGrantGrosze } settlement { paidGrosze spentFromGrantGrosze toReturnGrosze }`;
    type Project = {
      agreementStatus: string;
      agreementText: string;
      agreementSummary: string;
      agreementChecksum: string;
      annexes: number;
      tranches: { status: string }[];
      changes: { status: string; movedGrosze: number }[];
      reports: { status: string }[];
      settlement: unknown;
    };
    const call = async (
      mutation: string,
      input: Record<string, unknown>,
      token: string,
      lang?: string,
    ) =>
      t.gql<Record<string, Project>>(
        `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { ${P} } }`,
        { i: { applicationId: apps[0].id, ...input } },
        { token, query: lang ? `?lang=${lang}` : undefined },
      );
    const applicant = applicants[0].token;
    const finance = await coordinatorIn(t, p.operatorId, 'pl');
    ok(
      await t.gql(
        `mutation($i: AssignGrantStaffInput!) { assignGrantStaff(input: $i) { role } }`,
        { i: { operatorOrganisationId: p.operatorId, userId: finance.id, role: 'FINANCE' } },
        { token: admin },
      ),
    );
    const line = (category: string, grantGrosze: number) => ({
      category,
      unit: 'kpl.',
      quantity: 1,
      unitCostGrosze: grantGrosze + 10_000,
      grantGrosze,
      ownMoneyGrosze: 10_000,
      inKindGrosze: 0,
      volunteerHours: 0,
      volunteerRateGrosze: 0,
    });

    // the budget is revised to the granted 4,500 PLN
    const wrong = await call(
      'reviseGrantBudget',
      { budget: [line('warsztaty', 300_000), line('poczęstunek', 160_000)] },
      applicant,
    );
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors![0].extensions.fields).toEqual([
      { field: 'budget', constraint: 'totalMismatch' },
    ]);
    const revised = ok(
      await call(
        'reviseGrantBudget',
        { budget: [line('warsztaty', 300_000), line('poczęstunek', 150_000)] },
        applicant,
        'uk',
      ),
    ).reviseGrantBudget;
    expect(revised.agreementText).toContain(`UMOWA O PRZYZNANIE MIKROGRANTU nr ${apps[0].number}`);
    expect(revised.agreementText).toContain('4 500,00 zł');
    expect(revised.agreementSummary).toMatch(
      /^Договір \(юридичну силу має польський текст\): грант 4 500,00 zł/,
    );
    expect(
      codeOf(await call('confirmGrantAgreement', { checksum: '0'.repeat(64) }, applicant)),
    ).toBe('GRANT_AGREEMENT_CHANGED');
    expect(
      codeOf(await call('addGrantTranche', { label: 'Zaliczka', amountGrosze: 360_000 }, staff())),
    ).toBe('GRANT_AGREEMENT_NOT_SIGNED');
    ok(await call('confirmGrantAgreement', { checksum: revised.agreementChecksum }, applicant));
    const signed = ok(
      await call('confirmGrantAgreement', { checksum: revised.agreementChecksum }, staff()),
    ).confirmGrantAgreement;
    expect(signed.agreementStatus).toBe('SIGNED');

    // tranches: staff, then finance (another person), then paid; never more than the grant
    ok(await call('addGrantTranche', { label: 'Zaliczka', amountGrosze: 360_000 }, staff()));
    ok(await call('addGrantTranche', { label: 'Po sprawozdaniu', amountGrosze: 90_000 }, staff()));
    expect(
      codeOf(await call('addGrantTranche', { label: 'Jeszcze grosz', amountGrosze: 1 }, staff())),
    ).toBe('TRANCHES_OVER_GRANT');
    expect(
      codeOf(await call('addGrantTranche', { label: 'Sam sobie', amountGrosze: 1 }, applicant)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await call('markGrantTranchePaid', { tranche: 0 }, finance.token))).toBe(
      'TRANCHE_NOT_READY',
    );
    ok(await call('approveGrantTranche', { tranche: 0 }, staff()));
    ok(await call('approveGrantTranche', { tranche: 0 }, finance.token));
    const paid = ok(
      await call('markGrantTranchePaid', { tranche: 0 }, finance.token),
    ).markGrantTranchePaid;
    expect(paid.tranches.map((x) => x.status)).toEqual(['PAID', 'PLANNED']);
    const seen = ok(
      await t.gql<{ grantProject: Project }>(
        `query($id: ID!) { grantProject(applicationId: $id) { ${P} } }`,
        { id: apps[0].id },
        { token: applicant },
      ),
    ).grantProject;
    expect(seen.tranches.map((x) => x.status)).toEqual(['PAID', 'PLANNED']);

    // one person holding both roles still cannot give both approvals
    ok(
      await t.gql(
        `mutation($i: AssignGrantStaffInput!) { assignGrantStaff(input: $i) { role } }`,
        { i: { operatorOrganisationId: p.operatorId, userId: p.staff.id, role: 'FINANCE' } },
        { token: admin },
      ),
    );
    ok(await call('approveGrantTranche', { tranche: 1 }, staff()));
    expect(codeOf(await call('approveGrantTranche', { tranche: 1 }, staff()))).toBe(
      'SAME_APPROVER',
    );

    // changes: a small shift is accepted at once (annex 1), a large one waits for staff (annex 2)
    const small = ok(
      await call(
        'requestGrantChange',
        {
          budget: [line('warsztaty', 270_000), line('poczęstunek', 180_000)],
          reason: 'Droższe produkty na poczęstunek.',
        },
        applicant,
      ),
    ).requestGrantChange;
    expect(small).toMatchObject({
      annexes: 1,
      changes: [{ movedGrosze: 30_000, status: 'AUTO_ACCEPTED', annex: 1 }],
    });
    expect(small.agreementText).toContain('tekst jednolity po aneksie nr 1');
    const large = ok(
      await call(
        'requestGrantChange',
        {
          budget: [line('warsztaty', 170_000), line('poczęstunek', 280_000)],
          reason: 'Mniej warsztatów, większy festyn.',
        },
        applicant,
      ),
    ).requestGrantChange;
    expect(large.changes[1]).toMatchObject({ movedGrosze: 100_000, status: 'PENDING' });
    expect(
      codeOf(
        await call(
          'requestGrantChange',
          {
            budget: [line('warsztaty', 170_000), line('poczęstunek', 280_000)],
            reason: 'Jeszcze raz to samo.',
          },
          applicant,
        ),
      ),
    ).toBe('GRANT_CHANGE_PENDING');
    const approved = ok(
      await call('decideGrantChange', { change: 1, approve: true }, staff()),
    ).decideGrantChange;
    expect(approved).toMatchObject({
      annexes: 2,
      changes: [{ status: 'AUTO_ACCEPTED' }, { status: 'APPROVED', annex: 2 }],
    });

    // reminders of the final report (due 30 days after the window): a week before, then overdue
    const reminders = t.app.get(RemindersService);
    t.app.get(Clock).setNow(new Date('2028-01-08T09:00:00Z'));
    expect(await reminders.remind()).toBe(1);
    expect(await reminders.remind()).toBe(0);
    t.app.get(Clock).setNow(new Date('2028-01-15T09:00:00Z'));
    expect(await reminders.remind()).toBe(1);
    const mine = ok(
      await t.gql<{ myGrantReminders: { kind: string; message: string }[] }>(
        `{ myGrantReminders { kind message } }`,
        {},
        { token: applicant, query: '?lang=uk' },
      ),
    ).myGrantReminders;
    expect(mine).toEqual([
      {
        kind: 'REPORT_OVERDUE',
        message:
          'Минув строк фінального звіту проєкту «Festyn sąsiedzki na Leśnej» (14.01.2028). Подайте його якнайшвидше.',
      },
      {
        kind: 'REPORT_DUE_SOON',
        message:
          'Наближається строк фінального звіту проєкту «Festyn sąsiedzki na Leśnej»: 14.01.2028.',
      },
    ]);

    // a photo for the report: its EXIF and GPS position are gone; a text disguised as a photo is refused
    const photo = await sharp({
      create: { width: 40, height: 20, channels: 3, background: '#3a6' },
    })
      .jpeg()
      .withExifMerge({
        IFD0: { Artist: 'Olena' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '53/1 7/1 58/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '23/1 9/1 32/1',
        },
      })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const owner = { ownerKind: 'grants.report', ownerId: apps[0].id };
    const uploaded = await uploadFile(t, applicant, {
      ...owner,
      fileName: 'festyn.jpg',
      bytes: photo,
    });
    const download = await downloadFile(t, uploaded.id, staff());
    expect(download.status).toBe(200);
    expect((await sharp(download.bytes).metadata()).exif).toBeUndefined();
    expect((await downloadFile(t, uploaded.id, applicants[2].token)).status).toBe(404);
    const { uploadUrl } = await requestUpload(t, applicant, { ...owner, fileName: 'zdjecie.jpg' });
    expect((await sendUpload(t, uploadUrl, Buffer.from('to nie jest zdjęcie'))).body.code).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(
      codeOf(
        await t.gql(
          `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
          { i: { ...owner, fileName: 'x.jpg' } },
          { token: applicants[2].token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const listed = ok(
      await t.gql<{ grantProject: { reportFiles: { id: string; kind: string }[] } }>(
        `query($id: ID!) { grantProject(applicationId: $id) { reportFiles { id kind } } }`,
        { id: apps[0].id },
        { token: applicant },
      ),
    ).grantProject;
    expect(listed.reportFiles).toEqual([{ id: uploaded.id, kind: 'IMAGE' }]);

    // the final report: an invoice outside the window is refused; a correction loop; settlement
    const invoice = (
      number: string,
      issuedAt: string,
      fromGrantGrosze: number,
      budgetLine: number,
    ) => ({ number, issuedAt, amountGrosze: fromGrantGrosze + 5_000, fromGrantGrosze, budgetLine });
    const report = (invoices: unknown[]) => ({
      kind: 'FINAL',
      narrative: 'Festyn się odbył, przyszło więcej osób niż planowano.',
      residents: 41,
      refugees: 27,
      invoices,
    });
    const late = await call(
      'submitGrantReport',
      report([
        invoice('FV/1/2027', '2027-08-20T10:00:00+02:00', 150_000, 0),
        invoice('FV/2/2027', '2027-12-20T10:00:00+01:00', 180_000, 1),
      ]),
      applicant,
    );
    expect(codeOf(late)).toBe('BAD_USER_INPUT');
    expect(late.body.errors![0].extensions.fields).toEqual([
      { field: 'invoices.1.issuedAt', constraint: 'outsideWindow' },
    ]);
    const good = report([
      invoice('FV/1/2027', '2027-08-20T10:00:00+02:00', 150_000, 0),
      invoice('FV/2/2027', '2027-08-21T10:00:00+02:00', 180_000, 1),
    ]);
    ok(await call('submitGrantReport', good, applicant));
    // the report is in: its reminders are no longer listed
    expect(
      ok(
        await t.gql<{ myGrantReminders: unknown[] }>(
          `{ myGrantReminders { kind } }`,
          {},
          { token: applicant },
        ),
      ).myGrantReminders,
    ).toEqual([]);
    ok(
      await call(
        'reviewGrantReport',
        { report: 0, accept: false, corrections: ['Brak listy obecności.'] },
        staff(),
      ),
    );
    ok(await call('submitGrantReport', good, applicant));
    const settled = ok(
      await call('reviewGrantReport', { report: 0, accept: true }, staff()),
    ).reviewGrantReport;
    expect(settled.settlement).toEqual({
      paidGrosze: 360_000,
      spentFromGrantGrosze: 330_000,
      toReturnGrosze: 30_000,
    });
    expect(codeOf(await call('submitGrantReport', good, applicant))).toBe('GRANT_REPORT_NOT_OPEN');

    // the finance approver's account is erased: the approval stays, without who gave it
    ok(
      await t.gql(
        `mutation { deleteMyAccount(input: { password: "${finance.password}" }) }`,
        {},
        { token: finance.token },
      ),
    );
    const stored = await t.db.collection('grants_projects').findOne({});
    expect(stored!.tranches[0]).toMatchObject({ status: 'PAID' });
    expect(JSON.stringify(stored)).not.toContain(finance.id);
    expect(
      await t.db
        .collection('grants_staff')
        .countDocuments({ userId: new Types.ObjectId(finance.id) }),
    ).toBe(0);
  });

  it('shows the public results in each language', async () => {
    const Q = `query($g: ID!) { grantResults(grantCallId: $g) { headline fundedProjects grantedGrosze plannedResidents plannedRefugees reportedResidents reportedRefugees projects { thematicArea { text language } } } }`;
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
        reportedResidents: 41,
        reportedRefugees: 27,
        plannedRefugees: 300,
      });
      expect(r.projects[0].thematicArea.language).toBe(lang);
      headlines[lang] = r.headline;
    }
    const csv = ok(
      await t.gql<{ grantResultsCsv: string }>(
        `query($g: ID!) { grantResultsCsv(grantCallId: $g) }`,
        { g: p.grantCallId },
      ),
    ).grantResultsCsv;
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'number,title,applicant,thematic_area,granted_pln,planned_residents,planned_refugees',
    );
    expect(rows).toHaveLength(16);
    expect(rows).toContain(
      `${apps[0].number},Festyn sąsiedzki na Leśnej,Stowarzyszenie 0,Kultura,4500.00,30,20`,
    );
    expect(headlines).toEqual({
      pl: '15 projektów z dofinansowaniem, łącznie 74 500,00 zł, planowani uczestnicy: 750.',
      uk: '15 проєктів отримали фінансування, разом 74 500,00 zł, запланованих учасників: 750.',
      be: '15 праектаў атрымалі фінансаванне, разам 74 500,00 zł, запланаваных удзельнікаў: 750.',
      ru: '15 проектов получили финансирование, всего 74 500,00 zł, запланированных участников: 750.',
    });
  });
});
