import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  isDuplicateKey,
  Language,
  mergeTranslations,
  objectId,
  resolveLocalized,
  Role,
  TextEntry,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { forumsModel } from '../common/model-name';
import { ForumRole } from './dto/forum.inputs';
import { Forum, LeanForum, LeanMembership, Membership } from './forum.schema';
import { ForumModel, ForumMemberModel, MembershipModel } from './models/forum.model';

const ROLE_FIELD: Record<ForumRole, 'facilitatorIds' | 'moderatorIds' | 'translatorIds'> = {
  [ForumRole.FACILITATOR]: 'facilitatorIds',
  [ForumRole.MODERATOR]: 'moderatorIds',
  [ForumRole.TRANSLATOR]: 'translatorIds',
};

const has = (ids: Types.ObjectId[] | undefined, user: AuthUser) =>
  (ids ?? []).some((id) => id.toHexString() === user.id);

/**
 * Forums, their people and memberships. Other features of the context ask it who may do what
 * in a forum (admins may everything a facilitator, moderator or translator may).
 */
@Injectable()
export class ForumsService {
  constructor(
    @InjectModel(forumsModel(Forum)) private readonly forums: Model<Forum>,
    @InjectModel(forumsModel(Membership)) private readonly memberships: Model<Membership>,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async find(id: string | Types.ObjectId): Promise<LeanForum> {
    const forum = await this.forums.findById(objectId(id)).lean<LeanForum>().exec();
    if (!forum) throw new DomainException(ErrorCode.NOT_FOUND);
    return forum;
  }

  isFacilitator(forum: LeanForum, user: AuthUser): boolean {
    return user.roles.includes(Role.admin) || has(forum.facilitatorIds, user);
  }

  assertFacilitator(forum: LeanForum, user: AuthUser): void {
    if (!this.isFacilitator(forum, user))
      throw new DomainException(ErrorCode.NOT_FORUM_FACILITATOR);
  }

  assertModerator(forum: LeanForum, user: AuthUser): void {
    if (!user.roles.includes(Role.admin) && !has(forum.moderatorIds, user))
      throw new DomainException(ErrorCode.NOT_FORUM_MODERATOR);
  }

  /** Facilitators and volunteer translators of the forum (and admins) add translations. */
  assertTranslator(forum: LeanForum, user: AuthUser): void {
    if (!this.isFacilitator(forum, user) && !has(forum.translatorIds, user))
      throw new DomainException(ErrorCode.NOT_FORUM_TRANSLATOR);
  }

  async isMember(forumId: Types.ObjectId, userId: string): Promise<boolean> {
    return Boolean(
      await this.memberships.exists({ forumId, userId: new Types.ObjectId(userId) }).exec(),
    );
  }

  async assertMember(forumId: Types.ObjectId, user: AuthUser): Promise<void> {
    if (!(await this.isMember(forumId, user.id)))
      throw new DomainException(ErrorCode.NOT_FORUM_MEMBER);
  }

  async list(lang: Language, user: AuthUser | null): Promise<ForumModel[]> {
    const forums = await this.forums.find().sort({ name: 1 }).lean<LeanForum[]>().exec();
    const mine = user
      ? new Set(
          (
            await this.memberships
              .find({ userId: new Types.ObjectId(user.id) })
              .lean<LeanMembership[]>()
              .exec()
          ).map((m) => m.forumId.toHexString()),
        )
      : new Set<string>();
    return forums.map((f) => this.toModel(f, lang, mine.has(f._id.toHexString()), user));
  }

  /** The public page: the forum and the members who agreed to be listed. */
  async page(id: string, lang: Language, user: AuthUser | null): Promise<ForumModel> {
    const forum = await this.find(id);
    const member = user ? await this.isMember(forum._id, user.id) : false;
    return this.toModel(forum, lang, member, user);
  }

  async publicMembers(forumId: string): Promise<ForumMemberModel[]> {
    const rows = await this.memberships
      .find({ forumId: objectId(forumId), public: true })
      .sort({ _id: 1 })
      .limit(100)
      .lean<LeanMembership[]>()
      .exec();
    const members: ForumMemberModel[] = [];
    for (const row of rows) {
      const user = await this.users.get(row.userId.toHexString()).catch(() => null);
      if (user)
        members.push({ userId: user.id, displayName: user.displayName, since: row.createdAt });
    }
    return members;
  }

  /**
   * The membership is written first (unique per forum and person, so a second join fails
   * before anything is counted), then the counter moves.
   */
  async join(forumId: string, isPublic: boolean, user: AuthUser): Promise<MembershipModel> {
    const forum = await this.find(forumId);
    try {
      await this.memberships.create({
        forumId: forum._id,
        userId: new Types.ObjectId(user.id),
        public: isPublic,
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_FORUM_MEMBER);
      throw error;
    }
    await this.forums.updateOne({ _id: forum._id }, { $inc: { memberCount: 1 } }).exec();
    return { forumId: forum._id.toHexString(), public: isPublic, member: true };
  }

  /** Only a membership actually removed lowers the counter. */
  async leave(forumId: string, user: AuthUser): Promise<MembershipModel> {
    const forum = await this.find(forumId);
    const removed = await this.memberships
      .deleteOne({ forumId: forum._id, userId: new Types.ObjectId(user.id) })
      .exec();
    if (removed.deletedCount === 0) throw new DomainException(ErrorCode.NOT_FORUM_MEMBER);
    await this.forums.updateOne({ _id: forum._id }, { $inc: { memberCount: -1 } }).exec();
    return { forumId: forum._id.toHexString(), public: false, member: false };
  }

  /** A member lists or unlists themself on the public page at any time (consent withdrawn). */
  async setVisibility(
    forumId: string,
    isPublic: boolean,
    user: AuthUser,
  ): Promise<MembershipModel> {
    const forum = await this.find(forumId);
    const updated = await this.memberships
      .findOneAndUpdate(
        { forumId: forum._id, userId: new Types.ObjectId(user.id) },
        { $set: { public: isPublic } },
        { returnDocument: 'after' },
      )
      .lean<LeanMembership>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FORUM_MEMBER);
    return { forumId: forum._id.toHexString(), public: updated.public, member: true };
  }

  async myMemberships(user: AuthUser): Promise<MembershipModel[]> {
    const rows = await this.memberships
      .find({ userId: new Types.ObjectId(user.id) })
      .lean<LeanMembership[]>()
      .exec();
    return rows.map((m) => ({ forumId: m.forumId.toHexString(), public: m.public, member: true }));
  }

  /**
   * Any account may be given a forum role: facilitators, moderators and translators are often
   * volunteers without a staff role. What a role allows is checked per forum in the services.
   */
  async assignRole(
    forumId: string,
    userId: string,
    role: ForumRole,
    assign: boolean,
    lang: Language,
  ): Promise<ForumModel> {
    const forum = await this.find(forumId);
    const person = await this.users.get(objectId(userId).toHexString());
    const id = new Types.ObjectId(person.id);
    const update = assign
      ? { $addToSet: { [ROLE_FIELD[role]]: id } }
      : { $pull: { [ROLE_FIELD[role]]: id } };
    const updated = await this.forums
      .findOneAndUpdate({ _id: forum._id }, update, { returnDocument: 'after' })
      .lean<LeanForum>()
      .exec();
    return this.toModel(updated!, lang, false);
  }

  async update(
    forumId: string,
    change: { description?: TextEntry[]; autoHideAfterReports?: number },
    lang: Language,
  ): Promise<ForumModel> {
    const forum = await this.find(forumId);
    const set: Record<string, unknown> = {};
    if (change.description)
      set.description = mergeTranslations(
        forum.description,
        change.description,
        forum.baseLanguage,
        this.clock.now(),
        'description',
        ErrorCode.BAD_USER_INPUT,
      );
    if (change.autoHideAfterReports !== undefined)
      set.autoHideAfterReports = change.autoHideAfterReports;
    const updated = await this.forums
      .findOneAndUpdate({ _id: forum._id }, { $set: set }, { returnDocument: 'after' })
      .lean<LeanForum>()
      .exec();
    return this.toModel(updated!, lang, false);
  }

  /** The seed: a forum is created once per key; an existing one is left as it is. */
  async ensure(seed: {
    key: string;
    name: string;
    city: string;
    description: TextEntry[];
  }): Promise<{ id: string; created: boolean }> {
    const existing = await this.forums.findOne({ key: seed.key }).lean<LeanForum>().exec();
    if (existing) return { id: existing._id.toHexString(), created: false };
    const now = this.clock.now();
    try {
      const created = await this.forums.create({
        key: seed.key,
        name: seed.name,
        city: seed.city,
        baseLanguage: 'pl',
        description: mergeTranslations(
          undefined,
          seed.description,
          'pl',
          now,
          'description',
          ErrorCode.BAD_USER_INPUT,
        ),
        sample: true,
      });
      return { id: created._id.toHexString(), created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.forums.findOne({ key: seed.key }).lean<LeanForum>().exec();
      return { id: raced!._id.toHexString(), created: false };
    }
  }

  /** The caller's roles in the forum (admins hold all three): the app shows their screens. */
  rolesOf(f: LeanForum, user: AuthUser | null | undefined): ForumRole[] {
    if (!user) return [];
    if (user.roles.includes(Role.admin)) return Object.values(ForumRole);
    return Object.values(ForumRole).filter((role) => has(f[ROLE_FIELD[role]], user));
  }

  toModel(
    f: LeanForum,
    lang: Language,
    viewerIsMember: boolean,
    user?: AuthUser | null,
  ): ForumModel {
    return {
      id: f._id.toHexString(),
      key: f.key,
      name: f.name,
      city: f.city,
      description: resolveLocalized(f.description, lang, { base: f.baseLanguage, fallbacks: [] }),
      memberCount: f.memberCount,
      facilitatorIds: (f.facilitatorIds ?? []).map((id) => id.toHexString()),
      moderatorIds: (f.moderatorIds ?? []).map((id) => id.toHexString()),
      autoHideAfterReports: f.autoHideAfterReports,
      sample: Boolean(f.sample),
      viewerIsMember,
      viewerRoles: this.rolesOf(f, user),
    };
  }
}
