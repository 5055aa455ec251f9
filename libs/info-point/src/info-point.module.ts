import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { AuditEntry, AuditEntrySchema } from './audit/audit.schema';
import { InfoPointAuditResolver } from './audit/audit.resolver';
import { InfoPointAuditService } from './audit/audit.service';
import { CannedAnswer, CannedAnswerSchema } from './canned-answers/canned-answer.schema';
import { CannedAnswersResolver } from './canned-answers/canned-answers.resolver';
import { CannedAnswersService } from './canned-answers/canned-answers.service';
import { DeskResolver } from './desk/desk.resolver';
import { DeskService } from './desk/desk.service';
import { FaqAuthoringService } from './faq/faq-authoring.service';
import { FaqCache, faqEntryModel } from './faq/faq-cache';
import { FaqLinksService } from './faq/faq-links.service';
import { FaqStore } from './faq/faq-store.service';
import { FaqResolver } from './faq/faq.resolver';
import { FaqService } from './faq/faq.service';
import { AskerNotices } from './questions/asker-notices.service';
import { AskerResolver } from './questions/asker.resolver';
import { AskerService } from './questions/asker.service';
import { QuestionChanges } from './questions/question-changes.service';
import { QuestionRetentionService } from './questions/question-retention.service';
import { QuestionViews } from './questions/question-views';
import { Question, QuestionSchema } from './questions/question.schema';
import { QueueResolver } from './questions/queue.resolver';
import { QueueService } from './questions/queue.service';
import { ServiceLevelResolver } from './service-level/service-level.resolver';
import { InfoPointSettings, InfoPointSettingsSchema } from './service-level/service-level.schema';
import { ServiceLevelService } from './service-level/service-level.service';

@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: Question.name, schema: QuestionSchema },
      { name: AuditEntry.name, schema: AuditEntrySchema },
      { name: CannedAnswer.name, schema: CannedAnswerSchema },
      { name: InfoPointSettings.name, schema: InfoPointSettingsSchema },
    ]),
    // writes to FAQ entries invalidate the public FAQ's cache (faq/faq-cache.ts)
    MongooseModule.forFeatureAsync([faqEntryModel()]),
  ],
  providers: [
    // questions
    QuestionViews,
    QuestionChanges,
    AskerService,
    QueueService,
    QuestionRetentionService,
    AskerNotices,
    AskerResolver,
    QueueResolver,
    // desk-assisted mode
    DeskService,
    DeskResolver,
    // audit
    InfoPointAuditService,
    InfoPointAuditResolver,
    // canned answers
    CannedAnswersService,
    CannedAnswersResolver,
    // service level
    ServiceLevelService,
    ServiceLevelResolver,
    // faq
    FaqLinksService,
    FaqStore,
    FaqCache,
    FaqService,
    FaqAuthoringService,
    FaqResolver,
  ],
  exports: [AskerService, QueueService, QuestionRetentionService],
})
export class InfoPointModule implements OnModuleInit {
  constructor(private readonly serviceLevel: ServiceLevelService) {}

  /** Questions stored before due times existed get one. */
  async onModuleInit() {
    await this.serviceLevel.recomputeDueDates(true);
  }
}
