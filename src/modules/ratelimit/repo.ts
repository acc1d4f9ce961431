import { eq } from "drizzle-orm";
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
  remove: (db: DrizzleDb, key: string): void => {
    db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
  },
};
