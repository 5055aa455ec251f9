import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import { RequestContext } from './request-context';

export const AUTH_RATE_LIMIT = 'sasiad:authRateLimit';
/** Operations that take a guessable secret without an account (an access code), per address. */
export const ACCESS_CODE_RATE_LIMIT = 'sasiad:accessCodeRateLimit';
/** Session refreshes (`POST /auth/refresh`): every page load of the web app makes one. */
export const REFRESH_RATE_LIMIT = 'sasiad:refreshRateLimit';
/** Operations that take work from a shared queue (claims), per signed-in user. */
export const CLAIM_RATE_LIMIT = 'sasiad:claimRateLimit';

/** Rate limits per client address, for GraphQL operations as well as plain routes. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  override getRequestResponse(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      return { req: ctx.req as Record<string, unknown>, res: ctx.res as Record<string, unknown> };
    }
    return super.getRequestResponse(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // A subscription event has no HTTP request to count against; limits apply to HTTP operations.
    if (
      context.getType<GqlContextType>() === 'graphql' &&
      !GqlExecutionContext.create(context).getContext<RequestContext>().req
    )
      return true;
    return super.canActivate(context);
  }
}
