import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { AuthUser, DomainException, ErrorCode, isDuplicateKey, objectId, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { MemberRole, MemberState } from '../common/legal-form';
import { NgoMember } from './member.schema';
import { NgoMemberModel } from './models/profile.model';

type LeanMember = NgoMember & { _id: Types.ObjectId };

/**
 * Who acts for an organisation in the centre: its active members here, or a library
 * coordinator attached to it in identity (`user.organisationId`). Every feature of the context
 * asks here before an organisation's person changes the organisation's things.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectModel(NgoMember.name) private readonly members: Model<NgoMember>,
    private readonly users: UsersService,
  ) {}

  async addAdmin(organisationId: Types.ObjectId, userId: string): Promise<void> {
    await this.members.create({
      organisationId,
      userId: objectId(userId),
      role: MemberRole.ADMIN,
      state: MemberState.ACTIVE,
    });
  }

  async actsFor(user: AuthUser, organisationId: string): Promise<boolean> {
    if (user.roles.includes(Role.library) && user.organisationId === organisationId) return true;
    if (!Types.ObjectId.isValid(organisationId)) return false;
    const found = await this.members
      .countDocuments({
        organisationId: new Types.ObjectId(organisationId),
        userId: new Types.ObjectId(user.id),
        state: MemberState.ACTIVE,
      })
      .exec();
    return found > 0;
  }

  /** FORBIDDEN unless the caller acts for the organisation. */
  async assertActsFor(user: AuthUser, organisationId: string): Promise<void> {
    if (!(await this.actsFor(user, organisationId))) throw new DomainException(ErrorCode.FORBIDDEN);
  }

  async assertAdminOf(user: AuthUser, organisationId: string): Promise<void> {
    const admin = await this.members
      .countDocuments({
        organisationId: objectId(organisationId),
        userId: new Types.ObjectId(user.id),
        role: MemberRole.ADMIN,
        state: MemberState.ACTIVE,
      })
      .exec();
    if (admin === 0) throw new DomainException(ErrorCode.FORBIDDEN);
  }

  /** The organisation's admin invites a person by login; inviting twice is refused. */
  async invite(by: AuthUser, organisationId: string, login: string): Promise<NgoMemberModel> {
    await this.assertAdminOf(by, organisationId);
    const person = await this.users.findByLogin(login);
    if (!person) throw new DomainException(ErrorCode.NOT_FOUND);
    try {
      const created = await this.members.create({
        organisationId: objectId(organisationId),
        userId: person._id,
        role: MemberRole.MEMBER,
        state: MemberState.INVITED,
        invitedBy: new Types.ObjectId(by.id),
      });
      return this.toModel(created.toObject());
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_REGISTERED);
      throw error;
    }
  }

  /** The invited person accepts: INVITED → ACTIVE, once. */
  async accept(user: AuthUser, organisationId: string): Promise<NgoMemberModel> {
    const updated = await this.members
      .findOneAndUpdate(
        {
          organisationId: objectId(organisationId),
          userId: new Types.ObjectId(user.id),
          state: MemberState.INVITED,
        },
        { $set: { state: MemberState.ACTIVE } },
        { returnDocument: 'after' },
      )
      .lean<LeanMember>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated);
  }

  async mine(user: AuthUser): Promise<NgoMemberModel[]> {
    const rows = await this.members
      .find({ userId: new Types.ObjectId(user.id) })
      .sort({ _id: 1 })
      .limit(100)
      .lean<LeanMember[]>()
      .exec();
    return rows.map((m) => this.toModel(m));
  }

  /** USER_ERASED: the person's memberships and invitations go; `invitedBy` links are cut. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.members.deleteMany({ userId: id }).exec();
    await this.members.updateMany({ invitedBy: id }, { $unset: { invitedBy: 1 } }).exec();
  }

  private toModel(m: LeanMember): NgoMemberModel {
    return {
      organisationId: m.organisationId.toHexString(),
      userId: m.userId.toHexString(),
      role: m.role,
      state: m.state,
    };
  }
}
