import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Public, Role, Roles, SignedIn } from '@sasiad/core';
import { AdvisersService } from './advisers.service';
import { ConsultationsService } from './consultations.service';
import {
  AssignAdviserInput,
  BookConsultationInput,
  CancelConsultationInput,
  ConsultationSlotsArgs,
  OrganisationConsultationsArgs,
  RecordConsultationAttendanceInput,
  SetAdviserAvailabilityInput,
  SetConsultationNotesInput,
} from './dto/consultation.inputs';
import {
  AdviserModel,
  ConsultationModel,
  ConsultationRecordModel,
  ConsultationSlotModel,
} from './models/consultation.model';

@Resolver(() => ConsultationModel)
export class ConsultationsResolver {
  constructor(
    private readonly adviserService: AdvisersService,
    private readonly consultations: ConsultationsService,
  ) {}

  @Query(() => [AdviserModel], { description: "The centre's advisers, topics and languages." })
  @Public()
  advisers() {
    return this.adviserService.list();
  }

  @Query(() => [ConsultationSlotModel], { description: 'Free future slots of an adviser.' })
  @Public()
  consultationSlots(@Args() args: ConsultationSlotsArgs) {
    return this.consultations.slots(args.adviserId, args.from, args.days);
  }

  @Query(() => [ConsultationModel], { description: "An organisation's consultations (no notes)." })
  @SignedIn()
  organisationConsultations(
    @Args() args: OrganisationConsultationsArgs,
    @CurrentUser() user: AuthUser,
  ) {
    return this.consultations.forOrganisation(user, args.organisationId);
  }

  @Query(() => ConsultationRecordModel, { description: 'Booked, attended and no-shows.' })
  @SignedIn()
  consultationRecord(@Args() args: OrganisationConsultationsArgs, @CurrentUser() user: AuthUser) {
    return this.consultations.record(user, args.organisationId);
  }

  @Query(() => [ConsultationModel], { description: "The adviser's consultations, with notes." })
  @Roles(Role.staff, Role.admin)
  myAdviserConsultations(@CurrentUser() user: AuthUser) {
    return this.consultations.mineAsAdviser(user);
  }

  @Query(() => AdviserModel, {
    nullable: true,
    description: "The caller's own adviser record (assigned by an admin), or null.",
  })
  @Roles(Role.staff, Role.admin)
  myAdviser(@CurrentUser() user: AuthUser) {
    return this.adviserService.mine(user.id);
  }

  @Mutation(() => AdviserModel)
  @Roles(Role.admin)
  assignAdviser(@Args('input') input: AssignAdviserInput) {
    return this.adviserService.assign(input);
  }

  @Mutation(() => AdviserModel)
  @Roles(Role.staff, Role.admin)
  setAdviserAvailability(
    @Args('input') input: SetAdviserAvailabilityInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.adviserService.setPlan(user, input.adviserId, input.plan);
  }

  @Mutation(() => ConsultationModel)
  @SignedIn()
  bookConsultation(@Args('input') input: BookConsultationInput, @CurrentUser() user: AuthUser) {
    return this.consultations.book(user, input);
  }

  @Mutation(() => ConsultationModel)
  @SignedIn()
  cancelConsultation(@Args('input') input: CancelConsultationInput, @CurrentUser() user: AuthUser) {
    return this.consultations.cancel(user, input.consultationId);
  }

  @Mutation(() => ConsultationModel)
  @Roles(Role.staff, Role.admin)
  setConsultationNotes(
    @Args('input') input: SetConsultationNotesInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.consultations.setNotes(user, input.consultationId, input.notes);
  }

  @Mutation(() => ConsultationModel)
  @Roles(Role.staff, Role.admin)
  recordConsultationAttendance(
    @Args('input') input: RecordConsultationAttendanceInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.consultations.recordAttendance(user, input.consultationId, input.attended);
  }
}
