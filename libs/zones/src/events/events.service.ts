import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AuthUser,
  Clock,
  Connection,
  decodeCursor,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  FieldProblem,
  isDuplicateKey,
  Language,
  objectId,
  parseInstant,
  ScheduledJob,
  toConnection,
  toWarsawIso,
} from '@sasiad/core';
import { cleanTranslations, resolveText } from '../common/localized-text';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  CreateEventInput,
  EventRegistrationsArgs,
  EventsArgs,
  RegisterForEventInput,
  UpdateEventInput,
} from './dto/event.inputs';
import { EventRegistration, RegistrationStatus, SeatPool } from './event-registration.schema';
import { Event } from './event.schema';
import {
  EventAttendance,
  EventModel,
  EventRegistrantModel,
  EventRegistrationModel,
  LanguageCount,
  RegistrationPayload,
} from './models/event.model';
import {
  CODE_SUFFIX_LENGTH,
  generateRegistrationCode,
  normalizeRegistrationCode,
} from './registration-code';
import {
  claimGuard,
  generalSeatsLeft,
  minimumCapacity,
  poolsFor,
  reservationLapsed,
  reservedSeatsLeft,
  reservedTotal,
  seatCounters,
  seatGroup,
} from './seat-pools';
import { zonesModel } from '../common/model-name';
import { NotificationsService } from '../notifications/notifications.service';

type LeanEvent = Event & { _id: Types.ObjectId };
type LeanRegistration = EventRegistration & { _id: Types.ObjectId };

const NAME_CONTEXT = 'event_registrations.name';
const CONTACT_CONTEXT = 'event_registrations.contact';
const CODE_PURPOSE = 'event_registrations.code';
/** Names and contacts given without an account are kept this long after the event ends. */
export const PERSONAL_DATA_RETENTION_DAYS = 30;

/**
 * Events, seats and the waitlist. No transactions: every step is one conditional
 * single-document write, ordered so that a seat is never sold twice and a freed seat always
 * goes to the first person waiting (see register, cancel and fillFreedSeats).
 */
@Injectable()
export class EventsService {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    @InjectModel(zonesModel(Event)) private readonly events: Model<Event>,
    @InjectModel(zonesModel(EventRegistration))
    private readonly registrations: Model<EventRegistration>,
    private readonly organisations: OrganisationsService,
    private readonly crypto: FieldEncryption,
    private readonly bus: EventBus,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Retention (a scheduled job: FerretDB has no TTL indexes): names and contacts of people who
   * registered without an account are removed 30 days after their event ended.
   */
  @ScheduledJob({ name: 'zones.eventRetention', every: 3_600_000 })
  async retentionJob(): Promise<void> {
    const purged = await this.purgePersonalData(this.clock.now());
    if (purged > 0) this.logger.log({ purged }, 'registrants personal data purged');
  }

  async purgePersonalData(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - PERSONAL_DATA_RETENTION_DAYS * 86_400_000);
    const ended = await this.events
      .find({ endsAt: trusted({ $lt: cutoff }) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (ended.length === 0) return 0;
    const { modifiedCount } = await this.registrations
      .updateMany(
        { eventId: trusted({ $in: ended.map((e) => e._id) }), nameEnc: trusted({ $exists: true }) },
        { $unset: { nameEnc: 1, contactEnc: 1 } },
      )
      .exec();
    return modifiedCount;
  }

  async forgetUser(userId: string): Promise<void> {
    const owned = await this.registrations
      .find({
        userId: new Types.ObjectId(userId),
        status: trusted({ $in: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] }),
        checkedInAt: null,
      })
      .lean<LeanRegistration[]>()
      .exec();
    // The account id goes from every registration, also from the uniqueness key.
    const all = await this.registrations
      .find({ userId: new Types.ObjectId(userId) })
      .lean<LeanRegistration[]>()
      .exec();
    for (const registration of all) {
      const key = registration.registrantKey.startsWith('user:')
        ? { registrantKey: `erased:${registration._id.toHexString()}` }
        : {};
      await this.registrations
        .updateOne({ _id: registration._id }, { $set: key, $unset: { userId: 1 } })
        .exec();
    }
    // Only seats of events still to come are given up: promoting someone into an event that has
    // already begun (or ended) would tell them of a seat they can no longer use.
    const upcoming = new Set(
      (
        await this.events
          .find(
            {
              _id: trusted({ $in: owned.map((r) => r.eventId) }),
              startsAt: trusted({ $gt: new Date() }),
            },
            { _id: 1 },
          )
          .lean<{ _id: Types.ObjectId }[]>()
          .exec()
      ).map((e) => e._id.toHexString()),
    );
    for (const registration of owned.filter((r) => upcoming.has(r.eventId.toHexString()))) {
      await this.cancel(registration).catch((error: unknown) => {
        // cancelled or checked in meanwhile: nothing to give up
        if (!(error instanceof DomainException)) throw error;
      });
    }
  }

