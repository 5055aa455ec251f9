export * from './ngo-centre.module';
