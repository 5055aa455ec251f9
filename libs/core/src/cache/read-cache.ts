import { Logger } from '@nestjs/common';
import { logFailure } from '../logging/log-failure';

/**
 * Where the generation of each cache namespace lives. The application keeps it in the database
 * (`DatabaseGenerations`): every process that writes (each server instance, the command-line
 * tools working through a running server's database) bumps the same counter, so an invalidation
 * anywhere is seen by the very next read everywhere. `LocalGenerations` is for unit tests.
 */
export interface CacheGenerations {
  current(namespace: string): number | Promise<number>;
  bump(namespace: string): number | Promise<number>;
}

export class LocalGenerations implements CacheGenerations {
  private readonly counters = new Map<string, number>();
  current(namespace: string): number {
    return this.counters.get(namespace) ?? 0;
  }
  bump(namespace: string): number {
    const next = this.current(namespace) + 1;
    this.counters.set(namespace, next);
    return next;
  }
}

/** The subset of a driver collection the database generations use. */
export interface GenerationsCollection {
  findOne(filter: { _id: string }): Promise<{ n?: number } | null>;
  findOneAndUpdate(
    filter: { _id: string },
    update: { $inc: { n: number } },
    options: { upsert: boolean; returnDocument: 'after' },
  ): Promise<{ n?: number } | null>;
}

/**
 * One small document per namespace (`{ _id: namespace, n }`): a read is one look-up by `_id`
 * (which FerretDB answers from SQLite directly), an invalidation one upserting `$inc` that
 * returns the new number.
 */
