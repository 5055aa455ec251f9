import { AuthUser, Role } from '@sasiad/core';

/**
 * Who runs an event: staff and admins run every event; a library coordinator (role `library`,
 * acting for `user.organisationId`) runs only the events of that organisation. Everything a
 * coordinator may do to an event (change, cancel, registrants, check-in, walk-ins, export) asks
 * this one rule, through EventStore.findManagedEvent.
 */
export function mayManageEvent(
  user: Pick<AuthUser, 'roles' | 'organisationId'>,
  eventOrganisationId: string | null | undefined,
): boolean {
  if (user.roles.includes(Role.staff) || user.roles.includes(Role.admin)) return true;
  return (
    user.roles.includes(Role.library) &&
    !!user.organisationId &&
    !!eventOrganisationId &&
    user.organisationId === eventOrganisationId
  );
}
