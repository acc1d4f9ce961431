// Hot queries are built once per connection, not on every call: on SQLite, drizzle's query building and
// SQLite's compilation cost more than running these small indexed queries (see bench/RESULTS.md). On
// PostgreSQL the built query is kept per handle too (a transaction's handle lives for that transaction).
import { sql, type Placeholder } from "drizzle-orm";
import type { DrizzleDb } from "./client.ts";
import { isPostgres, rowCount } from "./query.ts";

type Params = Record<string, unknown>;

/** What `build` returns: drizzle's prepared query (typed by its SQLite form). */
interface Built {
  get(params?: Params): unknown;
  all(params?: Params): unknown;
  run(params?: Params): unknown;
}

/** A prepared query on either engine. */
export interface Statement<Q extends Built> {
  get(params?: Params): Promise<ReturnType<Q["get"]>>;
  all(params?: Params): Promise<ReturnType<Q["all"]>>;
  /** Runs it; resolves to the number of rows changed. */
  run(params?: Params): Promise<number>;
}

const caches = new WeakMap<object, Map<string, Statement<Built>>>();

function wrap<Q extends Built>(db: DrizzleDb, q: Q): Statement<Q> {
  if (isPostgres(db)) {
    // drizzle's Postgres prepared query has one method: execute (rows for a select or RETURNING, the
    // driver's result for the rest).
    const pgq = q as unknown as { execute(p?: Params): Promise<unknown> };
    return {
      get: async (p) => ((await pgq.execute(p)) as unknown[])[0] as ReturnType<Q["get"]>,
      all: async (p) => (await pgq.execute(p)) as ReturnType<Q["all"]>,
      run: async (p) => rowCount(await pgq.execute(p)),
    };
  }
  return {
    get: async (p) => q.get(p) as ReturnType<Q["get"]>,
    all: async (p) => q.all(p) as ReturnType<Q["all"]>,
    run: async (p) => rowCount(q.run(p)),
  };
}

/** The prepared query `key` on handle `db`, built by `build` the first time. */
export function prepared<Q extends Built>(db: DrizzleDb, key: string, build: () => Q): Statement<Q> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(key);
  if (s === undefined) {
    s = wrap(db, build()) as unknown as Statement<Built>;
    cache.set(key, s);
  }
  return s as unknown as Statement<Q>;
}

export interface InList {
  /** Size class of the list: a power of two, part of the statement's cache key. */
  size: number;
  placeholders: Placeholder[];
  params: Record<string, string>;
}

/** Placeholders and parameter names per prefix and size class: the same few lists on every call. */
const shapes = new Map<string, { names: string[]; placeholders: Placeholder[] }>();

/**
 * Binds a variable-length list of ids for `IN (...)`: the list is padded (with its own first element) to
 * the next power of two, so a handful of prepared statements serve every length.
 */
export function inList(ids: readonly string[], prefix = "in"): InList {
  const size = 2 ** Math.ceil(Math.log2(Math.max(1, ids.length)));
  let shape = shapes.get(`${prefix}:${size}`);
  if (!shape) {
    const names = Array.from({ length: size }, (_, i) => `${prefix}${i}`);
    shape = { names, placeholders: names.map((n) => sql.placeholder(n)) };
    shapes.set(`${prefix}:${size}`, shape);
  }
  const params: Record<string, string> = {};
  const first = ids[0] ?? "";
  for (let i = 0; i < size; i++) params[shape.names[i]!] = ids[i] ?? first;
  return { size, placeholders: shape.placeholders, params };
}
