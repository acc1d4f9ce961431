// Fields the API's answers share, as zod schemas for the modules' response schemas (the OpenAPI contract).
import { z } from "zod";

/** One of our random ids (26 base32 characters). */
export const idField = z.string().meta({ description: "A random id, 26 base32 characters." });
/** A moment, in epoch milliseconds. */
export const epochMs = z.number().int().meta({ description: "Epoch milliseconds." });
/** An amount in integer cents of the currency given next to it (negative where the field says so). */
export const cents = z.number().int().meta({ description: "Integer cents." });
/** An ISO 4217 currency code. */
export const currencyCode = z.string().meta({ description: "ISO 4217 code, e.g. `USD`." });
/** A path or URL of a delivered file, or null when there is none. */
export const fileUrl = z.string().nullable();
/**
 * A named schema or null. (`.nullable()` on a named schema comes out as `allOf: [$ref, {type: null}]`,
 * which no value matches; a union keeps the reference: `anyOf: [$ref, {type: "null"}]`.)
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);
/**
 * An integer that is one of `values` (e.g. bundle lengths): documented and checked as that enum, typed as
 * a number, as the services that store it type it.
 */
export const intIn = (values: readonly number[]) =>
  z
    .number()
    .int()
    .refine((n) => values.includes(n), `One of ${values.join(", ")}.`)
    .meta({ enum: [...values] });
