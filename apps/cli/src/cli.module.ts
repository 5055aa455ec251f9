import { Module } from '@nestjs/common';
import { ConfigModule, CryptoModule, DatabaseModule, EventsModule } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';

/** What the command-line tools need: configuration, the database and the identity context. No HTTP. */
@Module({ imports: [ConfigModule, DatabaseModule, CryptoModule, EventsModule, IdentityModule] })
export class CliModule {}
