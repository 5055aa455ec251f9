import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AUTH_RATE_LIMIT, AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import { CreateAccountForPersonInput, DeskConsentArgs } from './desk-accounts.inputs';
import { CreateAccountForPersonPayload, DeskAccountConsent } from './desk-accounts.model';
import { DeskAccountsService } from './desk-accounts.service';

/** Counted against SIGNIN_RATE_PER_MINUTE per client address, like signUp. */
const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMIT, true);

/** Desk-assisted mode: info-point staff create an account for the person at the desk. */
@Resolver()
export class DeskAccountsResolver {
  constructor(private readonly desk: DeskAccountsService) {}

  @Query(() => DeskAccountConsent, {
    description: 'The wording a person agrees to before staff create an account for them.',
  })
  @Roles(Role.staff, Role.admin)
  deskAccountConsent(@Args() args: DeskConsentArgs) {
    return this.desk.consent(args.lang);
  }

  @Mutation(() => CreateAccountForPersonPayload, {
    description:
      'Staff at the desk: create a learner account for the person beside you, with their consent; returns a one-time setup code (no password). Audited as done by you for that person.',
  })
  @Roles(Role.staff, Role.admin)
  @AuthRateLimited()
  createAccountForPerson(
    @Args('input') input: CreateAccountForPersonInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.desk.createForPerson(input, user);
  }
}
