import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AppConfig,
  AuthUser,
  Connection,
  DomainEvents,
  DomainException,
  ErrorCode,
  EventBus,
  FieldEncryption,
  isDuplicateKey,
  Language,
  logFailure,
  NamedLocks,
  Role,
  pageById,
} from '@sasiad/core';
import { AccountEventKind, LoginKindModel, UserModel, UserStatusModel } from './models/user.model';
import { OrganisationDirectoryPort } from './organisation-directory.port';
import { PasswordService } from './password.service';
import { SessionsService } from '../sessions/sessions.service';
import { LoginKind, User, UserStatus } from './user.schema';
import { UsernameSkeletons } from './username-skeletons.service';

export const ACCOUNT_EVENTS = 'identity.accountEvents';
export const USER_ERASED = 'identity.userErased';

declare module '@sasiad/core' {
  interface DomainEventMap {
    /** An account was erased: every context erases or unlinks what it holds about it. */
    [USER_ERASED]: { userId: string };
  }
}

const LOGIN_CONTEXT = 'users.login';
const NAME_CONTEXT = 'users.displayName';

type LeanUser = User & { _id: Types.ObjectId };

export interface NewUser {
  login: string;
  loginKind: LoginKind;
  password: string;
  roles: Role[];
  displayName?: string;
  preferredLanguage?: Language;
  organisationId?: string;
  /** Created by a staff member for a person at the desk, with the person's consent. */
  desk?: { staffId: string; consentAt: Date; consentVersion: string };
}

