import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, Role, Roles } from '@sasiad/core';
import { ApplicationModel, ApplicationState } from '../applications/models/application.model';
import { CallModel } from '../calls/models/call.model';
import { DecisionsService } from './decisions.service';
import { PublishDecisionsInput, SetDecisionInput } from './dto/decision.inputs';
import { DecisionModel } from './models/decision.model';

@Resolver(() => ApplicationModel)
export class DecisionsResolver {
  constructor(private readonly service: DecisionsService) {}

  @Mutation(() => DecisionModel)
  @Roles(Role.admin)
  setDecision(@Args('input') input: SetDecisionInput, @CurrentUser() user: AuthUser) {
    return this.service.set(input, user);
  }

  @Mutation(() => CallModel, {
    description:
      'Applicants see their decisions from now on; accepted applications take effect. Once.',
  })
  @Roles(Role.admin)
  publishDecisions(@Args('input') input: PublishDecisionsInput, @Ctx() ctx: RequestContext) {
    return this.service.publish(input.callId, ctx.lang);
  }

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'Null for the applicant until the decisions of the call are published.',
  })
  decision(@Parent() application: ApplicationModel, @Ctx() ctx: RequestContext) {
    return this.service.visibleFor(application, ctx);
  }

  @ResolveField(() => ApplicationState, {
    description:
      "draft, submitted, withdrawn; once the call's decisions are published, the outcome of a submitted application.",
  })
  status(@Parent() application: ApplicationModel, @Ctx() ctx: RequestContext) {
    return this.service.statusOf(application, ctx);
  }
}
