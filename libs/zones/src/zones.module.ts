import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Organisation, OrganisationSchema } from './organisations/organisation.schema';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';

/** Partner organisations, calls and applications, activity zones, and events. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Organisation.name, schema: OrganisationSchema }])],
  providers: [OrganisationsService, OrganisationsResolver],
  exports: [OrganisationsService],
})
export class ZonesModule {}
