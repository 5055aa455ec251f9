import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  NamedLocks,
  objectId,
  pageById,
  Role,
} from '@sasiad/core';
import { DirectoryService } from '../directory/directory.service';
import { MembersService } from '../directory/members.service';
import { CreateRoomInput, RequestResourceInput, ResourceRequestsArgs } from './dto/resource.inputs';
import { ResourceRequestModel, RoomBookingModel, RoomModel } from './models/resource.model';
import {
  NgoResourceRequest,
  NgoRoom,
  ResourceKind,
  ResourceRequestStatus,
} from './resource.schema';

type LeanRequest = NgoResourceRequest & { _id: Types.ObjectId };
type LeanRoom = NgoRoom & { _id: Types.ObjectId };

const DAY_MS = 24 * 60 * 60_000;
const isStaff = (u: AuthUser) => u.roles.includes(Role.staff) || u.roles.includes(Role.admin);

/**
 * Requests for the centre's resources and the room calendar. A room (or the one workstation) is
 * never double-booked: every approval runs inside its named lock (`ngo.room:<id>`,
 * `ngo.workstation`, across instances),
 * where it reads the approved requests overlapping its time and, only if there are none, turns
 * its own request from PENDING to APPROVED (a conditional single-document write). Two approvals
 * of overlapping times therefore run one after the other, and the second sees the first.
 * A new request overlapping an approved one is refused at once (ROOM_TAKEN); one overlapping
 * only pending requests is accepted (staff choose which to approve).
 */
@Injectable()
export class ResourcesService {
  constructor(
    @InjectModel(NgoRoom.name) private readonly rooms: Model<NgoRoom>,
    @InjectModel(NgoResourceRequest.name) private readonly requests: Model<NgoResourceRequest>,
    private readonly directory: DirectoryService,
    private readonly members: MembersService,
    private readonly locks: NamedLocks,
    private readonly clock: Clock,
  ) {}

  async createRoom(input: CreateRoomInput): Promise<RoomModel> {
    const created = await this.rooms.create({ name: input.name, capacity: input.capacity });
    return this.roomModel(created.toObject());
  }

  async listRooms(): Promise<RoomModel[]> {
    const rows = await this.rooms.find().sort({ _id: 1 }).limit(100).lean<LeanRoom[]>().exec();
    return rows.map((r) => this.roomModel(r));
  }

