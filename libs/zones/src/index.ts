export * from './zones.module';
export * from './organisations/organisation-kind';
export * from './organisations/organisations.service';
export * from './organisations/models/organisation.model';
export * from './calls/call-programme';
export * from './calls/calls.service';
export * from './applications/applications.service';
export * from './events/events.service';
