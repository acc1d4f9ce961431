// What CCBill's webhook events do: one idempotent handler per event type, run inside the webhook's
// transaction (webhooks.ts records the event id, "<type>:<transactionId>", in the same one). Field names
// are those of CCBill's Webhooks User Guide; CCBill sends every value as a string.
//
// A sale must be what the checkout asked for: the billed amount and currency are compared with the
// checkout, and a mismatch (a tampered form, a price changed in CCBill's admin) credits nothing, is
// logged, and marks the checkout failed; the event is still answered 200 (recorded) so that CCBill stops
// retrying it. Sales are recorded under their transaction id, which CCBill's refunds, voids and
// chargebacks name. An event about a payment or subscription not recorded yet (CCBill does not promise
// order) answers 503 and is applied when CCBill delivers it again.
import { z } from "zod";
import type { DrizzleDb } from "../../../../db/client.ts";
import { paymentsRepo } from "../../repo.ts";
import type { ProviderEvent } from "../types.ts";
import { onEvent, RetryLater, type WebhookDeps, type WebhookHandler } from "../webhook-handler.ts";
import { centsOf, CHECKOUT_FIELD, currencyOf } from "./flexforms.ts";

const id = z.string().min(1).max(100);
const price = z.string().refine((v) => centsOf(v) !== null, "not a price with at most two decimals");
const currency = z.string().refine((v) => currencyOf(v) !== undefined, "not a currency CCBill bills in");

const newSaleSuccess = z.looseObject({
  transactionId: id,
  subscriptionId: id,
  [CHECKOUT_FIELD]: id.optional(),
  // The initial price as billed, in the currency the form asked for (Version 1+ of the event).
  billedInitialPrice: price.optional(),
  billedAmount: price.optional(),
  billedCurrencyCode: currency,
  accountingAmount: price.optional(),
  accountingCurrencyCode: currency.optional(),
});
const newSaleFailure = z.looseObject({
  transactionId: id,
  [CHECKOUT_FIELD]: id.optional(),
  failureReason: z.string().max(500).optional(),
  failureCode: z.string().max(50).optional(),
});
const renewalSuccess = z.looseObject({
  transactionId: id,
  subscriptionId: id,
  billedAmount: price,
  billedCurrencyCode: currency,
});
const bySubscription = z.looseObject({ subscriptionId: id });
const reversal = z.looseObject({
  transactionId: id,
  subscriptionId: id.optional(),
  amount: price.optional(),
  currencyCode: currency.optional(),
  reason: z.string().max(500).optional(),
});

export function ccbillHandlers(deps: WebhookDeps): Record<string, WebhookHandler> {
  const payments = () => deps.payments;
  const log = deps.logger;

  function retry(e: ProviderEvent, what: string): never {
    log.warn("ccbill event for something not recorded yet; asking CCBill to retry", {
      event: e.id,
      type: e.type,
      what,
    });
    throw new RetryLater(`${what} is not known yet (event ${e.id}); deliver the event again later.`);
  }

  /** A subscription event CCBill may send for a subscription that is not ours (or not any more). */
  async function aboutSubscription(
    tx: DrizzleDb,
    e: ProviderEvent,
    subscriptionId: string,
    step: (tx: DrizzleDb, ref: string) => Promise<boolean>,
  ): Promise<void> {
    if (!(await step(tx, subscriptionId))) {
      log.warn("ccbill event for a subscription Fanz does not bill; nothing to do", {
        event: e.id,
        type: e.type,
        subscriptionId,
      });
    }
  }

  /** Refund, void, chargeback: reverses the sale its transaction recorded, once. */
  function reverse(kind: "refund" | "chargeback"): WebhookHandler {
    return onEvent(reversal, async (tx, e, d) => {
      const sale = (await paymentsRepo.txnsByProviderRef(tx, d.transactionId))[0];
      if (!sale) retry(e, `Transaction ${d.transactionId}`);
      // CCBill names what this refund gave back; the ledger counts the running total.
      const given = d.amount === undefined ? undefined : centsOf(d.amount)!;
      const total =
        given === undefined ? undefined : (await paymentsRepo.reversedCentsOf(tx, sale.id)) + given;
      await payments().reverseByProviderRefTx(tx, d.transactionId, kind, total);
    });
  }

  return {
    NewSaleSuccess: onEvent(newSaleSuccess, async (tx, e, d) => {
      const checkoutId = d[CHECKOUT_FIELD];
      const co = checkoutId ? await paymentsRepo.checkoutById(tx, checkoutId) : undefined;
      if (!co || co.provider !== "ccbill") {
        log.info("ccbill sale is not a Fanz checkout", { event: e.id, checkoutId });
        return;
      }
      if (co.status === "paid") return;
      const billed = centsOf(d.billedInitialPrice ?? d.billedAmount ?? "");
      const billedCurrency = currencyOf(d.billedCurrencyCode);
      if (billed !== co.amountCents || billedCurrency !== co.currency) {
        log.error("ccbill sale does not match its checkout; nothing credited", {
          event: e.id,
          checkoutId: co.id,
          expected: `${co.amountCents} ${co.currency}`,
          billed: `${billed ?? d.billedInitialPrice ?? d.billedAmount} ${billedCurrency ?? d.billedCurrencyCode}`,
          transactionId: d.transactionId,
        });
        await paymentsRepo.updateCheckout(tx, co.id, { status: "failed", failureReason: "amount_mismatch" });
        return;
      }
      await payments().completeCheckoutTx(
        tx,
        co.id,
        d.transactionId,
        co.purpose === "subscription" ? d.subscriptionId : null,
      );
    }),

    // The fan may try again on the form; the checkout stays open with the reason kept.
    NewSaleFailure: onEvent(newSaleFailure, async (tx, _e, d) => {
      const checkoutId = d[CHECKOUT_FIELD];
      const co = checkoutId ? await paymentsRepo.checkoutById(tx, checkoutId) : undefined;
      if (!co || co.status !== "open") return;
      const reason = (d.failureReason ?? d.failureCode ?? "declined").slice(0, 200);
      await paymentsRepo.updateCheckout(tx, co.id, { failureReason: reason });
    }),

    RenewalSuccess: onEvent(renewalSuccess, async (tx, e, d) => {
      const known = await payments().providerRenewalTx(tx, {
        subscriptionRef: d.subscriptionId,
        invoiceRef: d.transactionId,
        amountCents: centsOf(d.billedAmount)!,
        currency: currencyOf(d.billedCurrencyCode)!,
      });
      // Money moved: never dropped, so an early renewal waits for its sale.
      if (!known) retry(e, `Subscription ${d.subscriptionId}`);
    }),

    RenewalFailure: onEvent(bySubscription, (tx, e, d) =>
      aboutSubscription(tx, e, d.subscriptionId, (t, ref) => payments().providerRenewalFailedTx(t, ref)),
    ),

    Cancellation: onEvent(bySubscription, (tx, e, d) =>
      aboutSubscription(tx, e, d.subscriptionId, (t, ref) => payments().providerSubscriptionEndedTx(t, ref)),
    ),

    Refund: reverse("refund"),
    // A void takes the payment back before it settled: for the ledger, a refund.
    Void: reverse("refund"),
    Chargeback: reverse("chargeback"),
  };
}
