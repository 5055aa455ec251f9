import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { ZonesModule } from '@sasiad/zones';
import { ApplicationStore } from './applications/application-store';
import { FormalCheckService } from './applications/formal-check.service';
import { GrantApplication, GrantApplicationSchema } from './applications/grant-application.schema';
import { GrantApplicationsResolver } from './applications/grant-applications.resolver';
import { GrantApplicationsService } from './applications/grant-applications.service';
import { grantsModel } from './common/model-name';
import { GrantDecisionsResolver } from './decisions/grant-decisions.resolver';
import { GrantDecisionsService } from './decisions/grant-decisions.service';
import { GrantResultsService } from './decisions/grant-results.service';
import { GroupsResolver } from './groups/groups.resolver';
import { GroupsService } from './groups/groups.service';
import { InformalGroup, InformalGroupSchema } from './groups/informal-group.schema';
import { GrantsErasureService } from './grants-erasure.service';
import { CallDocuments } from './programme/call-documents';
import { GrantCall, GrantCallSchema } from './programme/grant-call.schema';
import { GrantCallsResolver } from './programme/grant-calls.resolver';
import { GrantCallsService } from './programme/grant-calls.service';
import { GrantStaff, GrantStaffSchema } from './programme/grant-staff.schema';
import { AgreementsService } from './projects/agreements.service';
import { GrantProject, GrantProjectSchema } from './projects/grant-project.schema';
import { PaymentsService } from './projects/payments.service';
import { ProjectAccess } from './projects/project-access';
import { ProjectsResolver } from './projects/projects.resolver';
import { ReportsService } from './projects/reports.service';
import { ReportFiles } from './projects/report-files';
import { ApplicationFiles } from './applications/application-files';
import { Reminder, ReminderSchema } from './projects/reminder.schema';
import { RemindersService } from './projects/reminders.service';

/**
 * Micro-grants (regranting): an operator runs an open call on the zones call engine and funds local initiatives, from application to settlement.
 */
@Module({
  imports: [
    IdentityModule,
    ZonesModule,
    MongooseModule.forFeature([
      { name: grantsModel(GrantCall), schema: GrantCallSchema },
      { name: grantsModel(GrantStaff), schema: GrantStaffSchema },
      { name: grantsModel(InformalGroup), schema: InformalGroupSchema },
      { name: grantsModel(GrantApplication), schema: GrantApplicationSchema },
      { name: grantsModel(GrantProject), schema: GrantProjectSchema },
      { name: grantsModel(Reminder), schema: ReminderSchema },
    ]),
  ],
  providers: [
    GrantCallsService,
    GrantCallsResolver,
    CallDocuments,
    GroupsService,
    GroupsResolver,
    ApplicationStore,
    GrantApplicationsService,
    FormalCheckService,
    GrantApplicationsResolver,
    GrantDecisionsService,
    GrantResultsService,
    GrantDecisionsResolver,
    ProjectAccess,
    AgreementsService,
    PaymentsService,
    ReportsService,
    RemindersService,
    ReportFiles,
    ApplicationFiles,
    ProjectsResolver,
    GrantsErasureService,
  ],
  exports: [GrantCallsService],
})
export class GrantsModule {}
