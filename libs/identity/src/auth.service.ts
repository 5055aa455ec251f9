import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  AppConfig,
  AuthResult,
  Authenticator,
  DomainException,
  ErrorCode,
  Language,
} from '@sasiad/core';
import { SignUpInput } from './dto/auth.inputs';
import { AuthPayload, UserModel } from './models/user.model';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.schema';
import { User } from './user.schema';
import { UsersService } from './users.service';
import { Role } from '@sasiad/core';

interface AccessClaims {
  sub: string;
  ver: number;
  sid: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Sign-up, sign-in, token rotation and sign-out; also checks access tokens for every request. */
@Injectable()
export class AuthService implements Authenticator {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(RefreshToken.name) private readonly refreshTokens: Model<RefreshToken>,
    private readonly accounts: UsersService,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async signUp(input: SignUpInput, requestLanguage: Language): Promise<AuthPayload> {
    if ((input.email === undefined) === (input.username === undefined)) {
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'email', constraint: 'emailXorUsername' },
      ]);
    }
    const user = await this.accounts.create({
      login: input.email ?? input.username!,
      loginKind: input.email !== undefined ? 'email' : 'username',
      password: input.password,
      roles: [Role.learner],
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage ?? requestLanguage,
    });
    return this.startSession(user);
  }

  /**
   * Same answer and similar time for an unknown login and a wrong password. Failures are counted
   * per account (conditional updates) and lock it for a while; per-address limits are the
   * throttler's job.
   */
  async signIn(login: string, password: string): Promise<AuthPayload> {
    const user = await this.accounts.findByLogin(login);
    const now = new Date();
    const lockedUntil = user?.signInFailures?.lockedUntil;
    if (user && lockedUntil && lockedUntil > now) throw this.locked(lockedUntil, now);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      if (user) await this.recordFailure(user._id, now);
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    }
    if (user.status !== 'active') throw new DomainException(ErrorCode.ACCOUNT_DISABLED);
    if (user.signInFailures)
      await this.users.updateOne({ _id: user._id }, { $unset: { signInFailures: 1 } }).exec();
    return this.startSession(this.accounts.toModel(user));
  }

  private async recordFailure(userId: Types.ObjectId, now: Date): Promise<void> {
    const windowMs = this.config.env.SIGNIN_LOCK_MINUTES * 60_000;
    const windowStart = new Date(now.getTime() - windowMs);
    let updated = await this.users
      .findOneAndUpdate(
        { _id: userId, 'signInFailures.windowStart': trusted({ $gte: windowStart }) },
        { $inc: { 'signInFailures.count': 1 } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    updated ??= await this.users
      .findOneAndUpdate(
        { _id: userId },
        { $set: { signInFailures: { count: 1, windowStart: now } } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (
      updated?.signInFailures &&
      updated.signInFailures.count >= this.config.env.SIGNIN_MAX_FAILURES
    ) {
      await this.users
        .updateOne(
          { _id: userId },
          { $set: { 'signInFailures.lockedUntil': new Date(now.getTime() + windowMs) } },
        )
        .exec();
    }
  }

  private locked(until: Date, now: Date): DomainException {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    return new DomainException(ErrorCode.ACCOUNT_LOCKED, {
      count: Math.ceil(seconds / 60),
      retryAfterSeconds: seconds,
    });
  }

  /** A new session (token family) for a user: used after sign-up and sign-in, and by tests and tools. */
  async startSession(user: UserModel): Promise<AuthPayload> {
    const familyId = new Types.ObjectId();
    return this.issue(user, familyId, await this.currentTokenVersion(user.id));
  }

  private async currentTokenVersion(userId: string): Promise<number> {
    const found = await this.accounts.findForAuthentication(userId);
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found.tokenVersion;
  }

  private async issue(
    user: UserModel,
    familyId: Types.ObjectId,
    tokenVersion: number,
  ): Promise<AuthPayload> {
    const ttl = this.config.env.ACCESS_TOKEN_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, ver: tokenVersion, sid: familyId.toHexString() } satisfies AccessClaims,
      {
        expiresIn: ttl,
      },
    );
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const token = await this.refreshTokens.create({
      userId: new Types.ObjectId(user.id),
      familyId,
      secretHash: sha256(secret).toString('base64url'),
      expiresAt,
    });
    return {
      accessToken,
      accessTokenExpiresIn: ttl,
      refreshToken: `${token._id.toHexString()}.${secret}`,
      refreshTokenExpiresAt: expiresAt,
      user,
    };
  }

  /** Rotation: a token works once. A second use means it was stolen: the whole session ends. */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const stored = await this.findToken(refreshToken);
    const now = new Date();
    const claimed = await this.refreshTokens
      .findOneAndUpdate(
        { _id: stored._id, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (!claimed) {
      if (stored.usedAt && !stored.revokedAt) {
        await this.refreshTokens
          .updateMany({ familyId: stored.familyId, revokedAt: null }, { $set: { revokedAt: now } })
          .exec();
        throw new DomainException(ErrorCode.REFRESH_TOKEN_REUSED);
      }
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    }
    const user = await this.accounts.findRaw(stored.userId.toHexString());
    if (!user || user.status !== 'active')
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    return this.issue(this.accounts.toModel(user), stored.familyId, user.tokenVersion);
  }

  /** Ends one session, given its refresh token (possession is the proof). */
  async signOut(refreshToken: string): Promise<boolean> {
    const stored = await this.findToken(refreshToken);
    await this.refreshTokens
      .updateMany(
        { familyId: stored.familyId, revokedAt: null },
        { $set: { revokedAt: new Date() } },
      )
      .exec();
    return true;
  }

  async changePassword(userId: string, current: string, next: string): Promise<AuthPayload> {
    const user = await this.accounts.findRaw(userId);
    if (!user || !(await this.passwords.verify(user.passwordHash, current)))
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    const model = this.accounts.toModel(user);
    this.passwords.assertStrong(next, model.login);
    await this.accounts.setPasswordHash(userId, await this.passwords.hash(next));
    await this.refreshTokens
      .updateMany({ userId: user._id, revokedAt: null }, { $set: { revokedAt: new Date() } })
      .exec();
    return this.startSession(model);
  }

  async deleteAccount(userId: string, password: string): Promise<boolean> {
    const user = await this.accounts.findRaw(userId);
    if (!user || !(await this.passwords.verify(user.passwordHash, password)))
      throw new DomainException(ErrorCode.INVALID_CREDENTIALS);
    await this.accounts.erase(userId);
    return true;
  }

  async authenticate(accessToken: string): Promise<AuthResult> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken);
    } catch (error) {
      return { user: null, problem: error instanceof TokenExpiredError ? 'expired' : 'invalid' };
    }
    const user = await this.accounts.findForAuthentication(claims.sub);
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver)
      return { user: null, problem: 'invalid' };
    return {
      user: {
        id: user._id.toHexString(),
        roles: user.roles,
        preferredLanguage: user.preferredLanguage,
        organisationId: user.organisationId?.toHexString(),
      },
    };
  }

  /** Removes refresh tokens that can no longer be used (FerretDB has no TTL indexes). */
  async purgeExpiredTokens(now = new Date()): Promise<number> {
    const { deletedCount } = await this.refreshTokens
      .deleteMany({ expiresAt: trusted({ $lt: now }) })
      .exec();
    return deletedCount;
  }

  private async findToken(refreshToken: string) {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !Types.ObjectId.isValid(id))
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    const stored = await this.refreshTokens.findById(id).lean().exec();
    const expected = stored ? Buffer.from(stored.secretHash, 'base64url') : sha256('absent');
    const matches = timingSafeEqual(expected, sha256(secret));
    if (!stored || !matches) throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    return stored;
  }
}
