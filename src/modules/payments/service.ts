// Payments: money. The ledger, wallets and top-ups, card checkouts at the provider, the sale of what
// other modules sell (a subscription, a PPV unlock, a tip: they ask for the charge, their access is
// granted through the sellers ports in the same transaction), renewal charges, refunds and chargebacks,
// releasing held earnings, and what a creator has earned. Money moves only through the ledger. Each flow
// lives in its own file; this composes them into the one service the rest of the app sees.
import type { AppContext } from "../../context.ts";
import { publicUrl } from "../../config/load.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { ReferralsService } from "../referrals/service.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";
import { createPaymentsAnalytics } from "./analytics.ts";
import { createCheckouts } from "./checkout.ts";
import { creatorBalancesTx, creatorEarnings } from "./earnings.ts";
import { createPaymentsPrivacy } from "./privacy.ts";
import { TXN_LABELS } from "./kinds.ts";
import { paymentProviders } from "./providers/index.ts";
import type { PaymentProvider } from "./providers/types.ts";
import { createPurchases } from "./purchases.ts";
import { createReferralShares } from "./referral-share.ts";
import { createRefunds } from "./refunds.ts";
import { createRenewals } from "./renewals.ts";
import { paymentsRepo } from "./repo.ts";
import { createSellers } from "./sellers.ts";
import { createTransactions, presentTxn } from "./transactions.ts";
import { createWallet } from "./wallet.ts";

export { TXN_LABELS };
export type { Outcome, PayWith, Purchase } from "./purchases.ts";
export type { RenewalCharge } from "./renewals.ts";
export type { BilledSubscription, SubscriptionSeller, UnlockSeller } from "./sellers.ts";

export interface PaymentsDeps {
  users: Pick<UsersService, "byId" | "lockTx">;
  creators: Pick<CreatorsService, "cards" | "currencies">;
  site: Pick<SiteService, "settings" | "generatedSecret">;
  rateLimit: Pick<RateLimitService, "consumeTx">;
  referrals: Pick<ReferralsService, "shareTx">;
}

/** The configured provider, built on first use (so a sandbox secret is only generated when needed). */
function activeProviderOf(ctx: AppContext, site: PaymentsDeps["site"]): () => PaymentProvider {
  let provider: PaymentProvider | null = null;
  return function activeProvider(): PaymentProvider {
    provider ??= paymentProviders[ctx.config.payments.provider].create(ctx.config, {
      now: () => ctx.clock.now(),
      generatedSecret: (name) => site.generatedSecret(name),
      publicUrl: () => publicUrl(ctx.config),
    });
    return provider;
  };
}

export function createPaymentsService(ctx: AppContext, deps: PaymentsDeps) {
  const { users, creators, site, rateLimit, referrals } = deps;
  const sellers = createSellers();
  const activeProvider = activeProviderOf(ctx, site);
  const referralShares = createReferralShares(ctx, { referrals });
  const purchases = createPurchases(ctx, { site, rateLimit, sellers, referralShares });
  const checkouts = createCheckouts(ctx, { activeProvider, purchases, users });
  const refunds = createRefunds(ctx, { activeProvider, sellers, users, referralShares });
  const renewals = createRenewals(ctx, { purchases, sellers, users });

  return {
    /** The ports the selling modules connect (composition root). */
    sellers,
    provider: activeProvider,
    /** GDPR: the person's money records, what erasure must settle, and erasure (privacy.ts). */
    privacy: createPaymentsPrivacy(ctx, { creators }),
    /**
     * Pays for what a fan buys: from the wallet now (`done` presents what was bought from the ledger
     * transaction), or by card at the provider's checkout (performed when its webhook arrives).
     */
    purchase: checkouts.purchase,
    completeCheckoutTx: checkouts.completeCheckoutTx,
    checkout: checkouts.checkout,
    recordCheckoutFailure: checkouts.recordCheckoutFailure,
    reverseByProviderRefTx: refunds.reverseByProviderRefTx,
    restoreChargebacksByProviderRefTx: refunds.restoreChargebacksByProviderRefTx,
    presentTxn,
    ...createWallet(ctx, { purchase: checkouts.purchase, presentTxn, creators }),
    ...createTransactions(ctx, { refunds, creators }),
    chargeRenewalTx: renewals.chargeRenewalTx,
    feeBasisPoints: renewals.feeBasisPoints,
    providerRenewalTx: renewals.providerRenewalTx,
    providerRenewalFailedTx: renewals.providerRenewalFailedTx,
    providerSubscriptionEndedTx: renewals.providerSubscriptionEndedTx,
    releaseDue: renewals.releaseDue,

    /** Stops a recurring subscription at the provider (cancel, refund); false when it has none to stop. */
    async cancelAtProvider(providerRef: string, atPeriodEnd: boolean): Promise<boolean> {
      const p = activeProvider();
      if (!p.cancelSubscription) return false;
      await p.cancelSubscription(providerRef, { atPeriodEnd });
      return true;
    },

    /** GET /earnings for a creator (earnings.ts). */
    earnings: (creatorId: string) => creatorEarnings(ctx, { creators, site }, creatorId),
    creatorBalancesTx,
    /** Every ledger entry on a creator's earnings accounts, oldest first (the statement's lines). */
    earningEntries: (creatorId: string) => paymentsRepo.creatorEarningEntries(ctx.db.read, creatorId),
    /** Analytics and the fans list: earnings by day and by post, spend per fan (analytics.ts). */
    analytics: createPaymentsAnalytics(ctx, { creators }),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
