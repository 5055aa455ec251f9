import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind } from '@sasiad/core';
import { GrantProjectStatus } from '../common/enums';
import { ProjectAccess } from './project-access';

export const REPORT_FILES = 'grants.report';

/**
 * Photos and documents of a project's reports (owner id: the funded application). The
 * applicant adds them while the project runs under a signed agreement and is not settled; the
 * applicant, operator staff and finance read them. Images are stripped of EXIF/GPS by the store.
 */
@FileOwnerKind(REPORT_FILES)
@Injectable()
export class ReportFiles implements FileOwner {
  readonly accept = [FileKind.IMAGE, FileKind.PDF, FileKind.DOCUMENT];
  readonly maxBytes = 10 * 1024 * 1024;

  constructor(private readonly access: ProjectAccess) {}

  async canWrite(user: AuthUser, ownerId: string): Promise<boolean> {
    try {
      const ctx = await this.access.context(ownerId, user);
      return (
        ctx.applicant &&
        ctx.application.projectStatus === GrantProjectStatus.ACTIVE &&
        !!ctx.project?.signedAt &&
        !ctx.project.settlement
      );
    } catch {
      return false;
    }
  }

  async canRead(user: AuthUser | null, ownerId: string): Promise<boolean> {
    if (!user) return false;
    try {
      await this.access.context(ownerId, user);
      return true;
    } catch {
      return false;
    }
  }
}
