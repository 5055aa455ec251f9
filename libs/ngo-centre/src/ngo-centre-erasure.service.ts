import { Injectable } from '@nestjs/common';
import { OnDomainEvent } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { AdvisersService } from './consultations/advisers.service';
import { ConsultationsService } from './consultations/consultations.service';
import { DirectoryService } from './directory/directory.service';
import { MembersService } from './directory/members.service';
import { NgoNotificationsService } from './notifications/ngo-notifications.service';
import { FundingService } from './funding/funding.service';
import { PublicationsService } from './publications/publications.service';
import { TrainingsService } from './trainings/trainings';
import { ResourcesService } from './resources/resources.service';
import { VolunteerRecruitmentService } from './volunteering/volunteer-recruitment.service';

/**
 * An erased account leaves the NGO centre in one handler, because the order matters: the
 * adviser record is unlinked first, so its id is known when its notes are removed.
 */
@Injectable()
export class NgoCentreErasureService {
  constructor(
    private readonly directory: DirectoryService,
    private readonly members: MembersService,
    private readonly advisers: AdvisersService,
    private readonly consultations: ConsultationsService,
    private readonly notifications: NgoNotificationsService,
    private readonly resources: ResourcesService,
    private readonly volunteering: VolunteerRecruitmentService,
    private readonly funding: FundingService,
    private readonly publications: PublicationsService,
    private readonly trainings: TrainingsService,
  ) {}

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    const adviserId = await this.advisers.forgetUser(userId);
    await this.consultations.forgetUser(userId, adviserId);
    await this.members.forgetUser(userId);
    await this.directory.forgetUser(userId);
    await this.notifications.forgetUser(userId);
    await this.resources.forgetUser(userId);
    await this.volunteering.forgetUser(userId);
    await this.funding.forgetUser(userId);
    await this.publications.forgetUser(userId);
    await this.trainings.forgetUser(userId);
  }
}
