// Fixed-window rate limits kept in the database, so every app node sees the same counts. The one
// primitive is `consume`: count the attempt and refuse it in the same transaction, BEFORE the work it
// guards (a check followed by a later count lets parallel requests all pass the check).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { TooManyRequests } from "../../lib/errors.ts";
import { DAY } from "../../lib/clock.ts";
import { rateLimitRepo } from "./repo.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

/** No limit counts over a longer window, so counters older than this can be pruned. */
export const LONGEST_WINDOW_MS = DAY;

export function createRateLimitService(ctx: AppContext) {
  /** Inside the caller's transaction: counts one use of each key, or throws TooManyRequests (counting nothing) when one is used up. */
  async function consumeTx(tx: DrizzleDb, keys: [string, Limit][], message: string): Promise<void> {
    const now = ctx.clock.now();
    const next = [];
    for (const [key, limit] of keys) {
      if (limit.windowMs > LONGEST_WINDOW_MS) throw new Error(`rate-limit window of ${key} too long`);
      const row = await rateLimitRepo.get(tx, key);
      const fresh = !row || now - row.windowStart >= limit.windowMs;
      const windowStart = fresh ? now : row.windowStart;
      const count = fresh ? 0 : row.count;
      if (count >= limit.max) {
        throw new TooManyRequests(
          message,
          Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)),
        );
      }
      next.push({ key, windowStart, count: count + 1 });
    }
    for (const n of next) await rateLimitRepo.put(tx, n.key, n.windowStart, n.count);
  }

  return {
    consumeTx,
    /** Counts one attempt against every key in one transaction, or throws TooManyRequests when any is used up. */
    async consume(keys: [string, Limit][], message: string): Promise<void> {
      await ctx.db.write((tx) => consumeTx(tx, keys, message));
    },
    /** Gives back one counted attempt of each key (a login that succeeded, a sign-up that failed). */
    async forgive(keys: string[]): Promise<void> {
      await ctx.db.write(async (tx) => {
        for (const key of keys) {
          const row = await rateLimitRepo.get(tx, key);
          if (row && row.count > 0) await rateLimitRepo.put(tx, key, row.windowStart, row.count - 1);
        }
      });
    },
    /** Drops counters whose window is over for every limit (run by the scheduler). */
    async pruneExpired(): Promise<number> {
      return ctx.db.write((tx) => rateLimitRepo.removeStarted(tx, ctx.clock.now() - LONGEST_WINDOW_MS));
    },
  };
}

export type RateLimitService = ReturnType<typeof createRateLimitService>;
