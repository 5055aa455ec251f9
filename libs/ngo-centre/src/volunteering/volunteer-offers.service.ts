import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  Language,
  mergeTranslations,
  objectId,
  pageById,
  resolveLocalized,
} from '@sasiad/core';
import { DirectoryService } from '../directory/directory.service';
import { MembersService } from '../directory/members.service';
import {
  CreateVolunteerOfferInput,
  OrganisationVolunteerOffersArgs,
  VolunteerOffersArgs,
  VolunteerOffersForModerationArgs,
} from './dto/volunteering.inputs';
import { VolunteerOfferModel } from './models/volunteering.model';
import { actionState, offerTimeProblems, recruitmentState } from './offer-states';
import { NgoVolunteerOffer, OfferModeration } from './volunteering.schema';

export type LeanOffer = NgoVolunteerOffer & { _id: Types.ObjectId };

/** Offers: written by organisations, moderated by the centre; the only code touching offers. */
@Injectable()
export class VolunteerOffersService {
  constructor(
    @InjectModel(NgoVolunteerOffer.name) private readonly offers: Model<NgoVolunteerOffer>,
    private readonly directory: DirectoryService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, input: CreateVolunteerOfferInput): Promise<VolunteerOfferModel> {
    await this.members.assertActsFor(user, input.organisationId);
    await this.directory.assertVerified(input.organisationId);
    const problems = offerTimeProblems(input);
    if (problems.length > 0) throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, problems);
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    const text = (entries: { lang: Language; text: string }[], field: string) =>
      mergeTranslations(undefined, entries, base, now, field, ErrorCode.BAD_USER_INPUT);
    const created = await this.offers.create({
      organisationId: objectId(input.organisationId),
      baseLanguage: base,
      title: text(input.title, 'title'),
      tasks: text(input.tasks, 'tasks'),
      requirements: input.requirements?.length
        ? text(input.requirements, 'requirements')
        : undefined,
      place: input.place,
      languages: input.languages,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      recruitmentOpensAt: input.recruitmentOpensAt,
      recruitmentClosesAt: input.recruitmentClosesAt,
      volunteerLimit: input.volunteerLimit,
      moderation: OfferModeration.PENDING_REVIEW,
    });
    return this.toModel(created.toObject(), base);
  }

  /** The centre publishes an offer or rejects it with a reason (a published one may be withdrawn). */
  async moderate(offerId: string, publish: boolean, reason: string | undefined, lang: Language) {
    if (!publish && !reason)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'reason', constraint: 'required' },
      ]);
    const updated = await this.offers
      .findByIdAndUpdate(
        objectId(offerId),
        publish
          ? { $set: { moderation: OfferModeration.PUBLISHED }, $unset: { moderationReason: 1 } }
          : { $set: { moderation: OfferModeration.REJECTED, moderationReason: reason } },
        { returnDocument: 'after' },
      )
      .lean<LeanOffer>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.toModel(updated, lang);
  }

  async find(offerId: string): Promise<LeanOffer> {
    const found = await this.offers.findById(objectId(offerId)).lean<LeanOffer>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  /** Published offers whose action has not ended, soonest first by creation. */
  list(args: VolunteerOffersArgs, lang: Language): Promise<Connection<VolunteerOfferModel>> {
    const filter: QueryFilter<NgoVolunteerOffer> = {
      moderation: OfferModeration.PUBLISHED,
      endsAt: trusted({ $gt: this.clock.now() }),
    };
    if (args.speaks) filter.languages = args.speaks;
    return pageById(this.offers, filter, args, {
      order: 'oldest',
      toNode: (o: LeanOffer) => this.toModel(o, lang),
    });
  }

  /** Every offer of an organisation (any moderation state), newest first: for its people and staff. */
  async listForOrganisation(
    user: AuthUser,
    args: OrganisationVolunteerOffersArgs,
    lang: Language,
    staff: boolean,
  ): Promise<Connection<VolunteerOfferModel>> {
    if (!staff) await this.members.assertActsFor(user, args.organisationId);
    return pageById(this.offers, { organisationId: objectId(args.organisationId) }, args, {
      order: 'newest',
      toNode: (o: LeanOffer) => this.toModel(o, lang),
    });
  }

  /** The centre's moderation queue: offers in one moderation state, oldest first. */
  listForModeration(
    args: VolunteerOffersForModerationArgs,
    lang: Language,
  ): Promise<Connection<VolunteerOfferModel>> {
    return pageById(this.offers, { moderation: args.moderation }, args, {
      order: 'oldest',
      toNode: (o: LeanOffer) => this.toModel(o, lang),
    });
  }

  /** Published offers for everyone; others for the organisation's people and centre staff. */
  async view(user: AuthUser | null, offerId: string, lang: Language, staff: boolean) {
    const offer = await this.find(offerId);
    if (offer.moderation !== OfferModeration.PUBLISHED && !staff) {
      const own = !!user && (await this.members.actsFor(user, offer.organisationId.toHexString()));
      if (!own) throw new DomainException(ErrorCode.NOT_FOUND);
    }
    return this.toModel(offer, lang);
  }

  /** Takes one place below the limit (guarded `$inc`); false when the offer is full. */
  async takePlace(offerId: Types.ObjectId): Promise<boolean> {
    const offer = await this.offers.findById(offerId).lean<LeanOffer>().exec();
    if (!offer) return false;
    const taken = await this.offers
      .findOneAndUpdate(
        { _id: offerId, acceptedCount: trusted({ $lt: offer.volunteerLimit }) },
        { $inc: { acceptedCount: 1 } },
      )
      .exec();
    return !!taken;
  }

  async releasePlace(offerId: Types.ObjectId): Promise<void> {
    await this.offers
      .updateOne(
        { _id: offerId, acceptedCount: trusted({ $gt: 0 }) },
        { $inc: { acceptedCount: -1 } },
      )
      .exec();
  }

  /** The next reserve-list position: 1, 2, 3… without gaps, whoever asks at once. */
  async nextReservePosition(offerId: Types.ObjectId): Promise<number> {
    const updated = await this.offers
      .findOneAndUpdate({ _id: offerId }, { $inc: { reserveSeq: 1 } }, { returnDocument: 'after' })
      .lean<LeanOffer>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.NOT_FOUND);
    return updated.reserveSeq;
  }

  title(offer: LeanOffer, lang: Language): string {
    return resolveLocalized(offer.title, lang, { base: offer.baseLanguage, fallbacks: [] }).text;
  }

  toModel(o: LeanOffer, lang: Language): VolunteerOfferModel {
    const policy = { base: o.baseLanguage, fallbacks: [] };
    const now = this.clock.now();
    return {
      id: o._id.toHexString(),
      organisationId: o.organisationId.toHexString(),
      title: resolveLocalized(o.title, lang, policy),
      tasks: resolveLocalized(o.tasks, lang, policy),
      requirements: o.requirements ? resolveLocalized(o.requirements, lang, policy) : null,
      place: o.place,
      languages: o.languages,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      recruitmentOpensAt: o.recruitmentOpensAt,
      recruitmentClosesAt: o.recruitmentClosesAt,
      volunteerLimit: o.volunteerLimit,
      acceptedCount: o.acceptedCount,
      moderation: o.moderation,
      moderationReason: o.moderationReason ?? null,
      recruitment: recruitmentState(o, now),
      action: actionState(o, now),
    };
  }
}
