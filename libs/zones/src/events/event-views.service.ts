import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  decodeCursor,
  DomainException,
  ErrorCode,
  FieldEncryption,
  Language,
  objectId,
  toConnection,
} from '@sasiad/core';
import { baseOf, readText } from '../common/texts';
import { EventRegistrationsArgs, EventsArgs } from './dto/event.inputs';
import { EventRegistration, RegistrationStatus, SeatPool } from './event-registration.schema';
import { Event } from './event.schema';
import { EventsCache } from './events-cache';
import {
  CONTACT_CONTEXT,
  EventStore,
  LeanEvent,
  LeanRegistration,
  NAME_CONTEXT,
} from './event-store';
import {
  EventAttendance,
  EventModel,
  EventRegistrantModel,
  EventRegistrationModel,
  LanguageCount,
} from './models/event.model';
import { generalSeatsLeft, reservedSeatsLeft, reservedTotal } from './seat-pools';

/** A stored page of events, and the times between which it is the right answer. */
interface CachedPage {
  rows: LeanEvent[];
  totalCount: number;
  readAt: number;
  validUntil: number;
}

const notFoundAsNull = (error: unknown): null => {
  if (error instanceof DomainException && error.code === ErrorCode.NOT_FOUND) return null;
  throw error;
};

/** What events and registrations look like to readers: lists, attendance, the export rows. */
@Injectable()
export class EventViewsService {
  constructor(
    private readonly store: EventStore,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
    private readonly cache: EventsCache,
  ) {}

  /** The stored event comes from the cache (`request`: the request's scope for it); the view is made now. */
  async get(id: string, lang: Language, request?: object): Promise<EventModel> {
    const event = await this.cache.read(
      `event:${id}`,
      () => this.store.findEvent(id).catch(notFoundAsNull),
      request,
    );
    if (!event) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toEventModel(event, lang);
  }

  /**
   * Events by start time. The stored page is cached (per filters, not per language: views are
   * made per request with the clock). With `upcomingOnly` the page depends on the time too: it
   * is valid from when it was read until the first matching event ends.
   */
  async list(args: EventsArgs, lang: Language, request?: object): Promise<Connection<EventModel>> {
    const key = JSON.stringify([
      'list',
      args.first,
      args.after ?? null,
      args.kind ?? null,
      args.organisationId ?? null,
      args.upcomingOnly,
    ]);
    const page = await this.cache.read(
      key,
      () => this.readPage(args),
      request,
      (held) => {
        const now = this.clock.now().getTime();
        return held.readAt <= now && now < held.validUntil;
      },
    );
    return toConnection(
      page.rows,
      args.first,
      page.totalCount,
      (e) => this.toEventModel(e, lang),
      (row) => ({ v: row.startsAt.getTime(), id: row._id.toHexString() }),
    );
  }

  private async readPage(args: EventsArgs): Promise<CachedPage> {
    const now = this.clock.now();
    const filter: QueryFilter<Event> = {};
    if (args.kind) filter.kind = args.kind;
    if (args.organisationId) filter.organisationId = objectId(args.organisationId);
    if (args.upcomingOnly) filter.endsAt = trusted({ $gt: now });
    const page: QueryFilter<Event> = { ...filter };
    if (args.after) {
      const { v, id } = decodeCursor(args.after, 'number');
      page.$or = [
        { startsAt: trusted({ $gt: new Date(Number(v)) }) },
        { startsAt: new Date(Number(v)), _id: trusted({ $gt: new Types.ObjectId(id) }) },
      ];
    }
    const [rows, totalCount] = await Promise.all([
      this.store.events
        .find(page)
        .sort({ startsAt: 1, _id: 1 })
        .limit(args.first + 1)
        .lean<LeanEvent[]>()
        .exec(),
      this.store.events.countDocuments(filter).exec(),
    ]);
    let validUntil = Number.POSITIVE_INFINITY;
    if (args.upcomingOnly) {
      // the first matching event to end leaves the list then (it may be beyond this page)
      const ending = await this.store.events
        .findOne(filter, { endsAt: 1 })
        .sort({ endsAt: 1 })
        .lean<Pick<LeanEvent, 'endsAt'>>()
        .exec();
      if (ending) validUntil = ending.endsAt.getTime();
    }
    return { rows, totalCount, readAt: now.getTime(), validUntil };
  }

  async byCode(code: string): Promise<EventRegistrationModel> {
    return this.toRegistrationModel(await this.store.findByCode(code));
  }

