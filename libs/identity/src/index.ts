export * from './sessions/auth.service';
export * from './identity.module';
export * from './accounts/models/user.model';
export * from './accounts/users.service';
export * from './accounts/organisation-directory.port';
export * from './desk/desk-consent';
