import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  normalizeOpeningHours,
  objectId,
  OpeningHoursValue,
  openingHoursProblems,
  openingHoursView,
  Role,
  toSchedule,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { NgoAdviser } from './consultation.schema';
import { AssignAdviserInput } from './dto/consultation.inputs';
import { AdviserModel, ConsultationSlotModel } from './models/consultation.model';
import { slotAt, slotsBetween } from './slots';

export type LeanAdviser = NgoAdviser & { _id: Types.ObjectId };

const DAY_MS = 24 * 60 * 60_000;

/** Advisers (staff assigned by admins), their weekly plans and the slots the plans give. */
@Injectable()
export class AdvisersService {
  constructor(
    @InjectModel(NgoAdviser.name) private readonly advisers: Model<NgoAdviser>,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** Assigns (or updates) a staff member as an adviser; the plan is kept. */
  async assign(input: AssignAdviserInput): Promise<AdviserModel> {
    const user = await this.users.get(input.userId);
    if (!user.roles.includes(Role.staff) && !user.roles.includes(Role.admin))
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'userId', constraint: 'staffOnly' },
      ]);
    const updated = await this.advisers
      .findOneAndUpdate(
        { userId: new Types.ObjectId(input.userId) },
        {
          $set: {
            displayName: input.displayName,
            topics: input.topics,
            languages: input.languages,
            slotMinutes: input.slotMinutes,
            active: true,
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<LeanAdviser>()
      .exec();
    return this.toModel(updated!);
  }

  /** The adviser publishes the plan (or an admin does it for them). */
  async setPlan(user: AuthUser, adviserId: string, plan: OpeningHoursValue): Promise<AdviserModel> {
    const adviser = await this.get(adviserId);
    if (!adviser.userId.equals(user.id) && !user.roles.includes(Role.admin))
      throw new DomainException(ErrorCode.FORBIDDEN);
    const problems = openingHoursProblems(plan, 'plan.');
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const updated = await this.advisers
      .findByIdAndUpdate(
        adviser._id,
        { $set: { plan: normalizeOpeningHours(plan) } },
        { returnDocument: 'after' },
      )
      .lean<LeanAdviser>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated);
  }

  async get(adviserId: string): Promise<LeanAdviser> {
    const found = await this.advisers
      .findOne({ _id: objectId(adviserId), active: true })
      .lean<LeanAdviser>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /** The account's active adviser record, so that an adviser can find and set their own plan. */
  async mine(userId: string): Promise<AdviserModel | null> {
    const found = await this.advisers
      .findOne({ userId: new Types.ObjectId(userId), active: true })
      .lean<LeanAdviser>()
      .exec();
    return found ? this.toModel(found) : null;
  }

  /** The adviser records of an account (one at most; a list so that none is simply empty). */
  async idsOfUser(userId: string): Promise<Types.ObjectId[]> {
    const rows = await this.advisers
      .find({ userId: new Types.ObjectId(userId) }, { _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  async list(): Promise<AdviserModel[]> {
    const rows = await this.advisers
      .find({ active: true })
      .sort({ _id: 1 })
      .limit(100)
      .lean<LeanAdviser[]>()
      .exec();
    return rows.map((a) => this.toModel(a));
  }

  /** The plan's slot starting at `startsAt`, or null when it is outside the plan. */
  slotOf(adviser: LeanAdviser, startsAt: Date) {
    return slotAt(toSchedule(adviser.plan), adviser.slotMinutes, startsAt);
  }

  /** Future slots of the plan in a window; `taken` are the starts already booked. */
  slots(
    adviser: LeanAdviser,
    from: Date,
    days: number,
    taken: Set<number>,
  ): ConsultationSlotModel[] {
    const now = this.clock.now();
    const start = from > now ? from : now;
    return slotsBetween(
      toSchedule(adviser.plan),
      adviser.slotMinutes,
      start,
      new Date(from.getTime() + days * DAY_MS),
    ).filter((s) => !taken.has(s.startsAt.getTime()));
  }

  /** USER_ERASED of an adviser: the assignment ends and keeps no link to the account. */
  async forgetUser(userId: string): Promise<Types.ObjectId | null> {
    const adviser = await this.advisers
      .findOneAndUpdate(
        { userId: new Types.ObjectId(userId) },
        { $set: { userId: new Types.ObjectId(), active: false, displayName: '—' } },
        { returnDocument: 'after' },
      )
      .lean<LeanAdviser>()
      .exec();
    return adviser?._id ?? null;
  }

  toModel(a: LeanAdviser): AdviserModel {
    return {
      id: a._id.toHexString(),
      displayName: a.displayName,
      topics: a.topics,
      languages: a.languages,
      slotMinutes: a.slotMinutes,
      plan: openingHoursView(a.plan ?? { weekly: [], exceptions: [] }),
    };
  }
}
