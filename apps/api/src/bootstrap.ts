import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { ErrorRequestHandler } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig, I18nService, resolveRequestLanguage } from '@sasiad/core';

/**
 * Body-parser failures happen before GraphQL: answer them in GraphQL's JSON error shape, with a
 * stable code, a localized message and no stack trace.
 */
function bodyErrors(i18n: I18nService): ErrorRequestHandler {
  return (err: { status?: number; type?: string }, req, res, next) => {
    if (!err || typeof err.status !== 'number') return next(err);
    const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    const lang = resolveRequestLanguage({
      explicit: typeof req.query?.lang === 'string' ? req.query.lang : undefined,
      acceptLanguage: req.headers['accept-language'],
    });
    res
      .status(err.status === 413 ? 413 : 400)
      .json({ errors: [{ message: i18n.t(lang)(`errors:${code}`), extensions: { code } }] });
  };
}

/** The configured application, not yet listening: used by main.ts and by the end-to-end tests. */
export async function createApp(options: { bufferLogs?: boolean } = {}): Promise<INestApplication> {
  // Loaded here, after the environment was validated and possibly changed by a test.
  const { AppModule } = await import('./app.module');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: options.bufferLogs ?? true,
  });
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(express.json({ limit: config.bodyLimitBytes }));
  app.use(bodyErrors(app.get(I18nService)));
  if (config.env.CORS_ORIGINS) {
    app.enableCors({
      origin: config.env.CORS_ORIGINS.split(',').map((o) => o.trim()),
      credentials: false,
    });
  }
  app.enableShutdownHooks();
  return app;
}
