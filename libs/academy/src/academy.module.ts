import {
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventBus } from '@sasiad/core';
import { USER_ERASED } from '@sasiad/identity';
import { AuthoringResolver } from './authoring.resolver';
import { AuthoringService } from './authoring.service';
import { Certificate, CertificateSchema } from './certificate.schema';
import { CertificatesResolver } from './certificates.resolver';
import { CertificatesService } from './certificates.service';
import { Attendance, AttendanceSchema, Cohort, CohortSchema } from './cohort.schema';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';
import { Course, CourseSchema } from './course.schema';
import { CurriculumSeedService } from './curriculum/curriculum-seed.service';
import { SampleContentResolver } from './curriculum/sample-content.resolver';
import { CourseModuleEntity, CourseModuleSchema } from './course-module.schema';
import { CourseModulesResolver, CoursesResolver } from './courses.resolver';
import { CoursesService } from './courses.service';
import { Enrolment, EnrolmentSchema } from './enrolment.schema';
import { EnrolmentsResolver } from './enrolments.resolver';
import { EnrolmentsService } from './enrolments.service';
import { Lesson, LessonSchema } from './lesson.schema';
import { QuizAttempt, QuizAttemptSchema, QuizQuestion, QuizQuestionSchema } from './quiz.schema';
import { QuizzesResolver } from './quizzes.resolver';
import { QuizzesService } from './quizzes.service';

/** The Resident Academy: multilingual courses, publishing, catalogue, enrolment and progress. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Course.name, schema: CourseSchema },
      { name: CourseModuleEntity.name, schema: CourseModuleSchema },
      { name: Lesson.name, schema: LessonSchema },
      { name: Enrolment.name, schema: EnrolmentSchema },
      { name: QuizQuestion.name, schema: QuizQuestionSchema },
      { name: QuizAttempt.name, schema: QuizAttemptSchema },
      { name: Certificate.name, schema: CertificateSchema },
      { name: Cohort.name, schema: CohortSchema },
      { name: Attendance.name, schema: AttendanceSchema },
    ]),
  ],
  providers: [
    CoursesService,
    CurriculumSeedService,
    SampleContentResolver,
    EnrolmentsService,
    CoursesResolver,
    CourseModulesResolver,
    EnrolmentsResolver,
    QuizzesService,
    QuizzesResolver,
    CertificatesService,
    CertificatesResolver,
    CohortsService,
    CohortsResolver,
    AuthoringService,
    AuthoringResolver,
  ],
  exports: [CoursesService, EnrolmentsService, QuizzesService, CertificatesService],
})
export class AcademyModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Academy');
  private erasures?: AsyncIterableIterator<{ userId: string }>;

  constructor(
    private readonly events: EventBus,
    private readonly enrolments: EnrolmentsService,
    private readonly quizzes: QuizzesService,
    private readonly certificates: CertificatesService,
    private readonly cohorts: CohortsService,
    private readonly courses: CoursesService,
  ) {}

  /**
   * Search tokens written before module and lesson titles were searchable are brought up to date
   * once (a no-op afterwards). A failure is logged, not fatal: search then lags until the next edit.
   */
  async onApplicationBootstrap() {
    try {
      const rewritten = await this.courses.backfillDerived();
      if (rewritten > 0) this.logger.log({ rewritten }, 'course search tokens brought up to date');
    } catch (err) {
      this.logger.error(
        { err: (err as Error).message },
        'bringing search tokens up to date failed',
      );
    }
  }

  /** An erased account's enrolments, quiz attempts and certificates go too (identity publishes the event after erasing). */
  onModuleInit() {
    const erasures = this.events.subscribe<{ userId: string }>(USER_ERASED);
    this.erasures = erasures;
    void (async () => {
      for await (const { userId } of erasures) {
        await Promise.all([
          this.enrolments.eraseLearner(userId),
          this.quizzes.eraseLearner(userId),
          this.certificates.eraseLearner(userId),
          this.cohorts.eraseLearner(userId),
        ]).catch((err: Error) =>
          this.logger.error({ err: err.message }, 'erasing academy data failed'),
        );
      }
    })();
  }

  async onApplicationShutdown() {
    await this.erasures?.return?.();
  }
}
