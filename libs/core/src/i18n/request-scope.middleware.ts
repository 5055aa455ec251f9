import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { resolveRequestLanguage } from './languages';
import { requestScope } from './request-scope';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives each request an id (echoed as X-Request-Id) and its first guess at the language. */
export function requestIdOf(req: Request & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  req.id = id;
  return id;
}

@Injectable()
export class RequestScopeMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const explicit = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
    const lang = resolveRequestLanguage({
      explicit,
      acceptLanguage: req.headers['accept-language'],
    });
    requestScope.run({ requestId, lang }, next);
  }
}
