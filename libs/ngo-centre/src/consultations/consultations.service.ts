import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  isDuplicateKey,
  objectId,
  Role,
  ScheduledJob,
  warsawWallClock,
} from '@sasiad/core';
import { MembersService } from '../directory/members.service';
import { NgoNotificationKind } from '../notifications/ngo-notification.schema';
import { NgoNotificationsService } from '../notifications/ngo-notifications.service';
import { AdvisersService } from './advisers.service';
import { BookingStatus, NgoConsultation } from './consultation.schema';
import { BookConsultationInput } from './dto/consultation.inputs';
import {
  ConsultationModel,
  ConsultationRecordModel,
  ConsultationSlotModel,
} from './models/consultation.model';

type LeanConsultation = NgoConsultation & { _id: Types.ObjectId };

const NOTES = 'ngo_consultations.notes';
const DAY_MS = 24 * 60 * 60_000;
export const REMINDER_AHEAD_MS = DAY_MS;

const slotKey = (adviserId: Types.ObjectId, startsAt: Date) =>
  `${adviserId.toHexString()}:${startsAt.toISOString()}`;
const isStaff = (u: AuthUser) => u.roles.includes(Role.staff) || u.roles.includes(Role.admin);

/** Bookings of consultations: one per slot, cancel, notes, attendance, reminders. */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectModel(NgoConsultation.name) private readonly consultations: Model<NgoConsultation>,
    private readonly advisers: AdvisersService,
    private readonly members: MembersService,
    private readonly notifications: NgoNotificationsService,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async slots(adviserId: string, from: Date, days: number): Promise<ConsultationSlotModel[]> {
    const adviser = await this.advisers.get(adviserId);
    const booked = await this.consultations
      .find({
        adviserId: adviser._id,
        status: trusted({ $ne: BookingStatus.CANCELLED }),
        startsAt: trusted({ $gte: from, $lt: new Date(from.getTime() + days * DAY_MS) }),
      })
      .lean<LeanConsultation[]>()
      .exec();
    return this.advisers.slots(
      adviser,
      from,
      days,
      new Set(booked.map((b) => b.startsAt.getTime())),
    );
  }

  /**
   * Checks first (the adviser exists, the caller acts for the organisation, it offers the topic and the
   * language, the slot is in the future and in the plan), then one insert: the unique `slotKey`
   * lets exactly one of any number of concurrent bookings of a slot win; the others get
   * SLOT_TAKEN and nothing is written for them.
   */
  async book(user: AuthUser, input: BookConsultationInput): Promise<ConsultationModel> {
    const adviser = await this.advisers.get(input.adviserId);
    await this.members.assertActsFor(user, input.organisationId);
    const problems = [];
    if (!adviser.topics.includes(input.topic))
      problems.push({ field: 'topic', constraint: 'isIn', allowed: adviser.topics });
    if (!adviser.languages.includes(input.language))
      problems.push({ field: 'language', constraint: 'isIn', allowed: adviser.languages });
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    if (input.startsAt.getTime() <= this.clock.nowMs())
      throw new DomainException(ErrorCode.SLOT_IN_PAST);
    const slot = this.advisers.slotOf(adviser, input.startsAt);
    if (!slot) throw new DomainException(ErrorCode.SLOT_OUTSIDE_PLAN);
    try {
      const created = await this.consultations.create({
        adviserId: adviser._id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        slotKey: slotKey(adviser._id, slot.startsAt),
        organisationId: objectId(input.organisationId),
        bookedBy: new Types.ObjectId(user.id),
        topic: input.topic,
        language: input.language,
        status: BookingStatus.BOOKED,
      });
      return this.toModel(created.toObject(), false);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.SLOT_TAKEN);
      throw error;
    }
  }

  /** The organisation, the adviser or centre staff cancel a future booking; the slot is freed. */
  async cancel(user: AuthUser, consultationId: string): Promise<ConsultationModel> {
    const found = await this.find(consultationId);
    await this.assertOrganisationSide(user, found);
    const updated = await this.consultations
      .findOneAndUpdate(
        {
          _id: found._id,
          status: BookingStatus.BOOKED,
          startsAt: trusted({ $gt: this.clock.now() }),
        },
        {
          $set: { status: BookingStatus.CANCELLED, slotKey: `released:${found._id.toHexString()}` },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanConsultation>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    return this.toModel(updated, false);
  }

  async setNotes(
    user: AuthUser,
    consultationId: string,
    notes: string,
  ): Promise<ConsultationModel> {
    const found = await this.find(consultationId);
    await this.assertAdviserOf(user, found);
    const updated = await this.consultations
      .findByIdAndUpdate(
        found._id,
        { $set: { notesEnc: this.crypto.encrypt(notes, NOTES) } },
        { returnDocument: 'after' },
      )
      .lean<LeanConsultation>()
      .exec();
    return this.toModel(updated!, true);
  }

  /** After its start the adviser records attendance once: ATTENDED or NO_SHOW (counted). */
  async recordAttendance(
    user: AuthUser,
    consultationId: string,
    attended: boolean,
  ): Promise<ConsultationModel> {
    const found = await this.find(consultationId);
    await this.assertAdviserOf(user, found);
    const updated = await this.consultations
      .findOneAndUpdate(
        {
          _id: found._id,
          status: BookingStatus.BOOKED,
          startsAt: trusted({ $lte: this.clock.now() }),
        },
        { $set: { status: attended ? BookingStatus.ATTENDED : BookingStatus.NO_SHOW } },
        { returnDocument: 'after' },
      )
      .lean<LeanConsultation>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    return this.toModel(updated, true);
  }

  async forOrganisation(user: AuthUser, organisationId: string): Promise<ConsultationModel[]> {
    if (!isStaff(user)) await this.members.assertActsFor(user, organisationId);
    const rows = await this.consultations
      .find({ organisationId: objectId(organisationId) })
      .sort({ startsAt: -1 })
      .limit(100)
      .lean<LeanConsultation[]>()
      .exec();
    return rows.map((c) => this.toModel(c, false));
  }

  async record(user: AuthUser, organisationId: string): Promise<ConsultationRecordModel> {
    if (!isStaff(user)) await this.members.assertActsFor(user, organisationId);
    const id = objectId(organisationId);
    const count = (status: BookingStatus) =>
      this.consultations.countDocuments({ organisationId: id, status }).exec();
    const [booked, attended, noShows] = await Promise.all([
      count(BookingStatus.BOOKED),
      count(BookingStatus.ATTENDED),
      count(BookingStatus.NO_SHOW),
    ]);
    return { organisationId, booked, attended, noShows };
  }

  /** The adviser's own consultations, with their notes. */
  async mineAsAdviser(user: AuthUser): Promise<ConsultationModel[]> {
    const adviserIds = await this.advisers.idsOfUser(user.id);
    const rows = await this.consultations
      .find({
        adviserId: trusted({ $in: adviserIds }),
        status: trusted({ $ne: BookingStatus.CANCELLED }),
      })
      .sort({ startsAt: 1 })
      .limit(200)
      .lean<LeanConsultation[]>()
      .exec();
    return rows.map((c) => this.toModel(c, true));
  }

  /**
   * Reminders a day ahead, as in-app notifications to the organisation. Each booking is claimed
   * first (`reminderSentAt` set only where unset), so a reminder goes once even if two runs meet.
   */
  @ScheduledJob({ name: 'ngo.consultation-reminders', every: 15 * 60_000 })
  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    const due = await this.consultations
      .find({
        status: BookingStatus.BOOKED,
        reminderSentAt: null,
        startsAt: trusted({ $gt: now, $lte: new Date(now.getTime() + REMINDER_AHEAD_MS) }),
      })
      .limit(500)
      .lean<LeanConsultation[]>()
      .exec();
    let sent = 0;
    for (const c of due) {
      const claimed = await this.consultations
        .findOneAndUpdate(
          { _id: c._id, reminderSentAt: null, status: BookingStatus.BOOKED },
          { $set: { reminderSentAt: now } },
        )
        .exec();
      if (!claimed) continue;
      const adviser = await this.advisers.get(c.adviserId.toHexString()).catch(() => null);
      await this.notifications.notify(
        { organisationId: c.organisationId },
        NgoNotificationKind.CONSULTATION_REMINDER,
        { time: warsawWallClock(c.startsAt), adviser: adviser?.displayName ?? '—' },
      );
      sent++;
    }
    return sent;
  }

  /** USER_ERASED: the person leaves the bookings they made; an erased adviser's notes go. */
  async forgetUser(userId: string, adviserId: Types.ObjectId | null): Promise<void> {
    await this.consultations
      .updateMany({ bookedBy: new Types.ObjectId(userId) }, { $unset: { bookedBy: 1 } })
      .exec();
    if (adviserId)
      await this.consultations.updateMany({ adviserId }, { $unset: { notesEnc: 1 } }).exec();
  }

  private async find(id: string): Promise<LeanConsultation> {
    const found = await this.consultations.findById(objectId(id)).lean<LeanConsultation>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  private async assertAdviserOf(user: AuthUser, c: LeanConsultation): Promise<void> {
    const mine = await this.advisers.idsOfUser(user.id);
    if (!mine.some((id) => id.equals(c.adviserId))) throw new DomainException(ErrorCode.FORBIDDEN);
  }

  private async assertOrganisationSide(user: AuthUser, c: LeanConsultation): Promise<void> {
    if (isStaff(user)) return;
    await this.members.assertActsFor(user, c.organisationId.toHexString());
  }

  private toModel(c: LeanConsultation, withNotes: boolean): ConsultationModel {
    return {
      id: c._id.toHexString(),
      adviserId: c.adviserId.toHexString(),
      organisationId: c.organisationId.toHexString(),
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      topic: c.topic,
      language: c.language,
      status: c.status,
      notes: withNotes && c.notesEnc ? this.crypto.decrypt(c.notesEnc, NOTES) : null,
    };
  }
}
