import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import { randomBytes } from 'node:crypto';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  FieldProblem,
  isDuplicateKey,
  Language,
  objectId,
} from '@sasiad/core';
import { notifiedTitle, NotificationsService } from '../notifications/notifications.service';
import { RegisterForEventInput } from './dto/event.inputs';
import { EventRegistration, RegistrationStatus, SeatPool } from './event-registration.schema';
import {
  CONTACT_CONTEXT,
  EventStore,
  LeanEvent,
  LeanRegistration,
  NAME_CONTEXT,
} from './event-store';
import { EventViewsService } from './event-views.service';
import {
  EventRegistrantModel,
  EventRegistrationModel,
  RegistrationPayload,
} from './models/event.model';
import { CODE_SUFFIX_LENGTH, generateRegistrationCode } from './registration-code';
import {
  claimGuard,
  poolsFor,
  SeatClaim,
  seatClaimEntry,
  reservationLapsed,
  reservedSeatsLeft,
  reservedTotal,
  seatCounters,
  seatGroup,
} from './seat-pools';
import { RegistrantMessages } from './registrant-messages.service';

/**
 * Seats and the waitlist: registering, cancelling, check-in. No transactions: every step is one
 * conditional single-document write, ordered so that a seat is never sold twice and a freed seat
 * always goes to the first person waiting (see register, cancel and fillFreedSeats).
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly store: EventStore,
    private readonly views: EventViewsService,
    private readonly crypto: FieldEncryption,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly registrantMessages: RegistrantMessages,
  ) {}

  /**
   * A seat if one is free, else the end of the waitlist. The registration is written first
   * (pending), so a second registration of the same account fails on the unique key before it
   * takes a seat or a waitlist number: the numbers have no gaps. A person of an audience group
   * takes one of the group's reserved seats first, then a general one. A walk-in (registered at
   * the door by whoever runs the event, see WalkInService) needs no contact and may register
   * until the event ends.
   */
  async register(
    input: RegisterForEventInput,
    user: AuthUser | null,
    authProblem?: 'invalid' | 'expired',
    walkIn = false,
    language?: Language,
  ): Promise<RegistrationPayload> {
    // A token that did not work must not turn a person into an anonymous registrant.
    if (!user && authProblem)
      throw new DomainException(
        authProblem === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.UNAUTHENTICATED,
      );
    const event = await this.store.findEvent(input.eventId);
    const problems = this.registrationProblems(input, user, event, walkIn);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    if (event.cancelledAt) throw new DomainException(ErrorCode.EVENT_CANCELLED);
    const now = this.clock.now();
    if (now >= (walkIn ? event.endsAt : event.startsAt))
      throw new DomainException(ErrorCode.REGISTRATION_CLOSED);
    // Reserved seats that lapsed unused go to the people waiting before any newcomer.
    if (reservedTotal(event) > 0 && reservationLapsed(event, now))
      await this.fillFreedSeats(event._id);

    const code = generateRegistrationCode();
    let registration: LeanRegistration;
    try {
      const created = await this.store.registrations.create({
        eventId: event._id,
        registrantKey: user ? `user:${user.id}` : `anon:${randomBytes(12).toString('hex')}`,
        userId: user ? new Types.ObjectId(user.id) : undefined,
        nameEnc: user ? undefined : this.crypto.encrypt(input.name!, NAME_CONTEXT),
        contactEnc:
          user || input.contact === undefined
            ? undefined
            : this.crypto.encrypt(input.contact, CONTACT_CONTEXT),
        consentAt: user ? undefined : this.clock.now(),
        language,
        codeHash: this.store.codeHash(code),
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
    // already turned the registration into cancelled_by_organiser, and that stays. The seat is
    // counted together with a claim entry on the event, which is settled once the registration
    // holds the seat, or undone if it no longer can (cancelled meanwhile, or expired by the
    // sweeper after this process stalled); a process dying in between leaves the registration
    // pending and the claim on the event, both repaired by RegistrationSweeper.
    const claim = await this.claimSeat(event, input.group, registration._id);
    if (claim) {
      const pool = claim.pool;
      const { matchedCount } = await this.store.registrations
        .updateOne(
          { _id: registration._id, status: RegistrationStatus.pending },
          {
            $set: {
              status: RegistrationStatus.confirmed,
              confirmedAt: this.clock.now(),
              seat: pool,
            },
          },
        )
        .exec();
      await (matchedCount === 1 ? this.settleClaim(claim) : this.undoClaim(claim));
    } else {
      const numbered = await this.store.events
        .findOneAndUpdate(
          { _id: event._id, cancelledAt: null },
          { $inc: { waitlistSeq: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanEvent>()
        .exec();
      if (numbered) {
        await this.store.registrations
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
        await this.store.registrations
          .updateOne(
            { _id: registration._id, status: RegistrationStatus.pending },
            {
              $set: {
                status: RegistrationStatus.cancelled_by_organiser,
                cancelledAt: this.clock.now(),
              },
            },
          )
          .exec();
      }
    }
    const current = await this.store.registrations
      .findById(registration._id)
      .lean<LeanRegistration>()
      .exec();
    return { registration: await this.views.toRegistrationModel(current!), code };
  }

  private registrationProblems(
    input: RegisterForEventInput,
    user: AuthUser | null,
    event: LeanEvent,
    walkIn: boolean,
  ): FieldProblem[] {
    const problems: FieldProblem[] = [];
    for (const field of ['name', 'contact', 'consent'] as const) {
      if (user && input[field] !== undefined)
        problems.push({ field, constraint: 'onlyWithoutAccount' });
      const needed = !(walkIn && field === 'contact');
      if (!user && needed && input[field] === undefined)
        problems.push({ field, constraint: 'required' });
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
    registrationId: Types.ObjectId,
  ): Promise<(SeatClaim & { eventId: Types.ObjectId }) | null> {
    const now = this.clock.now();
    for (const pool of poolsFor(event, group)) {
      const claim = {
        eventId: event._id,
        registrationId: registrationId.toHexString(),
        pool,
        group: pool === SeatPool.reserved ? (group ?? null) : null,
        claimedAtMs: now.getTime(),
      };
      const { matchedCount } = await this.store.events
        .updateOne(
          { _id: event._id, cancelledAt: null, ...claimGuard(event, pool, group, now) },
          { $inc: seatCounters(pool, group, 1), $push: { seatClaims: seatClaimEntry(claim) } },
        )
        .exec();
      if (matchedCount === 1) return claim;
    }
    return null;
  }

  /** The registration holds the claimed seat: the claim entry goes, the seat stays counted. */
  async settleClaim(claim: SeatClaim & { eventId: Types.ObjectId }): Promise<void> {
    await this.store.events
      .updateOne({ _id: claim.eventId }, { $pull: { seatClaims: seatClaimEntry(claim) } })
      .exec();
  }

  /** Gives a claimed seat back, once: conditional on the claim entry, removed in the same write. */
  async undoClaim(claim: SeatClaim & { eventId: Types.ObjectId }): Promise<boolean> {
    const entry = seatClaimEntry(claim);
    const { modifiedCount } = await this.store.events
      .updateOne(
        { _id: claim.eventId, seatClaims: entry },
        { $inc: seatCounters(claim.pool, claim.group, -1), $pull: { seatClaims: entry } },
      )
      .exec();
    return modifiedCount === 1;
  }

  /** tryClaim, again with fresh numbers when the capacity changed since the event was read. */
  private async claimSeat(
    event: LeanEvent,
    group: string | undefined | null,
    registrationId: Types.ObjectId,
  ) {
    let current = event;
    for (let attempt = 0; attempt < 3; attempt++) {
      const claim = await this.tryClaim(current, group, registrationId);
      if (claim) return claim;
      const fresh = await this.store.findEvent(current._id);
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
    await this.store.events
      .updateOne({ _id: eventId }, { $inc: seatCounters(pool, group, -1) })
      .exec();
  }

  /** Turns one waitlisted registration into a confirmed seat of `pool`, if it still waits. */
  private async promote(registrationId: Types.ObjectId, pool: SeatPool) {
    const now = this.clock.now();
    const promoted = await this.store.registrations
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
    const now = this.clock.now();
    const promoted = await this.store.registrations
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
    const event = await this.store.findEvent(promoted.eventId);
    if (promoted.userId)
      await this.notifications.waitlistPromoted(
        promoted.userId,
        promoted.eventId,
        notifiedTitle(event),
      );
    else await this.registrantMessages.toRegistrant('waitlistPromoted', event, promoted);
  }

  /**
   * The first waiting at all, and the first waiting of every group that has reserved seats
   * left (who may sit there although people without a group wait before them).
   */
  private async fillCandidates(event: LeanEvent): Promise<LeanRegistration[]> {
    const firstOf = (filter: QueryFilter<EventRegistration>) =>
      this.store.registrations
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
  async fillFreedSeats(eventId: Types.ObjectId): Promise<void> {
    for (;;) {
      const event = await this.store.findEvent(eventId);
      if (event.cancelledAt) return;
      // every claim needs confirmedCount < capacity: a full event has no seat for anyone waiting
      if (event.confirmedCount >= event.capacity) return;
      let progressed = false;
      for (const candidate of await this.fillCandidates(event)) {
        const claim = await this.tryClaim(event, candidate.group, candidate._id);
        if (!claim) continue;
        if (await this.promote(candidate._id, claim.pool)) await this.settleClaim(claim);
        else await this.undoClaim(claim);
        progressed = true;
        break;
      }
      if (!progressed) return;
    }
  }

  /** Cancels the signed-in person's own registration. */
  async cancelOwn(registrationId: string, user: AuthUser): Promise<EventRegistrationModel> {
    const registration = await this.store.registrations
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
    return this.cancel(await this.store.findByCode(code));
  }

  /**
   * A cancelled seat passes straight to the first on the waitlist who may sit in it (see
   * passSeat); with nobody, it is freed in its pool and the waitlist gets another chance.
   */
  async cancel(registration: LeanRegistration): Promise<EventRegistrationModel> {
    const before = await this.store.registrations
      .findOneAndUpdate(
        {
          _id: registration._id,
          status: trusted({ $in: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] }),
          checkedInAt: null,
        },
        {
          $set: {
            status: RegistrationStatus.cancelled,
            cancelledAt: this.clock.now(),
            registrantKey: `cancelled:${registration._id.toHexString()}`,
          },
        },
        { returnDocument: 'before' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (!before) {
      const current = await this.store.registrations
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
    const after = await this.store.registrations
      .findById(before._id)
      .lean<LeanRegistration>()
      .exec();
    return this.views.toRegistrationModel(after!);
  }

  /**
   * By whoever runs the event (see mayManageEvent). Works once per registration: the update is
   * conditional on not being checked in yet.
   */
  async checkIn(eventId: string, code: string, staff: AuthUser): Promise<EventRegistrantModel> {
    await this.store.findManagedEvent(eventId, staff);
    const registration = await this.store.findByCode(code);
    if (!registration.eventId.equals(objectId(eventId)))
      throw new DomainException(ErrorCode.UNKNOWN_REGISTRATION_CODE);
    const checkedIn = await this.store.registrations
      .findOneAndUpdate(
        { _id: registration._id, status: RegistrationStatus.confirmed, checkedInAt: null },
        { $set: { checkedInAt: this.clock.now(), checkedInBy: new Types.ObjectId(staff.id) } },
        { returnDocument: 'after' },
      )
      .lean<LeanRegistration>()
      .exec();
    if (checkedIn) return this.views.toRegistrantModel(checkedIn);
    const current = await this.store.registrations
      .findById(registration._id)
      .lean<LeanRegistration>()
      .exec();
    if (current?.status === RegistrationStatus.cancelled_by_organiser)
      throw new DomainException(ErrorCode.EVENT_CANCELLED);
    if (current?.checkedInAt) throw new DomainException(ErrorCode.ALREADY_CHECKED_IN);
    throw new DomainException(ErrorCode.REGISTRATION_NOT_CONFIRMED);
  }
}
