import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig, DomainException, ErrorCode } from '@sasiad/core';
import { AuthPayload, UserModel } from '../accounts/models/user.model';
import { RefreshToken } from './refresh-token.schema';

export interface AccessClaims {
  sub: string;
  /** The account's token version when issued; bumped to end every session at once. */
  ver: number;
  /** The session (refresh-token family); ending it ends its access tokens too. */
  sid: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Sessions: a session is a family of refresh tokens. Each token works once and is replaced by its
 * successor; presenting a used token again ends the whole family (it was stolen). The only code
 * that touches `refresh_tokens`.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** A new session for a user whose current token version is `tokenVersion`. */
  start(user: UserModel, tokenVersion: number): Promise<AuthPayload> {
    return this.issue(user, new Types.ObjectId(), tokenVersion);
  }

  private async issue(
    user: UserModel,
    familyId: Types.ObjectId,
    tokenVersion: number,
  ): Promise<AuthPayload> {
    const ttl = this.config.env.ACCESS_TOKEN_TTL_SECONDS;
    const claims: AccessClaims = { sub: user.id, ver: tokenVersion, sid: familyId.toHexString() };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const token = await this.tokens.create({
      userId: new Types.ObjectId(user.id),
      familyId,
      tokenVersion,
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

  /**
   * Exchanges a refresh token for a new pair. `currentAccount` gives the account as it is now; a
   * token minted before the account's version changed (sign-out everywhere, password change,
   * disabling) no longer works, even if it was minted during that change.
   */
  async rotate(
    refreshToken: string,
    currentAccount: (
      userId: string,
    ) => Promise<{ user: UserModel; tokenVersion: number; active: boolean } | null>,
  ): Promise<AuthPayload> {
    const stored = await this.find(refreshToken);
    const now = new Date();
    const claimed = await this.tokens
      .findOneAndUpdate(
        { _id: stored._id, usedAt: null, revokedAt: null, expiresAt: trusted({ $gt: now }) },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (!claimed) {
      // Read again: a concurrent use may have claimed it a moment ago. Either way it was used twice.
      const again = await this.tokens.findById(stored._id).lean().exec();
      if (again?.usedAt && !again.revokedAt) {
        await this.endSession(stored.familyId.toHexString());
        throw new DomainException(ErrorCode.REFRESH_TOKEN_REUSED);
      }
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    }
    const account = await currentAccount(stored.userId.toHexString());
    if (!account || !account.active || account.tokenVersion !== stored.tokenVersion) {
      await this.endSession(stored.familyId.toHexString());
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    }
    const next = await this.issue(account.user, stored.familyId, account.tokenVersion);
    // A concurrent reuse may have ended the session while this rotation was under way: then the
    // token just issued must not revive it.
    const ended = await this.tokens
      .findOne({ familyId: stored.familyId, revokedAt: trusted({ $ne: null }) }, { _id: 1 })
      .lean()
      .exec();
    if (ended) {
      await this.endSession(stored.familyId.toHexString());
      throw new DomainException(ErrorCode.REFRESH_TOKEN_REUSED);
    }
    return next;
  }

  /** Ends the session a refresh token belongs to (possession of the token is the proof). */
  async endByToken(refreshToken: string): Promise<void> {
    const stored = await this.find(refreshToken);
    await this.endSession(stored.familyId.toHexString());
  }

  async endSession(familyId: string): Promise<void> {
    await this.tokens
      .updateMany(
        { familyId: new Types.ObjectId(familyId), revokedAt: null },
        { $set: { revokedAt: new Date() } },
      )
      .exec();
  }

  async endAll(userId: string): Promise<void> {
    await this.tokens
      .updateMany(
        { userId: new Types.ObjectId(userId), revokedAt: null },
        { $set: { revokedAt: new Date() } },
      )
      .exec();
  }

  async deleteAll(userId: string): Promise<void> {
    await this.tokens.deleteMany({ userId: new Types.ObjectId(userId) }).exec();
  }

  /** A session is active while its family has a token that was not revoked. */
  async isActive(familyId: string): Promise<boolean> {
    if (!Types.ObjectId.isValid(familyId)) return false;
    const live = await this.tokens
      .findOne({ familyId: new Types.ObjectId(familyId), revokedAt: null }, { _id: 1 })
      .lean()
      .exec();
    return live !== null;
  }

  async verifyAccessToken(token: string): Promise<AccessClaims | 'expired' | 'invalid'> {
    try {
      return await this.jwt.verifyAsync<AccessClaims>(token);
    } catch (error) {
      return error instanceof TokenExpiredError ? 'expired' : 'invalid';
    }
  }

  /** Removes refresh tokens that can no longer be used (FerretDB has no TTL indexes). */
  async purgeExpired(now = new Date()): Promise<number> {
    const { deletedCount } = await this.tokens
      .deleteMany({ expiresAt: trusted({ $lt: now }) })
      .exec();
    return deletedCount;
  }

  private async find(refreshToken: string) {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !Types.ObjectId.isValid(id))
      throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    const stored = await this.tokens.findById(id).lean().exec();
    const expected = stored ? Buffer.from(stored.secretHash, 'base64url') : sha256('absent');
    const matches = expected.length === 32 && timingSafeEqual(expected, sha256(secret));
    if (!stored || !matches) throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN);
    return stored;
  }
}
