import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  dateKey,
  DomainException,
  ErrorCode,
  FieldEncryption,
  objectId,
  toWarsaw,
} from '@sasiad/core';
import { OrganisationKind, OrganisationsService } from '@sasiad/zones';
import { grantsModel } from '../common/model-name';
import { RegisterInformalGroupInput } from './dto/group.inputs';
import { groupProblems, MemberInput } from './group-rules';
import { InformalGroup } from './informal-group.schema';
import { InformalGroupModel } from './models/informal-group.model';

export type LeanGroup = InformalGroup & { _id: Types.ObjectId };

const MEMBERS_CONTEXT = 'grants.group.members';

/** Informal groups and their members. The only code touching `grants_groups`. */
@Injectable()
export class GroupsService {
  constructor(
    @InjectModel(grantsModel(InformalGroup)) private readonly groups: Model<InformalGroup>,
    private readonly organisations: OrganisationsService,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers a group with the caller as its contact person. Everything is checked first; then
   * the zones organisation (kind informal_group) is created, then the group that points to it.
   * Only a failure of the database between the two leaves an organisation without members.
   */
  async register(input: RegisterInformalGroupInput, user: AuthUser): Promise<InformalGroupModel> {
    const w = toWarsaw(this.clock.now());
    const problems = groupProblems(
      input.members,
      input.contactMember,
      dateKey(w.year, w.month, w.day),
    );
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    if (input.patronOrganisationId) await this.organisations.get(input.patronOrganisationId);
    const organisation = await this.organisations.create({
      name: input.name,
      kind: OrganisationKind.informal_group,
      address: { ...input.place },
    });
    const members: MemberInput[] = input.members.map((m) => ({
      fullName: m.fullName,
      birthDate: m.birthDate,
    }));
    const created = await this.groups.create({
      organisationId: new Types.ObjectId(organisation.id),
      contactUserId: new Types.ObjectId(user.id),
      contactMember: input.contactMember,
      membersEnc: this.crypto.encrypt(JSON.stringify(members), MEMBERS_CONTEXT),
      memberCount: members.length,
      patronOrganisationId: input.patronOrganisationId
        ? new Types.ObjectId(input.patronOrganisationId)
        : undefined,
    });
    return this.toModel(created.toObject(), organisation.name);
  }

  async mine(user: AuthUser): Promise<InformalGroupModel[]> {
    const rows = await this.groups
      .find({ contactUserId: new Types.ObjectId(user.id) })
      .sort({ _id: 1 })
      .limit(100)
      .lean<LeanGroup[]>()
      .exec();
    const orgs = await this.organisations.findMany(rows.map((g) => g.organisationId.toHexString()));
    return rows.map((g) =>
      this.toModel(g, orgs.find((o) => o.id === g.organisationId.toHexString())?.name ?? ''),
    );
  }

  /** The group whose contact person is the caller, else NOT_FOUND. */
  async ofContact(groupId: string, user: AuthUser): Promise<LeanGroup> {
    const found = await this.groups
      .findOne({ _id: objectId(groupId), contactUserId: new Types.ObjectId(user.id) })
      .lean<LeanGroup>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /** The group that applies as this organisation, if it is one. */
  async byOrganisation(organisationId: Types.ObjectId): Promise<LeanGroup | null> {
    return this.groups.findOne({ organisationId }).lean<LeanGroup>().exec();
  }

  /**
   * Erasure of an account: a group it was the contact of loses the link (its applications stay
   * the group's); the members' names stay the group's data until the group is dissolved.
   */
  async forgetUser(userId: string): Promise<void> {
    await this.groups
      .updateMany({ contactUserId: new Types.ObjectId(userId) }, { $unset: { contactUserId: 1 } })
      .exec();
  }

  private toModel(g: LeanGroup, name: string): InformalGroupModel {
    const members = JSON.parse(this.crypto.decrypt(g.membersEnc, MEMBERS_CONTEXT)) as MemberInput[];
    return {
      id: g._id.toHexString(),
      organisationId: g.organisationId.toHexString(),
      name,
      memberCount: g.memberCount,
      members,
      contactMember: g.contactMember,
      patronOrganisationId: g.patronOrganisationId?.toHexString() ?? null,
    };
  }
}
