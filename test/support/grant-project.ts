/**
 * A funded micro-grant project with its agreement signed, reached through the API (the browser
 * path to it is tested in test/web/grants.e2e-spec.ts): an operator whose staff member can sign
 * in, an informal group whose contact person can sign in, an application funded and published,
 * the budget revised to the granted amount and confirmed by both sides.
 */
import { Clock, Language, Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import {
  ASSIGN_STAFF,
  content,
  CREATE_APP,
  DECIDE,
  FORMAL,
  groupInput,
  microGrantProgramme,
  PUBLISH,
  REGISTER_GROUP,
  SUBMIT_APP,
} from '../grants/fixtures';
import { ok } from './graphql';
import { TestApp } from './test-app';

export const GRANT_PASSWORD = 'Mikrogranty-Bialystok-2027';

export interface BudgetLineInput {
  category: string;
  unit: string;
  quantity: number;
  unitCostGrosze: number;
  grantGrosze: number;
  ownMoneyGrosze: number;
  inKindGrosze: number;
  volunteerHours: number;
  volunteerRateGrosze: number;
}

async function person(
  t: TestApp,
  login: string,
  lang: Language,
  roles: Role[],
  organisationId?: string,
) {
  const user = await t.app.get(UsersService).create({
    login,
    loginKind: 'email',
    password: GRANT_PASSWORD,
    roles,
    organisationId,
    preferredLanguage: lang,
  });
  return {
    id: user.id,
    login,
    token: (await t.app.get(AuthService).startSession(user)).accessToken,
  };
}

export async function signedGrantProject(
  t: TestApp,
  opts: {
    operatorLogin: string;
    grantee: { login: string; lang: Language };
    grantedGrosze: number;
    /** The budget revised to the granted amount (Σ grantGrosze = grantedGrosze). */
    budget: BudgetLineInput[];
  },
) {
  const admin = (await t.userWith([Role.admin])).token;
  const p = await microGrantProgramme(t, admin);
  const operator = await person(t, opts.operatorLogin, 'pl', [Role.library], p.operatorId);
  ok(
    await t.gql(
      ASSIGN_STAFF,
      { i: { operatorOrganisationId: p.operatorId, userId: operator.id, role: 'OPERATOR_STAFF' } },
      { token: admin },
    ),
  );
  const grantee = await person(t, opts.grantee.login, opts.grantee.lang, [Role.learner]);
  const groupId = ok(
    await t.gql<{ registerInformalGroup: { id: string } }>(
      REGISTER_GROUP,
      { i: groupInput('Sąsiedzi z Bojar') },
      { token: grantee.token },
    ),
  ).registerInformalGroup.id;
  const applicationId = ok(
    await t.gql<{ createGrantApplication: { id: string } }>(
      CREATE_APP,
      { i: { grantCallId: p.grantCallId, groupId, ...content(opts.grantedGrosze) } },
      { token: grantee.token },
    ),
  ).createGrantApplication.id;
  ok(await t.gql(SUBMIT_APP, { id: applicationId }, { token: grantee.token }));
  ok(await t.gql(FORMAL, { i: { applicationId, outcome: 'PASSED' } }, { token: operator.token }));
  // decisions wait for the application deadline (an hour after the call opened)
  t.app.get(Clock).advance(2 * 3_600_000);
  ok(
    await t.gql(
      DECIDE,
      {
        i: {
          applicationId,
          outcome: 'FUNDED',
          grantedGrosze: opts.grantedGrosze,
          justification: 'Mieszkańcy i uchodźcy razem, rozsądny budżet.',
        },
      },
      { token: operator.token },
    ),
  );
  ok(await t.gql(PUBLISH, { g: p.grantCallId }, { token: operator.token }));
  const revised = ok(
    await t.gql<{ reviseGrantBudget: { agreementChecksum: string } }>(
      `mutation($i: ReviseGrantBudgetInput!) { reviseGrantBudget(input: $i) { agreementChecksum } }`,
      { i: { applicationId, budget: opts.budget } },
      { token: grantee.token },
    ),
  ).reviseGrantBudget;
  for (const token of [grantee.token, operator.token])
    ok(
      await t.gql(
        `mutation($i: ConfirmGrantAgreementInput!) { confirmGrantAgreement(input: $i) { agreementStatus } }`,
        { i: { applicationId, checksum: revised.agreementChecksum } },
        { token },
      ),
    );
  return { grantCallId: p.grantCallId, applicationId, operator, grantee };
}
