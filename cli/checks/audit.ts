// Doctor: the audit log's hash chain is whole (no entry edited, removed or slipped in).
import type { Check } from "./types.ts";

export const auditCheck: Check = {
  title: "Audit log chain",
  async run(ctx) {
    if (!ctx.dbHealthy || !ctx.schemaCurrent) {
      return { status: "warn", message: "skipped: the database is not healthy or not current (see above)" };
    }
    const r = await (await ctx.app()).services.audit.verifyChain();
    if (!r.brokenAt) return { status: "pass", message: `${r.entries} entries, every link and hash intact` };
    return {
      status: "fail",
      message: `entry ${r.brokenAt.seq} ${r.brokenAt.reason} (${r.entries} entries before it are intact)`,
      suggestion:
        "Someone changed the audit log outside the app. Keep the database as it is, restore the last backup elsewhere (`fanzctl restore --verify`) and compare the entries from that one on.",
    };
  },
};
