import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './auth/access.guard';
import {
  ACCESS_CODE_RATE_LIMIT,
  REFRESH_RATE_LIMIT,
  AUTH_RATE_LIMIT,
  CLAIM_RATE_LIMIT,
  GqlThrottlerGuard,
} from './auth/gql-throttler.guard';
import { RequestContext } from './auth/request-context';
import { ThrottlerStorageHolder, ThrottlerStorageModule } from './auth/throttler-storage';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule } from './database/database.module';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter';
import { EventsModule } from './events/events.module';
import { FilesModule } from './files/files.module';
import { GraphiqlController } from './graphiql/graphiql.controller';
import { GraphqlContextFactory } from './graphql/context.factory';
import { graphqlModule } from './graphql/graphql.setup';
import { WebSocketSessions } from './graphql/websocket-sessions';
import { HealthController } from './health/health.controller';
import { ShutdownState } from './health/shutdown-state';
import { I18nModule } from './i18n/i18n.module';
import { LoggingModule } from './logging/logging.module';
import { DomainEventsModule } from './events/domain-events.module';
import { JobsModule } from './jobs/jobs.module';
import { MessagesModule } from './messages/messages.module';
import { SmsProvider } from './messages/outbound-message';
import { TimeModule } from './time/time.module';
import { NormalizeStringsPipe } from './validation/normalize-strings.pipe';
import { createValidationPipe } from './validation/validation';

export interface CoreOptions {
  /** The module that provides AUTHENTICATOR (the identity context). */
  authentication: NonNullable<ModuleMetadata['imports']>[number];
  /** A text-message gateway, if the deployment has one (none is required). */
  smsProvider?: Type<SmsProvider>;
}

/**
 * What every context shares: configuration, logs, database, languages, encryption, events, the
 * GraphQL endpoint, health checks, and the global guard, pipes and error filter.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions): DynamicModule {
    const contextFactory = ContextFactoryModule.with(options.authentication);
    return {
      module: CoreModule,
      global: true,
      imports: [
        ConfigModule,
        LoggingModule,
        TimeModule,
        DatabaseModule,
        DomainEventsModule,
        JobsModule,
        I18nModule,
        CryptoModule,
        EventsModule,
        MessagesModule.forRoot({ smsProvider: options.smsProvider }),
        TerminusModule,
        ThrottlerModule.forRootAsync({
          imports: [ThrottlerStorageModule],
          inject: [AppConfig, Reflector, ThrottlerStorageHolder],
          useFactory: (
            config: AppConfig,
            reflector: Reflector,
            counters: ThrottlerStorageHolder,
          ) => ({
            storage: counters.storage,
            throttlers: [
              { name: 'default', ttl: 60_000, limit: 600 },
              {
                name: 'auth',
                ttl: 60_000,
                limit: config.env.SIGNIN_RATE_PER_MINUTE,
                skipIf: (context) => !reflector.get<boolean>(AUTH_RATE_LIMIT, context.getHandler()),
              },
              {
                // its own limit: a refresh presents a random single-use token (nothing to guess),
                // and people behind one address (a library's Wi-Fi) load pages often
                name: 'refresh',
                ttl: 60_000,
                limit: config.env.REFRESH_RATE_PER_MINUTE,
                skipIf: (context) =>
                  !reflector.get<boolean>(REFRESH_RATE_LIMIT, context.getHandler()),
              },
              {
                name: 'accessCode',
                ttl: 60_000,
                limit: config.env.ACCESS_CODE_RATE_PER_MINUTE,
                skipIf: (context) =>
                  !reflector.get<boolean>(ACCESS_CODE_RATE_LIMIT, context.getHandler()),
              },
              {
                name: 'claim',
                ttl: 60_000,
                limit: config.env.CLAIM_RATE_PER_MINUTE,
                skipIf: (context) =>
                  !reflector.get<boolean>(CLAIM_RATE_LIMIT, context.getHandler()),
                // Per person, not per address: a whole office may share one address.
                getTracker: (req, context) =>
                  GqlExecutionContext.create(context).getContext<RequestContext>().user?.id ??
                  String(req.ip),
              },
            ],
          }),
        }),
        graphqlModule({ imports: [options.authentication, contextFactory] }),
        // the same module instance: the file routes read bearer tokens as /graphql does
        FilesModule.with(contextFactory),
      ],
      controllers: [HealthController, GraphiqlController],
      providers: [
        ShutdownState,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: GqlThrottlerGuard },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_PIPE, useClass: NormalizeStringsPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}

@Module({})
class ContextFactoryModule {
  static with(authentication: CoreOptions['authentication']): DynamicModule {
    return {
      module: ContextFactoryModule,
      imports: [authentication],
      providers: [GraphqlContextFactory, WebSocketSessions],
      exports: [GraphqlContextFactory, WebSocketSessions],
    };
  }
}
