export * from './auth.service';
export * from './identity.module';
export * from './models/user.model';
export * from './users.service';
