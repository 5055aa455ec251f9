import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OpeningHours, OpeningHoursInput, Public, Role, Roles } from '@sasiad/core';
import { FirstResponseTargetsInput, StatsArgs } from './dto/service-level.inputs';
import { FirstResponseTarget, InfoPointStats } from './models/service-level.model';
import { ServiceLevelService } from './service-level.service';

/** Opening hours (public), first-response targets (admins set them) and the statistics. */
@Resolver()
export class ServiceLevelResolver {
  constructor(private readonly serviceLevel: ServiceLevelService) {}

  @Query(() => OpeningHours, { description: 'When the information point is open.' })
  @Public()
  infoPointOpeningHours() {
    return this.serviceLevel.openingHours();
  }

  @Mutation(() => OpeningHours, {
    description: 'Replace the weekly hours and exception dates; open questions get new due times.',
  })
  @Roles(Role.admin)
  setInfoPointOpeningHours(@Args('input') input: OpeningHoursInput) {
    return this.serviceLevel.setOpeningHours(input);
  }

  @Query(() => [FirstResponseTarget], { description: 'The target of every topic.' })
  @Roles(Role.staff, Role.admin)
  firstResponseTargets() {
    return this.serviceLevel.firstResponseTargets();
  }

  @Mutation(() => [FirstResponseTarget], {
    description: 'Set first-response targets in working minutes; open questions get new due times.',
  })
  @Roles(Role.admin)
  setFirstResponseTargets(@Args('input') input: FirstResponseTargetsInput) {
    return this.serviceLevel.setFirstResponseTargets(input.targets);
  }

  @Query(() => InfoPointStats, {
    description: 'Backlog, answered and median time to first response, per topic and language.',
  })
  @Roles(Role.staff, Role.admin)
  infoPointStats(@Args() args: StatsArgs) {
    return this.serviceLevel.stats(args.from, args.to);
  }
}
