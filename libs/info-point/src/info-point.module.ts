import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { AskerResolver } from './questions/asker.resolver';
import { AuditEntry, AuditEntrySchema } from './audit/audit.schema';
import { InfoPointAuditService } from './audit/audit.service';
import { CannedAnswer, CannedAnswerSchema } from './canned-answers/canned-answer.schema';
import { CannedAnswersResolver } from './canned-answers/canned-answers.resolver';
import { CannedAnswersService } from './canned-answers/canned-answers.service';
import { FaqEntry, FaqEntrySchema } from './faq/faq-entry.schema';
import { FaqLinksService } from './faq/faq-links.service';
import { FaqResolver } from './faq/faq.resolver';
import { FaqService } from './faq/faq.service';
import { QueueResolver } from './questions/queue.resolver';
import { Question, QuestionSchema } from './questions/question.schema';
import { QuestionsService } from './questions/questions.service';
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
      { name: FaqEntry.name, schema: FaqEntrySchema },
    ]),
  ],
  providers: [
    QuestionsService,
    InfoPointAuditService,
    CannedAnswersService,
    AskerResolver,
    QueueResolver,
    CannedAnswersResolver,
    ServiceLevelService,
    ServiceLevelResolver,
    FaqLinksService,
    FaqService,
    FaqResolver,
  ],
  exports: [QuestionsService],
})
export class InfoPointModule implements OnModuleInit {
  constructor(private readonly serviceLevel: ServiceLevelService) {}

  /** Questions stored before due times existed get one. */
  async onModuleInit() {
    await this.serviceLevel.recomputeDueDates(true);
  }
}
