// Sessions as every signed-in request reads them: the row cached by id and forgotten (on every node) when a
// write that changes or ends it commits. Every write to the sessions table goes through this store; the
// queries stay in repo.ts.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { configuredCache } from "../../lib/cache.ts";
import { sessionsRepo } from "./repo.ts";
import type { SessionRow } from "./tables.ts";

export function createSessionStore(ctx: AppContext) {
  const cache = configuredCache<SessionRow>(ctx, "auth.sessions", 100_000);
  const forget = (tx: DrizzleDb, ids: string[]) =>
    ctx.db.onTxEnd(tx, () => {
      for (const id of ids) cache.delete(id);
    });

  return {
    /** The session by id, from the cache when it holds it. */
    get: (id: string): Promise<SessionRow | undefined> =>
      cache.getOne(id, () => sessionsRepo.byId(ctx.db.read, id)),
    insert: (tx: DrizzleDb, row: SessionRow) => sessionsRepo.insert(tx, row),
    update(tx: DrizzleDb, id: string, patch: Parameters<typeof sessionsRepo.update>[2]): Promise<void> {
      forget(tx, [id]);
      return sessionsRepo.update(tx, id, patch);
    },
    remove(tx: DrizzleDb, id: string): Promise<void> {
      forget(tx, [id]);
      return sessionsRepo.remove(tx, id);
    },
    /** Removes one of this person's sessions; 0 when it is not theirs (or gone). */
    async removeOwn(tx: DrizzleDb, userId: string, id: string): Promise<number> {
      forget(tx, [id]);
      return sessionsRepo.removeOwn(tx, userId, id);
    },
    async removeAllOf(tx: DrizzleDb, userId: string): Promise<void> {
      forget(tx, await sessionsRepo.removeAllOf(tx, userId));
    },
    /** Ends every session of the person but `keepId`; answers how many. */
    async removeOthersOf(tx: DrizzleDb, userId: string, keepId: string): Promise<number> {
      const ids = await sessionsRepo.removeOthersOf(tx, userId, keepId);
      forget(tx, ids);
      return ids.length;
    },
    /** Expired sessions (a cached one is refused by its expiry anyway). */
    removeExpired: (tx: DrizzleDb, now: number) => sessionsRepo.removeExpired(tx, now),
    ofUser: (userId: string, now: number) => sessionsRepo.ofUser(ctx.db.read, userId, now),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
