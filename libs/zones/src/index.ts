export * from './zones.module';
export * from './organisations/organisation-kind';
export * from './organisations/organisations.service';
export * from './organisations/models/organisation.model';
