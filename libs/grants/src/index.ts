export * from './grants.module';