/** Accounts: creation, profile, roles, status and erasure. The only code that touches `users`. */
@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    private readonly crypto: FieldEncryption,
    private readonly passwords: PasswordService,
    private readonly events: EventBus,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
    private readonly locks: NamedLocks,
    private readonly domainEvents: DomainEvents,
    private readonly skeletons: UsernameSkeletons,
    private readonly organisations: OrganisationDirectoryPort,
  ) {}

  /** E-mails are case-insensitive; usernames too (people retype them on other keyboards). */
  normalizeLogin(login: string): string {
    return login.normalize('NFC').trim().toLowerCase();
  }

  loginHash(login: string): string {
    return this.crypto.blindIndex(this.normalizeLogin(login), 'login');
  }

  /** A library coordinator always acts for an organisation. */
  private assertOrganisation(roles: Role[], organisationId?: string): void {
    if (roles.includes(Role.library) && !organisationId) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'organisationId', constraint: 'requiredForLibraryRole' },
      ]);
    }
  }

  async create(input: NewUser): Promise<UserModel> {
    this.assertOrganisation(input.roles, input.organisationId);
    const organisationId = input.organisationId;
    const login = this.normalizeLogin(input.login);
    this.passwords.assertStrong(input.password, login);
    const passwordHash = await this.passwords.hash(input.password);
    // Order (no transactions): a username's look-alike form is claimed first for the new id,
    // then the account is created with that id; if that fails, the claim is given back. A
    // process dying in between leaves a claim without an account, taken over after a minute.
    const _id = new Types.ObjectId();
    const username = input.loginKind === 'username';
    if (username) await this.claimUsername(login, _id);
    try {
      const created = await this.users.create({
        _id,
        loginHash: this.loginHash(login),
        loginKind: input.loginKind,
        loginEnc: this.crypto.encrypt(login, LOGIN_CONTEXT),
        displayNameEnc: input.displayName
          ? this.crypto.encrypt(input.displayName, NAME_CONTEXT)
          : undefined,
        passwordHash,
        roles: input.roles,
        preferredLanguage: input.preferredLanguage ?? 'pl',
        organisationId: organisationId ? new Types.ObjectId(organisationId) : undefined,
        deskCreation: input.desk
          ? {
              staffId: new Types.ObjectId(input.desk.staffId),
              consentAt: input.desk.consentAt,
              consentVersion: input.desk.consentVersion,
            }
          : undefined,
      });
      return this.toModel(created.toObject());
    } catch (error) {
      if (username) await this.skeletons.release(_id);
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.LOGIN_TAKEN);
      throw error;
    }
  }

  /** LOGIN_TAKEN for the same name, USERNAME_LOOKALIKE for one that reads the same (TR39). */
  private async claimUsername(login: string, id: Types.ObjectId): Promise<void> {
    const result = await this.skeletons.claim(login, id, (owner) => this.exists(owner));
    if (result.claimed) return;
    const owner = await this.users.findById(result.ownerId, { loginHash: 1 }).lean().exec();
    throw new DomainException(
      !owner || owner.loginHash === this.loginHash(login)
        ? ErrorCode.LOGIN_TAKEN
        : ErrorCode.USERNAME_LOOKALIKE,
    );
  }

  private async exists(id: Types.ObjectId): Promise<boolean> {
    return (await this.users.exists({ _id: id }).exec()) !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      const { claimed, lookalikes } = await this.claimExistingUsernames();
      if (claimed + lookalikes > 0)
        this.logger.log({ claimed, lookalikes }, 'usernames claimed for look-alike checks');
    } catch (error) {
      logFailure(this.logger, 'username look-alike backfill', error);
    }
  }

  /**
   * Start-up, idempotent: usernames made before look-alikes were refused claim their form now.
   * Look-alike pairs that already exist both keep working; the first claims, the other not.
   */
  async claimExistingUsernames(): Promise<{ claimed: number; lookalikes: number }> {
    const rows = await this.users
      .find({ loginKind: 'username' }, { _id: 1, loginEnc: 1 })
      .lean<Pick<LeanUser, '_id' | 'loginEnc'>[]>()
      .exec();
    const missing = new Set(
      (await this.skeletons.unclaimed(rows.map((r) => r._id))).map((id) => id.toHexString()),
    );
    const result = { claimed: 0, lookalikes: 0 };
    for (const row of rows.filter((r) => missing.has(r._id.toHexString()))) {
      const login = this.crypto.decrypt(row.loginEnc, LOGIN_CONTEXT);
      const claim = await this.skeletons.claim(login, row._id, (owner) => this.exists(owner));
      result[claim.claimed ? 'claimed' : 'lookalikes']++;
    }
    return result;
  }

  /**
   * An account made by an admin: an organisation it is attached to must exist (asked of zones
   * through the port before anything is written). `create` itself trusts its caller (sign-up,
   * the CLI, test fixtures).
   */
  async createByAdmin(input: NewUser): Promise<UserModel> {
    this.assertOrganisation(input.roles, input.organisationId);
    if (input.organisationId) await this.organisations.assertExists(input.organisationId);
    return this.create(input);
  }

  async findByLogin(login: string): Promise<LeanUser | null> {
    return this.users
      .findOne({ loginHash: this.loginHash(login) })
      .lean<LeanUser>()
      .exec();
  }

  async findRaw(id: string): Promise<LeanUser | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.users.findById(id).lean<LeanUser>().exec();
  }

  /** Several accounts in one read (ids that are not valid or not found are left out). */
  async findManyRaw(ids: string[]): Promise<LeanUser[]> {
    const valid = ids
      .filter((id) => Types.ObjectId.isValid(id))
      .map((id) => new Types.ObjectId(id));
    if (valid.length === 0) return [];
    return this.users
      .find({ _id: trusted({ $in: valid }) })
      .lean<LeanUser[]>()
      .exec();
  }

  async get(id: string): Promise<UserModel> {
    const user = await this.findRaw(id);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(user);
  }

  /** The fields an access-token check needs, and nothing personal. */
  async findForAuthentication(id: string) {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.users
      .findById(id, {
        roles: 1,
        preferredLanguage: 1,
        tokenVersion: 1,
        status: 1,
        organisationId: 1,
      })
      .lean<
        Pick<
          LeanUser,
          '_id' | 'roles' | 'preferredLanguage' | 'tokenVersion' | 'status' | 'organisationId'
        >
      >()
      .exec();
  }

  list(args: {
    first: number;
    after?: string;
    role?: Role;
    organisationId?: string;
  }): Promise<Connection<UserModel>> {
    const filter: QueryFilter<User> = args.role ? { roles: args.role } : {};
    if (args.organisationId) filter.organisationId = new Types.ObjectId(args.organisationId);
    return pageById(this.users, filter, args, {
      order: 'oldest',
      toNode: (u: LeanUser) => this.toModel(u),
    });
  }

  /** `displayName: null` removes the name; undefined leaves it as it is. */
  async updateProfile(
    id: string,
    changes: { displayName?: string | null; preferredLanguage?: Language | null },
  ): Promise<UserModel> {
    const set: Partial<User> = {};
    if (changes.preferredLanguage) set.preferredLanguage = changes.preferredLanguage;
    if (changes.displayName)
      set.displayNameEnc = this.crypto.encrypt(changes.displayName, NAME_CONTEXT);
    const update =
      changes.displayName === null ? { $set: set, $unset: { displayNameEnc: 1 } } : { $set: set };
    const updated = await this.users
      .findByIdAndUpdate(id, update, { returnDocument: 'after' })
      .lean<LeanUser>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated);
  }

  /** Sets a new password hash and ends every access token; returns the new token version. */
  async setPasswordHash(id: string, passwordHash: string): Promise<number> {
    const updated = await this.users
      .findByIdAndUpdate(
        id,
        { $set: { passwordHash }, $inc: { tokenVersion: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanUser>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.publish(id, AccountEventKind.PASSWORD_CHANGED);
    return updated.tokenVersion;
  }

  /**
   * Roles and organisation together: a library coordinator must act for an organisation; other
   * roles may belong to one (e.g. a reviewer working at a branch, so conflicts can be seen).
   */
  async setRoles(id: string, roles: Role[], organisationId?: string): Promise<UserModel> {
    this.assertOrganisation(roles, organisationId);
    if (organisationId) await this.organisations.assertExists(organisationId);
    const user = await this.findRaw(id);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    const removesAdmin = user.roles.includes(Role.admin) && !roles.includes(Role.admin);
    const updated = await this.unlessLastAdmin(removesAdmin, id, () =>
      this.users
        .findByIdAndUpdate(
          id,
          {
            $set: {
              roles,
              ...(organisationId ? { organisationId: new Types.ObjectId(organisationId) } : {}),
            },
            ...(organisationId ? {} : { $unset: { organisationId: 1 } }),
            $inc: { tokenVersion: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean<LeanUser>()
        .exec(),
    );
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.publish(id, AccountEventKind.ROLES_CHANGED);
    return this.toModel(updated);
  }

  async setStatus(id: string, status: UserStatus): Promise<UserModel> {
    const user = await this.findRaw(id);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    const removesAdmin = status === 'disabled' && user.roles.includes(Role.admin);
    const updated = await this.unlessLastAdmin(removesAdmin, id, () =>
      this.users
        .findByIdAndUpdate(
          id,
          { $set: { status }, $inc: { tokenVersion: status === 'disabled' ? 1 : 0 } },
          { returnDocument: 'after' },
        )
        .lean<LeanUser>()
        .exec(),
    );
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    if (status === 'disabled') {
      await this.sessions.endAll(id);
      await this.publish(id, AccountEventKind.DISABLED);
    }
    return this.toModel(updated);
  }

  /** Ends every session: access tokens die at once (version bump), refresh tokens are revoked. */
  async signOutEverywhere(id: string): Promise<void> {
    await this.users.updateOne({ _id: id }, { $inc: { tokenVersion: 1 } }).exec();
    await this.sessions.endAll(id);
    await this.publish(id, AccountEventKind.SIGNED_OUT_EVERYWHERE);
  }

  /** Erasure on request: the account and its sessions go; other contexts hear of it and erase theirs. */
  async erase(id: string): Promise<void> {
    const user = await this.findRaw(id);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    await this.unlessLastAdmin(user.roles.includes(Role.admin), id, async () => {
      await this.sessions.deleteAll(id);
      await this.users.deleteOne({ _id: user._id }).exec();
      // after the account: a claim left by a crash here is taken over later (no account)
      await this.skeletons.release(user._id);
    });
    // A staff member's name goes from the accounts they created at the desk (they stay marked).
    await this.users
      .updateMany({ 'deskCreation.staffId': user._id }, { $unset: { 'deskCreation.staffId': 1 } })
      .exec();
    // Every context's handler runs (and is awaited) before the caller hears the account is gone.
    await this.domainEvents.publish(USER_ERASED, { userId: id });
  }

  /**
   * Runs a change that may take away an admin. Such changes run one at a time (a named lock
   * across instances), so two admins demoting each other at once cannot leave no admin.
   */
  private async unlessLastAdmin<T>(removesAdmin: boolean, id: string, change: () => Promise<T>) {
    if (!removesAdmin) return change();
    return this.locks.withLock('identity.admin-roster', async () => {
      await this.assertNotLastAdmin(id);
      return change();
    });
  }

  private async assertNotLastAdmin(id: string): Promise<void> {
    const others = await this.users
      .countDocuments({
        roles: Role.admin,
        status: 'active',
        _id: trusted({ $ne: new Types.ObjectId(id) }),
      })
      .exec();
    if (others === 0) throw new DomainException(ErrorCode.LAST_ADMIN);
  }

  /**
   * Colleagues at the information point (active staff and admins) with the name they go by, for
   * reassigning a question: no login, no contact, nothing else about them.
   */
  async staffDirectory(): Promise<{ id: string; name: string }[]> {
    const found = await this.users
      .find({ roles: trusted({ $in: [Role.staff, Role.admin] }), status: 'active' })
      .sort({ _id: 1 })
      .limit(500)
      .lean<LeanUser[]>()
      .exec();
    return found.map((u) => {
      const model = this.toModel(u);
      return { id: model.id, name: model.displayName ?? model.login };
    });
  }

  /**
   * The coordinators acting for an organisation, with the name they go by (else their login), for
   * its profile page: admins see any organisation's, a coordinator only their own.
   */
  async organisationMembers(
    organisationId: string,
    by: AuthUser,
  ): Promise<{ id: string; name: string }[]> {
    if (!by.roles.includes(Role.admin) && by.organisationId !== organisationId)
      throw new DomainException(ErrorCode.FORBIDDEN);
    if (!Types.ObjectId.isValid(organisationId)) return [];
    const found = await this.users
      .find({ organisationId: new Types.ObjectId(organisationId), status: 'active' })
      .sort({ _id: 1 })
      .limit(200)
      .lean<LeanUser[]>()
      .exec();
    return found.map((u) => {
      const model = this.toModel(u);
      return { id: model.id, name: model.displayName ?? model.login };
    });
  }

  private publish(userId: string, kind: AccountEventKind) {
    return this.events.publish(ACCOUNT_EVENTS, { userId, kind, at: new Date() });
  }

  toModel(user: LeanUser): UserModel {
    return {
      id: user._id.toHexString(),
      login: this.crypto.decrypt(user.loginEnc, LOGIN_CONTEXT),
      loginKind: user.loginKind as LoginKindModel,
      displayName: user.displayNameEnc
        ? this.crypto.decrypt(user.displayNameEnc, NAME_CONTEXT)
        : null,
      roles: user.roles,
      organisationId: user.organisationId ? user.organisationId.toHexString() : null,
      preferredLanguage: user.preferredLanguage,
      status: user.status as UserStatusModel,
      createdAt: user.createdAt,
      createdAtDesk: !!user.deskCreation,
    };
  }
}
