// argon2id password hashing (OWASP parameters: 19 MiB, 2 iterations), off the event loop in libuv threads.
import { hash, verify } from "@node-rs/argon2";

/** @node-rs/argon2's Algorithm.Argon2id (an ambient const enum, so spelled out here). */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against for unknown emails, so both paths take the same time. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("fanz-timing-equaliser");
  return dummy;
}

/** The stored hash of an account made through a sign-in provider: no password verifies against it. */
export const NO_PASSWORD = "!none";
/** Whether the account has a password of its own (erased and provider-made accounts have none). */
export const hasPassword = (passwordHash: string): boolean => !passwordHash.startsWith("!");
