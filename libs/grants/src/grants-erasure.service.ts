import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { GrantDecisionsService } from './decisions/grant-decisions.service';
import { GroupsService } from './groups/groups.service';
import { GrantCallsService } from './programme/grant-calls.service';
import { forgetInProjects, ProjectAccess } from './projects/project-access';

/**
 * An erased account leaves nothing of itself in grants: its staff roles go; groups it was the
 * contact of, applications it started and decisions or checks it made stay (they belong to
 * organisations and the programme) without the link to it.
 */
@Injectable()
export class GrantsErasureService {
  constructor(
    private readonly grantCalls: GrantCallsService,
    private readonly groups: GroupsService,
    private readonly decisions: GrantDecisionsService,
    private readonly projects: ProjectAccess,
  ) {}

  @OnDomainEvent(USER_ERASED)
  async onUserErased(event: { userId: string }): Promise<void> {
    await this.grantCalls.forgetUser(event.userId);
    await this.groups.forgetUser(event.userId);
    await this.decisions.forgetUser(event.userId);
    await forgetInProjects(this.projects.model, event.userId);
  }
}