  async create(input: CreateEventInput, user: AuthUser, lang: Language): Promise<EventModel> {
    const startsAt = parseInstant(input.startsAt, 'startsAt');
    const endsAt = parseInstant(input.endsAt, 'endsAt');
    const reservedUntil = input.reservedUntil
      ? parseInstant(input.reservedUntil, 'reservedUntil')
      : undefined;
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
    if (input.organisationId) await this.organisations.get(input.organisationId);
    const created = await this.events.create({
      kind: input.kind,
      title: cleanTranslations(input.title),
      description: input.description ? cleanTranslations(input.description) : undefined,
      place: input.place,
      organisationId: input.organisationId ? new Types.ObjectId(input.organisationId) : undefined,
      startsAt,
      endsAt,
      languages: input.languages,
      interpretation: input.interpretation,
      capacity: input.capacity,
      seatGroups: seatGroups.map((g) => ({
        key: g.key,
        label: cleanTranslations(g.label),
        seats: g.seats,
      })),
      // Every counter exists from the start: a guard `taken.k < n` does not match a missing field.
      taken: Object.fromEntries(seatGroups.map((g) => [g.key, 0])),
      generalTaken: 0,
      reservedUntil,
      createdBy: new Types.ObjectId(user.id),
    });
    return this.toEventModel(created.toObject(), lang);
  }

  /**
   * Changes what staff give. Time and place changes are told to every signed-in registrant.
   * A lower capacity is written only if every confirmed seat (and, while reservations hold,
   * the reserved seats plus the general seats taken) still fits, checked in the same update;
   * a higher one goes to the waitlist first.
   */
  async update(input: UpdateEventInput, lang: Language): Promise<EventModel> {
    const event = await this.findEvent(input.id);
    if (event.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
    const startsAt = input.startsAt ? parseInstant(input.startsAt, 'startsAt') : event.startsAt;
    const endsAt = input.endsAt ? parseInstant(input.endsAt, 'endsAt') : event.endsAt;
    const problems: FieldProblem[] = [];
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', constraint: 'afterStartsAt' });
    if (input.capacity !== undefined && input.capacity < reservedTotal(event))
      problems.push({ field: 'capacity', constraint: 'belowReservedSeats' });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);

    const set: Record<string, unknown> = { startsAt, endsAt };
    if (input.title) set.title = cleanTranslations(input.title);
    if (input.description) set.description = cleanTranslations(input.description);
    if (input.place) set.place = input.place;
    if (input.languages) set.languages = input.languages;
    if (input.interpretation) set.interpretation = input.interpretation;
    const now = new Date();
    const filter: QueryFilter<Event> = { _id: event._id, cancelledAt: null };
    if (input.capacity !== undefined) {
      set.capacity = input.capacity;
      filter.confirmedCount = trusted({ $lte: input.capacity });
      if (reservedTotal(event) > 0 && !reservationLapsed(event, now))
        filter.generalTaken = trusted({ $lte: input.capacity - reservedTotal(event) });
    }
    const updated = await this.events
      .findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' })
      .lean<LeanEvent>()
      .exec();
    if (!updated) {
      const current = await this.findEvent(event._id);
      if (current.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
      throw new DomainException(
        ErrorCode.CAPACITY_BELOW_CONFIRMED,
        { minimum: minimumCapacity(current, now) },
        [{ field: 'capacity', constraint: 'belowConfirmed' }],
      );
    }
    if (updated.capacity > event.capacity) await this.fillFreedSeats(updated._id);
    const moved =
      updated.startsAt.getTime() !== event.startsAt.getTime() ||
      updated.endsAt.getTime() !== event.endsAt.getTime() ||
      JSON.stringify(updated.place) !== JSON.stringify(event.place);
    if (moved)
      await this.notifications.eventChanged(
        await this.signedInRegistrants(updated._id, [
          RegistrationStatus.confirmed,
          RegistrationStatus.waitlisted,
        ]),
        updated._id,
        { title: updated.title, startsAt: updated.startsAt, place: updated.place.name },
      );
    return this.toEventModel(await this.findEvent(updated._id), lang);
  }

  /**
   * The event is marked cancelled first, so no seat or waitlist number can be taken after it
   * (both guards require `cancelledAt: null`); then every live registration, a pending one
   * included, becomes cancelled by the organiser and cannot be checked in.
   */
  async cancelEvent(id: string, lang: Language): Promise<EventModel> {
    const eventId = objectId(id);
    const now = new Date();
    const cancelled = await this.events
      .findOneAndUpdate(
        { _id: eventId, cancelledAt: null },
        { $set: { cancelledAt: now } },
        { returnDocument: 'after' },
      )
      .lean<LeanEvent>()
      .exec();
    if (!cancelled) {
      await this.findEvent(eventId);
      throw new DomainException(ErrorCode.EVENT_CANCELLED);
    }
    await this.registrations
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
      await this.signedInRegistrants(eventId, [RegistrationStatus.cancelled_by_organiser]),
      eventId,
      { title: cancelled.title, startsAt: cancelled.startsAt, place: cancelled.place.name },
    );
    return this.toEventModel(cancelled, lang);
  }

