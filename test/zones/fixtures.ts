/** Zones fixtures shared by the zones e2e files: organisations, coordinators, calls. */
import { randomBytes } from 'node:crypto';
import { Language, Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { TestApp } from '../support/test-app';

/** A library coordinator acting for this organisation, with a fresh access token. */
export async function coordinatorOf(
  t: TestApp,
  organisationId: string,
): Promise<{ id: string; token: string }> {
  const user = await t.app.get(UsersService).create({
    login: `coordinator-${randomBytes(4).toString('hex')}@example.org`,
    loginKind: 'email',
    password: 'correct-horse-battery-7',
    roles: [Role.library],
    organisationId,
  });
  const session = await t.app.get(AuthService).startSession(user);
  return { id: user.id, token: session.accessToken };
}

/** Monday to Saturday (core's OpeningHoursInput.weekly); Sunday, left out, is closed. */
export const WEEK = [1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  intervals: [{ from: '10:00', to: weekday === 6 ? '14:00' : '19:00' }],
}));

export const CREATE_ORGANISATION = `mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id name kind } }`;

/** A library branch created through the API by an admin. */
export async function libraryBranch(t: TestApp, adminToken: string, name: string): Promise<string> {
  const res = await t.gql<{ createOrganisation: { id: string } }>(
    CREATE_ORGANISATION,
    {
      i: {
        name,
        kind: 'library_branch',
        address: { street: 'ul. Piotrkowska 100', postalCode: '90-001', city: 'Łódź' },
        openingHours: { weekly: WEEK, exceptions: [] },
      },
    },
    { token: adminToken },
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.createOrganisation.id;
}

export const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { id } }`;
export const UPDATE_CALL = `mutation($i: UpdateCallInput!) { updateCall(input: $i) { id isOpen closesAt } }`;
export const CREATE_APPLICATION = `mutation($i: CreateApplicationInput!) { createApplication(input: $i) { id } }`;
export const UPDATE_APPLICATION = `mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { id status } }`;
export const SUBMIT_APPLICATION = `mutation($id: ID!) { submitApplication(input: { applicationId: $id }) { id status submittedAt } }`;
export const WITHDRAW_APPLICATION = `mutation($id: ID!) { withdrawApplication(input: { applicationId: $id }) { id status } }`;
export const SET_DECISION = `mutation($i: SetDecisionInput!) { setDecision(input: $i) { outcome } }`;
export const PUBLISH_DECISIONS = `mutation($c: ID!) { publishDecisions(input: { callId: $c }) { decisionsPublishedAt } }`;

export const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** A call for library branches, open for an hour from a minute ago, with one long-text field. */
export function callInput(overrides: Record<string, unknown> = {}) {
  return {
    title: [
      { lang: 'pl', text: 'Nabór filii do stref MSAS' },
      { lang: 'uk', text: 'Конкурс для філій: зони MSAS' },
    ],
    description: [{ lang: 'pl', text: 'Międzykulturowe Strefy Aktywności Sąsiedzkiej.' }],
    eligibleKinds: ['library_branch'],
    places: 3,
    opensAt: isoIn(-60_000),
    closesAt: isoIn(3_600_000),
    form: [
      {
        key: 'why',
        type: 'long_text',
        required: true,
        maxLength: 500,
        label: [{ lang: 'pl', text: 'Dlaczego?' }],
      },
    ],
    criteria: [{ key: 'idea', maxPoints: 10, label: [{ lang: 'pl', text: 'Pomysł' }] }],
    ...overrides,
  };
}

export async function createCall(
  t: TestApp,
  adminToken: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return ok(
    await t.gql<{ createCall: { id: string } }>(
      CREATE_CALL,
      { i: callInput(overrides) },
      { token: adminToken },
    ),
  ).createCall.id;
}

/** A library coordinator of a new branch, reading in the given language. */
export async function branchCoordinator(
  t: TestApp,
  adminToken: string,
  name: string,
  preferredLanguage: Language = 'pl',
): Promise<{ organisationId: string; id: string; token: string; password: string }> {
  const organisationId = await libraryBranch(t, adminToken, name);
  return { organisationId, ...(await coordinatorIn(t, organisationId, preferredLanguage)) };
}

export async function coordinatorIn(
  t: TestApp,
  organisationId: string,
  preferredLanguage: Language = 'pl',
): Promise<{ id: string; token: string; password: string }> {
  const password = 'correct-horse-battery-7';
  const user = await t.app.get(UsersService).create({
    login: `coordinator-${randomBytes(4).toString('hex')}@example.org`,
    loginKind: 'email',
    password,
    roles: [Role.library],
    organisationId,
    preferredLanguage,
  });
  const session = await t.app.get(AuthService).startSession(user);
  return { id: user.id, token: session.accessToken, password };
}

/** An admin (or other role) reading in the given language. */
export async function userIn(
  t: TestApp,
  roles: Role[],
  preferredLanguage: Language,
): Promise<{ id: string; token: string; password: string }> {
  const password = 'correct-horse-battery-7';
  const user = await t.app.get(UsersService).create({
    login: `user-${randomBytes(4).toString('hex')}@example.org`,
    loginKind: 'email',
    password,
    roles,
    preferredLanguage,
  });
  const session = await t.app.get(AuthService).startSession(user);
  return { id: user.id, token: session.accessToken, password };
}

/** Creates and submits an application with a valid answer; returns its id. */
export async function submittedApplication(
  t: TestApp,
  coordinatorToken: string,
  callId: string,
  why = 'Sąsiedzi z różnych krajów chcą się poznać.',
): Promise<string> {
  const { id } = ok(
    await t.gql<{ createApplication: { id: string } }>(
      CREATE_APPLICATION,
      { i: { callId, values: [{ key: 'why', text: why }] } },
      { token: coordinatorToken },
    ),
  ).createApplication;
  ok(await t.gql(SUBMIT_APPLICATION, { id }, { token: coordinatorToken }));
  return id;
}

/** Ends the call's window now (an admin closing it early). */
export async function closeNow(t: TestApp, adminToken: string, callId: string): Promise<void> {
  ok(
    await t.gql(
      UPDATE_CALL,
      { i: { id: callId, closesAt: new Date().toISOString() } },
      { token: adminToken },
    ),
  );
}
