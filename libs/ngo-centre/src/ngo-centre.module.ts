import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { ZonesModule } from '@sasiad/zones';
import { AdvisersService } from './consultations/advisers.service';
import {
  NgoAdviser,
  NgoAdviserSchema,
  NgoConsultation,
  NgoConsultationSchema,
} from './consultations/consultation.schema';
import { ConsultationsResolver } from './consultations/consultations.resolver';
import { ConsultationsService } from './consultations/consultations.service';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectoryService } from './directory/directory.service';
import { MembersService } from './directory/members.service';
import { NgoMember, NgoMemberSchema } from './directory/member.schema';
import { NgoProfile, NgoProfileSchema } from './directory/profile.schema';
import {
  NgoResourceRequest,
  NgoResourceRequestSchema,
  NgoRoom,
  NgoRoomSchema,
} from './resources/resource.schema';
import { ResourcesResolver } from './resources/resources.resolver';
import { ResourcesService } from './resources/resources.service';
import { ResourceRequestFiles } from './resources/resource-request-files';
import {
  NgoVolunteerApplication,
  NgoVolunteerApplicationSchema,
  NgoVolunteerOffer,
  NgoVolunteerOfferSchema,
} from './volunteering/volunteering.schema';
import { VolunteerOffersService } from './volunteering/volunteer-offers.service';
import { VolunteerRecruitmentService } from './volunteering/volunteer-recruitment.service';
import { VolunteeringResolver } from './volunteering/volunteering.resolver';
import {
  NgoFundingCall,
  NgoFundingCallSchema,
  NgoFundingFollow,
  NgoFundingFollowSchema,
} from './funding/funding.schema';
import { FundingResolver } from './funding/funding.resolver';
import { FundingService } from './funding/funding.service';
import { NgoPublication, NgoPublicationSchema } from './publications/publication.schema';
import { PublicationFiles } from './publications/publication-files';
import { PublicationsResolver } from './publications/publications.resolver';
import { PublicationsService } from './publications/publications.service';
import { NgoTraining, NgoTrainingSchema } from './trainings/training.schema';
import { TrainingMaterials, TrainingsResolver, TrainingsService } from './trainings/trainings';
import { NgoCentreErasureService } from './ngo-centre-erasure.service';
import { NgoNotification, NgoNotificationSchema } from './notifications/ngo-notification.schema';
import { NgoNotificationsResolver } from './notifications/ngo-notifications.resolver';
import { NgoNotificationsService } from './notifications/ngo-notifications.service';

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
      { name: NgoNotification.name, schema: NgoNotificationSchema },
      { name: NgoAdviser.name, schema: NgoAdviserSchema },
      { name: NgoConsultation.name, schema: NgoConsultationSchema },
      { name: NgoRoom.name, schema: NgoRoomSchema },
      { name: NgoResourceRequest.name, schema: NgoResourceRequestSchema },
      { name: NgoVolunteerOffer.name, schema: NgoVolunteerOfferSchema },
      { name: NgoVolunteerApplication.name, schema: NgoVolunteerApplicationSchema },
      { name: NgoFundingCall.name, schema: NgoFundingCallSchema },
      { name: NgoFundingFollow.name, schema: NgoFundingFollowSchema },
      { name: NgoPublication.name, schema: NgoPublicationSchema },
      { name: NgoTraining.name, schema: NgoTrainingSchema },
    ]),
  ],
  providers: [
    DirectoryService,
    MembersService,
    DirectoryResolver,
    NgoNotificationsService,
    NgoNotificationsResolver,
    AdvisersService,
    ConsultationsService,
    ConsultationsResolver,
    ResourcesService,
    ResourcesResolver,
    ResourceRequestFiles,
    VolunteerOffersService,
    VolunteerRecruitmentService,
    VolunteeringResolver,
    FundingService,
    FundingResolver,
    PublicationsService,
    PublicationsResolver,
    PublicationFiles,
    TrainingsService,
    TrainingsResolver,
    TrainingMaterials,
    NgoCentreErasureService,
  ],
  exports: [DirectoryService, MembersService],
})
export class NgoCentreModule {}