  private async signedInRegistrants(
    eventId: Types.ObjectId,
    statuses: RegistrationStatus[],
  ): Promise<Types.ObjectId[]> {
    const rows = await this.registrations
      .find(
        { eventId, status: trusted({ $in: statuses }), userId: trusted({ $exists: true }) },
        { userId: 1 },
      )
      .lean<{ userId: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r.userId);
  }

  /** Staff record whether a registrant belongs to the group they declared. */
  async verifyGroup(
    registrationId: string,
    verified: boolean,
    staff: AuthUser,
  ): Promise<EventRegistrantModel> {
    const id = objectId(registrationId);
    const updated = await this.registrations
      .findOneAndUpdate(
        { _id: id, group: trusted({ $exists: true }) },
        {
          $set: {
            groupVerified: verified,
            groupVerifiedAt: new Date(),
            groupVerifiedBy: new Types.ObjectId(staff.id),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (updated) return this.toRegistrantModel(updated);
    if (!(await this.registrations.exists({ _id: id }).exec()))
      throw new DomainException(ErrorCode.NOT_FOUND);
    throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
      { field: 'registrationId', constraint: 'noGroupDeclared' },
    ]);
  }

  private async findEvent(id: string | Types.ObjectId): Promise<LeanEvent> {
    const event = await this.events
      .findById(typeof id === 'string' ? objectId(id) : id)
      .lean<LeanEvent>()
      .exec();
    if (!event) throw new DomainException(ErrorCode.NOT_FOUND);
    return event;
  }

  async get(id: string, lang: Language): Promise<EventModel> {
    return this.toEventModel(await this.findEvent(id), lang);
  }

  async list(args: EventsArgs, lang: Language): Promise<Connection<EventModel>> {
    const filter: QueryFilter<Event> = {};
    if (args.kind) filter.kind = args.kind;
    if (args.upcomingOnly) filter.endsAt = trusted({ $gt: new Date() });
    const page: QueryFilter<Event> = { ...filter };
    if (args.after) {
      const { v, id } = decodeCursor(args.after);
      page.$or = [
        { startsAt: trusted({ $gt: new Date(Number(v)) }) },
        { startsAt: new Date(Number(v)), _id: trusted({ $gt: new Types.ObjectId(id) }) },
      ];
    }
    const [rows, totalCount] = await Promise.all([
      this.events
        .find(page)
        .sort({ startsAt: 1, _id: 1 })
        .limit(args.first + 1)
        .lean<LeanEvent[]>()
        .exec(),
      this.events.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (e) => this.toEventModel(e, lang),
      (row) => ({ v: row.startsAt.getTime(), id: row._id.toHexString() }),
    );
  }

  /**
   * A seat if one is free, else the end of the waitlist. The registration is written first
   * (pending), so a second registration of the same account fails on the unique key before it
   * takes a seat or a waitlist number: the numbers have no gaps. A person of an audience group
   * takes one of the group's reserved seats first, then a general one.
   */
  async register(
    input: RegisterForEventInput,
    user: AuthUser | null,
    authProblem?: 'invalid' | 'expired',
  ): Promise<RegistrationPayload> {
    // A token that did not work must not turn a person into an anonymous registrant.
    if (!user && authProblem)
      throw new DomainException(
        authProblem === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.UNAUTHENTICATED,
      );
    const event = await this.findEvent(input.eventId);
    const problems = this.registrationProblems(input, user, event);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    if (event.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
    const now = new Date();
    if (now >= event.startsAt) throw new DomainException(ErrorCode.REGISTRATION_CLOSED);
    // Reserved seats that lapsed unused go to the people waiting before any newcomer.
    if (reservedTotal(event) > 0 && reservationLapsed(event, now))
      await this.fillFreedSeats(event._id);

    const code = generateRegistrationCode();
    let registration: LeanRegistration;
    try {
      const created = await this.registrations.create({
        eventId: event._id,
        registrantKey: user ? `user:${user.id}` : `anon:${randomBytes(12).toString('hex')}`,
        userId: user ? new Types.ObjectId(user.id) : undefined,
        nameEnc: user ? undefined : this.crypto.encrypt(input.name!, NAME_CONTEXT),
        contactEnc: user ? undefined : this.crypto.encrypt(input.contact!, CONTACT_CONTEXT),
        consentAt: user ? undefined : new Date(),
        codeHash: this.codeHash(code),
        codeSuffix: code.slice(-CODE_SUFFIX_LENGTH),
        status: RegistrationStatus.pending,
        interpretationNeeds: input.interpretationNeeds,
        group: input.group,
      });
      registration = created.toObject();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_REGISTERED);
      throw error;
    }

    // Each step below is conditional on `pending`: a cancellation of the event in between has
    // already turned the registration into cancelled_by_organiser, and that stays.
    const pool = await this.claimSeat(event, input.group);
    if (pool) {
      await this.registrations
        .updateOne(
          { _id: registration._id, status: RegistrationStatus.pending },
          { $set: { status: RegistrationStatus.confirmed, confirmedAt: new Date(), seat: pool } },
        )
        .exec();
    } else {
      const numbered = await this.events
        .findOneAndUpdate(
          { _id: event._id, cancelledAt: null },
          { $inc: { waitlistSeq: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanEvent>()
        .exec();
      if (numbered) {
        await this.registrations
          .updateOne(
            { _id: registration._id, status: RegistrationStatus.pending },
            {
              $set: { status: RegistrationStatus.waitlisted, waitlistSeq: numbered.waitlistSeq },
            },
          )
          .exec();
        // A seat may have been freed between our failed claim and our joining the waitlist.
        await this.fillFreedSeats(event._id);
      } else {
        await this.registrations
          .updateOne(
            { _id: registration._id, status: RegistrationStatus.pending },
            {
              $set: { status: RegistrationStatus.cancelled_by_organiser, cancelledAt: new Date() },
            },
          )
          .exec();
      }
    }
    const current = await this.registrations
      .findById(registration._id)
      .lean<LeanRegistration>()
      .exec();
    return { registration: await this.toRegistrationModel(current!), code };
  }

  private registrationProblems(
    input: RegisterForEventInput,
    user: AuthUser | null,
    event: LeanEvent,
  ): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const field of ['name', 'contact', 'consent'] as const) {
      if (user && input[field] !== undefined)
        problems.push({ field, constraint: 'onlyWithoutAccount' });
      if (!user && input[field] === undefined) problems.push({ field, constraint: 'required' });
    }
    if (input.interpretationNeeds.some((l) => !event.interpretation.includes(l)))
      problems.push({ field: 'interpretationNeeds', constraint: 'interpretationNotOffered' });
    if (input.group && !seatGroup(event, input.group))
      problems.push({ field: 'group', constraint: 'unknownGroup' });
    return problems;
  }

  /**
   * One try at each pool the person may use, in order: one guarded `$inc` on the event each
   * (see claimGuard), so no number of simultaneous claims can overfill any pool.
   */
  private async tryClaim(
    event: LeanEvent,
    group: string | undefined | null,
  ): Promise<SeatPool | null> {
    const now = new Date();
    for (const pool of poolsFor(event, group)) {
      const { matchedCount } = await this.events
        .updateOne(
          { _id: event._id, cancelledAt: null, ...claimGuard(event, pool, group, now) },
          { $inc: seatCounters(pool, group, 1) },
        )
        .exec();
      if (matchedCount === 1) return pool;
    }
    return null;
  }

  /** tryClaim, again with fresh numbers when the capacity changed since the event was read. */
  private async claimSeat(
    event: LeanEvent,
    group: string | undefined | null,
  ): Promise<SeatPool | null> {
    let current = event;
    for (let attempt = 0; attempt < 3; attempt++) {
      const pool = await this.tryClaim(current, group);
      if (pool) return pool;
      const fresh = await this.findEvent(current._id);
      if (fresh.cancelledAt || fresh.capacity === current.capacity) return null;
      current = fresh;
    }
    return null;
  }

  private async releaseSeat(
    eventId: Types.ObjectId,
    pool: SeatPool,
    group: string | undefined | null,
  ): Promise<void> {
    await this.events.updateOne({ _id: eventId }, { $inc: seatCounters(pool, group, -1) }).exec();
  }

  /** Turns one waitlisted registration into a confirmed seat of `pool`, if it still waits. */
  private async promote(registrationId: Types.ObjectId, pool: SeatPool) {
    const now = new Date();
    const promoted = await this.registrations
      .findOneAndUpdate(
        { _id: registrationId, status: RegistrationStatus.waitlisted },
        {
          $set: {
            status: RegistrationStatus.confirmed,
            confirmedAt: now,
            promotedAt: now,
            seat: pool,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (promoted) await this.tellPromoted(promoted);
    return promoted;
  }

  /**
   * Hands a seat that someone gave up straight to the first who may sit in it: a reserved seat
   * to the first waiting of its group, a general seat to the first waiting at all. The counters
   * do not move, so nobody registering at that moment can take it. Null when nobody fits.
   */
  private async passSeat(
    eventId: Types.ObjectId,
    pool: SeatPool,
    group: string | undefined | null,
  ): Promise<LeanRegistration | null> {
    const filter: QueryFilter<EventRegistration> = {
      eventId,
      status: RegistrationStatus.waitlisted,
    };
    if (pool === SeatPool.reserved) filter.group = group;
    const now = new Date();
    const promoted = await this.registrations
      .findOneAndUpdate(
        filter,
        {
          $set: {
            status: RegistrationStatus.confirmed,
            confirmedAt: now,
            promotedAt: now,
            seat: pool,
          },
        },
        { sort: { waitlistSeq: 1 }, returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (promoted) await this.tellPromoted(promoted);
    return promoted;
  }

  private async tellPromoted(promoted: LeanRegistration): Promise<void> {
    if (!promoted.userId) return;
    const event = await this.findEvent(promoted.eventId);
    await this.notifications.waitlistPromoted(promoted.userId, promoted.eventId, event.title);
  }

  /**
   * The first waiting at all, and the first waiting of every group that has reserved seats
   * left (who may sit there although people without a group wait before them).
   */
  private async fillCandidates(event: LeanEvent): Promise<LeanRegistration[]> {
    const firstOf = (filter: QueryFilter<EventRegistration>) =>
      this.registrations
        .findOne({ eventId: event._id, status: RegistrationStatus.waitlisted, ...filter })
        .sort({ waitlistSeq: 1 })
        .lean<LeanRegistration>()
        .exec();
    const first = await firstOf({});
    if (!first) return [];
    const candidates = [first];
    for (const group of event.seatGroups ?? []) {
      if (group.key === first.group || reservedSeatsLeft(event, group.key) === 0) continue;
      const firstOfGroup = await firstOf({ group: group.key });
      if (firstOfGroup) candidates.push(firstOfGroup);
    }
    return candidates;
  }

  /**
   * Gives free seats to the waitlist, in order. A seat is claimed for a waiting person before
   * they are promoted into it; if someone else promoted or cancelled them meanwhile, the seat
   * is given back and we go round again with fresh numbers. Ends when no one waiting fits a
   * free seat. Every round either seats someone or finds someone already gone, so it ends.
   */
  private async fillFreedSeats(eventId: Types.ObjectId): Promise<void> {
    for (;;) {
      const event = await this.findEvent(eventId);
      if (event.cancelledAt) return;
      let progressed = false;
      for (const candidate of await this.fillCandidates(event)) {
        const pool = await this.tryClaim(event, candidate.group);
        if (!pool) continue;
        if (!(await this.promote(candidate._id, pool)))
          await this.releaseSeat(eventId, pool, candidate.group);
        progressed = true;
        break;
      }
      if (!progressed) return;
    }
  }

  /** Cancels the signed-in person's own registration. */
  async cancelOwn(registrationId: string, user: AuthUser): Promise<EventRegistrationModel> {
    const registration = await this.registrations
      .findById(objectId(registrationId))
      .lean<LeanRegistration>()
      .exec();
    if (!registration) throw new DomainException(ErrorCode.NOT_FOUND);
    if (registration.userId?.toHexString() !== user.id)
      throw new DomainException(ErrorCode.REGISTRATION_NOT_YOURS);
    return this.cancel(registration);
  }

  /** Cancels by code: whoever holds the code holds the seat. */
  async cancelByCode(code: string): Promise<EventRegistrationModel> {
    return this.cancel(await this.findByCode(code));
  }

  /**
   * A cancelled seat passes straight to the first on the waitlist who may sit in it (see
   * passSeat); with nobody, it is freed in its pool and the waitlist gets another chance.
   */
  private async cancel(registration: LeanRegistration): Promise<EventRegistrationModel> {
    const before = await this.registrations
      .findOneAndUpdate(
        {
          _id: registration._id,
          status: trusted({ $in: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] }),
          checkedInAt: null,
        },
        {
          $set: {
            status: RegistrationStatus.cancelled,
            cancelledAt: new Date(),
            registrantKey: `cancelled:${registration._id.toHexString()}`,
          },
        },
        { returnDocument: 'before' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (!before) {
      const current = await this.registrations
        .findById(registration._id)
        .lean<LeanRegistration>()
        .exec();
      if (current?.status === RegistrationStatus.cancelled_by_organiser)
        throw new DomainException(ErrorCode.EVENT_CANCELLED);
      if (current?.checkedInAt) throw new DomainException(ErrorCode.ALREADY_CHECKED_IN);
      throw new DomainException(ErrorCode.REGISTRATION_CANCELLED);
    }
    if (before.status === RegistrationStatus.confirmed) {
      const pool = before.seat ?? SeatPool.general;
      if (!(await this.passSeat(before.eventId, pool, before.group))) {
        await this.releaseSeat(before.eventId, pool, before.group);
        await this.fillFreedSeats(before.eventId);
      }
    }
    const after = await this.registrations.findById(before._id).lean<LeanRegistration>().exec();
    return this.toRegistrationModel(after!);
  }

  /** Works once per registration: the update is conditional on not being checked in yet. */
  async checkIn(eventId: string, code: string, staff: AuthUser): Promise<EventRegistrantModel> {
    const registration = await this.findByCode(code);
    if (!registration.eventId.equals(objectId(eventId)))
      throw new DomainException(ErrorCode.UNKNOWN_REGISTRATION_CODE);
    const checkedIn = await this.registrations
      .findOneAndUpdate(
        { _id: registration._id, status: RegistrationStatus.confirmed, checkedInAt: null },
        { $set: { checkedInAt: new Date(), checkedInBy: new Types.ObjectId(staff.id) } },
        { returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (checkedIn) return this.toRegistrantModel(checkedIn);
    const current = await this.registrations
      .findById(registration._id)
      .lean<LeanRegistration>()
      .exec();
    if (current?.status === RegistrationStatus.cancelled_by_organiser)
      throw new DomainException(ErrorCode.EVENT_CANCELLED);
    if (current?.checkedInAt) throw new DomainException(ErrorCode.ALREADY_CHECKED_IN);
    throw new DomainException(ErrorCode.REGISTRATION_NOT_CONFIRMED);
  }

  async byCode(code: string): Promise<EventRegistrationModel> {
    return this.toRegistrationModel(await this.findByCode(code));
  }

  async mine(user: AuthUser): Promise<EventRegistrationModel[]> {
    const rows = await this.registrations
      .find({ userId: new Types.ObjectId(user.id) })
      .sort({ _id: -1 })
      .limit(200)
      .lean<LeanRegistration[]>()
      .exec();
    return Promise.all(rows.map((r) => this.toRegistrationModel(r)));
  }

  async registrants(args: EventRegistrationsArgs): Promise<Connection<EventRegistrantModel>> {
    const eventId = objectId(args.eventId);
    const filter: QueryFilter<EventRegistration> = { eventId, status: args.status };
    if (args.group) filter.group = args.group;
    const byWaitlist = args.status === RegistrationStatus.waitlisted;
    const page: QueryFilter<EventRegistration> = { ...filter };
    if (args.after) {
      const { v, id } = decodeCursor(args.after);
      if (byWaitlist) page.waitlistSeq = trusted({ $gt: Number(v) });
      else page._id = trusted({ $gt: new Types.ObjectId(id) });
    }
    const [rows, totalCount] = await Promise.all([
      this.registrations
        .find(page)
        .sort(byWaitlist ? { waitlistSeq: 1 } : { _id: 1 })
        .limit(args.first + 1)
        .lean<LeanRegistration[]>()
        .exec(),
      this.registrations.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (r) => this.toRegistrantModel(r),
      (row) => ({ v: row.waitlistSeq ?? 0, id: row._id.toHexString() }),
    );
  }

  /** Every registration of the event in order of registering, for the staff export. */
  async forExport(
    eventId: string,
  ): Promise<{ registrant: EventRegistrantModel; codeSuffix: string | null }[]> {
    const event = await this.findEvent(eventId);
    const rows = await this.registrations
      .find({ eventId: event._id, status: trusted({ $ne: RegistrationStatus.pending }) })
      .sort({ _id: 1 })
      .lean<LeanRegistration[]>()
      .exec();
    return rows.map((r) => ({
      registrant: this.toRegistrantModel(r),
      codeSuffix: r.codeSuffix ?? null,
    }));
  }

  async attendance(eventId: string, lang: Language): Promise<EventAttendance> {
    const event = await this.findEvent(eventId);
    const count = (filter: QueryFilter<EventRegistration>) =>
      this.registrations.countDocuments({ eventId: event._id, ...filter }).exec();
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
        label: resolveText(g.label, lang),
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
    const rows = await this.registrations
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
    const rows = await this.registrations
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

  private codeHash(code: string): string {
    return this.crypto.blindIndex(code, CODE_PURPOSE);
  }

  private async findByCode(input: string): Promise<LeanRegistration> {
    const code = normalizeRegistrationCode(input);
    const found = code
      ? await this.registrations
          .findOne({ codeHash: this.codeHash(code) })
          .lean<LeanRegistration>()
          .exec()
      : null;
    if (!found) throw new DomainException(ErrorCode.UNKNOWN_REGISTRATION_CODE);
    return found;
  }

  private async toRegistrationModel(r: LeanRegistration): Promise<EventRegistrationModel> {
    let waitlistPosition: number | null = null;
    if (r.status === RegistrationStatus.waitlisted && r.waitlistSeq !== undefined) {
      waitlistPosition =
        (await this.registrations
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

  private toRegistrantModel(r: LeanRegistration): EventRegistrantModel {
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
    };
  }

  private toEventModel(e: LeanEvent, lang: Language): EventModel {
    const now = new Date();
    return {
      id: e._id.toHexString(),
      kind: e.kind,
      title: resolveText(e.title, lang),
      description: e.description ? resolveText(e.description, lang) : null,
      place: { name: e.place.name, address: e.place.address ?? null },
      organisationId: e.organisationId?.toHexString() ?? null,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      startsAtWarsaw: toWarsawIso(e.startsAt),
      languages: e.languages,
      interpretation: e.interpretation ?? [],
      capacity: e.capacity,
      confirmedCount: e.confirmedCount,
      seatsLeft: Math.max(0, e.capacity - e.confirmedCount),
      registrationOpen: !e.cancelledAt && now < e.startsAt,
      seatGroups: (e.seatGroups ?? []).map((g) => ({
        key: g.key,
        label: resolveText(g.label, lang),
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
