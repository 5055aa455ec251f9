import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdOf } from '../i18n/request-scope';
import { logOutput, withoutChatter } from './log-destination';

/**
 * Structured logs (pino) with a request id: JSON, or readable lines on a terminal
 * (log-destination.ts). Only method, path and status are logged for a
 * request: no headers (tokens), no query string (GET variables), no bodies, no client address.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const output = logOutput(config.env.LOG_FORMAT);
        return {
          pinoHttp: [
            {
              level: config.env.LOG_LEVEL,
              ...(output.pretty ? { hooks: { logMethod: withoutChatter } } : {}),
              genReqId: (req: IncomingMessage) => requestIdOf(req as never),
              autoLogging: {
                ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health'),
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  path: req.url.split('?')[0],
                }),
                res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
              },
              redact: {
                paths: [
                  'req.headers',
                  'req.body',
                  'req.query',
                  'req.remoteAddress',
                  'req.remotePort',
                  'res.headers',
                  '*.password',
                  '*.token',
                  '*.accessToken',
                  '*.refreshToken',
                  '*.authorization',
                ],
                remove: true,
              },
              customAttributeKeys: { reqId: 'requestId' },
            },
            output.stream,
          ],
        };
      },
    }),
  ],
})
export class LoggingModule {}
