import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import { ExportApplicationsArgs, ExportEventRegistrationsArgs } from './dto/export.args';
import { ExportsService } from './exports.service';

@Resolver()
export class ExportsResolver {
  constructor(private readonly service: ExportsService) {}

  @Query(() => String, {
    description:
      'The call’s applications as CSV (RFC 4180, CRLF): answers by form key, mean scores, rank, decision.',
  })
  @Roles(Role.admin)
  exportApplicationsCsv(@Args() args: ExportApplicationsArgs) {
    return this.service.applicationsCsv(args.callId);
  }

  @Query(() => String, {
    description:
      'The event’s registrations as CSV: code suffix, status, waitlist number, needs; names only of registrants without an account. Staff, admins, and coordinators for their organisation’s events.',
  })
  @Roles(Role.staff, Role.admin, Role.library)
  exportEventRegistrationsCsv(
    @Args() args: ExportEventRegistrationsArgs,
    @CurrentUser() user: AuthUser,
  ) {
    return this.service.eventRegistrationsCsv(args.eventId, user);
  }
}
