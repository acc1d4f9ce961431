// Fixed-window rate limits kept in the database, so every app node sees the same counts.
import type { AppContext } from "../../context.ts";
import { TooManyRequests } from "../../http/errors.ts";
import { rateLimitRepo } from "./repo.ts";
import type { DrizzleDb } from "../../db/client.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

export function createRateLimitService(ctx: AppContext) {
  const current = (key: string, limit: Limit, now: number) => {
    const row = rateLimitRepo.get(ctx.db.read, key);
    if (!row || now - row.windowStart >= limit.windowMs) return { count: 0, windowStart: now };
    return row;
  };
  return {
    /** Throws 429 if `key` already used up its window. */
    assertAllowed(key: string, limit: Limit, message: string): void {
      const now = ctx.clock.now();
      const { count, windowStart } = current(key, limit, now);
      if (count >= limit.max) {
        throw new TooManyRequests(
          message,
          Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)),
        );
      }
    },
    /** Counts one hit against `key`. */
    async hit(key: string, limit: Limit): Promise<void> {
      await ctx.db.write((tx) => {
        const now = ctx.clock.now();
        const row = rateLimitRepo.get(tx, key);
        const fresh = !row || now - row.windowStart >= limit.windowMs;
        rateLimitRepo.put(tx, key, fresh ? now : row.windowStart, fresh ? 1 : row.count + 1);
      });
    },
    /** Inside the caller's transaction: counts one use of `key`, or throws 429 when the window is used up. */
    consumeTx(tx: DrizzleDb, key: string, limit: Limit, message: string): void {
      const now = ctx.clock.now();
      const row = rateLimitRepo.get(tx, key);
      const fresh = !row || now - row.windowStart >= limit.windowMs;
      const count = fresh ? 0 : row.count;
      if (count >= limit.max) {
        throw new TooManyRequests(
          message,
          Math.max(1, Math.ceil((row!.windowStart + limit.windowMs - now) / 1000)),
        );
      }
      rateLimitRepo.put(tx, key, fresh ? now : row.windowStart, count + 1);
    },
    async reset(key: string): Promise<void> {
      await ctx.db.write((tx) => rateLimitRepo.remove(tx, key));
    },
  };
}
