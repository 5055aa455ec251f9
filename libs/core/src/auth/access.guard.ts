import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { RequestContext } from './request-context';

/**
 * Global guard: a resolver or route without @Public/@Roles/@SignedIn is refused, so a new
 * mutation is closed until someone decides who may call it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.warn(
        `denied by default: ${context.getClass().name}.${context.getHandler().name} has no access rule`,
      );
      throw new DomainException(ErrorCode.FORBIDDEN);
    }
    if (rule.public) return true;
    const user = this.userOf(context);
    if (!user) {
      const problem =
        context.getType<GqlContextType>() === 'graphql'
          ? GqlExecutionContext.create(context).getContext<RequestContext>().authProblem
          : undefined;
      throw new DomainException(
        problem === 'expired' ? ErrorCode.TOKEN_EXPIRED : ErrorCode.UNAUTHENTICATED,
      );
    }
    if (!rule.roles.some((role) => user.roles.includes(role)))
      throw new DomainException(ErrorCode.FORBIDDEN);
    return true;
  }

  private userOf(context: ExecutionContext) {
    if (context.getType<GqlContextType>() === 'graphql') {
      return GqlExecutionContext.create(context).getContext<RequestContext>().user;
    }
    // Plain HTTP routes (health, GraphiQL) are public or carry no user.
    return null;
  }
}
