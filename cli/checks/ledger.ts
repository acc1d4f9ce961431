// Doctor: every ledger transaction sums to zero and every cached balance equals its entries
// (the app's own payments.ledgerHealth()).
import type { Check } from "./types.ts";

export const ledgerCheck: Check = {
  title: "Ledger balanced",
  async run(ctx) {
    if (!ctx.dbHealthy || !ctx.schemaCurrent) {
      return { status: "warn", message: "skipped: the database is not healthy or not current (see above)" };
    }
    const h = await (await ctx.app()).services.payments.ledgerHealth();
    if (h.unbalanced.length === 0 && h.drifted.length === 0) {
      return { status: "pass", message: "every transaction sums to zero; cached balances match" };
    }
    const parts = [];
    if (h.unbalanced.length)
      parts.push(`${h.unbalanced.length} transactions do not sum to zero (e.g. ${h.unbalanced[0]!.txnId})`);
    if (h.drifted.length)
      parts.push(
        `${h.drifted.length} accounts' cached balance differs from their entries (e.g. ${h.drifted[0]!.id})`,
      );
    return {
      status: "fail",
      message: parts.join("; "),
      suggestion:
        "Stop payouts, back up the data (`fanzctl backup`) and investigate the listed transactions; do not edit the ledger by hand.",
    };
  },
};
