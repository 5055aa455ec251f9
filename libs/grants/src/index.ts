export * from './grants.module';
export * from './programme/grant-calls.service';
