import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TFunction } from 'i18next';
import type { Language } from '@sasiad/core';
import { cspWithStyle, prerenderCatalogue } from './prerender-catalogue';

/** Where `npm run build:web` writes the learners' web app (apps/web). */
export const WEB_APP_DIR = 'dist/web';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The strict policy of the app: scripts, styles and connections only from this origin, no inline
 * script or style element, no framing. (React sets styles through the DOM, which CSP allows.)
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response the server sends (the API's too). */
export function installSecurityHeaders(fastify: FastifyInstance, production: boolean): void {
  fastify.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(self), geolocation=(), microphone=(), payment=()');
    if (production)
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // GraphiQL sets its own (looser) policy; everything else gets the strict one.
    if (!reply.hasHeader('content-security-policy'))
      reply.header('content-security-policy', WEB_APP_CSP);
    return payload;
  });
}

/**
 * Serves the built web app at `/`: files as they are (hashed assets cached for a year, with the
 * pre-compressed `.br`/`.gz` copies the build writes), and `index.html` for any other page path
 * (the app's router takes over). `/graphql`, `/graphiql`, `/health` and `/auth` are other routes.
 */
export function serveWebApp(
  fastify: FastifyInstance,
  root: string,
  options: { t?: (lang: Language) => TFunction } = {},
): void {
  const base = resolve(root);
  const index = join(base, 'index.html');

  const send = (req: FastifyRequest, reply: FastifyReply, file: string) => {
    const ext = extname(file);
    reply.type(TYPES[ext] ?? 'application/octet-stream');
    const rel = file.slice(base.length + 1);
    if (rel.startsWith(`assets${sep}`))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    else reply.header('cache-control', 'no-cache');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [enc, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (accepts.includes(enc) && existsSync(file + suffix)) {
        reply.header('content-encoding', enc).header('vary', 'accept-encoding');
        return reply.send(createReadStream(file + suffix));
      }
    }
    return reply.send(createReadStream(file));
  };

  fastify.get('/*', async (req, reply) => {
    if (!existsSync(index)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build:web` (npm start does it).\n');
    }
    const path = decodeURIComponent(req.url.split('?')[0]);
    const file = resolve(base, `.${path}`);
    if (file.startsWith(base + sep) && !path.includes('\0')) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile()) return send(req, reply, file);
    }
    // A missing asset is a 404, a page path is the app.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.code(404).type('text/plain').send('Not found\n');
    if (path === '/academy' && options.t) {
      // the catalogue in the first answer (see prerender-catalogue.ts); the plain app if that fails
      const page = await prerenderCatalogue({
        fastify,
        request: req,
        t: options.t,
        indexFile: index,
        base,
      }).catch(() => null);
      if (page) {
        reply
          .type(TYPES['.html'])
          .header('cache-control', 'no-cache')
          .header('vary', 'cookie, accept-language, accept-encoding')
          .header('content-security-policy', cspWithStyle(WEB_APP_CSP, page.styleHash));
        if (!String(req.headers['accept-encoding'] ?? '').includes('gzip'))
          return reply.send(page.html);
        return reply.header('content-encoding', 'gzip').send(gzipSync(page.html));
      }
    }
    return send(req, reply, index);
  });
}
