import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import {
  AppConfig,
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  logFailure,
  OnDomainEvent,
  OutboundMessages,
  pageById,
  Role,
} from '@sasiad/core';
import { PasswordService } from '../accounts/password.service';
import { SessionsService } from '../sessions/sessions.service';
import { SignInAttempts } from '../sign-in/sign-in-attempts.service';
import { USER_ERASED, UsersService } from '../accounts/users.service';
import { IdentityAudit, IdentityAuditAction } from './identity-audit.schema';
import { IdentityAuditEntry } from './models/identity-audit-entry.model';
import { PasswordResetCode } from './models/password-reset-code.model';
import { ResetSecret, ResetSecretKind } from './reset-secret.schema';

const RECOVERY_CODES = 10;
/** Live reset links per account at most: a stranger cannot fill someone's mailbox. */
const MAX_LIVE_EMAIL_LINKS = 3;
/**
 * How long the setup code of an account created at the desk works: long enough for a person
 * who could not finish at the desk (no phone, no battery) to do it at home.
 */
export const DESK_SETUP_CODE_TTL_HOURS = 72;

type LeanUser = NonNullable<Awaited<ReturnType<UsersService['findRaw']>>>;

/**
 * Ways back in after a forgotten password, also for people without an e-mail: recovery codes
 * (shown once), a one-time code from info-point staff with the person present (audited), and a
 * reset link by e-mail. Every secret is stored as a keyed hash and works once; every reset ends
 * all sessions. The only code that touches `password_reset_secrets` and `identity_audit`.
 */
@Injectable()
export class RecoveryService {
  private readonly logger = new Logger(RecoveryService.name);

