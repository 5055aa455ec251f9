import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  FieldEncryption,
  isDuplicateKey,
  objectId,
} from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { MembersService } from '../directory/members.service';
import { NgoNotificationKind } from '../notifications/ngo-notification.schema';
import { NgoNotificationsService } from '../notifications/ngo-notifications.service';
import { VolunteerApplicationModel } from './models/volunteering.model';
import { isRecruiting } from './offer-states';
import { LeanOffer, VolunteerOffersService } from './volunteer-offers.service';
import { NgoVolunteerApplication, OfferModeration, VolunteerStatus } from './volunteering.schema';

type LeanApplication = NgoVolunteerApplication & { _id: Types.ObjectId };

const MESSAGE = 'ngo_volunteer_applications.message';
const LIVE = [
  VolunteerStatus.APPLIED,
  VolunteerStatus.INVITED,
  VolunteerStatus.RESERVE,
  VolunteerStatus.ACCEPTED,
];

/**
 * Volunteers on an offer: apply once, accepted up to the limit, the rest on the reserve list,
 * invited directly, withdrawing. A place is taken on the offer's counter (conditional `$inc`)
 * BEFORE the application is marked ACCEPTED, and given back if that mark fails, so the counter
 * never shows fewer places taken than accepted volunteers. A withdrawn place passes straight to
 * the first on the reserve list (the counter does not move, so no newcomer can take it).
 */
@Injectable()
export class VolunteerRecruitmentService {
  constructor(
    @InjectModel(NgoVolunteerApplication.name)
    private readonly applications: Model<NgoVolunteerApplication>,
    private readonly offers: VolunteerOffersService,
    private readonly members: MembersService,
    private readonly users: UsersService,
    private readonly notifications: NgoNotificationsService,
    private readonly crypto: FieldEncryption,
    private readonly clock: Clock,
  ) {}

