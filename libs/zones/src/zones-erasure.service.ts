import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { ApplicationsService } from './applications/applications.service';
import { CallsService } from './calls/calls.service';
import { DecisionsService } from './decisions/decisions.service';
import { EventStaffErasureService } from './events/event-staff-erasure.service';
import { EventsService } from './events/events.service';
import { NotificationsService } from './notifications/notifications.service';
import { ReviewsService } from './reviews/reviews.service';

/**
 * What zones does when identity erases an account (USER_ERASED). Nothing personal of the
 * person stays; what belongs to others stays without the link to them:
 *
 * - notifications addressed to them go; they leave the read state of shared ones;
 * - applications (the organisation's) lose the coordinator who wrote or changed them;
 * - submitted reviews keep their scores and comment under a random reviewer id; unscored
 *   assignments go;
 * - decisions and calls lose the admin who took or created them;
 * - events and check-ins lose the staff member who created or recorded them;
 * - their own event registrations first (EventsService.forgetUser): a seat not yet used is
 *   cancelled and passes to the waitlist, the account id leaves every registration, counts stay
 *   consistent.
 *
 * Organisation membership is the account's `organisationId` in identity, erased with it.
 */
@Injectable()
export class ZonesErasureService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly applications: ApplicationsService,
    private readonly reviews: ReviewsService,
    private readonly decisions: DecisionsService,
    private readonly calls: CallsService,
    private readonly eventStaff: EventStaffErasureService,
    private readonly events: EventsService,
  ) {}

  @OnDomainEvent(USER_ERASED)
  async eraseUser({ userId }: { userId: string }): Promise<void> {
    await this.events.forgetUser(userId);
    await this.applications.forgetUser(userId);
    await this.reviews.forgetReviewer(userId);
    await this.decisions.forgetUser(userId);
    await this.calls.forgetUser(userId);
    await this.eventStaff.forgetStaff(userId);
    // Last: a waitlist promotion caused by giving up their seats may have addressed them.
    await this.notifications.forgetUser(userId);
  }
}
