// Whether a fan's wallet may pay for a purchase. Wallets hold the site's currency, so a creator priced
// in another one cannot be paid from it. A wallet below zero (a chargeback took back a top-up that had
// been spent) pays for nothing until top-ups bring it back to zero or more.
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, PaymentRequired } from "../../lib/errors.ts";
import { formatCents } from "../../lib/money.ts";
import { pendingBalance } from "./ledger.ts";
import { paymentsRepo } from "./repo.ts";

export async function assertWalletCoversTx(
  tx: DrizzleDb,
  payerId: string,
  price: { amountCents: number; currency: string },
  walletCurrency: string,
): Promise<void> {
  const wallets = (await paymentsRepo.walletsOf(tx, payerId)).map((w) => ({
    ...w,
    balanceCents: w.balanceCents + pendingBalance(tx, w.id),
  }));
  const negative = wallets.find((w) => w.balanceCents < 0);
  if (negative) {
    throw new PaymentRequired(
      `Your wallet is at ${formatCents(negative.balanceCents, negative.currency)} because a payment was charged back. ` +
        "Top up to use your wallet again, or pay by card.",
      "wallet_negative",
    );
  }
  const held = wallets.find((w) => w.currency === price.currency)?.balanceCents ?? 0;
  if (held >= price.amountCents) return;
  if (price.currency !== walletCurrency) {
    throw new Conflict(
      `This is priced in ${price.currency} and your wallet holds ${walletCurrency}, so it cannot be paid from your wallet. Pay by card instead.`,
      "currency_mismatch",
    );
  }
  throw new PaymentRequired("Your wallet balance is too low. Top up or pay by card.", "insufficient_funds");
}
