import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { AskerResolver } from './asker.resolver';
import { AuditEntry, AuditEntrySchema } from './audit.schema';
import { InfoPointAuditService } from './audit.service';
import { CannedAnswer, CannedAnswerSchema } from './canned-answer.schema';
import { CannedAnswersResolver } from './canned-answers.resolver';
import { CannedAnswersService } from './canned-answers.service';
import { FaqEntry, FaqEntrySchema } from './faq/faq-entry.schema';
import { FaqLinksService } from './faq/faq-links.service';
import { FaqResolver } from './faq/faq.resolver';
import { FaqService } from './faq/faq.service';
import { QueueResolver } from './queue.resolver';
import { Question, QuestionSchema } from './question.schema';
import { QuestionsService } from './questions.service';
import { ServiceLevelResolver } from './service-level.resolver';
import { InfoPointSettings, InfoPointSettingsSchema } from './service-level.schema';
import { ServiceLevelService } from './service-level.service';

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
