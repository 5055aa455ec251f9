import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ACCESS_CODE_RATE_LIMIT, AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import { DeskService } from './desk.service';
import { AskQuestionForPersonInput } from './dto/desk.inputs';
import { AskQuestionForPersonPayload } from './models/desk.model';

/** Counted like askQuestion (ACCESS_CODE_RATE_PER_MINUTE per client address). */
const AccessCodeRateLimited = () => SetMetadata(ACCESS_CODE_RATE_LIMIT, true);

/** Desk-assisted mode: staff acting for a person at the info point's desk. */
@Resolver()
export class DeskResolver {
  constructor(private readonly desk: DeskService) {}

  @Mutation(() => AskQuestionForPersonPayload, {
    description:
      'Staff at the desk: ask a question for the person beside you, with their consent; returns the access code once. Audited as done by you for that person.',
  })
  @Roles(Role.staff, Role.admin)
  @AccessCodeRateLimited()
  askQuestionForPerson(
    @Args('input') input: AskQuestionForPersonInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.desk.askForPerson(input, user);
  }
}
