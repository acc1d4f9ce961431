// What payments needs from the modules that sell access: checked and granted inside the purchase's own
// transaction, so money and access commit together (a card checkout completes in the webhook's
// transaction, long after the request that started it). The selling modules sit above payments, so they
// connect their implementation in the composition root (lib/port.ts); payments never imports them.
import type { DrizzleDb } from "../../db/client.ts";
import { port } from "../../lib/port.ts";

/** A subscription as the money flows see it. */
export interface BilledSubscription {
  id: string;
  fanId: string;
  creatorId: string;
  months: number;
  providerRef: string | null;
}

/** Implemented by the subscriptions module. */
export interface SubscriptionSeller {
  /** Throws the error the fan should see when the subscription cannot be bought now (already subscribed). */
  checkTx(tx: DrizzleDb, fanId: string, creatorId: string, promotionId?: string): Promise<void>;
  /** Grants (or extends) the paid subscription; returns its id. */
  grantTx(
    tx: DrizzleDb,
    g: {
      fanId: string;
      creatorId: string;
      months: number;
      priceCents: number;
      currency: string;
      providerRef: string | null;
      /** The promotion whose discount paid the first period (redeemed in this transaction). */
      promotionId?: string | undefined;
    },
  ): Promise<string>;
  byProviderRefTx(tx: DrizzleDb, ref: string): Promise<BilledSubscription | undefined>;
  byId(id: string): Promise<BilledSubscription | undefined>;
  /** The provider charged a renewal itself: extend access (or start again if it had lapsed). */
  renewedByProviderTx(
    tx: DrizzleDb,
    id: string,
    paid: { priceCents: number; currency: string; txnId: string },
  ): Promise<void>;
  /** The provider could not charge a renewal: access lasts until the period ends; the fan hears of it. */
  renewalFailedByProviderTx(tx: DrizzleDb, id: string): Promise<void>;
  /** The provider ended the recurring subscription: no more renewals. */
  endedByProviderTx(tx: DrizzleDb, id: string): Promise<void>;
}

/** Implemented by the entitlement module (it owns PPV unlocks of posts and of messages). */
export interface UnlockSeller {
  /** Throws when the post (or message) is already unlocked by this fan. */
  checkTx(tx: DrizzleDb, fanId: string, itemId: string): Promise<void>;
  grantTx(tx: DrizzleDb, fanId: string, itemId: string): Promise<void>;
}

export function createSellers() {
  return {
    subscription: port<SubscriptionSeller>("payments.sellers.subscription"),
    ppv: port<UnlockSeller>("payments.sellers.ppv"),
    message: port<UnlockSeller>("payments.sellers.message"),
    ticket: port<UnlockSeller>("payments.sellers.ticket"),
  };
}

export type Sellers = ReturnType<typeof createSellers>;
