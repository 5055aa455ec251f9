import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { logFailure } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';
import { AuthoringResolver } from './authoring/authoring.resolver';
import { AuthoringService } from './authoring/authoring.service';
import { Certificate, CertificateSchema } from './certificates/certificate.schema';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesResolver } from './certificates/certificates.resolver';
import { CertificatesService } from './certificates/certificates.service';
import { Attendance, AttendanceSchema, Cohort, CohortSchema } from './cohorts/cohort.schema';
import { CohortsResolver } from './cohorts/cohorts.resolver';
import { CohortsService } from './cohorts/cohorts.service';
import { BasedOnTextResolver } from './courses/based-on-text.resolver';
import { CatalogueCache, catalogueModel } from './courses/catalogue-cache';
import { CatalogueService } from './courses/catalogue.service';
import { Course, CourseSchema } from './courses/course.schema';
import { CourseModuleEntity, CourseModuleSchema } from './courses/course-module.schema';
import { CourseSearchTokens } from './courses/course-search-tokens.service';
import { CourseStore } from './courses/course.store';
import { CourseViews } from './courses/course-views';
import { CourseModulesResolver, CoursesResolver } from './courses/courses.resolver';
import { CoursesService } from './courses/courses.service';
import { Lesson, LessonSchema } from './courses/lesson.schema';
import { CurriculumSeedService } from './curriculum/curriculum-seed.service';
import { SampleContentResolver } from './curriculum/sample-content.resolver';
import { Enrolment, EnrolmentSchema } from './enrolments/enrolment.schema';
import { EnrolmentsResolver } from './enrolments/enrolments.resolver';
import { EnrolmentsService } from './enrolments/enrolments.service';
import {
  QuizAttempt,
  QuizAttemptSchema,
  QuizQuestion,
  QuizQuestionSchema,
} from './quizzes/quiz.schema';
import { QuizzesResolver } from './quizzes/quizzes.resolver';
import { QuizzesService } from './quizzes/quizzes.service';
import { AcademyStatsResolver } from './statistics/academy-stats.resolver';
import { AcademyStatsService } from './statistics/academy-stats.service';

/** The Resident Academy: multilingual courses, publishing, catalogue, enrolment and progress. */
@Module({
  imports: [
    // the names of a cohort's members on its attendance sheet (UsersService)
    IdentityModule,
    // Writes to what the catalogue shows invalidate its cache (catalogue-cache.ts).
    MongooseModule.forFeatureAsync([
      catalogueModel(Course.name, CourseSchema, 'courses'),
      catalogueModel(CourseModuleEntity.name, CourseModuleSchema, 'modules'),
      catalogueModel(Lesson.name, LessonSchema, 'lessons'),
    ]),
    MongooseModule.forFeature([
      { name: Enrolment.name, schema: EnrolmentSchema },
      { name: QuizQuestion.name, schema: QuizQuestionSchema },
      { name: QuizAttempt.name, schema: QuizAttemptSchema },
      { name: Certificate.name, schema: CertificateSchema },
      { name: Cohort.name, schema: CohortSchema },
      { name: Attendance.name, schema: AttendanceSchema },
    ]),
  ],
  controllers: [CertificatesController],
  providers: [
    CourseStore,
    CourseViews,
    CourseSearchTokens,
    CoursesService,
    CatalogueCache,
    CatalogueService,
    CoursesResolver,
    CourseModulesResolver,
    BasedOnTextResolver,
    CurriculumSeedService,
    SampleContentResolver,
    EnrolmentsService,
    EnrolmentsResolver,
    QuizzesService,
    QuizzesResolver,
    CertificatesService,
    CertificatesResolver,
    CohortsService,
    CohortsResolver,
    AuthoringService,
    AuthoringResolver,
    AcademyStatsService,
    AcademyStatsResolver,
  ],
  exports: [
    CoursesService,
    CatalogueService,
    CourseSearchTokens,
    EnrolmentsService,
    QuizzesService,
    CertificatesService,
  ],
})
export class AcademyModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Academy');

  constructor(private readonly searchTokens: CourseSearchTokens) {}

  /**
   * Search tokens written before module and lesson titles were searchable are brought up to date
   * once (a no-op afterwards). A failure is logged, not fatal: search then lags until the next edit.
   */
  async onApplicationBootstrap() {
    try {
      const rewritten = await this.searchTokens.backfillDerived();
      if (rewritten > 0) this.logger.log({ rewritten }, 'course search tokens brought up to date');
    } catch (error) {
      logFailure(this.logger, 'bringing search tokens up to date', error);
    }
  }
}
