import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';

/** SIGTERM: connections are still taken until none came for this long (clients sent them before). */
export const SHUTDOWN_QUIET_MS = 500;
/** ...but for no longer than this in all. */
export const SHUTDOWN_DRAIN_MAX_MS = 3_000;
/** How long requests in flight may take to finish before the server closes anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Counts requests in flight (from the first hook to the response's close, also when the client
 * went away). Installed before the server listens.
 */
export function trackRequestsInFlight(fastify: FastifyInstance) {
  let inFlight = 0;
  let idle: (() => void) | null = null;
  fastify.addHook('onRequest', (_request, reply, done) => {
    inFlight++;
    reply.raw.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    done();
  });
  return {
    count: () => inFlight,
    /** Resolves once nothing is in flight (at once when nothing is). */
    whenIdle: () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve)),
  };
}

/**
 * SIGTERM, in order:
 * 1. connections that clients opened before the signal and that still wait in the listen queue
 *    are taken until none came for SHUTDOWN_QUIET_MS (at most SHUTDOWN_DRAIN_MAX_MS), and a few
 *    event-loop turns after, so that their requests have been read;
 * 2. the listener closes: new connections are refused, idle keep-alive connections close;
 * 3. requests in flight finish (at most SHUTDOWN_GRACE_MS), then their connections close;
 * 4. the application closes (GraphQL, jobs, the database connection, then the embedded
 *    database) and the signal is raised again, so the exit says SIGTERM.
 * Connections still queued in the kernel when the listener closes are reset by it: a load
 * balancer should stop sending first (readiness), as usual.
 */
export function stopGracefullyOnSigterm(
  app: INestApplication,
  requests: ReturnType<typeof trackRequestsInFlight>,
  log: (message: string) => void,
): void {
  process.once('SIGTERM', () => {
    void (async () => {
      const server = (app.getHttpAdapter().getInstance() as FastifyInstance).server;
      const started = Date.now();
      let lastConnection = started;
      const seen = () => (lastConnection = Date.now());
      server.on('connection', seen);
      for (;;) {
        const quietFor = Date.now() - lastConnection;
        if (quietFor >= SHUTDOWN_QUIET_MS || Date.now() - started >= SHUTDOWN_DRAIN_MAX_MS) break;
        await delay(SHUTDOWN_QUIET_MS - quietFor);
        for (let turn = 0; turn < 3; turn++) await nextTurn();
      }
      server.off('connection', seen);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      log(
        `Sąsiad is stopping: new connections are refused; finishing ${requests.count()} request(s) in flight.`,
      );
      const grace = delay(SHUTDOWN_GRACE_MS, undefined, { ref: false });
      const finished = requests.whenIdle().then(() => {
        server.closeIdleConnections(); // keep-alive connections whose last response just ended
        return closed;
      });
      await Promise.race([finished, grace]);
      await app.close();
      process.kill(process.pid, 'SIGTERM');
    })();
  });
}
