import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField, orNull } from "../../lib/fields.ts";
import { visibleText } from "../../lib/text.ts";
import { publicUserSchema } from "../users/schemas.ts";
import { PURPOSES, TXN_KINDS } from "./tables.ts";

export const payWith = z
  .enum(["wallet", "card"])
  .meta({ id: "PayWith", description: "`card` continues at the payment provider's checkout (202)." });
const amount = (max: number) => z.number().int().min(1).max(max);

export const topupBody = z
  .object({ amountCents: z.number().int().min(500, "At least 5.00.").max(100_000) })
  .meta({ id: "TopupInput" });
export const unlockBody = z.object({ payWith: payWith.default("wallet") }).meta({ id: "UnlockInput" });
export const tipBody = z
  .object({
    creator: z.string().trim().min(1).max(30).meta({ description: "The creator's username." }),
    amountCents: amount(100_000).min(100, "At least 1.00."),
    postId: z
      .string()
      .regex(/^[a-z2-7]{26}$/)
      .optional(),
    liveStreamId: z
      .string()
      .regex(/^[a-z2-7]{26}$/)
      .optional()
      .meta({ description: "A tip during this live stream of the creator: shown to everyone watching." }),
    message: visibleText({ max: 500, min: 0, multiline: true }).optional(),
    payWith: payWith.default("wallet"),
  })
  .meta({ id: "TipInput" });
/** A client's key for a payment it may retry (`Idempotency-Key`, as Stripe's API takes it). */
export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,100}$/, "1 to 100 visible ASCII characters.")
    .optional()
    .meta({
      description:
        "Makes a wallet payment happen once: sent again with the same key (after a lost answer), it answers the first payment.",
    }),
});
export const sandboxPayBody = z.object({ cardNumber: z.string().max(40) });

// What the payment routes answer (the OpenAPI contract; see src/http/openapi.ts).

/** A purchase paid by card: the fan continues at the provider's hosted checkout (202). */
export const checkoutStartSchema = z
  .strictObject({ checkoutId: idField, checkoutUrl: z.string().meta({ description: "Send the fan here." }) })
  .meta({ id: "CheckoutStart" });

export const txnKindSchema = z.enum(TXN_KINDS).meta({ id: "TxnKind" });

/** A ledger transaction as people see it (presentTxn). */
export const transactionSchema = z
  .strictObject({
    id: idField,
    kind: txnKindSchema,
    label: z.string(),
    amountCents: cents.meta({ description: "In a wallet's history signed: + money in, − money out." }),
    currency: currencyCode,
    source: orNull(payWith),
    creatorId: idField.nullable(),
    postId: idField.nullable(),
    subscriptionId: idField.nullable(),
    memo: z.string().nullable(),
    refunded: z.boolean(),
    createdAt: epochMs,
  })
  .meta({ id: "Transaction" });

/** A line of the wallet's history: the transaction and the creator it paid. */
export const walletTxnSchema = transactionSchema
  .extend({ creator: orNull(publicUserSchema) })
  .meta({ id: "WalletTxn" });

export const walletSchema = z
  .strictObject({
    balanceCents: cents,
    currency: currencyCode,
    transactions: z.array(walletTxnSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "Wallet" });

/** Every transaction for the admin, with the people involved and what a refund may still take back. */
export const adminTxnSchema = transactionSchema
  .extend({
    user: orNull(publicUserSchema),
    creator: orNull(publicUserSchema),
    refundable: z.boolean(),
    refundableCents: cents.meta({ description: "A sale in full; a top-up what its wallet still holds." }),
    refundedCents: cents.meta({ description: "Top-ups: refunded or charged back so far." }),
  })
  .meta({ id: "AdminTransaction" });
export const adminTxnPageSchema = pageOf(adminTxnSchema, "AdminTransactionPage");

const currencyTotals = {
  pendingCents: cents,
  availableCents: cents,
  lifetimeCents: cents,
};

export const earningsSchema = z
  .strictObject({
    currency: currencyCode,
    holdDays: z.number().int().meta({ description: "Days a sale stays pending before it can be paid out." }),
    payoutMinimumCents: cents.meta({ description: "The smallest payout a creator may request." }),
    ...currencyTotals,
    byType: z.strictObject({
      subscription: cents,
      ppv: cents,
      message: cents,
      tip: cents,
      ticket: cents,
      referral: cents.meta({
        description: "Referral shares of referred creators' platform fees (net of reversals).",
      }),
    }),
    byMonth: z.array(z.strictObject({ month: z.string().meta({ description: "YYYY-MM" }), cents })),
    otherCurrencies: z
      .array(z.strictObject({ currency: currencyCode, ...currencyTotals }))
      .meta({ description: "Earned in another currency (before a change); never in the figures above." }),
  })
  .meta({ id: "Earnings" });

/** The sandbox checkout page's view of a checkout. */
export const sandboxCheckoutSchema = z
  .strictObject({
    id: idField,
    purpose: z.enum(PURPOSES).meta({ id: "CheckoutPurpose" }),
    amountCents: cents,
    currency: currencyCode,
    status: z.enum(["open", "paid", "failed", "expired"]),
    failureReason: z.string().nullable(),
    createdAt: epochMs,
  })
  .meta({ id: "SandboxCheckout" });

export const webhookReceiptSchema = z
  .strictObject({
    received: z.boolean(),
    duplicate: z.boolean().meta({ description: "The event was seen before; nothing changed." }),
  })
  .meta({ id: "WebhookReceipt" });
