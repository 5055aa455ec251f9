import pino from 'pino';

/** Nest's start-up chatter (one line per module and route): left out of readable logs. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule']);

export interface LogOutput {
  pretty: boolean;
  stream: pino.DestinationStream;
}

/**
 * Where logs go: readable lines when a person watches (`LOG_FORMAT=pretty`, or `auto` on a
 * terminal), JSON otherwise. pino-pretty is a development dependency: without it (a production
 * install) the logs stay JSON. Writes are synchronous, so the last lines of a shutdown are not
 * lost when the process ends on a signal.
 */
export function logOutput(format: 'auto' | 'json' | 'pretty', isTTY = !!process.stdout.isTTY) {
  if (format === 'pretty' || (format === 'auto' && isTTY)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pretty = require('pino-pretty') as typeof import('pino-pretty');
      const stream = pretty.build({
        destination: 1,
        sync: true,
        colorize: isTTY,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,context,req,res,responseTime,requestId',
        messageFormat: '{if context}{context}: {end}{msg}',
        singleLine: true,
      });
      return { pretty: true, stream } satisfies LogOutput;
    } catch {
      // not installed: JSON
    }
  }
  return { pretty: false, stream: pino.destination({ dest: 1, sync: true }) } satisfies LogOutput;
}

/** pino's logMethod hook that drops Nest's start-up chatter at info level (readable logs only). */
export function withoutChatter(
  this: pino.Logger,
  args: Parameters<pino.LogFn>,
  method: pino.LogFn,
  level: number,
): void {
  const first = args[0] as { context?: unknown } | undefined;
  if (level === 30 && typeof first?.context === 'string' && CHATTER.has(first.context)) return;
  method.apply(this, args);
}
