import { Global, Module } from '@nestjs/common';
import { AcademyModule } from '@sasiad/academy';
import {
  CacheModule,
  ConfigModule,
  CryptoModule,
  DatabaseModule,
  DomainEventsModule,
  EventsModule,
  I18nService,
  MessagesModule,
  TimeModule,
} from '@sasiad/core';
import { ForumsCoreModule } from '@sasiad/forums';
import { IdentityModule } from '@sasiad/identity';

/** The message resources, for the academy's services (the API gets them from CoreModule). */
@Global()
@Module({ providers: [I18nService], exports: [I18nService] })
class CliI18nModule {}

/**
 * What the command-line tools need: configuration, the database, the identity context (accounts)
 * the academy (the starter-curriculum seed) and the forums (the sample estates). No HTTP.
 */
@Module({
  imports: [
    ConfigModule,
    TimeModule,
    MessagesModule.forRoot(),
    DatabaseModule,
    DomainEventsModule,
    CryptoModule,
    EventsModule,
    // the academy's catalogue cache; with REDIS_URL a seed's writes reach the servers' caches too
    CacheModule,
    CliI18nModule,
    IdentityModule,
    AcademyModule,
    ForumsCoreModule,
  ],
})
export class CliModule {}