  constructor(
    @InjectModel(ResetSecret.name) private readonly secrets: Model<ResetSecret>,
    @InjectModel(IdentityAudit.name) private readonly audit: Model<IdentityAudit>,
    private readonly accounts: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordService,
    private readonly attempts: SignInAttempts,
    private readonly crypto: FieldEncryption,
    private readonly messages: OutboundMessages,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Twelve digits in three groups: they type the same on Polish, Ukrainian and Belarusian keyboards. */
  private newCode(): string {
    const digits = String(randomInt(0, 1_000_000_000_000)).padStart(12, '0');
    return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
  }

  private codeHash(userId: string, code: string): string {
    return this.crypto.blindIndex(`${userId}:${code.replace(/\D/g, '')}`, 'identity.resetCode');
  }

  private tokenHash(token: string): string {
    return this.crypto.blindIndex(token, 'identity.emailResetToken');
  }

  /** A new set of recovery codes; the previous set stops working. Shown once, stored as hashes. */
  async issueRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, () => this.newCode());
    const batch = randomUUID();
    const owner = new Types.ObjectId(userId);
    await this.secrets.insertMany(
      codes.map((code) => ({
        userId: owner,
        kind: 'recovery',
        batch,
        secretHash: this.codeHash(userId, code),
      })),
    );
    await this.secrets
      .deleteMany({ userId: owner, kind: 'recovery', batch: trusted({ $ne: batch }) })
      .exec();
    return codes;
  }

  /** Signed in, with the current password (its failures count like sign-in's). */
  async regenerateRecoveryCodes(userId: string, password: string, clientIp: string) {
    const user = await this.accounts.findRaw(userId);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    const attempt = await this.attempts.reserve({ loginHash: user.loginHash, clientIp });
    if (!(await this.passwords.verify(user.passwordHash, password)))
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    await this.attempts.succeeded(attempt);
    return this.issueRecoveryCodes(userId);
  }

  /**
   * A recovery code or a staff-given code. Counted like sign-in (per login and address); an
   * unknown login gets the same answer as a wrong code.
   */
  async resetWithCode(
    input: { login: string; code: string; newPassword: string },
    clientIp: string,
  ): Promise<boolean> {
    this.passwords.assertStrong(input.newPassword, this.accounts.normalizeLogin(input.login));
    const user = await this.accounts.findByLogin(input.login);
    const attempt = await this.attempts.reserve({
      loginHash: this.accounts.loginHash(input.login),
      clientIp,
    });
    const userId = user?._id.toHexString() ?? '000000000000000000000000';
    const now = this.clock.now();
    const used = await this.secrets
      .findOneAndDelete({
        userId: new Types.ObjectId(userId),
        secretHash: this.codeHash(userId, input.code),
        kind: trusted({ $in: ['recovery', 'staff', 'setup'] }),
        $or: [{ expiresAt: null }, { expiresAt: trusted({ $gt: now }) }],
      })
      .lean()
      .exec();
    if (!user || !used) throw new DomainException(ErrorCode.INVALID_RECOVERY_CODE);
    await this.attempts.succeeded(attempt);
    await this.completeReset(
      user,
      input.newPassword,
      user._id,
      used.kind === 'staff'
        ? 'passwordResetWithStaffCode'
        : used.kind === 'setup'
          ? 'accountSetUpWithDeskCode'
          : 'passwordResetWithRecoveryCode',
    );
    return true;
  }

  /**
   * Info-point staff, with the person present, give a one-time code (valid
   * PASSWORD_RESET_TTL_MINUTES). Staff may do it for learners only; admins for anyone but
   * themselves. Recorded in the audit trail.
   */
  async issueStaffResetCode(actor: AuthUser, login: string): Promise<PasswordResetCode> {
    const user = await this.accounts.findByLogin(login);
    if (!user) throw new DomainException(ErrorCode.NOT_FOUND);
    const userId = user._id.toHexString();
    const isAdmin = actor.roles.includes(Role.admin);
    const onlyLearner = user.roles.every((role) => role === Role.learner);
    if (userId === actor.id || (!isAdmin && !onlyLearner))
      throw new DomainException(ErrorCode.FORBIDDEN);
    const code = this.newCode();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.env.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.secrets.deleteMany({ userId: user._id, kind: 'staff' }).exec();
    await this.secrets.create({
      userId: user._id,
      kind: 'staff',
      secretHash: this.codeHash(userId, code),
      expiresAt,
    });
    // with the person present at the desk: done by staff on their behalf
    await this.record(new Types.ObjectId(actor.id), 'passwordResetCodeIssued', user._id, user._id);
    return { code, expiresAt };
  }

  /**
   * The one-time setup code of an account a staff member just created at the desk (valid
   * DESK_SETUP_CODE_TTL_HOURS): the person sets their own password with it
   * (resetPasswordWithRecoveryCode). Audited as `accountCreatedAtDesk` by the staff member on
   * behalf of the new account.
   */
  async issueDeskSetupCode(staffId: string, userId: string): Promise<PasswordResetCode> {
    const owner = new Types.ObjectId(userId);
    const code = this.newCode();
    const expiresAt = new Date(this.clock.now().getTime() + DESK_SETUP_CODE_TTL_HOURS * 3_600_000);
    await this.secrets.create({
      userId: owner,
      kind: 'setup',
      secretHash: this.codeHash(userId, code),
      expiresAt,
    });
    await this.record(new Types.ObjectId(staffId), 'accountCreatedAtDesk', owner, owner);
    return { code, expiresAt };
  }

  /**
   * Always true, at once: whether the address has an account is never told, and the link is
   * made and sent after the answer so the time taken does not tell either.
   */
  async requestEmailReset(email: string): Promise<boolean> {
    const user = await this.accounts.findByLogin(email);
    if (user && user.loginKind === 'email' && user.status === 'active')
      void this.sendResetLink(user).catch((error) =>
        logFailure(this.logger, 'password reset e-mail', error),
      );
    return true;
  }

  private async sendResetLink(user: LeanUser): Promise<void> {
    const now = this.clock.now();
    const live = await this.secrets
      .countDocuments({ userId: user._id, kind: 'email', expiresAt: trusted({ $gt: now }) })
      .exec();
    if (live >= MAX_LIVE_EMAIL_LINKS) return;
    const minutes = this.config.env.PASSWORD_RESET_TTL_MINUTES;
    const token = randomBytes(32).toString('base64url');
    await this.secrets.create({
      userId: user._id,
      kind: 'email',
      secretHash: this.tokenHash(token),
      expiresAt: new Date(now.getTime() + minutes * 60_000),
    });
    await this.messages.sendEmail({
      to: this.accounts.toModel(user).login,
      language: user.preferredLanguage,
      template: 'passwordReset',
      params: { link: `${this.config.env.PASSWORD_RESET_URL}#token=${token}`, count: minutes },
    });
  }

  async resetWithEmailToken(token: string, newPassword: string): Promise<boolean> {
    const filter = {
      secretHash: this.tokenHash(token),
      kind: 'email' as ResetSecretKind,
      expiresAt: trusted({ $gt: this.clock.now() }),
    };
    const found = await this.secrets.findOne(filter).lean().exec();
    const user = found && (await this.accounts.findRaw(found.userId.toHexString()));
    if (!user) throw new DomainException(ErrorCode.INVALID_RESET_TOKEN);
    // The new password is checked before the link is used up, so a weak choice can be corrected.
    this.passwords.assertStrong(newPassword, this.accounts.toModel(user).login);
    const used = await this.secrets.findOneAndDelete(filter).lean().exec();
    if (!used) throw new DomainException(ErrorCode.INVALID_RESET_TOKEN);
    await this.completeReset(user, newPassword, user._id, 'passwordResetWithEmail');
    return true;
  }

  /** A new password ends every session and every other reset secret but the recovery codes. */
  private async completeReset(
    user: LeanUser,
    newPassword: string,
    actorId: Types.ObjectId,
    action: IdentityAuditAction,
  ): Promise<void> {
    const userId = user._id.toHexString();
    await this.accounts.setPasswordHash(userId, await this.passwords.hash(newPassword));
    await this.sessions.endAll(userId);
    await this.secrets
      .deleteMany({ userId: user._id, kind: trusted({ $in: ['staff', 'email', 'setup'] }) })
      .exec();
    await this.record(actorId, action, user._id);
  }

  private async record(
    actorId: Types.ObjectId,
    action: IdentityAuditAction,
    subjectId: Types.ObjectId,
    onBehalfOf?: Types.ObjectId,
  ): Promise<void> {
    await this.audit.create({ actorId, action, subjectId, at: this.clock.now(), onBehalfOf });
  }

  /** The audit trail for admins, newest first, optionally about one account. */
  listAudit(args: { first: number; after?: string; userId?: string }) {
    type Row = IdentityAudit & { _id: Types.ObjectId };
    return pageById<IdentityAudit, Row, IdentityAuditEntry>(
      this.audit,
      args.userId ? { subjectId: new Types.ObjectId(args.userId) } : {},
      args,
      {
        order: 'newest',
        toNode: (row) => ({
          id: row._id.toHexString(),
          actorId: row.actorId.toHexString(),
          action: row.action,
          userId: row.subjectId.toHexString(),
          at: row.at,
          onBehalfOf: row.onBehalfOf?.toHexString() ?? null,
        }),
      },
    );
  }

  /** Expired links and staff codes (FerretDB has no TTL indexes); run by identity.purgeExpiredTokens. */
  async purgeExpired(): Promise<number> {
    const { deletedCount } = await this.secrets
      .deleteMany({ expiresAt: trusted({ $lt: this.clock.now() }) })
      .exec();
    return deletedCount;
  }

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.secrets.deleteMany({ userId: new Types.ObjectId(userId) }).exec();
  }
}
