// What /readyz checks (and the admin console's status page shows): the database answers, the data dir
// and the storage are writable, the worker pool starts.
import { accessSync, constants } from "node:fs";
import type { AppContext } from "../context.ts";

export async function readiness(ctx: AppContext): Promise<{ ok: boolean; checks: Record<string, string> }> {
  const checks: Record<string, string> = {};
  try {
    await ctx.db.ping();
    checks.database = "ok";
  } catch (err) {
    checks.database = `error: ${(err as Error).message}`;
  }
  try {
    accessSync(ctx.paths.root, constants.W_OK);
    // Uploads and workers use data_dir/tmp on either driver; the bucket must answer too.
    const problem = await ctx.storage.problem();
    checks.storage = problem ? `error: ${problem}` : "ok";
  } catch {
    checks.storage = "error: data dir is not writable";
  }
  // Media processing runs on the pool, so a pool whose threads cannot start is not ready.
  const pool = await ctx.workers.check();
  checks.workers = pool.ok ? "ok" : `error: ${pool.error}`;
  return { ok: Object.values(checks).every((v) => v === "ok"), checks };
}
