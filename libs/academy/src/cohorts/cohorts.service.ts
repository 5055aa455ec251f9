import { Injectable } from '@nestjs/common';
import { USER_ERASED, UsersService } from '@sasiad/identity';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  Language,
  objectId,
  OnDomainEvent,
} from '@sasiad/core';
import { Attendance, Cohort, LeanAttendance, LeanCohort } from './cohort.schema';
import { CourseState } from '../courses/course.schema';
import { isAuthor } from '../common/authors';
import { CourseStore } from '../courses/course.store';
import { readText } from '../courses/based-on-text';
import { readingOf } from '../courses/course-views';
import { localized } from '../courses/localized-input';
import {
  AddCohortSessionInput,
  CreateCohortInput,
  RecordAttendanceInput,
  RenameCohortInput,
} from './dto/cohort.inputs';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { AttendanceRecord, CohortMember, CohortModel } from './models/cohort.model';

/** In-person cohorts of a course: sessions, membership with its own seat limit, attendance. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectModel(Cohort.name) private readonly cohorts: Model<Cohort>,
    @InjectModel(Attendance.name) private readonly attendance: Model<Attendance>,
    private readonly courses: CourseStore,
    private readonly clock: Clock,
    private readonly enrolments: EnrolmentsService,
    private readonly users: UsersService,
  ) {}

  /** A deleted draft's cohorts (no members: joining needs an enrolment in a published course). */
  async removeOfCourse(courseId: Types.ObjectId): Promise<void> {
    const ids = (
      await this.cohorts.find({ courseId }, { _id: 1 }).lean<Pick<LeanCohort, '_id'>[]>().exec()
    ).map((c) => c._id);
    if (ids.length === 0) return;
    await this.attendance.deleteMany({ cohortId: trusted({ $in: ids }) }).exec();
    await this.cohorts.deleteMany({ courseId }).exec();
  }

  async create(input: CreateCohortInput, lang: Language): Promise<CohortModel> {
    const course = await this.courses.findCourse(input.courseId);
    const created = await this.cohorts.create({
      courseId: course._id,
      name: localized(undefined, input.name, course.baseLanguage, this.clock.now(), 'name'),
      capacity: input.capacity ?? null,
      memberCount: 0,
      sessions: [],
    });
    return this.view(created.toObject() as LeanCohort, lang);
  }

  /** Read, merge, write guarded by the revision (`__v`), like every translatable text. */
  async rename(input: RenameCohortInput, lang: Language): Promise<CohortModel> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.find(input.cohortId);
      const course = await this.courses.findCourse(current.courseId.toHexString());
      const name = localized(
        current.name,
        input.name,
        course.baseLanguage,
        this.clock.now(),
        'name',
      );
      const updated = await this.cohorts
        .findOneAndUpdate(
          { _id: current._id, __v: (current as { __v?: number }).__v ?? 0 },
          { $set: { name }, $inc: { __v: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanCohort>()
        .exec();
      if (updated) return this.view(updated, lang);
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  async addSession(input: AddCohortSessionInput, lang: Language): Promise<CohortModel> {
    const updated = await this.cohorts
      .findOneAndUpdate(
        { _id: objectId(input.cohortId) },
        {
          $push: {
            sessions: {
              _id: new Types.ObjectId(),
              startsAt: input.startsAt,
              durationMinutes: input.durationMinutes,
              place: input.place,
            },
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCohort>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.view(updated, lang);
  }

  /** Cohorts of a published course (authors: of any course). */
  async ofCourse(courseId: string, lang: Language, user: AuthUser | null): Promise<CohortModel[]> {
    const course = await this.courses.findCourse(courseId);
    if (course.state !== CourseState.PUBLISHED && !isAuthor(user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    const rows = await this.cohorts
      .find({ courseId: course._id })
      .sort({ _id: 1 })
      .lean<LeanCohort[]>()
      .exec();
    return Promise.all(rows.map((c) => this.view(c, lang)));
  }

  /**
   * The cohort seat is claimed first (guarded $inc), then written into the learner's enrolment
   * only if it names no cohort yet; otherwise the seat is given back.
   */
  async join(cohortId: string, user: AuthUser, lang: Language): Promise<CohortModel> {
    const cohort = await this.find(cohortId);
    const course = await this.courses.findCourse(cohort.courseId.toHexString());
    if (course.state !== CourseState.PUBLISHED) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.enrolments.assertEnrolled(course._id, user);
    const filter: QueryFilter<Cohort> = { _id: cohort._id, capacity: cohort.capacity ?? null };
    if (cohort.capacity) filter.memberCount = trusted({ $lt: cohort.capacity });
    const seat = await this.cohorts.updateOne(filter, { $inc: { memberCount: 1 } }).exec();
    if (seat.modifiedCount !== 1) throw new DomainException(ErrorCode.COHORT_FULL);
    if (!(await this.enrolments.setCohort(course._id, user, cohort._id))) {
      await this.releaseSeat(cohort._id);
      throw new DomainException(ErrorCode.ALREADY_IN_COHORT);
    }
    return this.view(await this.find(cohortId), lang);
  }

  async record(input: RecordAttendanceInput, by: AuthUser): Promise<AttendanceRecord> {
    const cohort = await this.find(input.cohortId);
    if (!cohort.sessions.some((s) => s._id.equals(input.sessionId)))
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (!(await this.enrolments.isInCohort(cohort.courseId, input.userId, cohort._id)))
      throw new DomainException(ErrorCode.NOT_A_COHORT_MEMBER);
    const saved = await this.attendance
      .findOneAndUpdate(
        { sessionId: objectId(input.sessionId), userId: objectId(input.userId) },
        {
          $set: { cohortId: cohort._id, present: input.present, recordedBy: objectId(by.id) },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<LeanAttendance>()
      .exec();
    return this.record_(saved!);
  }

  async attendanceOf(cohortId: string): Promise<AttendanceRecord[]> {
    const cohort = await this.find(cohortId);
    const rows = await this.attendance
      .find({ cohortId: cohort._id })
      .sort({ sessionId: 1, userId: 1 })
      .lean<LeanAttendance[]>()
      .exec();
    return rows.map((r) => this.record_(r));
  }

  /** For the attendance sheet: each member with the name they go by (nothing else about them). */
  async members(cohortId: string): Promise<CohortMember[]> {
    const cohort = await this.find(cohortId);
    const ids = await this.enrolments.membersOf(cohort.courseId, cohort._id);
    const accounts = new Map(
      (await this.users.findManyRaw(ids)).map((a) => [a._id.toHexString(), a]),
    );
    return ids.map((userId) => {
      const account = accounts.get(userId);
      return { userId, displayName: account ? this.users.toModel(account).displayName : null };
    });
  }

  async releaseSeat(cohortId: Types.ObjectId): Promise<void> {
    await this.cohorts
      .updateOne({ _id: cohortId, memberCount: trusted({ $gt: 0 }) }, { $inc: { memberCount: -1 } })
      .exec();
  }

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.eraseLearner(userId);
  }

  async eraseLearner(userId: string): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    await this.attendance.deleteMany({ userId: objectId(userId) }).exec();
  }

  private async find(cohortId: string): Promise<LeanCohort> {
    const cohort = await this.cohorts.findById(cohortId).lean<LeanCohort>().exec();
    if (!cohort) throw new DomainException(ErrorCode.NOT_FOUND);
    return cohort;
  }

  private record_(r: LeanAttendance): AttendanceRecord {
    return {
      sessionId: r.sessionId.toHexString(),
      userId: r.userId.toHexString(),
      present: r.present,
    };
  }

  private async view(c: LeanCohort, lang: Language): Promise<CohortModel> {
    const course = await this.courses.findCourse(c.courseId.toHexString());
    const reading = readingOf(course, lang);
    return {
      id: c._id.toHexString(),
      courseId: c.courseId.toHexString(),
      name: readText(c.name, reading),
      capacity: c.capacity ?? null,
      memberCount: c.memberCount,
      sessions: c.sessions.map((s) => ({
        id: s._id.toHexString(),
        startsAt: s.startsAt,
        durationMinutes: s.durationMinutes,
        place: s.place,
      })),
    };
  }
}
