import { INestApplication, Module, ModuleMetadata, ShutdownSignal } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import {
  AppConfig,
  bodyLimitBytes,
  installRequestScope,
  requestIdOf,
  trustProxySetting,
  repoRoot,
  validateEnv,
  I18nService,
} from '@sasiad/core';
import { join } from 'node:path';
import { WEB_APP_DIR, installSecurityHeaders, serveWebApp } from './web-app/web-app';

/** The configured application, not yet listening: used by main.ts and by the end-to-end tests. */
export async function createApp(
  options: {
    bufferLogs?: boolean;
    /** Extra modules next to AppModule (tests only: e.g. a test-only file owner kind). */
    imports?: ModuleMetadata['imports'];
  } = {},
): Promise<INestApplication> {
  const env = validateEnv(process.env);
  // Loaded here, after the environment was validated and possibly changed by a test.
  const { AppModule } = await import('./app.module');
  const root = options.imports?.length ? withExtras(AppModule, options.imports) : AppModule;
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimitBytes(env.BODY_LIMIT),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    genReqId: (req: IncomingMessage) => requestIdOf(req),
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: options.bufferLogs ?? true,
  });
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  installRequestScope(fastify);
  installSecurityHeaders(fastify, env.NODE_ENV === 'production');
  const i18n = app.get(I18nService);
  serveWebApp(fastify, join(repoRoot(), WEB_APP_DIR), { t: (lang) => i18n.t(lang) });
  if (config.env.CORS_ORIGINS) {
    app.enableCors({
      origin: config.env.CORS_ORIGINS.split(',').map((o) => o.trim()),
      credentials: false,
    });
  }
  // SIGTERM drains first (main.ts, graceful-stop.ts); the other signals close at once.
  app.enableShutdownHooks(
    Object.values(ShutdownSignal).filter((s) => s !== ShutdownSignal.SIGTERM),
  );
  return app;
}

function withExtras(app: object, imports: NonNullable<ModuleMetadata['imports']>) {
  @Module({ imports: [app as never, ...imports] })
  class TestRootModule {}
  return TestRootModule;
}