  async apply(user: AuthUser, offerId: string, message?: string) {
    const offer = await this.offers.find(offerId);
    if (offer.moderation !== OfferModeration.PUBLISHED)
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (!isRecruiting(offer, this.clock.now()))
      throw new DomainException(ErrorCode.OFFER_WINDOW_CLOSED);
    try {
      const created = await this.applications.create({
        offerId: offer._id,
        userId: new Types.ObjectId(user.id),
        status: VolunteerStatus.APPLIED,
        messageEnc: message ? this.crypto.encrypt(message, MESSAGE) : undefined,
      });
      return this.toModel(created.toObject(), true);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_APPLIED);
      throw error;
    }
  }

  /** The organisation invites a person directly (they accept or not); once per person. */
  async invite(user: AuthUser, offerId: string, login: string) {
    const offer = await this.offers.find(offerId);
    await this.members.assertActsFor(user, offer.organisationId.toHexString());
    if (offer.cancelled || offer.endsAt <= this.clock.now())
      throw new DomainException(ErrorCode.OFFER_WINDOW_CLOSED);
    const person = await this.users.findByLogin(login);
    if (!person) throw new DomainException(ErrorCode.NOT_FOUND);
    try {
      const created = await this.applications.create({
        offerId: offer._id,
        userId: person._id,
        status: VolunteerStatus.INVITED,
      });
      return this.toModel(created.toObject(), false);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DomainException(ErrorCode.ALREADY_APPLIED);
      throw error;
    }
  }

  /** The organisation accepts an applicant: a place if one is free, else the reserve list. */
  async accept(user: AuthUser, applicationId: string) {
    const application = await this.find(applicationId);
    const offer = await this.offers.find(application.offerId.toHexString());
    await this.members.assertActsFor(user, offer.organisationId.toHexString());
    if (![VolunteerStatus.APPLIED, VolunteerStatus.RESERVE].includes(application.status))
      throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    return this.placeOrReserve(application, offer, [
      VolunteerStatus.APPLIED,
      VolunteerStatus.RESERVE,
    ]);
  }

  async moveToReserve(user: AuthUser, applicationId: string) {
    const application = await this.find(applicationId);
    const offer = await this.offers.find(application.offerId.toHexString());
    await this.members.assertActsFor(user, offer.organisationId.toHexString());
    return this.reserve(application, offer, VolunteerStatus.APPLIED);
  }

  /** The invited person accepts the invitation: a place if one is free, else the reserve list. */
  async acceptInvitation(user: AuthUser, applicationId: string) {
    const application = await this.find(applicationId);
    if (!application.userId.equals(user.id) || application.status !== VolunteerStatus.INVITED)
      throw new DomainException(ErrorCode.NOT_FOUND);
    const offer = await this.offers.find(application.offerId.toHexString());
    return this.placeOrReserve(application, offer, [VolunteerStatus.INVITED]);
  }

  /** The volunteer withdraws; an accepted volunteer's place goes to the first on the reserve list. */
  async withdraw(user: AuthUser, applicationId: string) {
    const application = await this.find(applicationId);
    if (!application.userId.equals(user.id)) throw new DomainException(ErrorCode.NOT_FOUND);
    const before = await this.applications
      .findOneAndUpdate(
        { _id: application._id, status: trusted({ $in: LIVE }) },
        { $set: { status: VolunteerStatus.WITHDRAWN }, $unset: { reservePosition: 1 } },
      )
      .lean<LeanApplication>()
      .exec();
    if (!before) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    if (before.status === VolunteerStatus.ACCEPTED) await this.passPlace(before.offerId);
    return this.toModel(
      { ...before, status: VolunteerStatus.WITHDRAWN, reservePosition: undefined },
      true,
    );
  }

  async forOffer(user: AuthUser, offerId: string): Promise<VolunteerApplicationModel[]> {
    const offer = await this.offers.find(offerId);
    await this.members.assertActsFor(user, offer.organisationId.toHexString());
    const rows = await this.applications
      .find({ offerId: offer._id })
      .sort({ _id: 1 })
      .limit(500)
      .lean<LeanApplication[]>()
      .exec();
    return rows.map((a) => this.toModel(a, true));
  }

  async mine(user: AuthUser): Promise<VolunteerApplicationModel[]> {
    const rows = await this.applications
      .find({ userId: new Types.ObjectId(user.id) })
      .sort({ _id: -1 })
      .limit(100)
      .lean<LeanApplication[]>()
      .exec();
    return rows.map((a) => this.toModel(a, true));
  }

  /** USER_ERASED: an accepted place passes on, then every application of the person goes. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    const accepted = await this.applications
      .find({ userId: id, status: VolunteerStatus.ACCEPTED })
      .lean<LeanApplication[]>()
      .exec();
    for (const a of accepted) {
      const withdrawn = await this.applications
        .findOneAndUpdate(
          { _id: a._id, status: VolunteerStatus.ACCEPTED },
          { $set: { status: VolunteerStatus.WITHDRAWN } },
        )
        .exec();
      if (withdrawn) await this.passPlace(a.offerId);
    }
    await this.applications.deleteMany({ userId: id }).exec();
  }

  private async placeOrReserve(
    application: LeanApplication,
    offer: LeanOffer,
    from: VolunteerStatus[],
  ): Promise<VolunteerApplicationModel> {
    if (await this.offers.takePlace(offer._id)) {
      const accepted = await this.applications
        .findOneAndUpdate(
          { _id: application._id, status: trusted({ $in: from }) },
          { $set: { status: VolunteerStatus.ACCEPTED }, $unset: { reservePosition: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanApplication>()
        .exec();
      if (!accepted) {
        await this.offers.releasePlace(offer._id);
        throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
      }
      await this.notifyAccepted(accepted, offer);
      return this.toModel(accepted, true);
    }
    if (application.status === VolunteerStatus.RESERVE) return this.toModel(application, true);
    return this.reserve(application, offer, application.status);
  }

  private async reserve(application: LeanApplication, offer: LeanOffer, from: VolunteerStatus) {
    if (application.status !== from) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    const position = await this.offers.nextReservePosition(offer._id);
    const reserved = await this.applications
      .findOneAndUpdate(
        { _id: application._id, status: from },
        { $set: { status: VolunteerStatus.RESERVE, reservePosition: position } },
        { returnDocument: 'after' },
      )
      .lean<LeanApplication>()
      .exec();
    // a position taken by a request that then lost leaves a gap; the order still holds
    if (!reserved) throw new DomainException(ErrorCode.ILLEGAL_TRANSITION);
    return this.toModel(reserved, true);
  }

  /**
   * A freed place goes to the first on the reserve list (the counter stays); with nobody
   * waiting it is released, and if someone joined the list meanwhile, taken again for them.
   */
  private async passPlace(offerId: Types.ObjectId): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await this.promoteFirstReserve(offerId)) return;
      await this.offers.releasePlace(offerId);
      const waiting = await this.applications
        .countDocuments({ offerId, status: VolunteerStatus.RESERVE })
        .exec();
      if (waiting === 0 || !(await this.offers.takePlace(offerId))) return;
    }
  }

  private async promoteFirstReserve(offerId: Types.ObjectId): Promise<boolean> {
    for (;;) {
      const [first] = await this.applications
        .find({ offerId, status: VolunteerStatus.RESERVE })
        .sort({ reservePosition: 1 })
        .limit(1)
        .lean<LeanApplication[]>()
        .exec();
      if (!first) return false;
      const promoted = await this.applications
        .findOneAndUpdate(
          { _id: first._id, status: VolunteerStatus.RESERVE },
          { $set: { status: VolunteerStatus.ACCEPTED }, $unset: { reservePosition: 1 } },
          { returnDocument: 'after' },
        )
        .lean<LeanApplication>()
        .exec();
      if (promoted) {
        const offer = await this.offers.find(offerId.toHexString());
        await this.notifyAccepted(promoted, offer);
        return true;
      }
    }
  }

  private async notifyAccepted(a: LeanApplication, offer: LeanOffer): Promise<void> {
    await this.notifications.notify({ userId: a.userId }, NgoNotificationKind.VOLUNTEER_ACCEPTED, {
      title: this.offers.title(offer, offer.baseLanguage),
    });
  }

  private async find(id: string): Promise<LeanApplication> {
    const found = await this.applications.findById(objectId(id)).lean<LeanApplication>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  private toModel(a: LeanApplication, withMessage: boolean): VolunteerApplicationModel {
    return {
      id: a._id.toHexString(),
      offerId: a.offerId.toHexString(),
      userId: a.userId.toHexString(),
      status: a.status,
      reservePosition: a.reservePosition ?? null,
      message: withMessage && a.messageEnc ? this.crypto.decrypt(a.messageEnc, MESSAGE) : null,
    };
  }
}
