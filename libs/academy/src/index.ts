export * from './academy.module';
export * from './catalogue.constants';
export * from './courses.service';
export * from './enrolments.service';
export * from './localized-text';
export * from './search-tokens';
export * from './quizzes.service';
export * from './certificates.service';
