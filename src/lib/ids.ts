// Random, unguessable, URL-safe ids (128 bits, base32 lowercase: 26 chars). Never sequential.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";

export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(16));
}

/** A secret token of `bytes` random bytes, base32 lowercase. */
export function newSecret(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

const ID_RE = /^[a-z2-7]{26}$/;
export function isId(value: string): boolean {
  return ID_RE.test(value);
}