  async request(user: AuthUser, input: RequestResourceInput): Promise<ResourceRequestModel> {
    await this.members.assertActsFor(user, input.organisationId);
    await this.directory.assertVerified(input.organisationId);
    if (input.endsAt <= input.startsAt)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'endsAt', constraint: 'afterStartsAt' },
      ]);
    if (input.startsAt.getTime() <= this.clock.nowMs())
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'startsAt', constraint: 'inFuture' },
      ]);
    let roomId: Types.ObjectId | undefined;
    if (input.kind === ResourceKind.ROOM) {
      if (!input.roomId)
        throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
          { field: 'roomId', constraint: 'required' },
        ]);
      roomId = objectId(input.roomId);
      if (!(await this.rooms.exists({ _id: roomId })))
        throw new DomainException(ErrorCode.NOT_FOUND);
    }
    const calendar = this.calendarOf({ kind: input.kind, roomId });
    if (calendar && (await this.overlapsApproved(calendar.filter, input.startsAt, input.endsAt)))
      throw new DomainException(ErrorCode.ROOM_TAKEN);
    const created = await this.requests.create({
      organisationId: objectId(input.organisationId),
      kind: input.kind,
      roomId,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      plan: input.plan,
      status: ResourceRequestStatus.PENDING,
      requestedBy: new Types.ObjectId(user.id),
    });
    return this.toModel(created.toObject());
  }

  async approve(staff: AuthUser, requestId: string): Promise<ResourceRequestModel> {
    const found = await this.find(requestId);
    const calendar = this.calendarOf(found);
    const decide = async () => {
      if (
        calendar &&
        (await this.overlapsApproved(calendar.filter, found.startsAt, found.endsAt, found._id))
      )
        throw new DomainException(ErrorCode.ROOM_TAKEN);
      return this.transition(found._id, {
        status: ResourceRequestStatus.APPROVED,
        decidedBy: new Types.ObjectId(staff.id),
      });
    };
    if (!calendar) return decide();
    return this.locks.withLock(calendar.lock, decide);
  }

  async refuse(staff: AuthUser, requestId: string, reason: string) {
    const found = await this.find(requestId);
    return this.transition(found._id, {
      status: ResourceRequestStatus.REFUSED,
      refusalReason: reason,
      decidedBy: new Types.ObjectId(staff.id),
    });
  }

  async withdraw(user: AuthUser, requestId: string) {
    const found = await this.find(requestId);
    await this.members.assertActsFor(user, found.organisationId.toHexString());
    return this.transition(found._id, { status: ResourceRequestStatus.WITHDRAWN });
  }

  async list(
    user: AuthUser,
    args: ResourceRequestsArgs,
  ): Promise<Connection<ResourceRequestModel>> {
    const filter: QueryFilter<NgoResourceRequest> = {};
    if (!isStaff(user)) {
      if (!args.organisationId) throw new DomainException(ErrorCode.FORBIDDEN);
      await this.members.assertActsFor(user, args.organisationId);
    }
    if (args.organisationId) filter.organisationId = objectId(args.organisationId);
    if (args.status) filter.status = args.status;
    return pageById(this.requests, filter, args, {
      order: 'newest',
      toNode: (r: LeanRequest) => this.toModel(r),
    });
  }

  async calendar(roomId: string, from: Date, days: number): Promise<RoomBookingModel[]> {
    const rows = await this.requests
      .find({
        roomId: objectId(roomId),
        status: ResourceRequestStatus.APPROVED,
        startsAt: trusted({ $lt: new Date(from.getTime() + days * DAY_MS) }),
        endsAt: trusted({ $gt: from }),
      })
      .sort({ startsAt: 1 })
      .limit(500)
      .lean<LeanRequest[]>()
      .exec();
    return rows.map((r) => ({ startsAt: r.startsAt, endsAt: r.endsAt }));
  }

  /** Documents are added by the organisation's people while the request is pending. */
  async mayAddDocuments(user: AuthUser, requestId: string): Promise<boolean> {
    const found = await this.findOrNull(requestId);
    if (!found || found.status !== ResourceRequestStatus.PENDING) return false;
    return this.members.actsFor(user, found.organisationId.toHexString());
  }

  async mayReadDocuments(user: AuthUser, requestId: string): Promise<boolean> {
    const found = await this.findOrNull(requestId);
    if (!found) return false;
    return isStaff(user) || this.members.actsFor(user, found.organisationId.toHexString());
  }

  private findOrNull(id: string): Promise<LeanRequest | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.requests.findById(id).lean<LeanRequest>().exec();
  }

  /** USER_ERASED: requests are the organisations'; they lose the links to the person. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.requests.updateMany({ requestedBy: id }, { $unset: { requestedBy: 1 } }).exec();
    await this.requests.updateMany({ decidedBy: id }, { $unset: { decidedBy: 1 } }).exec();
  }

  /** Half-open intervals: one ending at 12:00 and one starting at 12:00 do not overlap. */
  /**
   * The calendar a request books: a room's, or the one workstation's. The correspondence address
   * and the leaflet board are shared by many organisations at once and have none.
   */
  private calendarOf(r: { kind: ResourceKind; roomId?: Types.ObjectId }) {
    if (r.kind === ResourceKind.ROOM && r.roomId)
      return { lock: `ngo.room:${r.roomId.toHexString()}`, filter: { roomId: r.roomId } };
    if (r.kind === ResourceKind.WORKSTATION)
      return { lock: 'ngo.workstation', filter: { kind: ResourceKind.WORKSTATION } };
    return null;
  }

  private async overlapsApproved(
    calendar: { roomId: Types.ObjectId } | { kind: ResourceKind },
    startsAt: Date,
    endsAt: Date,
    except?: Types.ObjectId,
  ): Promise<boolean> {
    const clash = await this.requests
      .countDocuments({
        ...calendar,
        status: ResourceRequestStatus.APPROVED,
        startsAt: trusted({ $lt: endsAt }),
        endsAt: trusted({ $gt: startsAt }),
        ...(except ? { _id: trusted({ $ne: except }) } : {}),
      })
      .exec();
    return clash > 0;
  }

  /** Only a PENDING request is decided or withdrawn, once. */
  private async transition(id: Types.ObjectId, set: Partial<NgoResourceRequest>) {
    const updated = await this.requests
      .findOneAndUpdate(
        { _id: id, status: ResourceRequestStatus.PENDING },
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<LeanRequest>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    return this.toModel(updated);
  }

  private async find(id: string): Promise<LeanRequest> {
    const found = await this.requests.findById(objectId(id)).lean<LeanRequest>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  private roomModel(r: LeanRoom): RoomModel {
    return { id: r._id.toHexString(), name: r.name, capacity: r.capacity };
  }

  private toModel(r: LeanRequest): ResourceRequestModel {
    return {
      id: r._id.toHexString(),
      organisationId: r.organisationId.toHexString(),
      kind: r.kind,
      roomId: r.roomId?.toHexString() ?? null,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      plan: r.plan,
      status: r.status,
      refusalReason: r.refusalReason ?? null,
    };
  }
}
