// zod validation for routes: a failure becomes 400 with a message and per-field details. The same hook
// is OpenAPIHono's defaultHook (src/http/openapi.ts), so declared routes fail exactly like these.
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import { z } from "zod";
import { fieldErrors, Invalid } from "../lib/errors.ts";

/** Throws our Invalid (400, `details.fields`) for a failed zod validation; passes a success through. */
export function throwInvalid(result: { success: true } | { success: false; error: unknown }): void {
  if (!result.success) {
    const fields = fieldErrors(result.error as z.ZodError);
    const first = Object.entries(fields)[0];
    throw new Invalid(first ? `${first[0]}: ${first[1]}` : "Invalid request.", { fields });
  }
}

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, throwInvalid);
}

/** `:id` route params: our random ids only, so junk never reaches a query. */
export const idParam = z.object({ id: z.string().regex(/^[a-z2-7]{26}$/, "Not a valid id.") });
