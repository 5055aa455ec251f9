export * from './info-point.module';
export * from './questions/asker.service';
export * from './questions/queue.service';
export * from './questions/question-events';
export * from './questions/question-lifecycle';
export * from './questions/question-retention.service';
export * from './questions/topics';
