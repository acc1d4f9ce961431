// Read-through caches for hot rows that change rarely (timelines, posts, author cards). The module that
// owns the rows owns the cache and forgets an entry when a transaction that changes it ends
// (db.onTxEnd), so within this process a cache never serves what the database no longer says. On a
// multi-node site the other nodes forget it too, told through the cache hub (events/relay.ts carries it
// over PostgreSQL NOTIFY); the TTL bounds how long a change stays unseen when a notice is lost or the
// change was made outside the app (a fanzctl command).

export interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  clear(): void;
  readonly size: number;
  /**
   * Values for `keys`, loading the missing ones with one `load` call and keeping what it returns, except
   * entries forgotten while the load ran (they may have been read before the change that forgot them).
   */
  getMany(
    keys: readonly K[],
    load: (missing: K[]) => Promise<Iterable<readonly [K, V]>> | Iterable<readonly [K, V]>,
  ): Promise<Map<K, V>>;
  /** The value for `key`, loading it with `load` when missing (undefined: nothing to keep). */
  getOne(key: K, load: () => Promise<V | undefined>): Promise<V | undefined>;
  /**
   * Runs a load that keeps what it read through `keep`, which (like getMany) skips entries forgotten
   * while the load ran.
   */
  loading<T>(fn: (keep: (key: K, value: V) => void) => Promise<T>): Promise<T>;
}

export interface CacheOptions<V> {
  /** What the cache may hold, in `weigh` units (entries by default); the least recently set go first. */
  max: number;
  /** An entry's share of `max`, e.g. its size in characters for rows with free text. Default 1. */
  weigh?: (value: V) => number;
  /** Lifetime of an entry; 0 disables the cache (every get misses). */
  ttlMs: number;
  /**
   * Each entry lives a random part of the TTL's second half instead (never longer than the TTL): entries
   * loaded together, e.g. by a burst of requests after a start, then expire spread out instead of all at
   * once, which would put their reloads on the same few milliseconds.
   */
  spread?: boolean;
  now: () => number;
}

/** How the caches of several nodes forget together. */
export interface CacheHub {
  /** A cache by its name, so that a notice from another node reaches it. */
  register(name: string, local: { forget(key: string): void; clear(): void }): void;
  /** This node's cache `name` forgot `key` after a write here: the other nodes must forget it too. */
  forgot(name: string, key: string): void;
  /** Another node forgot `key` in its cache `name` (null: everything, e.g. after notices may have been lost). */
  forgetLocal(name: string | null, key?: string): void;
  /** Where this node's notices go (the relay); nowhere on a one-node site. */
  send: ((name: string, key: string) => void) | null;
}

export function createCacheHub(): CacheHub {
  const caches = new Map<string, { forget(key: string): void; clear(): void }>();
  const hub: CacheHub = {
    register(name, local) {
      if (caches.has(name)) throw new Error(`cache ${name} registered twice`);
      caches.set(name, local);
    },
    forgot: (name, key) => hub.send?.(name, key),
    forgetLocal(name, key) {
      if (name === null) for (const c of caches.values()) c.clear();
      else if (key !== undefined) caches.get(name)?.forget(key);
    },
    send: null,
  };
  return hub;
}

/**
 * A cache with the configured TTL ([cache] ttl_seconds) on the app's clock; what services use. `name`
 * identifies it to the other nodes (unique per site).
 */
export function configuredCache<V>(
  ctx: { config: { cache: { ttl_seconds: number } }; clock: { now(): number }; caches: CacheHub },
  name: string,
  max: number,
  weigh?: (value: V) => number,
): Cache<string, V> {
  const local = createCache<string, V>({
    max,
    weigh,
    spread: true,
    ttlMs: ctx.config.cache.ttl_seconds * 1000,
    now: () => ctx.clock.now(),
  });
  ctx.caches.register(name, { forget: (key) => local.delete(key), clear: () => local.clear() });
  return {
    get: (key) => local.get(key),
    set: (key, value) => local.set(key, value),
    delete(key) {
      local.delete(key);
      ctx.caches.forgot(name, key);
    },
    clear: () => local.clear(),
    get size() {
      return local.size;
    },
    getMany: (keys, load) => local.getMany(keys, load),
    getOne: (key, load) => local.getOne(key, load),
    loading: (fn) => local.loading(fn),
  };
}

export function createCache<K, V>({ max, weigh, ttlMs, now, spread }: CacheOptions<V>): Cache<K, V> {
  const lifetime = () => (spread ? ttlMs * (0.5 + Math.random() * 0.5) : ttlMs);
  const entries = new Map<K, { value: V; expiresAt: number; weight: number }>();
  let total = 0;
  // Loads in flight, and what was forgotten since the oldest of them began (by a running count).
  let loads = 0;
  let forgets = 0;
  const forgotten = new Map<K, number>();
  let cleared = -1;

  function forget(key: K): void {
    if (loads > 0) forgotten.set(key, ++forgets);
    remove(key);
  }

  function remove(key: K): void {
    const e = entries.get(key);
    if (!e) return;
    total -= e.weight;
    entries.delete(key);
  }

  function get(key: K, t = now()): V | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= t) {
      remove(key);
      return undefined;
    }
    return e.value;
  }

  function set(key: K, value: V): void {
    if (ttlMs <= 0) return;
    remove(key);
    const weight = weigh ? weigh(value) : 1;
    entries.set(key, { value, expiresAt: now() + lifetime(), weight });
    total += weight;
    // Map iteration is insertion order, so the first key is the least recently set entry.
    while (total > max && entries.size > 1) remove(entries.keys().next().value as K);
  }

  async function loading<T>(fn: (keep: (key: K, value: V) => void) => Promise<T>): Promise<T> {
    const began = forgets;
    loads++;
    try {
      return await fn((key, value) => {
        if (cleared <= began && (forgotten.get(key) ?? 0) <= began) set(key, value);
      });
    } finally {
      if (--loads === 0) {
        forgotten.clear();
        cleared = -1;
      }
    }
  }

  return {
    get: (key) => get(key),
    set,
    delete: forget,
    clear: () => {
      if (loads > 0) cleared = ++forgets;
      entries.clear();
      total = 0;
    },
    get size() {
      return entries.size;
    },
    loading,
    async getOne(key, load) {
      const hit = get(key);
      if (hit !== undefined) return hit;
      return loading(async (keep) => {
        const value = await load();
        if (value !== undefined) keep(key, value);
        return value;
      });
    },
    async getMany(keys, load) {
      const out = new Map<K, V>();
      const missing = new Set<K>();
      const t = now();
      for (const key of keys) {
        if (out.has(key) || missing.has(key)) continue;
        const v = get(key, t);
        if (v === undefined) missing.add(key);
        else out.set(key, v);
      }
      if (missing.size > 0) {
        await loading(async (keep) => {
          for (const [key, value] of await load([...missing])) {
            out.set(key, value);
            keep(key, value);
          }
        });
      }
      return out;
    },
  };
}
