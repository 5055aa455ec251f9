import { Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { logFailure } from '@sasiad/core';
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
export class AcademyModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Academy');

  constructor(private readonly courses: CoursesService) {}

  /**
   * Search tokens written before module and lesson titles were searchable are brought up to date
   * once (a no-op afterwards). A failure is logged, not fatal: search then lags until the next edit.
   */
  async onApplicationBootstrap() {
    try {
      const rewritten = await this.courses.backfillDerived();
      if (rewritten > 0) this.logger.log({ rewritten }, 'course search tokens brought up to date');
    } catch (error) {
      logFailure(this.logger, 'bringing search tokens up to date', error);
    }
  }
}
