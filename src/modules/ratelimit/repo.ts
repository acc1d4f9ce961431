// Every guarded request reads and writes its counters: both statements are prepared once (db/prepared.ts).
import { eq, lt, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { rowCount } from "../../db/query.ts";
import { rateLimits } from "./tables.ts";

export const rateLimitRepo = {
  get: (db: DrizzleDb, key: string) =>
    prepared(db, "rateLimits.get", () =>
      db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, sql.placeholder("key")))
        .prepare(),
    ).get({ key }),
  put: async (db: DrizzleDb, key: string, windowStart: number, count: number): Promise<void> => {
    await prepared(db, "rateLimits.put", () =>
      db
        .insert(rateLimits)
        .values({
          key: sql.placeholder("key"),
          windowStart: sql.placeholder("windowStart"),
          count: sql.placeholder("count"),
        })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: { windowStart: sql`excluded.window_start`, count: sql`excluded.count` },
        })
        .prepare(),
    ).run({ key, windowStart, count });
  },
  /** Deletes the counters whose window started before `before`; returns how many. */
  removeStarted: (db: DrizzleDb, before: number): Promise<number> =>
    db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).then(rowCount),
};
