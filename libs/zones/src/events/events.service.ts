import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AuthUser,
  Connection,
  decodeCursor,
  DomainException,
  toConnection,
  ErrorCode,
  EventBus,
  FieldEncryption,
  FieldProblem,
  Language,
} from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { isDuplicateKey, objectId } from '../common/ids';
import { cleanTranslations, resolveText } from '../common/localized-text';
import { parseInstant, toWarsawIso } from '../common/warsaw-time';
import { OrganisationsService } from '../organisations/organisations.service';
import {
  CreateEventInput,
  EventRegistrationsArgs,
  EventsArgs,
  RegisterForEventInput,
} from './dto/event.inputs';
import { EventRegistration, RegistrationStatus } from './event-registration.schema';
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
export class EventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventsService.name);
  private erasures?: AsyncIterableIterator<{ userId: string }>;

  constructor(
    @InjectModel(zonesModel(Event)) private readonly events: Model<Event>,
    @InjectModel(zonesModel(EventRegistration))
    private readonly registrations: Model<EventRegistration>,
    private readonly organisations: OrganisationsService,
    private readonly crypto: FieldEncryption,
    private readonly bus: EventBus,
    private readonly notifications: NotificationsService,
  ) {}

  /** When an account is erased, its seats are given up and its registrations lose the link. */
  onModuleInit() {
    this.erasures = this.bus.subscribe<{ userId: string }>(USER_ERASED);
    void (async () => {
      for await (const { userId } of this.erasures!) {
        await this.forgetUser(userId).catch((error: unknown) =>
          this.logger.error({ err: error }, 'could not erase event registrations of a user'),
        );
      }
    })();
  }

  async onModuleDestroy() {
    await this.erasures?.return?.();
  }

  /**
   * Retention (a scheduled job: FerretDB has no TTL indexes): names and contacts of people who
   * registered without an account are removed 30 days after their event ended.
   */
  async purgePersonalData(now = new Date()): Promise<number> {
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
    for (const registration of owned) {
      await this.cancel(registration).catch((error: unknown) => {
        // cancelled or checked in meanwhile: nothing to give up
        if (!(error instanceof DomainException)) throw error;
      });
    }
  }

  async create(input: CreateEventInput, user: AuthUser, lang: Language): Promise<EventModel> {
    const startsAt = parseInstant(input.startsAt, 'startsAt');
    const endsAt = parseInstant(input.endsAt, 'endsAt');
    if (endsAt <= startsAt)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'endsAt', constraint: 'afterStartsAt' },
      ]);
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
      createdBy: new Types.ObjectId(user.id),
    });
    return this.toEventModel(created.toObject(), lang);
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
   * takes a seat or a waitlist number: the numbers have no gaps.
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
    if (new Date() >= event.startsAt) throw new DomainException(ErrorCode.REGISTRATION_CLOSED);

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
      });
      registration = created.toObject();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_REGISTERED);
      throw error;
    }

    if (await this.claimSeat(event)) {
      await this.registrations
        .updateOne(
          { _id: registration._id },
          { $set: { status: RegistrationStatus.confirmed, confirmedAt: new Date() } },
        )
        .exec();
    } else {
      const numbered = await this.events
        .findOneAndUpdate(
          { _id: event._id },
          { $inc: { waitlistSeq: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanEvent>()
        .exec();
      await this.registrations
        .updateOne(
          { _id: registration._id },
          { $set: { status: RegistrationStatus.waitlisted, waitlistSeq: numbered!.waitlistSeq } },
        )
        .exec();
      // A seat may have been freed between our failed claim and our joining the waitlist.
      await this.fillFreedSeats(event);
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
    return problems;
  }

  /** The guarded counter: succeeds only while confirmedCount < capacity, atomically. */
  private async claimSeat(event: LeanEvent): Promise<boolean> {
    const claimed = await this.events
      .findOneAndUpdate(
        {
          _id: event._id,
          capacity: event.capacity,
          confirmedCount: trusted({ $lt: event.capacity }),
        },
        { $inc: { confirmedCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanEvent>()
      .exec();
    return claimed !== null;
  }

  /** The first on the waitlist (lowest number) gets a confirmed seat; null when nobody waits. */
  private async promoteFirstWaitlisted(eventId: Types.ObjectId) {
    const now = new Date();
    const promoted = await this.registrations
      .findOneAndUpdate(
        { eventId, status: RegistrationStatus.waitlisted },
        { $set: { status: RegistrationStatus.confirmed, confirmedAt: now, promotedAt: now } },
        { sort: { waitlistSeq: 1 }, returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (promoted?.userId) {
      const event = await this.findEvent(eventId);
      await this.notifications.waitlistPromoted(promoted.userId, eventId, event.title);
    }
    return promoted;
  }

  /**
   * Gives free seats to the waitlist, in order. A seat is claimed before someone is promoted
   * into it; with nobody waiting it is given back, and if someone joined the waitlist in the
   * meantime, we go round again (they may have missed the seat we held).
   */
  private async fillFreedSeats(event: LeanEvent): Promise<void> {
    for (;;) {
      if (!(await this.claimSeat(event))) return;
      if (await this.promoteFirstWaitlisted(event._id)) continue;
      await this.events.updateOne({ _id: event._id }, { $inc: { confirmedCount: -1 } }).exec();
      const waiting = await this.registrations
        .exists({ eventId: event._id, status: RegistrationStatus.waitlisted })
        .exec();
      if (!waiting) return;
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
   * A cancelled seat passes straight to the first on the waitlist (the seat counter does not
   * change, so nobody registering at that moment can take it); with nobody waiting, it is freed.
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
      if (registration.checkedInAt) throw new DomainException(ErrorCode.ALREADY_CHECKED_IN);
      throw new DomainException(ErrorCode.REGISTRATION_CANCELLED);
    }
    if (before.status === RegistrationStatus.confirmed) {
      const promoted = await this.promoteFirstWaitlisted(before.eventId);
      if (!promoted) {
        await this.events
          .updateOne({ _id: before.eventId }, { $inc: { confirmedCount: -1 } })
          .exec();
        await this.fillFreedSeats(await this.findEvent(before.eventId));
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

  async attendance(eventId: string): Promise<EventAttendance> {
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
    return { confirmed, waitlisted, checkedIn, interpretationNeeds, waitlistInterpretationNeeds };
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
      checkedInAt: r.checkedInAt ?? null,
      createdAt: r.createdAt,
    };
  }

  private toEventModel(e: LeanEvent, lang: Language): EventModel {
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
      registrationOpen: new Date() < e.startsAt,
    };
  }
}
