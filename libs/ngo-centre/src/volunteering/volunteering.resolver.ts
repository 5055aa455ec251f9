import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  Public,
  RequestContext,
  Role,
  Roles,
  SignedIn,
} from '@sasiad/core';
import {
  AcceptVolunteerInput,
  AcceptVolunteerInvitationInput,
  ApplyToVolunteerOfferInput,
  CreateVolunteerOfferInput,
  InviteVolunteerInput,
  ModerateVolunteerOfferInput,
  MoveVolunteerToReserveInput,
  VolunteerOfferArgs,
  VolunteerOffersArgs,
  OrganisationVolunteerOffersArgs,
  VolunteerOffersForModerationArgs,
  WithdrawVolunteerApplicationInput,
} from './dto/volunteering.inputs';
import {
  VolunteerApplicationModel,
  VolunteerOfferConnection,
  VolunteerOfferModel,
} from './models/volunteering.model';
import { VolunteerOffersService } from './volunteer-offers.service';
import { VolunteerRecruitmentService } from './volunteer-recruitment.service';

const isStaff = (u: AuthUser | null) =>
  !!u && (u.roles.includes(Role.staff) || u.roles.includes(Role.admin));

@Resolver(() => VolunteerOfferModel)
export class VolunteeringResolver {
  constructor(
    private readonly offers: VolunteerOffersService,
    private readonly recruitment: VolunteerRecruitmentService,
  ) {}

  @Query(() => VolunteerOfferConnection, { description: 'Published offers not yet over.' })
  @Public()
  volunteerOffers(@Args() args: VolunteerOffersArgs, @Ctx() ctx: RequestContext) {
    return this.offers.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => VolunteerOfferModel)
  @Public()
  volunteerOffer(@Args() args: VolunteerOfferArgs, @Ctx() ctx: RequestContext) {
    return this.offers.view(ctx.user, args.offerId, args.lang ?? ctx.lang, isStaff(ctx.user));
  }

  @Query(() => VolunteerOfferConnection, {
    description: "An organisation's own offers in any moderation state, newest first.",
  })
  @SignedIn()
  organisationVolunteerOffers(
    @Args() args: OrganisationVolunteerOffersArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.offers.listForOrganisation(user, args, args.lang ?? ctx.lang, isStaff(user));
  }

  @Query(() => VolunteerOfferConnection, {
    description: "The centre's moderation queue (default: offers waiting for review).",
  })
  @Roles(Role.staff, Role.admin)
  volunteerOffersForModeration(
    @Args() args: VolunteerOffersForModerationArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return this.offers.listForModeration(args, ctx.lang);
  }

  @Query(() => [VolunteerApplicationModel], { description: "For the offer's organisation." })
  @SignedIn()
  volunteerApplications(
    @Args('offerId', { type: () => ID }) offerId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recruitment.forOffer(user, offerId);
  }

  @Query(() => [VolunteerApplicationModel])
  @SignedIn()
  myVolunteerApplications(@CurrentUser() user: AuthUser) {
    return this.recruitment.mine(user);
  }

  @Mutation(() => VolunteerOfferModel, { description: 'Waits for the centre’s moderation.' })
  @SignedIn()
  createVolunteerOffer(
    @Args('input') input: CreateVolunteerOfferInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.offers.create(user, input);
  }

  @Mutation(() => VolunteerOfferModel)
  @Roles(Role.staff, Role.admin)
  moderateVolunteerOffer(
    @Args('input') input: ModerateVolunteerOfferInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.offers.moderate(input.offerId, input.publish, input.reason, ctx.lang);
  }

  @Mutation(() => VolunteerApplicationModel)
  @SignedIn()
  applyToVolunteerOffer(
    @Args('input') input: ApplyToVolunteerOfferInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recruitment.apply(user, input.offerId, input.message);
  }

  @Mutation(() => VolunteerApplicationModel, {
    description: 'Accepted while places are free, else on the reserve list.',
  })
  @SignedIn()
  acceptVolunteer(@Args('input') input: AcceptVolunteerInput, @CurrentUser() user: AuthUser) {
    return this.recruitment.accept(user, input.applicationId);
  }

  @Mutation(() => VolunteerApplicationModel)
  @SignedIn()
  moveVolunteerToReserve(
    @Args('input') input: MoveVolunteerToReserveInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recruitment.moveToReserve(user, input.applicationId);
  }

  @Mutation(() => VolunteerApplicationModel)
  @SignedIn()
  inviteVolunteer(@Args('input') input: InviteVolunteerInput, @CurrentUser() user: AuthUser) {
    return this.recruitment.invite(user, input.offerId, input.login);
  }

  @Mutation(() => VolunteerApplicationModel)
  @SignedIn()
  acceptVolunteerInvitation(
    @Args('input') input: AcceptVolunteerInvitationInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recruitment.acceptInvitation(user, input.applicationId);
  }

  @Mutation(() => VolunteerApplicationModel)
  @SignedIn()
  withdrawVolunteerApplication(
    @Args('input') input: WithdrawVolunteerApplicationInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recruitment.withdraw(user, input.applicationId);
  }
}
