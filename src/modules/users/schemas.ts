import { z } from "zod";
import { visibleText } from "../../lib/text.ts";

export const email = z.string().trim().max(254).pipe(z.email("Enter a valid email address."));
export const username = z
  .string()
  .trim()
  .min(3, "At least 3 characters.")
  .max(30, "At most 30 characters.")
  .regex(/^[A-Za-z0-9_]+$/, "Letters, digits and _ only.")
  .transform((s) => s.toLowerCase());
export const password = z.string().min(8, "At least 8 characters.").max(256, "At most 256 characters.");
export const displayName = visibleText({ max: 60 });
