import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind, Role } from '@sasiad/core';
import { GrantStaffRole } from '../common/enums';
import { GrantCallsService } from './grant-calls.service';

export const CALL_DOCUMENTS = 'grants.call';

/**
 * The documents of a call (rules, forms, templates), public like the call itself; added by
 * admins and the operator's staff. Owner id: the grant call.
 */
@FileOwnerKind(CALL_DOCUMENTS)
@Injectable()
export class CallDocuments implements FileOwner {
  readonly accept = [FileKind.PDF, FileKind.DOCUMENT, FileKind.IMAGE];
  readonly maxBytes = 10 * 1024 * 1024;

  constructor(private readonly grantCalls: GrantCallsService) {}

  async canWrite(user: AuthUser, ownerId: string): Promise<boolean> {
    try {
      const grantCall = await this.grantCalls.findRaw(ownerId);
      return (
        user.roles.includes(Role.admin) ||
        (await this.grantCalls.hasRole(user, grantCall, GrantStaffRole.OPERATOR_STAFF))
      );
    } catch {
      return false;
    }
  }

  async canRead(_user: AuthUser | null, ownerId: string): Promise<boolean> {
    try {
      await this.grantCalls.findRaw(ownerId);
      return true;
    } catch {
      return false;
    }
  }
}
