import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

/** The signed-in user; only on resolvers guarded by @Roles/@SignedIn, so never null there. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    GqlExecutionContext.create(context).getContext<RequestContext>().user,
);

/** The whole request context (language, translation function, loaders). */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  GqlExecutionContext.create(context).getContext<RequestContext>(),
);
