// Hot queries are built and compiled once per connection, not on every call: drizzle's query building
// and SQLite's compilation cost more than running these small indexed queries (see bench/RESULTS.md).
import { sql, type Placeholder } from "drizzle-orm";

const caches = new WeakMap<object, Map<string, unknown>>();

/** The prepared query `key` on connection `db`, built by `build` the first time. */
export function prepared<T>(db: object, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let q = cache.get(key) as T | undefined;
  if (q === undefined) cache.set(key, (q = build()));
  return q;
}

export interface InList {
  /** Size class of the list: a power of two, part of the statement's cache key. */
  size: number;
  placeholders: Placeholder[];
  params: Record<string, string>;
}

/**
 * Binds a variable-length list of ids for `IN (...)`: the list is padded (with its own first element) to
 * the next power of two, so a handful of prepared statements serve every length.
 */
export function inList(ids: readonly string[], prefix = "in"): InList {
  const size = 2 ** Math.ceil(Math.log2(Math.max(1, ids.length)));
  const params: Record<string, string> = {};
  const placeholders: Placeholder[] = [];
  for (let i = 0; i < size; i++) {
    params[`${prefix}${i}`] = ids[i] ?? ids[0] ?? "";
    placeholders.push(sql.placeholder(`${prefix}${i}`));
  }
  return { size, placeholders, params };
}
