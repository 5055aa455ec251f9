export * from './academy.module';
export * from './catalogue.constants';
export * from './courses.service';
export * from './enrolments.service';
export * from './quizzes.service';
export * from './certificates.service';