  async mine(user: AuthUser): Promise<EventRegistrationModel[]> {
    const rows = await this.store.registrations
      .find({ userId: new Types.ObjectId(user.id) })
      .sort({ _id: -1 })
      .limit(200)
      .lean<LeanRegistration[]>()
      .exec();
    return Promise.all(rows.map((r) => this.toRegistrationModel(r)));
  }

  /** For whoever runs the event (EventStore.findManagedEvent). */
  async registrants(
    args: EventRegistrationsArgs,
    user: AuthUser,
  ): Promise<Connection<EventRegistrantModel>> {
    const eventId = (await this.store.findManagedEvent(args.eventId, user))._id;
    const filter: QueryFilter<EventRegistration> = { eventId, status: args.status };
    if (args.group) filter.group = args.group;
    const byWaitlist = args.status === RegistrationStatus.waitlisted;
    const page: QueryFilter<EventRegistration> = { ...filter };
    if (args.after) {
      const { v, id } = decodeCursor(args.after, byWaitlist ? 'number' : undefined);
      if (byWaitlist) page.waitlistSeq = trusted({ $gt: Number(v) });
      else page._id = trusted({ $gt: new Types.ObjectId(id) });
    }
    const [rows, totalCount] = await Promise.all([
      this.store.registrations
        .find(page)
        .sort(byWaitlist ? { waitlistSeq: 1 } : { _id: 1 })
        .limit(args.first + 1)
        .lean<LeanRegistration[]>()
        .exec(),
      this.store.registrations.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (r) => this.toRegistrantModel(r),
      (row) => ({ v: row.waitlistSeq ?? 0, id: row._id.toHexString() }),
    );
  }

  /** Every registration of the event in order of registering, for the export of who runs it. */
  async forExport(
    eventId: string,
    user: AuthUser,
  ): Promise<{ registrant: EventRegistrantModel; codeSuffix: string | null }[]> {
    const event = await this.store.findManagedEvent(eventId, user);
    const rows = await this.store.registrations
      .find({ eventId: event._id, status: trusted({ $ne: RegistrationStatus.pending }) })
      .sort({ _id: 1 })
      .lean<LeanRegistration[]>()
      .exec();
    return rows.map((r) => ({
      registrant: this.toRegistrantModel(r),
      codeSuffix: r.codeSuffix ?? null,
    }));
  }

  async attendance(eventId: string, user: AuthUser, lang: Language): Promise<EventAttendance> {
    const event = await this.store.findManagedEvent(eventId, user);
    const count = (filter: QueryFilter<EventRegistration>) =>
      this.store.registrations.countDocuments({ eventId: event._id, ...filter }).exec();
    const [confirmed, waitlisted, checkedIn, interpretationNeeds, waitlistInterpretationNeeds] =
      await Promise.all([
        count({ status: RegistrationStatus.confirmed }),
        count({ status: RegistrationStatus.waitlisted }),
        count({ status: RegistrationStatus.confirmed, checkedInAt: trusted({ $ne: null }) }),
        this.needsPerLanguage(event._id, RegistrationStatus.confirmed),
        this.needsPerLanguage(event._id, RegistrationStatus.waitlisted),
      ]);
    const [groupConfirmed, groupInGeneral, groupWaitlisted, groupVerified] = await Promise.all([
      this.countPerGroup(event._id, { status: RegistrationStatus.confirmed }),
      this.countPerGroup(event._id, {
        status: RegistrationStatus.confirmed,
        seat: SeatPool.general,
      }),
      this.countPerGroup(event._id, { status: RegistrationStatus.waitlisted }),
      this.countPerGroup(event._id, {
        status: trusted({ $in: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] }),
        groupVerified: true,
      }),
    ]);
    return {
      confirmed,
      waitlisted,
      checkedIn,
      interpretationNeeds,
      waitlistInterpretationNeeds,
      generalSeats: event.capacity - reservedTotal(event),
      generalTaken: event.generalTaken ?? 0,
      seatGroups: (event.seatGroups ?? []).map((g) => ({
        key: g.key,
        label: readText(g.label, event, lang),
        reservedSeats: g.seats,
        reservedTaken: event.taken?.[g.key] ?? 0,
        confirmed: groupConfirmed.get(g.key) ?? 0,
        confirmedInGeneralSeats: groupInGeneral.get(g.key) ?? 0,
        waitlisted: groupWaitlisted.get(g.key) ?? 0,
        verified: groupVerified.get(g.key) ?? 0,
      })),
    };
  }

