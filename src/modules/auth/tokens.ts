// Single-use account tokens (the second step of a two-factor log-in, password reset and address
// verification links): random, only their SHA-256 stored, used at most once, with a lifetime.
import type { DrizzleDb } from "../../db/client.ts";
import type { Clock } from "../../lib/clock.ts";
import { sha256Hex } from "../../lib/crypto.ts";
import { newSecret } from "../../lib/ids.ts";
import { tokensRepo } from "./repo.ts";
import type { AccountTokenRow, TokenPurpose } from "./tables.ts";

/** A token as it travels (in a link or a JSON body): 32 base32 characters, 160 bits. */
export const TOKEN_RE = /^[a-z2-7]{32}$/;

export function createTokens(clock: Clock) {
  /** A token of this purpose that is unused and not expired, or null (read only: `useTx` spends it). */
  async function peek(db: DrizzleDb, token: string, purpose: TokenPurpose): Promise<AccountTokenRow | null> {
    if (!TOKEN_RE.test(token)) return null;
    const row = await tokensRepo.byHash(db, sha256Hex(token));
    if (!row || row.purpose !== purpose || row.usedAt !== null || row.expiresAt <= clock.now()) return null;
    return row;
  }
  return {
    peek,
    /** Inside the caller's write: a new token for this person and purpose; returns it (only its hash is kept). */
    async issueTx(
      tx: DrizzleDb,
      p: { userId: string; purpose: TokenPurpose; ttlMs: number; email?: string | null },
    ): Promise<string> {
      const token = newSecret(20);
      const now = clock.now();
      await tokensRepo.insert(tx, {
        tokenHash: sha256Hex(token),
        userId: p.userId,
        purpose: p.purpose,
        email: p.email ?? null,
        createdAt: now,
        expiresAt: now + p.ttlMs,
        usedAt: null,
      });
      return token;
    },
    /** Inside the caller's write: spends the token; null when it was used, expired or never issued. */
    async useTx(tx: DrizzleDb, token: string, purpose: TokenPurpose): Promise<AccountTokenRow | null> {
      const row = await peek(tx, token, purpose);
      if (!row) return null;
      return (await tokensRepo.use(tx, row.tokenHash, clock.now())) === 1 ? row : null;
    },
    /** The hash any token would be stored under: the same work whether or not a row exists. */
    hash: (token: string) => sha256Hex(token),
  };
}

export type Tokens = ReturnType<typeof createTokens>;
