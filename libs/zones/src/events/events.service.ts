import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldProblem,
  Language,
  objectId,
  Role,
} from '@sasiad/core';
import { baseOf, writeText } from '../common/texts';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { CreateEventInput, UpdateEventInput } from './dto/event.inputs';
import { mayManageEvent } from './event-access';
import { RegistrationStatus } from './event-registration.schema';
import { Event } from './event.schema';
import { EventStore, LeanEvent, LeanRegistration } from './event-store';
import { EventViewsService } from './event-views.service';
import { EventModel, EventRegistrantModel } from './models/event.model';
import { minimumCapacity, reservationLapsed, reservedTotal } from './seat-pools';
import { SeatsService } from './seats.service';
import { RegistrantMessages } from './registrant-messages.service';

/**
 * What the people who run an event do to it: create, change, cancel it, verify a registrant's
 * group. Staff and admins run every event, a library coordinator their organisation's own
 * (mayManageEvent, through EventStore.findManagedEvent). Seats and the waitlist are
 * SeatsService's; a change that frees seats hands them on through it.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly store: EventStore,
    private readonly views: EventViewsService,
    private readonly seats: SeatsService,
    private readonly organisations: OrganisationsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly registrantMessages: RegistrantMessages,
  ) {}

  /**
   * `owner`: another context's thing the event belongs to (a forum's activity); never from a
   * client of createEvent.
   */
  async create(
    input: CreateEventInput,
    user: AuthUser,
    lang: Language,
    owner?: { kind: string; id: Types.ObjectId },
  ): Promise<EventModel> {
    // An owned event (a forum's activity) is hosted by no organisation: the owning context
    // has checked who may create it (e.g. a forum's facilitator, who may hold no staff role).
    const organisationId = owner ? undefined : this.hostFor(input.organisationId, user);
    const { startsAt, endsAt, reservedUntil } = input;
    const base = input.baseLanguage;
    const now = this.clock.now();
    const seatGroups = input.seatGroups ?? [];
    const problems: FieldProblem[] = [];
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', constraint: 'afterStartsAt' });
    if (new Set(seatGroups.map((g) => g.key)).size !== seatGroups.length)
      problems.push({ field: 'seatGroups', constraint: 'duplicateKey' });
    if (seatGroups.reduce((sum, g) => sum + g.seats, 0) > input.capacity)
      problems.push({ field: 'seatGroups', constraint: 'exceedsCapacity' });
    if (reservedUntil && seatGroups.length === 0)
      problems.push({ field: 'reservedUntil', constraint: 'needsSeatGroups' });
    if (reservedUntil && reservedUntil >= startsAt)
      problems.push({ field: 'reservedUntil', constraint: 'beforeStartsAt' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    // a coordinator acts for an organisation that must exist here (as for applications)
    if (organisationId && !(await this.organisations.find(organisationId)))
      throw new DomainException(
        organisationId === input.organisationId ? ErrorCode.NOT_FOUND : ErrorCode.NO_ORGANISATION,
      );
    const created = await this.store.events.create({
      kind: input.kind,
      title: writeText(undefined, input.title, base, now, 'title'),
      description: input.description
        ? writeText(undefined, input.description, base, now, 'description')
        : undefined,
      baseLanguage: base,
      place: input.place,
      organisationId: organisationId ? new Types.ObjectId(organisationId) : undefined,
      owner,
      startsAt,
      endsAt,
      languages: input.languages,
      interpretation: input.interpretation,
      capacity: input.capacity,
      seatGroups: seatGroups.map((g) => ({
        key: g.key,
        label: writeText(
          undefined,
          g.label,
          base,
          now,
          `seatGroups.${seatGroups.indexOf(g)}.label`,
        ),
        seats: g.seats,
      })),
      // Every counter exists from the start: a guard `taken.k < n` does not match a missing field.
      taken: Object.fromEntries(seatGroups.map((g) => [g.key, 0])),
      generalTaken: 0,
      reservedUntil,
      createdBy: new Types.ObjectId(user.id),
    });
    return this.views.toEventModel(created.toObject(), lang);
  }

  /**
   * The hosting organisation of a new event: any (or none) for staff and admins; a coordinator's
   * own, also when they name none.
   */
  private hostFor(requested: string | undefined, user: AuthUser): string | undefined {
    if (user.roles.includes(Role.staff) || user.roles.includes(Role.admin)) return requested;
    if (!user.organisationId) throw new DomainException(ErrorCode.NO_ORGANISATION);
    const organisationId = requested ?? user.organisationId;
    if (!mayManageEvent(user, organisationId)) throw new DomainException(ErrorCode.FORBIDDEN);
    return organisationId;
  }

  /**
   * Changes what staff give. Time and place changes are told to every signed-in registrant.
   * A lower capacity is written only if every confirmed seat (and, while reservations hold,
   * the reserved seats plus the general seats taken) still fits, checked in the same update;
   * a higher one goes to the waitlist first.
   */
  async update(input: UpdateEventInput, user: AuthUser, lang: Language): Promise<EventModel> {
    const event = await this.store.findManagedEvent(input.id, user);
    if (event.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
    const startsAt = input.startsAt ?? event.startsAt;
    const endsAt = input.endsAt ?? event.endsAt;
    const base = baseOf(event);
    const changedAt = this.clock.now();
    const problems: FieldProblem[] = [];
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', constraint: 'afterStartsAt' });
    if (input.capacity !== undefined && input.capacity < reservedTotal(event))
      problems.push({ field: 'capacity', constraint: 'belowReservedSeats' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);

    const set: Record<string, unknown> = { startsAt, endsAt };
    if (input.title) set.title = writeText(event.title, input.title, base, changedAt, 'title');
    if (input.description)
      set.description = writeText(
        event.description,
        input.description,
        base,
        changedAt,
        'description',
      );
    if (input.place) set.place = input.place;
    if (input.languages) set.languages = input.languages;
    if (input.interpretation) set.interpretation = input.interpretation;
    const now = this.clock.now();
    const filter: QueryFilter<Event> = { _id: event._id, cancelledAt: null };
    if (input.capacity !== undefined) {
      set.capacity = input.capacity;
      filter.confirmedCount = trusted({ $lte: input.capacity });
      if (reservedTotal(event) > 0 && !reservationLapsed(event, now))
        filter.generalTaken = trusted({ $lte: input.capacity - reservedTotal(event) });
    }
    const updated = await this.store.events
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
      .lean<LeanEvent>()
      .exec();
    if (!updated) {
      const current = await this.store.findEvent(event._id);
      if (current.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
      throw new DomainException(
        ErrorCode.CAPACITY_BELOW_CONFIRMED,
        { minimum: minimumCapacity(current, now) },
        [{ field: 'capacity', constraint: 'belowConfirmed' }],
      );
    }
    if (updated.capacity > event.capacity) await this.seats.fillFreedSeats(updated._id);
    const moved =
      updated.startsAt.getTime() !== event.startsAt.getTime() ||
      updated.endsAt.getTime() !== event.endsAt.getTime() ||
      JSON.stringify(updated.place) !== JSON.stringify(event.place);
    if (moved)
      await this.notifications.eventChanged(
        await this.store.signedInRegistrants(updated._id, [
          RegistrationStatus.confirmed,
          RegistrationStatus.waitlisted,
        ]),
        updated._id,
        { ...notifiedTitle(updated), startsAt: updated.startsAt, place: updated.place.name },
      );
    if (moved)
      await this.registrantMessages.toRegistrants('eventChanged', updated, [
        RegistrationStatus.confirmed,
        RegistrationStatus.waitlisted,
      ]);
    return this.views.toEventModel(await this.store.findEvent(updated._id), lang);
  }

  /**
   * The event is marked cancelled first, so no seat or waitlist number can be taken after it
   * (both guards require `cancelledAt: null`); then every live registration, a pending one
   * included, becomes cancelled by the organiser and cannot be checked in.
   */
  async cancelEvent(id: string, user: AuthUser, lang: Language): Promise<EventModel> {
    const eventId = objectId(id);
    await this.store.findManagedEvent(eventId, user);
    const now = this.clock.now();
    const cancelled = await this.store.events
      .findOneAndUpdate(
        { _id: eventId, cancelledAt: null },
        { $set: { cancelledAt: now } },
        { returnDocument: 'after' },
      )
      .lean<LeanEvent>()
      .exec();
    if (!cancelled) {
      await this.store.findEvent(eventId);
      throw new DomainException(ErrorCode.EVENT_CANCELLED);
    }
    await this.store.registrations
      .updateMany(
        {
          eventId,
          status: trusted({
            $in: [
              RegistrationStatus.pending,
              RegistrationStatus.confirmed,
              RegistrationStatus.waitlisted,
            ],
          }),
        },
        { $set: { status: RegistrationStatus.cancelled_by_organiser, cancelledAt: now } },
      )
      .exec();
    await this.notifications.eventCancelled(
      await this.store.signedInRegistrants(eventId, [RegistrationStatus.cancelled_by_organiser]),
      eventId,
      { ...notifiedTitle(cancelled), startsAt: cancelled.startsAt, place: cancelled.place.name },
    );
    await this.registrantMessages.toRegistrants('eventCancelled', cancelled, [
      RegistrationStatus.cancelled_by_organiser,
    ]);
    return this.views.toEventModel(cancelled, lang);
  }

  /** Those who run the event record whether a registrant belongs to the group they declared. */
  async verifyGroup(
    registrationId: string,
    verified: boolean,
    staff: AuthUser,
  ): Promise<EventRegistrantModel> {
    const id = objectId(registrationId);
    const registration = await this.store.registrations
      .findById(id)
      .lean<LeanRegistration>()
      .exec();
    if (!registration) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.store.findManagedEvent(registration.eventId, staff);
    const updated = await this.store.registrations
      .findOneAndUpdate(
        { _id: id, group: trusted({ $exists: true }) },
        {
          $set: {
            groupVerified: verified,
            groupVerifiedAt: this.clock.now(),
            groupVerifiedBy: new Types.ObjectId(staff.id),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (updated) return this.views.toRegistrantModel(updated);
    throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
      { field: 'registrationId', constraint: 'noGroupDeclared' },
    ]);
  }
}
