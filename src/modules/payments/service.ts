// Payments: every flow that moves money (wallet top-ups, subscriptions and renewals, PPV unlocks, tips,
// refunds and chargebacks, releasing held earnings) and the earnings a creator sees. Money moves only
// through the ledger. Each flow lives in its own file; this composes them into the one service the rest
// of the app sees.
import type { AppContext } from "../../context.ts";
import { createCheckouts } from "./checkout.ts";
import { creatorBalancesTx, creatorEarnings } from "./earnings.ts";
import { TXN_LABELS } from "./kinds.ts";
import { publicUrl } from "../../config/load.ts";
import { paymentProviders } from "./providers/index.ts";
import type { PaymentProvider } from "./providers/types.ts";
import { createPurchases } from "./purchases.ts";
import { createRefunds } from "./refunds.ts";
import { createRenewals } from "./renewals.ts";
import { createSales } from "./sales.ts";
import { statementCsv, statementLines } from "./statement.ts";
import { createTransactions, presentTxn } from "./transactions.ts";
import { createWallet } from "./wallet.ts";

export { TXN_LABELS };
export type { Outcome, PayWith } from "./purchases.ts";

/** The configured provider, built on first use (so a sandbox secret is only generated when needed). */
function activeProviderOf(ctx: AppContext): () => PaymentProvider {
  let provider: PaymentProvider | null = null;
  return function activeProvider(): PaymentProvider {
    provider ??= paymentProviders[ctx.config.payments.provider].create(ctx.config, {
      now: () => ctx.clock.now(),
      generatedSecret: (name) => ctx.services.site.generatedSecret(name),
      publicUrl: () => publicUrl(ctx.config),
    });
    return provider;
  };
}

export function createPaymentsService(ctx: AppContext) {
  const activeProvider = activeProviderOf(ctx);
  const purchases = createPurchases(ctx);
  const checkouts = createCheckouts(ctx, { activeProvider, purchases });
  const refunds = createRefunds(ctx, activeProvider);
  const { purchase } = checkouts;

  return {
    provider: activeProvider,
    completeCheckoutTx: checkouts.completeCheckoutTx,
    checkout: checkouts.checkout,
    recordCheckoutFailure: checkouts.recordCheckoutFailure,
    reverseTx: refunds.reverseTx,
    reverseByProviderRefTx: refunds.reverseByProviderRefTx,
    presentTxn,
    ...createWallet(ctx, { purchase, presentTxn }),
    ...createSales(ctx, { purchase, presentTxn }),
    ...createTransactions(ctx, { refunds }),
    ...createRenewals(ctx, { activeProvider, purchases }),

    /** GET /earnings for a creator (earnings.ts). */
    earnings: (creatorId: string) => creatorEarnings(ctx, creatorId),
    creatorBalancesTx,

    /** A creator's statement as CSV: earnings, reversals and payouts with their references. */
    statementCsv: (creatorId: string): string => statementCsv(statementLines(ctx, creatorId)),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
