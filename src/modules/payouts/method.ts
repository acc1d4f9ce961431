// Payout method details: the rules that make a PayPal address or a bank account usable (IBAN mod-97 with
// each country's length, the ABA routing checksum) and the masked line shown everywhere but to admins.
// Pure functions, so the rules are the same for every caller and need no database.
import { Invalid } from "../../lib/errors.ts";

export type PayoutMethodDetails =
  | { kind: "paypal"; email: string }
  | { kind: "bank"; accountHolder: string; iban: string }
  | { kind: "bank"; accountHolder: string; accountNumber: string; routingNumber: string };

/** What a creator sends; which fields matter depends on `kind`. */
export interface PayoutMethodInput {
  kind: "paypal" | "bank";
  email?: string;
  accountHolder?: string;
  iban?: string;
  accountNumber?: string;
  routingNumber?: string;
}

/** IBAN length per country (the SWIFT IBAN registry). */
// prettier-ignore
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

const CONTROL = /\p{Cc}/u;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The IBAN without spaces, upper case, or an error message. */
export function checkIban(raw: string): { iban: string } | { error: string } {
  const iban = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban))
    return { error: "Enter an IBAN such as GB82 WEST 1234 5698 7654 32." };
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return { error: `${iban.slice(0, 2)} IBANs are not supported.` };
  if (iban.length !== length) return { error: `A ${iban.slice(0, 2)} IBAN has ${length} characters.` };
  // mod-97 over the number made of the rearranged IBAN (letters as 10..35), taken a digit at a time.
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const value = parseInt(ch, 36);
    rest = value > 9 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1 ? { iban } : { error: "This IBAN's check digits do not match; check for a typo." };
}

/** A US ABA routing number: 9 digits whose weighted sum (3, 7, 1) is a multiple of 10. */
export function isRoutingNumber(s: string): boolean {
  if (!/^\d{9}$/.test(s)) return false;
  const d = [...s].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** Validated, normalised details; every bad field is reported at once (one Invalid with `details.fields`). */
export function parsePayoutMethod(input: PayoutMethodInput): PayoutMethodDetails {
  const fields: Record<string, string> = {};
  let details: PayoutMethodDetails | null = null;
  if (input.kind === "paypal") {
    const email = (input.email ?? "").trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254)
      fields.email = "Enter the email address of your PayPal account.";
    else details = { kind: "paypal", email };
  } else {
    const accountHolder = (input.accountHolder ?? "").trim().replace(/\s+/g, " ");
    if (accountHolder.length < 2 || accountHolder.length > 100 || CONTROL.test(accountHolder))
      fields.accountHolder = "Enter the account holder's name (2–100 characters).";
    const hasIban = input.iban !== undefined && input.iban.trim() !== "";
    const hasUs = [input.accountNumber, input.routingNumber].some((v) => v !== undefined && v.trim() !== "");
    if (hasIban && hasUs) {
      fields.iban = "Give either an IBAN or a US account and routing number, not both.";
    } else if (hasIban) {
      const checked = checkIban(input.iban!);
      if ("error" in checked) fields.iban = checked.error;
      else details = { kind: "bank", accountHolder, iban: checked.iban };
    } else if (hasUs) {
      const accountNumber = (input.accountNumber ?? "").replace(/[\s-]/g, "");
      const routingNumber = (input.routingNumber ?? "").replace(/[\s-]/g, "");
      if (!/^\d{4,17}$/.test(accountNumber)) fields.accountNumber = "An account number has 4 to 17 digits.";
      if (!isRoutingNumber(routingNumber))
        fields.routingNumber = "Enter the 9-digit ABA routing number printed on your checks.";
      details = { kind: "bank", accountHolder, accountNumber, routingNumber };
    } else {
      fields.iban = "Enter an IBAN, or a US account number and routing number.";
    }
  }
  const first = Object.entries(fields)[0];
  if (first || !details)
    throw new Invalid(first ? `${first[0]}: ${first[1]}` : "Invalid payout method.", { fields });
  return details;
}

/** The line shown to the creator and kept on each payout: enough to recognise, too little to use. */
export function maskPayoutMethod(d: PayoutMethodDetails): string {
  if (d.kind === "paypal") {
    const [local, domain] = d.email.split("@") as [string, string];
    return `PayPal ${local.slice(0, 1)}***@${domain}`;
  }
  const number = "iban" in d ? d.iban : d.accountNumber;
  const words = d.accountHolder.split(" ");
  const holder = words.length > 1 ? `${words[0]!.slice(0, 1)}. ${words[words.length - 1]}` : words[0];
  return `Bank •••• ${number.slice(-4)} (${holder})`;
}
