import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig, AUTHENTICATOR } from '@sasiad/core';
import { AuthResolver } from './sessions/auth.resolver';
import { AuthService } from './sessions/auth.service';
import { PasswordService } from './accounts/password.service';
import { RefreshToken, RefreshTokenSchema } from './sessions/refresh-token.schema';
import { DeskAccountsResolver } from './desk/desk-accounts.resolver';
import { DeskAccountsService } from './desk/desk-accounts.service';
import { IdentityAudit, IdentityAuditSchema } from './recovery/identity-audit.schema';
import { RecoveryResolver } from './recovery/recovery.resolver';
import { RecoveryService } from './recovery/recovery.service';
import { ResetSecret, ResetSecretSchema } from './recovery/reset-secret.schema';
import { SessionCookieController } from './sessions/session-cookie.controller';
import { SessionsService } from './sessions/sessions.service';
import { KnownDevice, KnownDeviceSchema } from './sign-in/known-device.schema';
import { KnownDevices } from './sign-in/known-devices.service';
import { SignInAttempt, SignInAttemptSchema } from './sign-in/sign-in-attempt.schema';
import { SignInAttempts } from './sign-in/sign-in-attempts.service';
import { User, UserSchema } from './accounts/user.schema';
import { UsersResolver } from './accounts/users.resolver';
import { UsersService } from './accounts/users.service';
import { UsernameSkeleton, UsernameSkeletonSchema } from './accounts/username-skeleton.schema';
import { UsernameSkeletons } from './accounts/username-skeletons.service';
import { OrganisationDirectoryPort } from './accounts/organisation-directory.port';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
      { name: SignInAttempt.name, schema: SignInAttemptSchema },
      { name: KnownDevice.name, schema: KnownDeviceSchema },
      { name: ResetSecret.name, schema: ResetSecretSchema },
      { name: IdentityAudit.name, schema: IdentityAuditSchema },
      { name: UsernameSkeleton.name, schema: UsernameSkeletonSchema },
    ]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.secrets.jwtSecret,
        signOptions: { algorithm: 'HS256', issuer: 'sasiad' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'sasiad' },
      }),
    }),
  ],
  controllers: [SessionCookieController],
  providers: [
    AuthService,
    UsersService,
    UsernameSkeletons,
    OrganisationDirectoryPort,
    SessionsService,
    PasswordService,
    SignInAttempts,
    KnownDevices,
    RecoveryService,
    AuthResolver,
    RecoveryResolver,
    UsersResolver,
    DeskAccountsService,
    DeskAccountsResolver,
    { provide: AUTHENTICATOR, useExisting: AuthService },
  ],
  exports: [AUTHENTICATOR, AuthService, UsersService, OrganisationDirectoryPort],
})
export class IdentityModule {}
