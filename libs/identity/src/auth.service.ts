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
import { SignUpInput } from './dto/auth.inputs';
import { AuthPayload, UserModel } from './models/user.model';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';
import { UsersService } from './users.service';

/** Sign-up, sign-in, token rotation and sign-out; also checks access tokens for every request. */
@Injectable()
export class AuthService implements Authenticator {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: UsersService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordService,
  ) {}

  async signUp(input: SignUpInput, requestLanguage: Language): Promise<AuthPayload> {
    const hasEmail = input.email != null;
    if (hasEmail === (input.username != null)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'email', constraint: 'emailXorUsername' },
      ]);
    }
    const user = await this.accounts.create({
      login: hasEmail ? input.email! : input.username!,
      loginKind: hasEmail ? 'email' : 'username',
      password: input.password,
      roles: [Role.learner],
      displayName: input.displayName ?? undefined,
      preferredLanguage: input.preferredLanguage ?? requestLanguage,
    });
    return this.startSession(user);
  }

  /**
   * Same answer for an unknown login and a wrong password. Each attempt on an account is counted
   * atomically BEFORE the password is checked, so parallel guesses cannot slip past the lock;
   * per-address limits are the throttler's job.
   */
  async signIn(login: string, password: string): Promise<AuthPayload> {
    const user = await this.accounts.findByLogin(login);
    if (!user) {
      await this.passwords.verify(undefined, password);
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    }
    const attempt = await this.accounts.reserveSignInAttempt(user._id.toHexString());
    if (attempt.locked) {
      const seconds = Math.max(1, Math.ceil((attempt.until.getTime() - Date.now()) / 1000));
      throw new DomainException(ErrorCode.ACCOUNT_LOCKED, {
        count: Math.ceil(seconds / 60),
        retryAfterSeconds: seconds,
      });
    }
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.status !== 'active') throw new DomainException(ErrorCode.ACCOUNT_DISABLED);
    await this.accounts.clearSignInAttempts(user._id.toHexString());
    return this.sessions.start(this.accounts.toModel(user), user.tokenVersion);
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

  async changePassword(userId: string, current: string, next: string): Promise<AuthPayload> {
    const user = await this.accounts.findRaw(userId);
    if (!user || !(await this.passwords.verify(user.passwordHash, current))) {
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    }
    const model = this.accounts.toModel(user);
    this.passwords.assertStrong(next, model.login);
    const tokenVersion = await this.accounts.setPasswordHash(
      userId,
      await this.passwords.hash(next),
    );
    await this.sessions.endAll(userId);
    return this.sessions.start(model, tokenVersion);
  }

  async deleteAccount(userId: string, password: string): Promise<boolean> {
    const user = await this.accounts.findRaw(userId);
    if (!user || !(await this.passwords.verify(user.passwordHash, password))) {
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    }
    await this.accounts.erase(userId);
    return true;
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

  /** Hourly removal of expired refresh tokens (FerretDB has no TTL indexes). */
  @ScheduledJob({ name: 'identity.purgeExpiredTokens', every: 3_600_000 })
  async purgeExpiredTokens(): Promise<void> {
    const removed = await this.sessions.purgeExpired();
    if (removed > 0) this.logger.log({ removed }, 'expired refresh tokens purged');
  }
}
