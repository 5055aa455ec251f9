import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { ActivityZone, ActivityZoneSchema } from './activity-zones/activity-zone.schema';
import { ActivityZonesResolver } from './activity-zones/activity-zones.resolver';
import { ActivityZonesService } from './activity-zones/activity-zones.service';
import { Application, ApplicationSchema } from './applications/application.schema';
import { ApplicationsResolver } from './applications/applications.resolver';
import { ApplicationsService } from './applications/applications.service';
import { CALL_OUTCOME_HANDLERS, CallOutcomeRegistry } from './calls/call-programme';
import { Call, CallSchema } from './calls/call.schema';
import { CallsResolver } from './calls/calls.resolver';
import { CallsService } from './calls/calls.service';
import { CallUpdatesService } from './calls/call-updates.service';
import { Decision, DecisionSchema } from './decisions/decision.schema';
import { DecisionsResolver } from './decisions/decisions.resolver';
import { DecisionsService } from './decisions/decisions.service';
import { EventRegistration, EventRegistrationSchema } from './events/event-registration.schema';
import { eventModel, EventsCache } from './events/events-cache';
import { ExportsResolver } from './exports/exports.resolver';
import { ExportsService } from './exports/exports.service';
import { EventsResolver } from './events/events.resolver';
import { EventStore } from './events/event-store';
import { EventViewsService } from './events/event-views.service';
import { EventsService } from './events/events.service';
import { RegistrantDataService } from './events/registrant-data.service';
import { RegistrationSweeper } from './events/registration-sweeper.service';
import { SeatsService } from './events/seats.service';
import { RegistrantMessages } from './events/registrant-messages.service';
import { EventReminders } from './events/event-reminders.service';
import { WalkInService } from './events/walk-in.service';
import { EventRegistrationResolver } from './events/event-registration.resolver';
import { Organisation, OrganisationSchema } from './organisations/organisation.schema';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';
import { Review, ReviewSchema } from './reviews/review.schema';
import { ReviewsResolver } from './reviews/reviews.resolver';
import { ReviewsService } from './reviews/reviews.service';
import { zonesModel } from './common/model-name';
import { Notification, NotificationSchema } from './notifications/notification.schema';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { NotificationsService } from './notifications/notifications.service';
import { EventStaffErasureService } from './events/event-staff-erasure.service';
import { ZonesErasureService } from './zones-erasure.service';
import { ZonesTextsBackfill } from './texts-backfill.service';
import { ZonesEncryptionBackfill } from './encryption-backfill.service';

/**
 * Partner organisations, the call engine (calls, applications, reviews, decisions), activity
 * zones, and events.
 */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: zonesModel(Organisation), schema: OrganisationSchema },
      { name: zonesModel(Call), schema: CallSchema },
      { name: zonesModel(Application), schema: ApplicationSchema },
      { name: zonesModel(Review), schema: ReviewSchema },
      { name: zonesModel(Decision), schema: DecisionSchema },
      { name: zonesModel(ActivityZone), schema: ActivityZoneSchema },
      { name: zonesModel(EventRegistration), schema: EventRegistrationSchema },
      { name: zonesModel(Notification), schema: NotificationSchema },
    ]),
    // writes to events invalidate the cached public list (events/events-cache.ts)
    MongooseModule.forFeatureAsync([eventModel()]),
  ],
  providers: [
    OrganisationsService,
    OrganisationsResolver,
    CallsService,
    CallsResolver,
    CallUpdatesService,
    ApplicationsService,
    ApplicationsResolver,
    ReviewsService,
    ReviewsResolver,
    DecisionsService,
    DecisionsResolver,
    ActivityZonesService,
    ActivityZonesResolver,
    {
      provide: CALL_OUTCOME_HANDLERS,
      inject: [ActivityZonesService],
      useFactory: (zones: ActivityZonesService) => [zones],
    },
    CallOutcomeRegistry,
    EventStore,
    EventsCache,
    EventViewsService,
    SeatsService,
    RegistrantMessages,
    EventReminders,
    EventsService,
    WalkInService,
    RegistrantDataService,
    RegistrationSweeper,
    EventsResolver,
    EventRegistrationResolver,
    ExportsService,
    ExportsResolver,
    NotificationsService,
    NotificationsResolver,
    EventStaffErasureService,
    ZonesErasureService,
    ZonesTextsBackfill,
    ZonesEncryptionBackfill,
  ],
  exports: [
    OrganisationsService,
    CallOutcomeRegistry,
    DecisionsService,
    CallsService,
    ApplicationsService,
    EventsService,
    RegistrantDataService,
  ],
})
export class ZonesModule {}
