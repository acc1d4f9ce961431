import { eq, lt } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { rateLimits } from "./tables.ts";

export const rateLimitRepo = {
  get: (db: DrizzleDb, key: string) => db.select().from(rateLimits).where(eq(rateLimits.key, key)).get(),
  put: (db: DrizzleDb, key: string, windowStart: number, count: number): void => {
    db.insert(rateLimits)
      .values({ key, windowStart, count })
      .onConflictDoUpdate({ target: rateLimits.key, set: { windowStart, count } })
      .run();
  },
  /** Deletes the counters whose window started before `before`; returns how many. */
  removeStarted: (db: DrizzleDb, before: number): number =>
    db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).run().changes,
};
