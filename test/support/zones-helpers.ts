import { randomBytes } from 'node:crypto';
import { Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { TestApp } from './test-app';

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
