import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FileOwnerKinds } from './file-owner-kind';
import { FileStore } from './file-store.service';
import { FilesController } from './files.controller';
import { FilesResolver } from './files.resolver';

/**
 * Uploads are raw bytes (`application/octet-stream`): Fastify hands the stream to the upload
 * route unread, so that the route applies the owner kind's own size limit instead of BODY_LIMIT.
 * No other route accepts this content type.
 */
@Injectable()
class OctetStreamBodies implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser('application/octet-stream'))
      return;
    fastify.addContentTypeParser('application/octet-stream', (_req, payload, done) =>
      done(null, payload),
    );
  }
}

/** The file store: FileStore for services, requestFileUpload, POST /files/upload, GET /files/:id. */
@Module({})
export class FilesModule {
  /** `contextFactory`: the module exporting GraphqlContextFactory (bearer tokens, language). */
  static with(contextFactory: DynamicModule): DynamicModule {
    return {
      module: FilesModule,
      global: true,
      imports: [DiscoveryModule, contextFactory],
      controllers: [FilesController],
      providers: [FileOwnerKinds, FileStore, FilesResolver, OctetStreamBodies],
      exports: [FileStore, FileOwnerKinds],
    };
  }
}
