// Random, unguessable, URL-safe ids (128 bits, base32 lowercase: 26 chars). Never sequential.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes, randomFillSync } from "node:crypto";

// Ids are drawn from a pool refilled 4 KiB at a time: one getrandom call per 256 ids instead of one each.
const pool = Buffer.alloc(4096);
let offset = pool.length;

export function newId(): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** A secret token of `bytes` random bytes, base32 lowercase. */
export function newSecret(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

const ID_RE = /^[a-z2-7]{26}$/;
export function isId(value: string): boolean {
  return ID_RE.test(value);
}
