import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind, Role } from '@sasiad/core';
import { PUBLICATION_FILES, PublicationsService } from './publications.service';

/** Files of the library's publications: added by centre staff, public to read. */
@FileOwnerKind(PUBLICATION_FILES)
@Injectable()
export class PublicationFiles implements FileOwner {
  readonly accept = [FileKind.PDF, FileKind.DOCUMENT];
  readonly maxBytes = 20 * 1024 * 1024;

  constructor(private readonly publications: PublicationsService) {}

  async canWrite(user: AuthUser, publicationId: string): Promise<boolean> {
    const staff = user.roles.includes(Role.staff) || user.roles.includes(Role.admin);
    return staff && (await this.publications.exists(publicationId));
  }

  canRead(_user: AuthUser | null, publicationId: string): Promise<boolean> {
    return this.publications.exists(publicationId);
  }
}
