import { Injectable, Logger } from '@nestjs/common';
import {
  Authenticator,
  AuthResult,
  DomainException,
  ErrorCode,
  Language,
  Role,
  ScheduledJob,
} from '@sasiad/core';
import { SignInInput, SignUpInput } from './dto/auth.inputs';
import { AuthPayload, UserModel } from '../accounts/models/user.model';
import { PasswordService } from '../accounts/password.service';
import { SessionsService } from './sessions.service';
import { RecoveryService } from '../recovery/recovery.service';
import { KnownDevices } from '../sign-in/known-devices.service';
import { SignInAttempts } from '../sign-in/sign-in-attempts.service';
import { UsersService } from '../accounts/users.service';

/** Sign-up, sign-in, token rotation and sign-out; also checks access tokens for every request. */
@Injectable()
export class AuthService implements Authenticator {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordService,
    private readonly attempts: SignInAttempts,
    private readonly devices: KnownDevices,
    private readonly recovery: RecoveryService,
  ) {}

  /** A taken name answers LOGIN_TAKEN (unavoidable for usernames), a look-alike of one USERNAME_LOOKALIKE; both count as a failed attempt of the address. */
  async signUp(
    input: SignUpInput,
    requestLanguage: Language,
    clientIp: string,
  ): Promise<AuthPayload> {
    const hasEmail = input.email != null;
    if (hasEmail === (input.username != null)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'email', constraint: 'emailXorUsername' },
      ]);
    }
    const attempt = await this.attempts.reserveAddress(clientIp);
    const user = await this.accounts
      .create({
        login: hasEmail ? input.email! : input.username!,
        loginKind: hasEmail ? 'email' : 'username',
        password: input.password,
        roles: [Role.learner],
        displayName: input.displayName ?? undefined,
        preferredLanguage: input.preferredLanguage ?? requestLanguage,
      })
      .catch(async (error: unknown) => {
        const taken =
          error instanceof DomainException &&
          (error.code === ErrorCode.LOGIN_TAKEN || error.code === ErrorCode.USERNAME_LOOKALIKE);
        if (!taken) await this.attempts.succeeded(attempt);
        throw error;
      });
    await this.attempts.succeeded(attempt);
    const session = await this.startSession(user);
    return {
      ...session,
      deviceToken: await this.devices.issue(user.id),
      recoveryCodes: await this.recovery.issueRecoveryCodes(user.id),
    };
  }

  /**
   * Same answers, and the same work, for an unknown login as for a real one: the attempt is
   * counted under the login's hash either way and a dummy hash is verified. Attempts are
   * counted per login and client address (or known device), so strangers cannot lock the owner
   * out (see SignInAttempts).
   */
  async signIn(input: SignInInput, clientIp: string): Promise<AuthPayload> {
    const user = await this.accounts.findByLogin(input.login);
    const userId = user?._id.toHexString() ?? null;
    const deviceId = await this.devices.recognise(input.deviceToken, userId);
    const attempt = await this.attempts.reserve({
      loginHash: this.accounts.loginHash(input.login),
      clientIp,
      deviceId,
    });
    const valid = await this.passwords.verify(user?.passwordHash, input.password);
    if (!user || !valid) throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    if (user.status !== 'active') throw new DomainException(ErrorCode.ACCOUNT_DISABLED);
    await this.attempts.succeeded(attempt);
    const session = await this.sessions.start(this.accounts.toModel(user), user.tokenVersion);
    return { ...session, deviceToken: deviceId ? null : await this.devices.issue(userId!) };
  }

  /** A new session for a user: after sign-up, and for tools and tests. */
  async startSession(user: UserModel): Promise<AuthPayload> {
    const found = await this.accounts.findForAuthentication(user.id);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.sessions.start(user, found.tokenVersion);
  }

  refresh(refreshToken: string): Promise<AuthPayload> {
    return this.sessions.rotate(refreshToken, async (userId) => {
      const user = await this.accounts.findRaw(userId);
      return (
        user && {
          user: this.accounts.toModel(user),
          tokenVersion: user.tokenVersion,
          active: user.status === 'active',
        }
      );
    });
  }

  async signOut(refreshToken: string): Promise<boolean> {
    await this.sessions.endByToken(refreshToken);
    return true;
  }

  async changePassword(
    userId: string,
    current: string,
    next: string,
    clientIp: string,
  ): Promise<AuthPayload> {
    const user = await this.checkCurrentPassword(userId, current, clientIp);
    const model = this.accounts.toModel(user);
    this.passwords.assertStrong(next, model.login);
    const tokenVersion = await this.accounts.setPasswordHash(
      userId,
      await this.passwords.hash(next),
    );
    await this.sessions.endAll(userId);
    return this.sessions.start(model, tokenVersion);
  }

  async deleteAccount(userId: string, password: string, clientIp: string): Promise<boolean> {
    await this.checkCurrentPassword(userId, password, clientIp);
    await this.accounts.erase(userId);
    return true;
  }

  /**
   * The current password, asked again by a signed-in session: counted like a sign-in (its login
   * and address, and the account over all addresses) before it is checked, so a stolen access
   * token cannot be used to guess it.
   */
  private async checkCurrentPassword(userId: string, password: string, clientIp: string) {
    const user = await this.accounts.findRaw(userId);
    if (!user) throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    const attempt = await this.attempts.reserveForSession(user.loginHash, clientIp);
    if (!(await this.passwords.verify(user.passwordHash, password)))
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    await this.attempts.succeeded(attempt);
    return user;
  }

  /** Called for every request that carries a token: the account, its version and the session must all still hold. */
  async authenticate(accessToken: string): Promise<AuthResult> {
    const claims = await this.sessions.verifyAccessToken(accessToken);
    if (typeof claims === 'string') return { user: null, problem: claims };
    const [user, sessionActive] = await Promise.all([
      this.accounts.findForAuthentication(claims.sub),
      this.sessions.isActive(claims.sid),
    ]);
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver || !sessionActive) {
      return { user: null, problem: 'invalid' };
    }
    return {
      user: {
        id: user._id.toHexString(),
        roles: user.roles,
        preferredLanguage: user.preferredLanguage,
        organisationId: user.organisationId?.toHexString(),
      },
    };
  }

  /** Hourly removal of expired refresh tokens, device tokens, attempt counters and reset secrets (FerretDB has no TTL indexes). */
  @ScheduledJob({ name: 'identity.purgeExpiredTokens', every: 3_600_000 })
  async purgeExpiredTokens(): Promise<void> {
    const removed = await this.sessions.purgeExpired();
    const counters = await this.attempts.purgeExpired();
    const devices = await this.devices.purgeExpired();
    const resetSecrets = await this.recovery.purgeExpired();
    if (removed + counters + devices + resetSecrets > 0)
      this.logger.log(
        { removed, counters, devices, resetSecrets },
        'expired tokens, counters and reset secrets purged',
      );
  }
}