  /** Registrations per declared group (one accumulator per $group for FerretDB 1.24). */
  private async countPerGroup(
    eventId: Types.ObjectId,
    match: QueryFilter<EventRegistration>,
  ): Promise<Map<string, number>> {
    const rows = await this.store.registrations
      .aggregate<{ _id: string | null; count: number }>([
        { $match: { eventId, group: trusted({ $exists: true }), ...match } },
        { $group: { _id: '$group', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.filter((r) => r._id).map((r) => [r._id!, r.count]));
  }

  /** One accumulator per $group (FerretDB 1.24 computes only the first). */
  private async needsPerLanguage(
    eventId: Types.ObjectId,
    status: RegistrationStatus,
  ): Promise<LanguageCount[]> {
    const rows = await this.store.registrations
      .aggregate<{ _id: Language; count: number }>([
        { $match: { eventId, status } },
        { $unwind: '$interpretationNeeds' },
        { $group: { _id: '$interpretationNeeds', count: { $sum: 1 } } },
      ])
      .exec();
    return rows
      .map((r) => ({ language: r._id, count: r.count }))
      .sort((a, b) => a.language.localeCompare(b.language));
  }

  async toRegistrationModel(r: LeanRegistration): Promise<EventRegistrationModel> {
    let waitlistPosition: number | null = null;
    if (r.status === RegistrationStatus.waitlisted && r.waitlistSeq !== undefined) {
      waitlistPosition =
        (await this.store.registrations
          .countDocuments({
            eventId: r.eventId,
            status: RegistrationStatus.waitlisted,
            waitlistSeq: trusted({ $lt: r.waitlistSeq }),
          })
          .exec()) + 1;
    }
    return {
      id: r._id.toHexString(),
      eventId: r.eventId.toHexString(),
      status: r.status,
      waitlistPosition,
      interpretationNeeds: r.interpretationNeeds ?? [],
      group: r.group ?? null,
      seat: r.status === RegistrationStatus.confirmed ? (r.seat ?? SeatPool.general) : null,
      checkedIn: Boolean(r.checkedInAt),
      createdAt: r.createdAt,
    };
  }

  toRegistrantModel(r: LeanRegistration): EventRegistrantModel {
    return {
      id: r._id.toHexString(),
      status: r.status,
      userId: r.userId?.toHexString() ?? null,
      name: r.nameEnc ? this.crypto.decrypt(r.nameEnc, NAME_CONTEXT) : null,
      contact: r.contactEnc ? this.crypto.decrypt(r.contactEnc, CONTACT_CONTEXT) : null,
      waitlistSeq: r.waitlistSeq ?? null,
      interpretationNeeds: r.interpretationNeeds ?? [],
      group: r.group ?? null,
      groupVerified: r.groupVerified ?? null,
      seat: r.status === RegistrationStatus.confirmed ? (r.seat ?? SeatPool.general) : null,
      checkedInAt: r.checkedInAt ?? null,
      createdAt: r.createdAt,
      codeSuffix: r.codeSuffix ?? null,
    };
  }

  toEventModel(e: LeanEvent, lang: Language): EventModel {
    const now = this.clock.now();
    return {
      id: e._id.toHexString(),
      kind: e.kind,
      title: readText(e.title, e, lang),
      description: e.description ? readText(e.description, e, lang) : null,
      baseLanguage: baseOf(e),
      place: { name: e.place.name, address: e.place.address ?? null },
      organisationId: e.organisationId?.toHexString() ?? null,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      languages: e.languages,
      interpretation: e.interpretation ?? [],
      capacity: e.capacity,
      confirmedCount: e.confirmedCount,
      seatsLeft: Math.max(0, e.capacity - e.confirmedCount),
      registrationOpen: !e.cancelledAt && now < e.startsAt,
      seatGroups: (e.seatGroups ?? []).map((g) => ({
        key: g.key,
        label: readText(g.label, e, lang),
        seats: g.seats,
        seatsLeft: reservedSeatsLeft(e, g.key),
      })),
      generalSeatsLeft: generalSeatsLeft(e, now),
      reservedUntil: e.reservedUntil ?? null,
      cancelled: Boolean(e.cancelledAt),
      cancelledAt: e.cancelledAt ?? null,
    };
  }
}
