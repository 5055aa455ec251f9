import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@sasiad/core';
import { ActivityZonesService } from './activity-zones.service';
import { ActivityZoneModel } from './models/activity-zone.model';

@Resolver(() => ActivityZoneModel)
export class ActivityZonesResolver {
  constructor(private readonly service: ActivityZonesService) {}

  @Query(() => [ActivityZoneModel], { description: 'Activity zones (MSAS) and their branches.' })
  @Public()
  activityZones() {
    return this.service.list();
  }
}
