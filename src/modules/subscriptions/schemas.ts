import { z } from "zod";

export const subscribeBody = z.object({
  creator: z.string().trim().min(1).max(30),
  months: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]).optional(),
  payWith: z.enum(["wallet", "card"]).default("wallet"),
});
