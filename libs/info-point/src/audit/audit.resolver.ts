import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@sasiad/core';
import { InfoPointAuditService } from './audit.service';
import { AuditArgs } from './dto/audit.inputs';
import { AuditConnection } from './models/audit.model';

/** The info point's audit trail, for admins. */
@Resolver()
export class InfoPointAuditResolver {
  constructor(private readonly audit: InfoPointAuditService) {}

  @Query(() => AuditConnection, {
    description: 'Who read or changed which question, when (append-only).',
  })
  @Roles(Role.admin)
  infoPointAudit(@Args() args: AuditArgs) {
    return this.audit.list(args);
  }
}
