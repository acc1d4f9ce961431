// A person's legal identity as the forms send it and the records keep it (sealed in the database), and
// the age rule: 18 or older by date of birth, on the day of the submission.
import { z } from "zod";
import { Invalid, fieldErrors } from "../../lib/errors.ts";
import type { Sealer } from "../../lib/sealed.ts";
import { visibleText } from "../../lib/text.ts";

export const ADULT_AGE = 18;

const regions = new Intl.DisplayNames(["en"], { type: "region" });
/** An ISO 3166-1 alpha-2 code this runtime knows (unknown codes come back as themselves). */
const isCountry = (code: string) => {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = regions.of(code);
  return name !== undefined && name !== code && name !== "Unknown Region";
};
export const countryName = (code: string) => (isCountry(code) ? regions.of(code)! : code);

export const legalName = visibleText({ max: 200 });
export const dateOfBirth = z
  .string("The date of birth is required.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= "1900-01-01";
  }, "Not a real date of birth.");
export const country = z
  .string("The country is required.")
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCountry, "A two-letter country code (ISO 3166-1), e.g. US or DE.");

/** Full years between a date of birth (YYYY-MM-DD) and a moment. */
export function ageOn(dob: string, at: number): number {
  const [y, m, d] = dob.split("-").map(Number) as [number, number, number];
  const now = new Date(at);
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  if (beforeBirthday) age--;
  return age;
}

/** Refuses anyone under 18 on `at`. */
export function requireAdult(dob: string, at: number, field = "dateOfBirth"): void {
  const age = ageOn(dob, at);
  if (age < 0)
    throw new Invalid("The date of birth is in the future.", { fields: { [field]: "In the future" } });
  if (age < ADULT_AGE)
    throw new Invalid(
      "Performers must be 18 or older: this date of birth is under 18.",
      { fields: { [field]: "Under 18" } },
      "under_18",
    );
}

/** Validates a form's text fields with a zod schema: a 400 naming every bad field, like JSON bodies. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const r = schema.safeParse(fields);
  if (!r.success) throw new Invalid("Some fields are missing or invalid.", { fields: fieldErrors(r.error) });
  return r.data as z.infer<S>;
}

export const seal = (sealer: Sealer, value: unknown) => sealer.seal(JSON.stringify(value));
export const unseal = <T>(sealer: Sealer, sealed: string): T => JSON.parse(sealer.open(sealed)) as T;

export interface KycIdentity {
  legalName: string;
  dateOfBirth: string;
  country: string;
}
export interface ReleaseIdentity {
  legalName: string;
  dateOfBirth: string;
  otherNames: string[];
}
