import { z } from "zod";
import { visibleText } from "../../lib/text.ts";

export const payWith = z.enum(["wallet", "card"]);
const cents = (max: number) => z.number().int().min(1).max(max);

export const topupBody = z.object({ amountCents: z.number().int().min(500, "At least 5.00.").max(100_000) });
export const unlockBody = z.object({ payWith: payWith.default("wallet") });
export const tipBody = z.object({
  creator: z.string().trim().min(1).max(30),
  amountCents: cents(100_000).min(100, "At least 1.00."),
  postId: z
    .string()
    .regex(/^[a-z2-7]{26}$/)
    .optional(),
  message: visibleText({ max: 500, min: 0, multiline: true }).optional(),
  payWith: payWith.default("wallet"),
});
export const sandboxPayBody = z.object({ cardNumber: z.string().max(40) });