export class DatabaseGenerations implements CacheGenerations {
  constructor(
    private readonly collection: GenerationsCollection,
    private readonly isDuplicateKey: (error: unknown) => boolean,
  ) {}
  async current(namespace: string): Promise<number> {
    return (await this.collection.findOne({ _id: namespace }))?.n ?? 0;
  }
  async bump(namespace: string): Promise<number> {
    const inc = () =>
      this.collection.findOneAndUpdate(
        { _id: namespace },
        { $inc: { n: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
    // two first bumps of a namespace may both try to insert it: the loser's $inc then applies
    const after = await inc().catch((error: unknown) => {
      if (!this.isDuplicateKey(error)) throw error;
      return inc();
    });
    return after?.n ?? this.current(namespace);
  }
}

/** How other server instances are told of invalidations (see ReadCache.connectPeers). */
export interface CachePeers {
  tell(namespace: string, generation: number): Promise<void>;
}

export interface ReadCacheOptions {
  /**
   * How long (ms) a generation read from the store, or changed by this instance, is trusted
   * without asking the store again; 0 asks at every read (one look-up per request).
   */
  freshForMs?: number;
  /** The time, in ms (the application's Clock). */
  nowMs?: () => number;
}

interface BumpState {
  running: Promise<number>;
  queued?: Promise<number>;
}

interface Entry {
  generation: number;
  value: unknown;
}

/** How many values the cache keeps, all namespaces together (the oldest read goes first). */
export const DEFAULT_MAX_ENTRIES = 5000;

/**
 * A read-through cache for public content that changes rarely (the catalogue, course pages, the
 * FAQ): values are kept in memory per instance, each tagged with its namespace's generation at
 * the time it was read. `invalidate(namespace)` bumps the generation, so every value read before
 * is stale at once, on every instance; the owning context calls it (from its domain events)
 * after each write that changes what readers see.
 *
 * Order matters for correctness: a read takes the generation BEFORE loading, and a writer bumps
 * it AFTER writing. A read that overlaps a write may keep the old value under the old generation,
 * but the next read sees the new generation and loads again.
 *
 * Only public values belong here, never a person's own data: keys are not per user. Cached
 * values are shared between requests and must not be mutated by callers. Concurrent misses of
 * the same key share one load. If the generation cannot be read, the value is loaded uncached.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<unknown>>();
  /** Per request (a scope object), the generation read once per namespace. */
  private readonly scoped = new WeakMap<object, Map<string, Promise<number>>>();
  private readonly logger = new Logger(ReadCache.name);
  /** Counters for tests and benchmarks. */
  readonly stats = { hits: 0, misses: 0, invalidations: 0 };

  /** Per namespace, the newest generation this instance knows and when it last made sure. */
  private readonly known = new Map<string, { generation: number; checkedAtMs: number }>();
  /** Per namespace, the look-up of its generation under way (concurrent reads share it). */
  private readonly lookups = new Map<string, Promise<number>>();
  /** Who waits for `caughtUp`. */
  private readonly waiters = new Set<{ namespace: string; generation: number; done: () => void }>();
  /** Per namespace, the bump under way and the one queued after it (see `bump`). */
  private readonly bumps = new Map<string, BumpState>();
  private readonly freshForMs: number;
  private readonly nowMs: () => number;
  private peers?: CachePeers;

  constructor(
    private readonly generations: CacheGenerations = new LocalGenerations(),
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
    options: ReadCacheOptions = {},
  ) {
    this.freshForMs = options.freshForMs ?? 0;
    this.nowMs = options.nowMs ?? Date.now;
  }

  /**
   * Other instances (through the EventBus, i.e. Redis with REDIS_URL): each invalidation here is
   * told to them and theirs to this one, so that a generation this instance trusts for
   * `freshForMs` is replaced as soon as another instance changes it.
   */
  connectPeers(peers: CachePeers): void {
    this.peers = peers;
  }

  /** Another instance invalidated `namespace`: its generation is now at least `generation`. */
  heard(namespace: string, generation: number): void {
    if (this.learn(namespace, generation)) this.dropNamespace(namespace);
  }

  /** The newest generation of `namespace` this instance knows of (tests, diagnostics). */
  knownGeneration(namespace: string): number | undefined {
    return this.known.get(namespace)?.generation;
  }

  /** Resolves once this instance knows `namespace` at `generation` or newer (tests). */
  caughtUp(namespace: string, generation: number): Promise<void> {
    if ((this.knownGeneration(namespace) ?? -1) >= generation) return Promise.resolve();
    return new Promise((done) => this.waiters.add({ namespace, generation, done }));
  }

  /**
   * The value of `key` in `namespace`, loaded with `load` when missing or stale. `scope` (e.g.
   * the request's LoaderRegistry) lets all reads of one request share one generation look-up.
   * `isFresh`, for values that also depend on time (e.g. "events not ended yet"): a held value
   * it rejects is loaded again.
   */
  async read<T>(
    namespace: string,
    key: string,
    load: () => Promise<T>,
    scope?: object,
    isFresh?: (value: T) => boolean,
  ): Promise<T> {
    let generation: number;
    try {
      generation = await this.generationOf(namespace, scope);
    } catch (error) {
      logFailure(this.logger, 'reading a cache generation', error, { namespace });
      return load();
    }
    const id = `${namespace}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.generation === generation && (!isFresh || isFresh(entry.value as T))) {
      this.stats.hits++;
      // keep the most recently read last, so eviction drops the least recently read
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.value as T;
    }
    this.stats.misses++;
    if (this.maxEntries === 0) return load();
    const flight = `${id}\u0000${generation}`;
    const pending = this.loading.get(flight);
    if (pending && !isFresh) return pending as Promise<T>;
    const loaded = load().then(
      (value) => {
        this.loading.delete(flight);
        const current = this.entries.get(id);
        if (!current || current.generation <= generation) this.store(id, { generation, value });
        return value;
      },
      (error: unknown) => {
        this.loading.delete(flight);
        throw error;
      },
    );
    this.loading.set(flight, loaded);
    return loaded;
  }

  /** Every value of `namespace` read so far is stale, here and on every other instance. */
  async invalidate(namespace: string): Promise<void> {
    this.stats.invalidations++;
    try {
      const generation = await this.bump(namespace);
      this.learn(namespace, generation);
      if (this.peers)
        await this.peers.tell(namespace, generation).catch((error: unknown) =>
          logFailure(this.logger, 'telling other instances of an invalidation', error, {
            namespace,
          }),
        );
    } catch (error) {
      // Without the shared counter, at least this instance stops serving what it holds, and
      // asks the store again at the next read.
      logFailure(this.logger, 'invalidating a cache namespace', error, { namespace });
      this.known.delete(namespace);
    }
    this.dropNamespace(namespace);
  }

  /** How many values are held (all namespaces). */
  get size(): number {
    return this.entries.size;
  }

  private generationOf(namespace: string, scope?: object): Promise<number> {
    if (!scope) return this.sharedGeneration(namespace);
    let perScope = this.scoped.get(scope);
    if (!perScope) {
      perScope = new Map();
      this.scoped.set(scope, perScope);
    }
    let generation = perScope.get(namespace);
    if (!generation) {
      generation = this.sharedGeneration(namespace);
      perScope.set(namespace, generation);
    }
    return generation;
  }

  /**
   * The namespace's generation. The first read asks the store; from then on the instance serves
   * the generation it knows and, once that is `freshForMs` old, asks the store again in the
   * background (one look-up at a time): a read never waits for the store for it, even while a
   * burst of writes queues there. This instance's own invalidations and those its peers tell it
   * are known at once; only a writer that is neither (the command-line tools) is seen up to
   * `freshForMs` plus one look-up late.
   */
  private sharedGeneration(namespace: string): Promise<number> {
    if (this.freshForMs <= 0) return Promise.resolve(this.generations.current(namespace));
    const known = this.known.get(namespace);
    if (known) {
      if (
        Math.abs(this.nowMs() - known.checkedAtMs) >= this.freshForMs &&
        !this.lookups.has(namespace)
      )
        this.lookUp(namespace).catch((error: unknown) =>
          logFailure(this.logger, 'reading a cache generation', error, { namespace }),
        );
      return Promise.resolve(known.generation);
    }
    return this.lookups.get(namespace) ?? this.lookUp(namespace);
  }

  private lookUp(namespace: string): Promise<number> {
    const lookup = Promise.resolve()
      .then(() => this.generations.current(namespace))
      .then(
        (generation) => {
          this.lookups.delete(namespace);
          this.learn(namespace, generation);
          return this.known.get(namespace)!.generation;
        },
        (error: unknown) => {
          this.lookups.delete(namespace);
          throw error;
        },
      );
    this.lookups.set(namespace, lookup);
    return lookup;
  }

  /** Resolves once every look-up of a generation under way has ended (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.lookups.values()]);
  }

  /**
   * Bumps the namespace's generation, sharing bumps between concurrent invalidations: while one
   * bump is under way, every invalidation that arrives joins ONE bump queued to start after it
   * (never the running one: it may have counted before their writes completed, and a reader
   * could then cache what they changed under the new number). A burst of writes costs two
   * bumps at a time instead of one each.
   */
  private bump(namespace: string): Promise<number> {
    const state = this.bumps.get(namespace);
    if (!state) {
      const fresh: BumpState = { running: Promise.resolve(0) };
      this.bumps.set(namespace, fresh);
      fresh.running = this.runBump(namespace, fresh);
      return fresh.running;
    }
    state.queued ??= state.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        state.queued = undefined;
        state.running = this.runBump(namespace, state);
        return state.running;
      });
    return state.queued;
  }

  private runBump(namespace: string, state: BumpState): Promise<number> {
    const running = Promise.resolve().then(() => this.generations.bump(namespace));
    const settled = () => {
      if (state.running === running && !state.queued) this.bumps.delete(namespace);
    };
    running.then(settled, settled);
    return running;
  }

  /** Notes a generation read or heard now; true when it is newer than the one known. */
  private learn(namespace: string, generation: number): boolean {
    const before = this.known.get(namespace)?.generation;
    const newest = Math.max(generation, before ?? generation);
    this.known.set(namespace, { generation: newest, checkedAtMs: this.nowMs() });
    for (const waiter of this.waiters)
      if (waiter.namespace === namespace && newest >= waiter.generation) {
        this.waiters.delete(waiter);
        waiter.done();
      }
    return before === undefined || newest > before;
  }

  private dropNamespace(namespace: string): void {
    const prefix = `${namespace}\u0000`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
  }

  private store(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
