export * from './info-point.module';
export * from './questions/question-lifecycle';
export * from './questions/questions.service';
export * from './questions/topics';
