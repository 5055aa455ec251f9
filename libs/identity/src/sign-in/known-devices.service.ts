import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Clock, OnDomainEvent } from '@sasiad/core';
import { USER_ERASED } from '../accounts/users.service';
import { KnownDevice } from './known-device.schema';

const DEVICE_TTL_MS = 180 * 86_400_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Device tokens: `<id>.<secret>`, given at sign-in, proving a device the owner used before. */
@Injectable()
export class KnownDevices {
  constructor(
    @InjectModel(KnownDevice.name) private readonly devices: Model<KnownDevice>,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const device = await this.devices.create({
      userId: new Types.ObjectId(userId),
      secretHash: sha256(secret).toString('base64url'),
      expiresAt: new Date(this.clock.nowMs() + DEVICE_TTL_MS),
    });
    return `${device._id.toHexString()}.${secret}`;
  }

  /**
   * The device's id when `token` is a live token of `userId`'s, else null. It reads the token's
   * record whether or not the login named an account, so the answer takes as long either way.
   */
  async recognise(token: string | undefined | null, userId: string | null): Promise<string | null> {
    if (!token) return null;
    const [id, secret] = token.split('.');
    if (!id || !secret || !Types.ObjectId.isValid(id)) return null;
    const stored = await this.devices.findById(id).lean().exec();
    const expected = stored ? Buffer.from(stored.secretHash, 'base64url') : sha256('absent');
    const matches = expected.length === 32 && timingSafeEqual(expected, sha256(secret));
    if (!stored || !matches || !userId || stored.userId.toHexString() !== userId) return null;
    if (stored.expiresAt <= this.clock.now()) return null;
    return id;
  }

  async purgeExpired(): Promise<number> {
    const { deletedCount } = await this.devices
      .deleteMany({ expiresAt: trusted({ $lt: this.clock.now() }) })
      .exec();
    return deletedCount;
  }

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.devices.deleteMany({ userId: new Types.ObjectId(userId) }).exec();
  }
}
