import { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Server } from 'node:net';
import type { Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { ShutdownState } from '@sasiad/core';

/** SIGTERM: connections are still taken until none came for this long (clients sent them before). */
export const SHUTDOWN_QUIET_MS = 500;
/** ...but for no longer than this in all. */
export const SHUTDOWN_DRAIN_MAX_MS = 3_000;
/** How long requests in flight may take to finish before the server closes anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** A connection accepted before the listener closed may send its request this long after. */
export const SHUTDOWN_FIRST_REQUEST_MS = 2_000;

interface Connection {
  /** Responses it has finished. */
  served: number;
  /** Requests it has in flight (0 or 1 without pipelining). */
  active: number;
}

/**
 * Counts requests in flight (from the first hook to the response's close, also when the client
 * went away) and keeps each connection's state, so that a stop can tell a keep-alive connection
 * waiting for nothing from one whose first request has not been read yet. Installed before the
 * server listens.
 */
export function trackRequestsInFlight(fastify: FastifyInstance) {
  let inFlight = 0;
  let draining = false;
  const connections = new Map<Socket, Connection>();
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());
  fastify.server.on('connection', (socket: Socket) => {
    connections.set(socket, { served: 0, active: 0 });
    socket.once('close', () => {
      connections.delete(socket);
      changed();
    });
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    inFlight++;
    const connection = connections.get(request.raw.socket);
    if (connection) connection.active++;
    // while stopping, every response ends its connection (Node closes it once it is sent)
    if (draining) void reply.header('connection', 'close');
    const socket = request.raw.socket;
    reply.raw.once('close', () => {
      inFlight--;
      if (connection) {
        connection.active--;
        connection.served++;
        // while stopping, a keep-alive connection whose request was already in flight (so its
        // response could not say `Connection: close`) ends once that response is sent, instead
        // of idling until the grace period is over
        if (draining && connection.active === 0 && !socket.destroyed) socket.end();
      }
      changed();
    });
    done();
  });
  const until = (condition: () => boolean) =>
    condition()
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const waiter = () => {
            if (!condition()) return;
            waiters.delete(waiter);
            resolve();
          };
          waiters.add(waiter);
        });
  return {
    count: () => inFlight,
    /** From now on, responses carry `Connection: close`. */
    drain: () => (draining = true),
    /** Closes keep-alive connections that wait for nothing (they served a request, none is open). */
    closeIdleKeepAlive: () => {
      for (const [socket, c] of connections) if (c.served > 0 && c.active === 0) socket.destroy();
    },
    /** Closes connections that never sent a request. */
    closeUnused: () => {
      for (const [socket, c] of connections) if (c.served === 0 && c.active === 0) socket.destroy();
    },
    /** Resolves once nothing is in flight (at once when nothing is). */
    whenIdle: () => until(() => inFlight === 0),
    /** Resolves once every connection has closed. */
    whenNoConnections: () => until(() => connections.size === 0),
  };
}

/**
 * SIGTERM, in order:
 * 1. readiness answers 503 (a load balancer stops sending), and connections that clients opened
 *    before the signal and that still wait in the listen queue are taken until none came for
 *    SHUTDOWN_QUIET_MS (at most SHUTDOWN_DRAIN_MAX_MS), and a few event-loop turns after;
 * 2. the listener closes (new connections are refused) — with net.Server's close, not http's,
 *    which would also destroy every connection without a request in progress, including those
 *    accepted a moment ago whose request has not been read yet (that reset them under load);
 *    keep-alive connections waiting for nothing close, every response from now on says
 *    `Connection: close`, and a connection that sends no request within
 *    SHUTDOWN_FIRST_REQUEST_MS is closed;
 * 3. requests in flight finish and their connections close (at most SHUTDOWN_GRACE_MS in all);
 * 4. the application closes (GraphQL, jobs, the database connection, then the embedded
 *    database) and the signal is raised again, so the exit says SIGTERM.
 */
export function stopGracefullyOnSigterm(
  app: INestApplication,
  requests: ReturnType<typeof trackRequestsInFlight>,
  log: (message: string) => void,
): void {
  process.once('SIGTERM', () => {
    void (async () => {
      app.get(ShutdownState).begin();
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
      requests.drain();
      Server.prototype.close.call(server);
      requests.closeIdleKeepAlive();
      log(
        `Sąsiad is stopping: new connections are refused; finishing ${requests.count()} request(s) in flight.`,
      );
      const unused = setTimeout(() => requests.closeUnused(), SHUTDOWN_FIRST_REQUEST_MS);
      await Promise.race([
        requests.whenNoConnections(),
        delay(SHUTDOWN_GRACE_MS, undefined, { ref: false }),
      ]);
      clearTimeout(unused);
      await app.close();
      process.kill(process.pid, 'SIGTERM');
    })();
  });
}
