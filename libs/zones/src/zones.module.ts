import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Application, ApplicationSchema } from './applications/application.schema';
import { ApplicationsResolver } from './applications/applications.resolver';
import { ApplicationsService } from './applications/applications.service';
import { Call, CallSchema } from './calls/call.schema';
import { CallsResolver } from './calls/calls.resolver';
import { CallsService } from './calls/calls.service';
import { EventRegistration, EventRegistrationSchema } from './events/event-registration.schema';
import { Event, EventSchema } from './events/event.schema';
import { EventsResolver } from './events/events.resolver';
import { EventsService } from './events/events.service';
import { Organisation, OrganisationSchema } from './organisations/organisation.schema';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';

/** Partner organisations, calls and applications, activity zones, and events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Organisation.name, schema: OrganisationSchema },
      { name: Call.name, schema: CallSchema },
      { name: Application.name, schema: ApplicationSchema },
      { name: Event.name, schema: EventSchema },
      { name: EventRegistration.name, schema: EventRegistrationSchema },
    ]),
  ],
  providers: [
    OrganisationsService,
    OrganisationsResolver,
    CallsService,
    CallsResolver,
    ApplicationsService,
    ApplicationsResolver,
    EventsService,
    EventsResolver,
  ],
  exports: [OrganisationsService, CallsService, ApplicationsService, EventsService],
})
export class ZonesModule {}
