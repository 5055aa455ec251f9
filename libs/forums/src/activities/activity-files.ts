import { Injectable } from '@nestjs/common';
import { AuthUser, FileKind, FileOwner, FileOwnerKind } from '@sasiad/core';
import { ForumsService } from '../forums/forums.service';
import { ACTIVITY_PHOTOS_KIND, ActivitiesService } from './activities.service';

/**
 * Photos of an activity (with its minutes), in core's file store: added by the forum's
 * facilitators (and admins), public like the minutes. Images only; the store re-encodes them
 * without EXIF/GPS.
 */
@FileOwnerKind(ACTIVITY_PHOTOS_KIND)
@Injectable()
export class ActivityPhotos implements FileOwner {
  readonly accept = [FileKind.IMAGE];
  readonly maxBytes = 10 * 1024 * 1024;

  constructor(
    private readonly activities: ActivitiesService,
    private readonly forums: ForumsService,
  ) {}

  async canWrite(user: AuthUser, ownerId: string): Promise<boolean> {
    const activity = await this.activities.find(ownerId).catch(() => null);
    if (!activity) return false;
    return this.forums.isFacilitator(await this.forums.find(activity.forumId), user);
  }

  async canRead(_user: AuthUser | null, ownerId: string): Promise<boolean> {
    return Boolean(await this.activities.find(ownerId).catch(() => null));
  }
}
