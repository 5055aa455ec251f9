import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { ZonesModule } from '@sasiad/zones';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectoryService } from './directory/directory.service';
import { MembersService } from './directory/members.service';
import { NgoMember, NgoMemberSchema } from './directory/member.schema';
import { NgoProfile, NgoProfileSchema } from './directory/profile.schema';

/**
 * NGO support centre: directory of organisations, adviser consultations, room and resource bookings, publications library, funding opportunities, volunteering.
 */
@Module({
  imports: [
    IdentityModule,
    ZonesModule,
    MongooseModule.forFeature([
      { name: NgoProfile.name, schema: NgoProfileSchema },
      { name: NgoMember.name, schema: NgoMemberSchema },
    ]),
  ],
  providers: [DirectoryService, MembersService, DirectoryResolver],
  exports: [DirectoryService, MembersService],
})
export class NgoCentreModule {}
