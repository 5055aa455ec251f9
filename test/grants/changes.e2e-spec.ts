import { Clock } from '@sasiad/core';
import { ok } from '../support/graphql';
import { signedGrantProject } from '../support/grant-project';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

const line = (category: string, cost: number, grant: number, own: number, hours = 0) => ({
  category,
  unit: 'kpl.',
  quantity: 1,
  unitCostGrosze: cost,
  grantGrosze: grant,
  ownMoneyGrosze: own,
  inKindGrosze: 0,
  volunteerHours: hours,
  volunteerRateGrosze: hours ? 2_000 : 0,
});

const P = `annexes budget { category grantGrosze } changes { status movedGrosze reason decisionReason decidedAt annex budget { category grantGrosze volunteerHours } }`;
type Project = {
  annexes: number;
  budget: { category: string; grantGrosze: number }[];
  changes: {
    status: string;
    decisionReason: string | null;
    decidedAt: string | null;
    annex: number | null;
    budget: { category: string; grantGrosze: number; volunteerHours: number }[];
  }[];
};

/**
 * A budget change as both sides read it: the budget it asks for, and the operator's decision
 * with a reason (required to refuse, shown to the applicant).
 */
describe('grants: deciding a budget change with a reason', () => {
  let t: TestApp;
  let p: Awaited<ReturnType<typeof signedGrantProject>>;
  const before = [
    line('warsztaty', 300_000, 250_000, 50_000),
    line('poczęstunek', 170_000, 150_000, 20_000),
  ];
  const asked = [
    line('warsztaty', 350_000, 350_000, 0),
    line('poczęstunek', 170_000, 50_000, 20_000, 50),
  ];

  beforeAll(async () => {
    t = await startTestApp();
    p = await signedGrantProject(t, {
      operatorLogin: 'operator.decyzje@example.org',
      grantee: { login: 'olha.decyzje@example.org', lang: 'uk' },
      grantedGrosze: 400_000,
      budget: before,
    });
  });
  afterAll(async () => {
    t.app.get(Clock).reset();
    await t.close();
  });

  const call = (name: string, input: Record<string, unknown>, token: string) =>
    t.gql<Record<string, Project>>(
      `mutation($i: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $i) { ${P} } }`,
      { i: { applicationId: p.applicationId, ...input } },
      { token },
    );

  it('shows the asked budget to the operator; refusing needs a reason, which the applicant reads; the budget in force stays', async () => {
    const requested = ok(
      await call(
        'requestGrantChange',
        { budget: asked, reason: 'Więcej warsztatów, poczęstunek z wolontariuszami.' },
        p.grantee.token,
      ),
    ).requestGrantChange;
    expect(requested.changes).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        decisionReason: null,
        decidedAt: null,
        budget: [
          { category: 'warsztaty', grantGrosze: 350_000, volunteerHours: 0 },
          { category: 'poczęstunek', grantGrosze: 50_000, volunteerHours: 50 },
        ],
      }),
    ]);

    const bare = await call('decideGrantChange', { change: 0, approve: false }, p.operator.token);
    expect(codeOf(bare)).toBe('BAD_USER_INPUT');
    expect(bare.body.errors![0].extensions.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    expect(
      codeOf(
        await call(
          'decideGrantChange',
          { change: 0, approve: false, reason: '   ' },
          p.operator.token,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    // only operator staff decide
    expect(
      codeOf(
        await call(
          'decideGrantChange',
          { change: 0, approve: false, reason: 'Sam sobie odmawiam.' },
          p.grantee.token,
        ),
      ),
    ).toBe('FORBIDDEN');

    const refused = ok(
      await call(
        'decideGrantChange',
        {
          change: 0,
          approve: false,
          reason: 'Poczęstunek to sedno festynu: zostaw go w budżecie.',
        },
        p.operator.token,
      ),
    ).decideGrantChange;
    expect(refused.annexes).toBe(0);
    expect(refused.budget.map((l) => l.grantGrosze)).toEqual([250_000, 150_000]);
    const seen = ok(
      await t.gql<{ grantProject: Project }>(
        `query($id: ID!) { grantProject(applicationId: $id) { ${P} } }`,
        { id: p.applicationId },
        { token: p.grantee.token },
      ),
    ).grantProject;
    expect(seen.changes[0]).toMatchObject({
      status: 'REFUSED',
      decisionReason: 'Poczęstunek to sedno festynu: zostaw go w budżecie.',
      annex: null,
    });
    expect(seen.changes[0].decidedAt).not.toBeNull();
  });

  it('approves without a reason: the asked budget is in force as annex 1', async () => {
    ok(
      await call(
        'requestGrantChange',
        { budget: asked, reason: 'Druga próba, z uzasadnieniem.' },
        p.grantee.token,
      ),
    );
    const approved = ok(
      await call('decideGrantChange', { change: 1, approve: true }, p.operator.token),
    ).decideGrantChange;
    expect(approved).toMatchObject({
      annexes: 1,
      budget: [
        { category: 'warsztaty', grantGrosze: 350_000 },
        { category: 'poczęstunek', grantGrosze: 50_000 },
      ],
    });
    expect(approved.changes[1]).toMatchObject({
      status: 'APPROVED',
      annex: 1,
      decisionReason: null,
    });
  });
});
