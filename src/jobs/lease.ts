// A lease on work that one node at a time should do (the scheduler's tick on a multi-node site): taken
// or renewed at each tick, it lapses when its holder stops renewing (crashed, stopped), and another node
// takes it over. It saves duplicate work; correctness does not rest on it (every scheduled effect is
// idempotent per item, and on PostgreSQL every write is SERIALIZABLE).
import type { AppContext } from "../context.ts";
import { leasesRepo } from "./repo.ts";

export interface Lease {
  /** True while this node holds the lease (taken or renewed now). */
  hold(): Promise<boolean>;
  release(): Promise<void>;
}

export function createLease(
  ctx: Pick<AppContext, "db" | "clock" | "logger" | "nodeId">,
  name: string,
  ttlMs: number,
): Lease {
  let epoch: number | null = null;
  return {
    async hold() {
      const now = ctx.clock.now();
      const got = await ctx.db.write((tx) => leasesRepo.acquire(tx, name, ctx.nodeId, now, now + ttlMs));
      const mine = got?.holder === ctx.nodeId;
      if (mine && got.epoch !== epoch) ctx.logger.info("lease taken", { lease: name, epoch: got.epoch });
      if (!mine && epoch !== null) ctx.logger.info("lease lost", { lease: name });
      epoch = mine ? got.epoch : null;
      return mine;
    },
    async release() {
      if (epoch === null) return;
      epoch = null;
      await ctx.db.write((tx) => leasesRepo.release(tx, name, ctx.nodeId));
    },
  };
}
