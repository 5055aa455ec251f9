import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind } from '@sasiad/core';
import { GrantApplicationStatus } from '../common/enums';
import { GrantApplicationsService } from './grant-applications.service';
import { ApplicationStore } from './application-store';
import { APPLICATION_FILES } from './application-files-kind';

export { APPLICATION_FILES };

/** While the applicant may still change the content: a draft, or corrections asked for. */
const OPEN = [GrantApplicationStatus.DRAFT, GrantApplicationStatus.CORRECTION_REQUESTED];

/**
 * Attachments of an application (statute, partner letters, a patron's consent; owner id: the
 * application). The applicant adds them while the content may change; the applicant and the
 * operator's staff read them. Images are stripped of EXIF/GPS by the store.
 */
@FileOwnerKind(APPLICATION_FILES)
@Injectable()
export class ApplicationFiles implements FileOwner {
  readonly accept = [FileKind.IMAGE, FileKind.PDF, FileKind.DOCUMENT];
  readonly maxBytes = 10 * 1024 * 1024;

  constructor(
    private readonly store: ApplicationStore,
    private readonly applications: GrantApplicationsService,
  ) {}

  async canWrite(user: AuthUser, ownerId: string): Promise<boolean> {
    try {
      const a = await this.store.findRaw(ownerId);
      return OPEN.includes(a.status) && (await this.applications.isApplicant(a, user));
    } catch {
      return false;
    }
  }

  async canRead(user: AuthUser | null, ownerId: string): Promise<boolean> {
    if (!user) return false;
    try {
      return !!(await this.applications.accessOf(await this.store.findRaw(ownerId), user));
    } catch {
      return false;
    }
  }
}
