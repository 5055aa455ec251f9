import { Injectable } from '@nestjs/common';
import { AuthUser } from '@sasiad/core';
import { RegisterEventWalkInInput } from './dto/walk-in.input';
import { EventStore } from './event-store';
import { EventViewsService } from './event-views.service';
import { EventWalkInPayload } from './models/event.model';
import { RegistrationStatus } from './event-registration.schema';
import { SeatsService } from './seats.service';

/**
 * A person who turns up at the door without a registration, registered by whoever runs the event
 * (staff, or the coordinator of the hosting organisation). They take a seat like anyone else
 * (SeatsService.register, as a person without an account: the coordinator is not the
 * registrant); with a seat and `checkIn`, they are checked in with their new code right after.
 */
@Injectable()
export class WalkInService {
  constructor(
    private readonly store: EventStore,
    private readonly seats: SeatsService,
    private readonly views: EventViewsService,
  ) {}

  async register(input: RegisterEventWalkInInput, user: AuthUser): Promise<EventWalkInPayload> {
    await this.store.findManagedEvent(input.eventId, user);
    const { registration, code } = await this.seats.register(
      {
        eventId: input.eventId,
        name: input.name,
        contact: input.contact,
        consent: input.consent,
        interpretationNeeds: input.interpretationNeeds,
        group: input.group,
      },
      null,
      undefined,
      true,
    );
    if (input.checkIn && registration.status === RegistrationStatus.confirmed)
      return { code, registrant: await this.seats.checkIn(input.eventId, code, user) };
    const stored = await this.store.findByCode(code);
    return { code, registrant: this.views.toRegistrantModel(stored) };
  }
}
