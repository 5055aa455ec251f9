import { Role } from '@sasiad/core';
import { mayManageEvent } from './event-access';

const A = '65a000000000000000000001';
const B = '65a000000000000000000002';

describe('who runs an event', () => {
  it('staff and admins run every event, with or without an organisation', () => {
    for (const role of [Role.staff, Role.admin]) {
      expect(mayManageEvent({ roles: [role] }, A)).toBe(true);
      expect(mayManageEvent({ roles: [role] }, null)).toBe(true);
    }
  });

  it("a coordinator runs only their own organisation's events", () => {
    const coordinator = { roles: [Role.library], organisationId: A };
    expect(mayManageEvent(coordinator, A)).toBe(true);
    expect(mayManageEvent(coordinator, B)).toBe(false);
    expect(mayManageEvent(coordinator, null)).toBe(false);
    expect(mayManageEvent({ roles: [Role.library] }, A)).toBe(false);
  });

  it('a learner runs no event, even one of "their" organisation', () => {
    expect(mayManageEvent({ roles: [Role.learner], organisationId: A }, A)).toBe(false);
  });
});
