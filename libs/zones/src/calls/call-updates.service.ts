import { Injectable } from '@nestjs/common';
import { Language } from '@sasiad/core';
import { ApplicationsService } from '../applications/applications.service';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';
import { CallsService } from './calls.service';
import { UpdateCallInput } from './dto/call.inputs';
import { CallModel } from './models/call.model';

/**
 * An admin's change to a call (rules in call-changes.ts, enforced by CallsService.update), and
 * what follows from it: when an open call's deadline moves later, every organisation with an
 * application to it (draft, submitted or withdrawn) is told the new deadline.
 */
@Injectable()
export class CallUpdatesService {
  constructor(
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async update(input: UpdateCallInput, lang: Language): Promise<CallModel> {
    const { call, raw, extended } = await this.calls.update(input, lang);
    if (extended)
      await this.notifications.deadlineExtended(
        raw._id,
        notifiedTitle(raw),
        raw.closesAt,
        await this.applications.organisationsOf(raw._id),
      );
    return call;
  }
}
