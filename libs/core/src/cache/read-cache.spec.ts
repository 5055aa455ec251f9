import {
  DatabaseGenerations,
  GenerationsCollection,
  LocalGenerations,
  ReadCache,
} from './read-cache';

/** An in-memory stand-in for the generations collection (shared like the database is). */
function fakeCollection() {
  const docs = new Map<string, number>();
  const collection: GenerationsCollection = {
    findOne: jest.fn(async ({ _id }: { _id: string }) =>
      docs.has(_id) ? { n: docs.get(_id) } : null,
    ),
    findOneAndUpdate: jest.fn(async ({ _id }: { _id: string }) => {
      docs.set(_id, (docs.get(_id) ?? 0) + 1);
      return { n: docs.get(_id) };
    }),
  };
  return collection;
}
const noDuplicates = () => false;

/** A load that counts its calls and returns what `value` says at the time. */
function counter<T>(value: () => T) {
  const load = jest.fn(async () => value());
  return load;
}

describe('ReadCache', () => {
  it('loads once and serves the same value until the namespace is invalidated', async () => {
    const cache = new ReadCache();
    let title = 'v1';
    const load = counter(() => title);
    expect(await cache.read('ns', 'k', load)).toBe('v1');
    expect(await cache.read('ns', 'k', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);

    title = 'v2';
    await cache.invalidate('ns');
    expect(await cache.read('ns', 'k', load)).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.stats).toEqual({ hits: 1, misses: 2, invalidations: 1 });
  });

  it('keeps keys and namespaces apart; an invalidation touches only its namespace', async () => {
    const cache = new ReadCache();
    const a = counter(() => 'a');
    const b = counter(() => 'b');
    const other = counter(() => 'o');
    expect(await cache.read('ns', 'pl:a', a)).toBe('a');
    expect(await cache.read('ns', 'uk:a', b)).toBe('b');
    expect(await cache.read('other', 'pl:a', other)).toBe('o');
    await cache.invalidate('ns');
    await cache.read('ns', 'pl:a', a);
    await cache.read('other', 'pl:a', other);
    expect(a).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('shares one load between concurrent misses of a key', async () => {
    const cache = new ReadCache();
    let release!: (v: string) => void;
    const load = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const reads = Promise.all([1, 2, 3].map(() => cache.read('ns', 'k', load)));
    await new Promise((r) => setImmediate(r));
    release('once');
    expect(await reads).toEqual(['once', 'once', 'once']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not cache a failed load', async () => {
    const cache = new ReadCache();
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('ok');
    await expect(cache.read('ns', 'k', load)).rejects.toThrow('down');
    expect(await cache.read('ns', 'k', load)).toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps a value read before an invalidation that finished during the load', async () => {
    const cache = new ReadCache();
    let release!: (v: string) => void;
    const slow = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const read = cache.read('ns', 'k', slow);
    await new Promise((r) => setImmediate(r));
    await cache.invalidate('ns'); // a write landed while the old value was being read
    release('old');
    expect(await read).toBe('old'); // that read overlapped the write: either value is fine
    expect(await cache.read('ns', 'k', async () => 'new')).toBe('new'); // the next one is fresh
  });

  it('loads again a held value that is no longer fresh (time-dependent values)', async () => {
    const cache = new ReadCache();
    let now = 10;
    const load = jest.fn(async () => ({ validUntil: now + 5 }));
    const isFresh = (v: { validUntil: number }) => now < v.validUntil;
    await cache.read('ns', 'k', load, undefined, isFresh);
    await cache.read('ns', 'k', load, undefined, isFresh);
    expect(load).toHaveBeenCalledTimes(1);
    now = 15;
    expect(await cache.read('ns', 'k', load, undefined, isFresh)).toEqual({ validUntil: 20 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('retries a first bump that lost the race to insert the namespace', async () => {
    const collection = fakeCollection();
    const duplicate = Object.assign(new Error('E11000'), { code: 11000 });
    (collection.findOneAndUpdate as jest.Mock).mockRejectedValueOnce(duplicate);
    const generations = new DatabaseGenerations(collection, (e) => e === duplicate);
    expect(await generations.bump('ns')).toBe(1);
    expect(collection.findOneAndUpdate).toHaveBeenCalledTimes(2);
  });

  it('drops the least recently read value beyond its size', async () => {
    const cache = new ReadCache(new LocalGenerations(), 2);
    await cache.read('ns', 'a', async () => 'a');
    await cache.read('ns', 'b', async () => 'b');
    await cache.read('ns', 'a', async () => 'a'); // a is now the most recent
    await cache.read('ns', 'c', async () => 'c');
    expect(cache.size).toBe(2);
    const b = counter(() => 'b');
    const a = counter(() => 'a');
    await cache.read('ns', 'a', a);
    await cache.read('ns', 'b', b);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('reads the generation once per scope (one look-up per request)', async () => {
    const collection = fakeCollection();
    const cache = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    const request = {};
    await cache.read('ns', 'a', async () => 1, request);
    await cache.read('ns', 'b', async () => 2, request);
    expect(collection.findOne).toHaveBeenCalledTimes(1);
    await cache.read('ns', 'a', async () => 1); // no scope: its own look-up
    expect(collection.findOne).toHaveBeenCalledTimes(2);
  });

  it('an invalidation through the shared counter makes another instance read again', async () => {
    const collection = fakeCollection();
    const a = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    const b = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    let title = 'v1';
    expect(await b.read('ns', 'k', async () => title)).toBe('v1');
    title = 'v2';
    await a.invalidate('ns');
    expect(await b.read('ns', 'k', async () => title)).toBe('v2');
  });

  it('reads uncached when the generations cannot be read', async () => {
    const collection: GenerationsCollection = {
      findOne: async () => {
        throw new Error('connection refused');
      },
      findOneAndUpdate: async () => null,
    };
    const cache = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    const load = counter(() => 'fresh');
    expect(await cache.read('ns', 'k', load)).toBe('fresh');
    expect(await cache.read('ns', 'k', load)).toBe('fresh');
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });
  describe('with a freshness window (READ_CACHE_FRESH_MS)', () => {
    const setup = () => {
      const collection = fakeCollection();
      let now = 1_000_000;
      const clock = { nowMs: () => now, advance: (ms: number) => (now += ms) };
      const make = () =>
        new ReadCache(new DatabaseGenerations(collection, noDuplicates), 100, {
          freshForMs: 1000,
          nowMs: clock.nowMs,
        });
      return { collection, clock, make };
    };

    it('asks the store for the generation once per window, in the background after the first', async () => {
      const { collection, clock, make } = setup();
      const cache = make();
      await Promise.all([
        cache.read('ns', 'a', async () => 1),
        cache.read('ns', 'b', async () => 2),
      ]);
      expect(collection.findOne).toHaveBeenCalledTimes(1);
      clock.advance(999);
      expect(await cache.read('ns', 'a', async () => 9)).toBe(1);
      await cache.settled();
      expect(collection.findOne).toHaveBeenCalledTimes(1);
      clock.advance(1);
      // served at once with the generation known, while one look-up runs for the reads after it
      let release = () => {};
      (collection.findOne as jest.Mock).mockImplementationOnce(
        () => new Promise((resolve) => (release = () => resolve({ n: 0 }))),
      );
      expect(await cache.read('ns', 'a', async () => 9)).toBe(1);
      expect(await cache.read('ns', 'b', async () => 9)).toBe(2);
      expect(collection.findOne).toHaveBeenCalledTimes(2);
      release();
      await cache.settled();
      // a clock set back (tests, a corrected system clock) does not make it trust forever
      clock.advance(-5000);
      await cache.read('ns', 'a', async () => 9);
      await cache.settled();
      expect(collection.findOne).toHaveBeenCalledTimes(3);
    });

    it('sees its own invalidation at once, without asking the store', async () => {
      const { collection, make } = setup();
      const cache = make();
      let title = 'v1';
      expect(await cache.read('ns', 'k', async () => title)).toBe('v1');
      title = 'v2';
      await cache.invalidate('ns');
      const lookups = (collection.findOne as jest.Mock).mock.calls.length;
      expect(await cache.read('ns', 'k', async () => title)).toBe('v2');
      expect(collection.findOne).toHaveBeenCalledTimes(lookups);
    });

    it('a writer that is not a peer is seen once the window has passed; a peer at once', async () => {
      const { clock, make } = setup();
      const [a, b, tool] = [make(), make(), make()];
      a.connectPeers({ tell: async (namespace, generation) => b.heard(namespace, generation) });
      let title = 'v1';
      expect(await b.read('ns', 'k', async () => title)).toBe('v1');

      title = 'v2';
      await tool.invalidate('ns'); // e.g. the command-line tool, through the database only
      expect(await b.read('ns', 'k', async () => title)).toBe('v1');
      clock.advance(1000);
      expect(await b.read('ns', 'k', async () => title)).toBe('v1'); // and a look-up starts
      await b.settled();
      expect(await b.read('ns', 'k', async () => title)).toBe('v2');

      title = 'v3';
      await a.invalidate('ns');
      await b.caughtUp('ns', a.knownGeneration('ns')!);
      expect(await b.read('ns', 'k', async () => title)).toBe('v3');
    });

    it('a generation heard late (older than the one known) changes nothing', async () => {
      const { make } = setup();
      const cache = make();
      await cache.invalidate('ns');
      await cache.invalidate('ns');
      expect(cache.knownGeneration('ns')).toBe(2);
      expect(await cache.read('ns', 'k', async () => 'x')).toBe('x');
      cache.heard('ns', 1);
      expect(cache.knownGeneration('ns')).toBe(2);
      expect(await cache.read('ns', 'k', async () => 'y')).toBe('x');
    });
  });
  it('a burst of invalidations costs at most two bumps at a time, each after the writes it covers', async () => {
    const collection = fakeCollection();
    const cache = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    const first = cache.invalidate('ns'); // starts a bump at once
    const rest = [cache.invalidate('ns'), cache.invalidate('ns'), cache.invalidate('ns')];
    await Promise.all([first, ...rest]);
    // the three that came while the first bump was under way share one bump after it
    expect(collection.findOneAndUpdate).toHaveBeenCalledTimes(2);
    expect(cache.knownGeneration('ns')).toBe(2);
    await cache.invalidate('ns');
    expect(collection.findOneAndUpdate).toHaveBeenCalledTimes(3);
    expect(cache.knownGeneration('ns')).toBe(3);
  });

  it('a failed bump does not hold the next ones back', async () => {
    const collection = fakeCollection();
    (collection.findOneAndUpdate as jest.Mock).mockRejectedValueOnce(new Error('lost connection'));
    const cache = new ReadCache(new DatabaseGenerations(collection, noDuplicates));
    await Promise.all([cache.invalidate('ns'), cache.invalidate('ns')]);
    expect(collection.findOneAndUpdate).toHaveBeenCalledTimes(2);
    expect(await collection.findOne({ _id: 'ns' })).toEqual({ n: 1 });
  });
});
