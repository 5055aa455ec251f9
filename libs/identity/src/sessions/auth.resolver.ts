import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import {
  AUTH_RATE_LIMIT,
  AuthUser,
  Ctx,
  CurrentUser,
  EventBus,
  Public,
  RequestContext,
  SignedIn,
} from '@sasiad/core';
import {
  ChangePasswordInput,
  DeleteAccountInput,
  RefreshSessionInput,
  SignInInput,
  SignUpInput,
} from './dto/auth.inputs';
import { AccountEvent, AuthPayload } from '../accounts/models/user.model';
import { AuthService } from './auth.service';
import { setRefreshCookie, wantsRefreshCookie } from './refresh-cookie';
import { ACCOUNT_EVENTS } from '../accounts/users.service';

/**
 * With `x-sasiad-refresh: cookie` (browsers), the refresh token goes into an HttpOnly cookie and
 * the payload's `refreshToken` is null, so no script ever sees it.
 */
function inCookieIfAsked(
  payload: AuthPayload,
  ctx: RequestContext,
): AuthPayload | (Omit<AuthPayload, 'refreshToken'> & { refreshToken: null }) {
  if (!ctx.res || !wantsRefreshCookie(ctx.req)) return payload;
  setRefreshCookie(ctx.res, payload.refreshToken, payload.refreshTokenExpiresAt);
  return { ...payload, refreshToken: null };
}

/** Counted against SIGNIN_RATE_PER_MINUTE per client address. */
const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMIT, true);

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly events: EventBus,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Create a learner account with an e-mail or a username.',
  })
  @Public()
  @AuthRateLimited()
  async signUp(@Args('input') input: SignUpInput, @Ctx() ctx: RequestContext) {
    return inCookieIfAsked(await this.auth.signUp(input, ctx.lang, ctx.clientIp), ctx);
  }

  @Mutation(() => AuthPayload)
  @Public()
  @AuthRateLimited()
  async signIn(@Args('input') input: SignInInput, @Ctx() ctx: RequestContext) {
    return inCookieIfAsked(await this.auth.signIn(input, ctx.clientIp), ctx);
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchange a refresh token for a new pair; the old one stops working.',
  })
  @Public()
  @AuthRateLimited()
  refreshSession(@Args('input') input: RefreshSessionInput) {
    return this.auth.refresh(input.refreshToken);
  }

  @Mutation(() => Boolean, { description: 'End the session this refresh token belongs to.' })
  @Public()
  @AuthRateLimited()
  signOut(@Args('input') input: RefreshSessionInput) {
    return this.auth.signOut(input.refreshToken);
  }

  @Mutation(() => AuthPayload, { description: 'Other sessions end; a new session is returned.' })
  @SignedIn()
  @AuthRateLimited()
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return inCookieIfAsked(
      await this.auth.changePassword(
        user.id,
        input.currentPassword,
        input.newPassword,
        ctx.clientIp,
      ),
      ctx,
    );
  }

  @Mutation(() => Boolean, {
    description: 'Erase the account and everything personal tied to it. Cannot be undone.',
  })
  @SignedIn()
  @AuthRateLimited()
  deleteMyAccount(
    @Args('input') input: DeleteAccountInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.auth.deleteAccount(user.id, input.password, ctx.clientIp);
  }

  @Subscription(() => AccountEvent, {
    description:
      'Events of the signed-in account (signed out everywhere, roles changed, disabled).',
    filter: (event: AccountEvent, _args: unknown, ctx: RequestContext) =>
      event.userId === ctx.user?.id,
    resolve: (event: AccountEvent) => event,
  })
  @SignedIn()
  myAccountEvents() {
    return this.events.subscribe<AccountEvent>(ACCOUNT_EVENTS);
  }
}
