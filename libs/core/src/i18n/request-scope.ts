import type { FastifyInstance } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Language, normalizeLanguage, resolveRequestLanguage } from './languages';

/**
 * What is known about an HTTP request before GraphQL runs: its id and language. Apollo's
 * formatError has no access to the GraphQL context, so request-level errors read it from here.
 */
export interface RequestScope {
  requestId: string;
  lang: Language;
  /** A `lang` query parameter we do not serve (e.g. `en`): the response says what was served. */
  unsupportedRequest?: string;
}

const SCOPE = Symbol('sasiadRequestScope');

export const requestScope = new AsyncLocalStorage<RequestScope>();

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: a sane X-Request-Id from the client, else a new UUID; stable once chosen. */
export function requestIdOf(
  req:
    IncomingMessage | { id?: unknown; raw?: IncomingMessage; headers: IncomingMessage['headers'] },
): string {
  const holder = req as { id?: unknown };
  if (typeof holder.id === 'string' && holder.id) return holder.id;
  const raw = (req as { raw?: IncomingMessage }).raw ?? (req as IncomingMessage);
  const cached = (raw as { sasiadRequestId?: string }).sasiadRequestId;
  if (cached) return cached;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  (raw as { sasiadRequestId?: string }).sasiadRequestId = id;
  return id;
}

/**
 * Echoes the request id, and runs every route handler (GraphQL included) inside a request scope
 * holding the id and the language known from the URL and headers. The GraphQL context later
 * refines the language with the signed-in user's preference.
 */
export function installRequestScope(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const query = request.query as Record<string, unknown> | undefined;
    const explicit = typeof query?.lang === 'string' ? query.lang : undefined;
    const lang = resolveRequestLanguage({
      explicit,
      acceptLanguage: request.headers['accept-language'],
    });
    const scope: RequestScope = { requestId: request.id, lang };
    if (explicit !== undefined && !normalizeLanguage(explicit))
      scope.unsupportedRequest = explicit.slice(0, 35);
    (request as unknown as Record<symbol, RequestScope>)[SCOPE] = scope;
    requestScope.run(scope, done);
  });
  // The language the response was written in (after the GraphQL context has refined it).
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const scope = (request as unknown as Record<symbol, RequestScope | undefined>)[SCOPE];
    if (scope && !reply.hasHeader('content-language')) reply.header('Content-Language', scope.lang);
    done(null, payload);
  });
}
