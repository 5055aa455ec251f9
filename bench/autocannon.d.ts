// Minimal typings for the parts of autocannon's programmatic API used by the benchmarks.
// autocannon ships no types and @types/autocannon is not installed; without this file
// `npm run typecheck` (which includes bench/**/*.ts) would fail with TS7016.
// If @types/autocannon is ever added to devDependencies, delete this file.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Options {
      url: string;
      method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Concurrent connections (default 10). */
      connections?: number;
      /** Seconds (default 10). */
      duration?: number;
      /** Per-request timeout in seconds (default 10). */
      timeout?: number;
      title?: string;
      /** A response whose body fails this check counts as a mismatch (`Result.mismatches`). */
      verifyBody?: (body: string) => boolean;
      /** Request templates; `setupRequest` may change each request before it is sent. */
      requests?: {
        method?: string;
        path?: string;
        headers?: Record<string, string>;
        body?: string | Buffer;
        setupRequest?: (request: {
          headers?: Record<string, string>;
          [key: string]: unknown;
        }) => unknown;
      }[];
    }

    /** hdr-histogram-percentiles-obj shape; latency values are in milliseconds. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p2_5: number;
      p50: number;
      p75: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
    }

    interface Result {
      title?: string;
      url: string;
      /** Requests per second, sampled once a second. */
      requests: Histogram & { sent: number };
      latency: Histogram;
      throughput: Histogram;
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }

    /** The returned tracker is an EventEmitter that is also awaitable. */
    type Instance = EventEmitter & PromiseLike<Result> & { stop(): void };
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;

  export = autocannon;
}
