import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import mongoose, { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-database.service';
import { NamedLocks } from './named-locks';

// Filters built from client input can never smuggle in a query operator ({ "$gt": "" }):
// operators written in code are marked with mongoose.trusted(), everything else is compared with $eq.
mongoose.set('sanitizeFilter', true);
// Unknown fields in queries are an error, not a silent match-everything.
mongoose.set('strictQuery', 'throw');

@Global()
@Module({ providers: [EmbeddedDatabase], exports: [EmbeddedDatabase] })
class EmbeddedDatabaseModule {}

/**
 * The Mongoose connection: MONGODB_URI when set, otherwise the embedded default. All code stays
 * inside the subset that MongoDB and FerretDB 1.24 share (no transactions, no $lookup, …).
 */
@Global()
@Module({
  providers: [NamedLocks],
  exports: [NamedLocks],
  imports: [
    EmbeddedDatabaseModule,
    MongooseModule.forRootAsync({
      inject: [AppConfig, EmbeddedDatabase],
      useFactory: async (config: AppConfig, embedded: EmbeddedDatabase) => ({
        uri: config.env.MONGODB_URI ?? (await embedded.start(config.dataDir)),
        autoIndex: true,
        // The embedded database is on this machine: while it is down (being restarted, see
        // EmbeddedDatabase), requests fail after 5 s instead of hanging for 15.
        serverSelectionTimeoutMS: config.env.MONGODB_URI ? 15000 : 5000,
        appName: 'sasiad',
      }),
    }),
  ],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly embedded: EmbeddedDatabase,
  ) {}

  /** Close the connection first so the embedded server is not pulled from under it. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.embedded.stop();
  }
}
