import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { AppConfig, AUTHENTICATOR } from '@sasiad/core';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { RefreshToken, RefreshTokenSchema } from './refresh-token.schema';
import { SessionCookieController } from './session-cookie.controller';
import { SessionsService } from './sessions.service';
import { User, UserSchema } from './user.schema';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

const HOUR = 3_600_000;

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: RefreshToken.name, schema: RefreshTokenSchema },
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
    SessionsService,
    PasswordService,
    AuthResolver,
    UsersResolver,
    { provide: AUTHENTICATOR, useExisting: AuthService },
  ],
  exports: [AUTHENTICATOR, AuthService, UsersService],
})
export class IdentityModule implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(private readonly auth: AuthService) {}

  /** Hourly removal of expired refresh tokens (a scheduled job, as FerretDB has no TTL indexes). */
  onModuleInit() {
    this.timer = setInterval(() => void this.auth.purgeExpiredTokens(), HOUR);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }
}
