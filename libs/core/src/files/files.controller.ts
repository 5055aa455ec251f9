import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Public } from '../auth/access.decorator';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { GraphqlContextFactory } from '../graphql/context.factory';
import { I18nService } from '../i18n/i18n.service';
import { resolveRequestLanguage } from '../i18n/languages';
import { contentDisposition } from './file-kind';
import { FileStore, megabytes } from './file-store.service';
import { storedFileView } from './files.graphql';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.FILE_TOO_LARGE]: 413,
  [ErrorCode.FILE_TYPE_NOT_ALLOWED]: 415,
  [ErrorCode.UPLOAD_TICKET_INVALID]: 404,
};

/**
 * `POST /files/upload?ticket=…` (step 2 of an upload: the raw bytes, application/octet-stream;
 * the ticket is the authorisation; in the query string, which the access log leaves out) and `GET /files/:id` (the file, for whoever may read its
 * owner, by the usual bearer token; anyone else gets the 404 of a missing file). Paths are
 * logged without the file name; the name travels only in Content-Disposition.
 */
@Controller('files')
export class FilesController {
  constructor(
    private readonly store: FileStore,
    private readonly contexts: GraphqlContextFactory,
    private readonly i18n: I18nService,
  ) {}

  @Post('upload')
  @Public()
  async upload(
    @Query('ticket') ticket: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    try {
      // The ticket's owner kind gives the limit before a byte is read.
      if (typeof ticket !== 'string') throw new DomainException(ErrorCode.UPLOAD_TICKET_INVALID);
      const owner = await this.store.ownerOfTicket(ticket);
      const declared = Number(request.headers['content-length']);
      if (declared > owner.maxBytes) throw tooLarge(owner.maxBytes);
      const bytes = await readAtMost(request.body as Readable | undefined, owner.maxBytes);
      if (!bytes) throw tooLarge(owner.maxBytes);
      const file = await this.store.completeUpload(ticket, bytes);
      return reply.code(201).header('cache-control', 'no-store').send(storedFileView(file));
    } catch (error) {
      return this.refuse(error, request, reply);
    }
  }

  @Get(':id')
  @Public()
  async read(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const context = await this.contexts.forHttp(request, reply);
    const file = await this.store.readableBy(context.user, id);
    const content = file ? await this.store.stream(file.id) : null;
    if (!file || !content)
      return this.refuse(new DomainException(ErrorCode.NOT_FOUND), request, reply);
    return reply
      .type(file.mimeType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.fileName, 'attachment'))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-cache')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(content);
  }

  private refuse(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const status =
      error instanceof DomainException
        ? (STATUS[error.code] ?? (error.code === ErrorCode.NOT_FOUND ? 404 : undefined))
        : undefined;
    if (!status || !(error instanceof DomainException)) throw error;
    const t = this.i18n.t(
      resolveRequestLanguage({
        explicit:
          typeof (request.query as Record<string, unknown> | undefined)?.lang === 'string'
            ? (request.query as Record<string, string>).lang
            : undefined,
        acceptLanguage: request.headers['accept-language'],
      }),
    );
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .send({ code: error.code, message: t(`errors:${error.code}`, error.params) });
  }
}

const tooLarge = (maxBytes: number) =>
  new DomainException(ErrorCode.FILE_TOO_LARGE, {
    maxMegabytes: megabytes(maxBytes),
  });

/**
 * The whole body, or null as soon as it is longer than `limit`: what follows is read and
 * dropped (not kept), so that the refusal can be answered on the same connection.
 */
function readAtMost(body: Readable | undefined, limit: number): Promise<Buffer | null> {
  if (!body || typeof body.on !== 'function') return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let length = 0;
    let over = false;
    body.on('data', (part: Buffer) => {
      if (over) return;
      length += part.length;
      if (length > limit) {
        over = true;
        parts.length = 0;
        resolve(null);
      } else parts.push(part);
    });
    body.once('end', () => {
      if (!over) resolve(Buffer.concat(parts));
    });
    body.once('error', reject);
  });
}
