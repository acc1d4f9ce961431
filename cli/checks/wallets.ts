// Doctor: fan wallets below zero. A provider's chargeback of a top-up the fan had already spent takes
// the money back anyway, so the wallet goes negative and is frozen until topped up. The ledger is still
// right (a warning, not a failure), but the operator should know who owes the site money.
import { formatCents } from "../../src/lib/money.ts";
import type { Check } from "./types.ts";

const SHOWN = 5;

export const walletsCheck: Check = {
  title: "Fan wallets",
  async run(ctx) {
    if (!ctx.dbHealthy || !ctx.schemaCurrent) {
      return { status: "warn", message: "skipped: the database is not healthy or not current (see above)" };
    }
    const negative = await (await ctx.app()).services.payments.negativeWallets();
    if (negative.length === 0) return { status: "pass", message: "none below zero" };
    const named = negative
      .slice(0, SHOWN)
      .map((w) => `${w.username ? `@${w.username}` : w.userId}: ${formatCents(w.balanceCents, w.currency)}`);
    if (negative.length > SHOWN) named.push(`${negative.length - SHOWN} more`);
    return {
      status: "warn",
      message: `${negative.length} wallet${negative.length === 1 ? "" : "s"} below zero (${named.join(", ")})`,
      suggestion:
        "These wallets pay for nothing until topped up. Contact the fans, or contest the chargebacks at the payment provider.",
    };
  },
};
