import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind } from '@sasiad/core';
import { ResourcesService } from './resources.service';

export const RESOURCE_REQUEST_FILES = 'ngo-centre.resource-request';

/**
 * Documents of a resource request (the statute, a KRS extract): added by the organisation's
 * people while the request is pending; read by them and by centre staff.
 */
@FileOwnerKind(RESOURCE_REQUEST_FILES)
@Injectable()
export class ResourceRequestFiles implements FileOwner {
  readonly accept = [FileKind.PDF, FileKind.IMAGE, FileKind.DOCUMENT];
  readonly maxBytes = 10 * 1024 * 1024;

  constructor(private readonly resources: ResourcesService) {}

  canWrite(user: AuthUser, requestId: string): Promise<boolean> {
    return this.resources.mayAddDocuments(user, requestId);
  }

  canRead(user: AuthUser | null, requestId: string): Promise<boolean> {
    return user ? this.resources.mayReadDocuments(user, requestId) : Promise.resolve(false);
  }
}
