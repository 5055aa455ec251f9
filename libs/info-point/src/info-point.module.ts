import { Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig, EventBus } from '@sasiad/core';
import { IdentityModule, USER_ERASED } from '@sasiad/identity';
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
export class InfoPointModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InfoPointModule.name);
  private subscription?: Promise<number>;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventBus,
    private readonly questions: QuestionsService,
    private readonly serviceLevel: ServiceLevelService,
  ) {}

  /**
   * An erased account's questions are erased too (identity publishes USER_ERASED). Questions
   * stored before due times existed get one.
   */
  async onModuleInit() {
    await this.serviceLevel.recomputeDueDates(true);
    this.startRetention();
    this.subscription = this.events.on<{ userId: string }>(USER_ERASED, async ({ userId }) => {
      try {
        await this.questions.onUserErased(userId);
      } catch (error) {
        // Never the user id or content: only that it failed, for an operator to look into.
        this.logger.error(
          { err: { name: (error as Error).name, message: (error as Error).message } },
          'erasing info-point questions of an erased account failed',
        );
      }
    });
  }

  /**
   * Retention: a scheduled job (FerretDB has no TTL indexes) erases the personal data of
   * questions closed longer than INFO_POINT_RETENTION_DAYS.
   */
  private startRetention() {
    const minutes = this.config.env.INFO_POINT_RETENTION_CHECK_MINUTES;
    this.timer = setInterval(() => void this.purge(), minutes * 60_000);
    this.timer.unref();
  }

  private async purge() {
    try {
      const erased = await this.questions.purgeExpiredPersonalData(new Date());
      if (erased > 0) this.logger.log({ erased }, 'info-point retention erased closed questions');
    } catch (error) {
      this.logger.error(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'info-point retention failed',
      );
    }
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    if (this.subscription) this.events.off(await this.subscription);
  }
}
