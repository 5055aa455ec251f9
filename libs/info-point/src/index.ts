export * from './info-point.module';
export * from './question-lifecycle';
export * from './questions.service';
export * from './topics';
