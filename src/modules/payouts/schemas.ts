import { z } from "zod";
import { pageOf } from "../../lib/cursor.ts";
import { cents, currencyCode, epochMs, idField, orNull } from "../../lib/fields.ts";
import { publicUserSchema } from "../users/schemas.ts";

export const payoutBody = z
  .object({ amountCents: z.number().int().min(1).max(100_000_000) })
  .meta({ id: "PayoutRequestInput" });

// Only the shape here; which fields a kind needs and whether they are valid is the service's rule.
export const methodBody = z
  .object({
    kind: z.enum(["paypal", "bank"]).meta({ id: "PayoutMethodKind" }),
    email: z.string().max(320).optional().meta({ description: "PayPal." }),
    accountHolder: z.string().max(200).optional().meta({ description: "Bank accounts." }),
    iban: z.string().max(64).optional().meta({ description: "Bank accounts: an IBAN, or…" }),
    accountNumber: z.string().max(40).optional().meta({ description: "…a US account and routing number." }),
    routingNumber: z.string().max(40).optional(),
  })
  .meta({ id: "PayoutMethodInput" });

// What the payout routes answer (the OpenAPI contract; see src/http/openapi.ts).

export const payoutStatusSchema = z
  .enum(["requested", "approved", "rejected", "paid"])
  .meta({ id: "PayoutStatus" });

export const payoutSchema = z
  .strictObject({
    id: idField,
    creator: publicUserSchema,
    amountCents: cents,
    currency: currencyCode,
    status: payoutStatusSchema,
    note: z.string().nullable().meta({ description: "The admin's note on a rejection." }),
    destination: z
      .string()
      .nullable()
      .meta({ description: "The creator's masked payout method when they requested it." }),
    reference: z.string().nullable().meta({ description: "The transfer's reference, once paid." }),
    createdAt: epochMs,
    decidedAt: epochMs.nullable(),
    paidAt: epochMs.nullable(),
  })
  .meta({ id: "Payout" });
export const payoutPageSchema = pageOf(payoutSchema, "PayoutPage");

/** A creator's payout method as they see it: masked. */
export const payoutMethodSchema = z
  .strictObject({
    kind: methodBody.shape.kind,
    masked: z.string().meta({ description: 'e.g. "PayPal j***@example.com", "Bank •••• 5432 (N. Reyes)".' }),
    updatedAt: epochMs,
  })
  .meta({ id: "PayoutMethod" });

/** The full details, shown to admins only so they can send the money. */
export const payoutMethodDetailsSchema = z
  .union([
    z.strictObject({ kind: z.literal("paypal"), email: z.string() }),
    z.strictObject({ kind: z.literal("bank"), accountHolder: z.string(), iban: z.string() }),
    z.strictObject({
      kind: z.literal("bank"),
      accountHolder: z.string(),
      accountNumber: z.string(),
      routingNumber: z.string(),
    }),
  ])
  .meta({ description: "PayPal, an IBAN account, or a US account." });

/** A payout in the admin's queue, with the creator's current payout method in full. */
export const adminPayoutSchema = payoutSchema
  .extend({
    method: payoutMethodSchema
      .extend({
        details: orNull(payoutMethodDetailsSchema).meta({
          description: "Null when this site's key cannot open them (restored without it).",
        }),
      })
      .nullable(),
  })
  .meta({ id: "AdminPayout" });
export const adminPayoutPageSchema = pageOf(adminPayoutSchema, "AdminPayoutPage");
