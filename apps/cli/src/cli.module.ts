import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AcademyModule } from '@sasiad/academy';
import {
  Clock,
  ConfigModule,
  DomainEvents,
  CryptoModule,
  DatabaseModule,
  DomainEventsModule,
  EventsModule,
  I18nService,
  TimeModule,
} from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';

/** The message resources, for the academy's services (the API gets them from CoreModule). */
@Global()
@Module({ providers: [I18nService], exports: [I18nService] })
class CliI18nModule {}

/** The academy's rules read "now" from the Clock (the API gets it from CoreModule's TimeModule). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
class CliTimeModule {}

/**
 * Domain events for the services that publish them (identity), without core's JobsModule: a
 * command-line run must not start the scheduled jobs.
 */
@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: false })],
  providers: [DomainEvents],
  exports: [DomainEvents],
})
class CliDomainEventsModule {}

/**
 * What the command-line tools need: configuration, the database, the identity context (accounts)
 * and the academy (the starter-curriculum seed). No HTTP.
 */
@Module({
  imports: [
    ConfigModule,
    TimeModule,
    DatabaseModule,
    DomainEventsModule,
    CryptoModule,
    EventsModule,
    CliI18nModule,
    CliTimeModule,
    CliDomainEventsModule,
    IdentityModule,
    AcademyModule,
  ],
})
export class CliModule {}
