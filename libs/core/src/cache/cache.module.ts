import { Global, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/ids';
import { DatabaseGenerations, GenerationsCollection, ReadCache } from './read-cache';

/** The collection of the read cache's generations (one small document per namespace). */
export const CACHE_GENERATIONS_COLLECTION = 'cache_generations';

/**
 * The read cache of every context (see ReadCache), its generations in the database: shared by
 * every server instance and the command-line tools, with or without REDIS_URL.
 */
@Global()
@Module({
  providers: [
    {
      provide: ReadCache,
      inject: [getConnectionToken(), AppConfig],
      useFactory: (connection: Connection, config: AppConfig) =>
        new ReadCache(
          new DatabaseGenerations(
            connection.collection(CACHE_GENERATIONS_COLLECTION) as unknown as GenerationsCollection,
            isDuplicateKey,
          ),
          config.env.READ_CACHE_ENTRIES,
        ),
    },
  ],
  exports: [ReadCache],
})
export class CacheModule {}
