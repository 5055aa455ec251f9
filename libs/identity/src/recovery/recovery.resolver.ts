import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AUTH_RATE_LIMIT,
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
  IdentityAuditArgs,
  IssuePasswordResetCodeInput,
  RegenerateRecoveryCodesInput,
  RequestPasswordResetInput,
  ResetPasswordWithEmailTokenInput,
  ResetPasswordWithRecoveryCodeInput,
} from './dto/recovery.inputs';
import { IdentityAuditConnection } from './models/identity-audit-entry.model';
import { PasswordResetCode } from './models/password-reset-code.model';
import { RecoveryService } from './recovery.service';

/** Counted against SIGNIN_RATE_PER_MINUTE per client address, like sign-in. */
const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMIT, true);

@Resolver()
export class RecoveryResolver {
  constructor(private readonly recovery: RecoveryService) {}

  @Mutation(() => [String], {
    description:
      'New recovery codes (shown only now); the previous ones stop working. Each code works once.',
  })
  @SignedIn()
  @AuthRateLimited()
  regenerateRecoveryCodes(
    @Args('input') input: RegenerateRecoveryCodesInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.recovery.regenerateRecoveryCodes(user.id, input.password, ctx.clientIp);
  }

  @Mutation(() => Boolean, {
    description:
      'Set a new password with a recovery code or a code from info-point staff. Every session ends.',
  })
  @Public()
  @AuthRateLimited()
  resetPasswordWithRecoveryCode(
    @Args('input') input: ResetPasswordWithRecoveryCodeInput,
    @Ctx() ctx: RequestContext,
  ) {
    return this.recovery.resetWithCode(input, ctx.clientIp);
  }

  @Mutation(() => PasswordResetCode, {
    description:
      'Info-point staff, with the person present: a one-time code for resetPasswordWithRecoveryCode. Audited.',
  })
  @Roles(Role.staff, Role.admin)
  @AuthRateLimited()
  issuePasswordResetCode(
    @Args('input') input: IssuePasswordResetCodeInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.recovery.issueStaffResetCode(user, input.login);
  }

  @Mutation(() => Boolean, {
    description:
      'Send a reset link if an account has this e-mail. Always true: it does not tell whether one has.',
  })
  @Public()
  @AuthRateLimited()
  requestPasswordReset(@Args('input') input: RequestPasswordResetInput) {
    return this.recovery.requestEmailReset(input.email);
  }

  @Mutation(() => Boolean, {
    description: 'Set a new password with the token from a reset link. Every session ends.',
  })
  @Public()
  @AuthRateLimited()
  resetPasswordWithEmailToken(@Args('input') input: ResetPasswordWithEmailTokenInput) {
    return this.recovery.resetWithEmailToken(input.token, input.newPassword);
  }

  @Query(() => IdentityAuditConnection, {
    description: 'Password resets and reset codes given by staff: who, for whom, when.',
  })
  @Roles(Role.admin)
  identityAudit(@Args() args: IdentityAuditArgs) {
    return this.recovery.listAudit(args);
  }
}
