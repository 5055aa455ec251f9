import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { EventBus } from '@sasiad/core';
import type { TestApp } from './test-app';

export interface LiveResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A graphql-ws client of the test server (closed by `closeAll`). */
export function liveClient(
  t: TestApp,
  connectionParams: Record<string, unknown> = {},
  clients: Client[] = [],
): Client {
  const client = createClient({
    url: t.url.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

/**
 * A subscription whose results are kept in order. `next(match)` waits for the next result (after
 * those already taken) that matches, without sleeping: it resolves when that message arrives.
 */
export function collect<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
) {
  const results: LiveResult<T>[] = [];
  const waiters: (() => void)[] = [];
  let taken = 0;
  const push = (result: LiveResult<T>) => {
    results.push(result);
    for (const wake of waiters.splice(0)) wake();
  };
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => push(value as LiveResult<T>),
      error: (error) =>
        push({
          errors: Array.isArray(error)
            ? (error as LiveResult['errors'])
            : [{ message: error instanceof Error ? error.message : String(error) }],
        }),
      complete: () => undefined,
    },
  );
  const next = async (match: (r: LiveResult<T>) => boolean = () => true) => {
    for (;;) {
      while (taken < results.length) {
        const result = results[taken++];
        if (match(result)) return result;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { results, dispose, next };
}

/**
 * Waits until the server has registered `count` subscriptions to an event topic: from then on,
 * every event published reaches them. Use it between subscribing and causing the event.
 */
export function subscribed(t: TestApp, topic: string, count = 1): Promise<void> {
  return t.app.get(EventBus).whenSubscribed(topic, count);
}
