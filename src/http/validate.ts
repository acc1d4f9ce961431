// zod validation for routes: a failure becomes 400 with a message and per-field details.
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { z } from "zod";
import { fieldErrors, Invalid } from "../lib/errors.ts";

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields = fieldErrors(result.error as unknown as z.ZodError);
      const first = Object.entries(fields)[0];
      throw new Invalid(first ? `${first[0]}: ${first[1]}` : "Invalid request.", { fields });
    }
  });
}

/** `:id` route params: our random ids only, so junk never reaches a query. */
export const idParam = z.object({ id: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id.") });
