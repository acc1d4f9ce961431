// Every query of the auth module: sessions, two-factor secrets and recovery codes, single-use account
// tokens, passkeys and their WebAuthn challenges.
import { and, asc, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import {
  accountTokens,
  passkeys,
  recoveryCodes,
  sessions,
  totpCredentials,
  webauthnChallenges,
  type AccountTokenRow,
  type PasskeyRow,
  type SessionRow,
  type TokenPurpose,
  type TotpRow,
} from "./tables.ts";

export const sessionsRepo = {
  insert: async (db: DrizzleDb, row: SessionRow): Promise<void> => {
    await db.insert(sessions).values(row);
  },
  /** The session by id (hot path of every authenticated request, behind session-store.ts's cache). */
  byId: (db: DrizzleDb, id: string): Promise<SessionRow | undefined> =>
    prepared(db, "sessions.byId", () =>
      db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id }),
  update: async (
    db: DrizzleDb,
    id: string,
    patch: Partial<Pick<SessionRow, "expiresAt" | "lastSeenAt" | "ip" | "country">>,
  ): Promise<void> => {
    await db.update(sessions).set(patch).where(eq(sessions.id, id));
  },
  /** A person's sessions, the most recently used first. */
  ofUser: (db: DrizzleDb, userId: string, now: number) =>
    db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
      .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`), desc(sessions.id)),
  remove: async (db: DrizzleDb, id: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  /** Removes one of this person's sessions; 0 when it is not theirs (or gone). */
  removeOwn: (db: DrizzleDb, userId: string, id: string): Promise<number> =>
    db
      .delete(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
      .then(rowCount),
  /** Removes every session of the person; answers their ids. */
  removeAllOf: (db: DrizzleDb, userId: string): Promise<string[]> =>
    db
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id })
      .then((rows) => rows.map((r) => r.id)),
  /** Removes every session of the person but `keepId`; answers their ids. */
  removeOthersOf: (db: DrizzleDb, userId: string, keepId: string): Promise<string[]> =>
    db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
      .returning({ id: sessions.id })
      .then((rows) => rows.map((r) => r.id)),
  removeExpired: (db: DrizzleDb, now: number): Promise<number> =>
    db.delete(sessions).where(lt(sessions.expiresAt, now)).then(rowCount),
};

export const totpRepo = {
  get: (db: DrizzleDb, userId: string) =>
    db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).then(firstRow),
  /** A new secret being set up (replaces an earlier unconfirmed one). */
  putPending: async (db: DrizzleDb, userId: string, pendingSealed: string, at: number): Promise<void> => {
    await db
      .insert(totpCredentials)
      .values({ userId, pendingSealed, pendingAt: at, secretSealed: null, enabledAt: null, lastStep: null })
      .onConflictDoUpdate({ target: totpCredentials.userId, set: { pendingSealed, pendingAt: at } });
  },
  update: async (db: DrizzleDb, userId: string, patch: Partial<Omit<TotpRow, "userId">>): Promise<void> => {
    await db.update(totpCredentials).set(patch).where(eq(totpCredentials.userId, userId));
  },
  /** Records the time step of an accepted code; 0 when that step (or a later one) was used already. */
  advanceStep: (db: DrizzleDb, userId: string, step: number): Promise<number> =>
    db
      .update(totpCredentials)
      .set({ lastStep: step })
      .where(
        and(
          eq(totpCredentials.userId, userId),
          or(isNull(totpCredentials.lastStep), lt(totpCredentials.lastStep, step)),
        ),
      )
      .then(rowCount),
  remove: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(totpCredentials).where(eq(totpCredentials.userId, userId));
  },
};

export const recoveryRepo = {
  replace: async (db: DrizzleDb, userId: string, hashes: string[], at: number, ids: string[]) => {
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (hashes.length > 0) {
      await db
        .insert(recoveryCodes)
        .values(
          hashes.map((codeHash, i) => ({ id: ids[i]!, userId, codeHash, createdAt: at, usedAt: null })),
        );
    }
  },
  /** Uses one unused code of this person; 0 when there is no such unused code. */
  use: (db: DrizzleDb, userId: string, codeHash: string, at: number): Promise<number> =>
    db
      .update(recoveryCodes)
      .set({ usedAt: at })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .then(rowCount),
  unusedCount: (db: DrizzleDb, userId: string): Promise<number> =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .then((r) => Number(r[0]?.n ?? 0)),
  removeAll: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  },
};

export const tokensRepo = {
  insert: async (db: DrizzleDb, row: AccountTokenRow): Promise<void> => {
    await db.insert(accountTokens).values(row);
  },
  byHash: (db: DrizzleDb, tokenHash: string) =>
    db.select().from(accountTokens).where(eq(accountTokens.tokenHash, tokenHash)).then(firstRow),
  /** Marks a token used if it is unused and not expired; 0 otherwise (so it works once, even in a race). */
  use: (db: DrizzleDb, tokenHash: string, now: number): Promise<number> =>
    db
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.tokenHash, tokenHash),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .then(rowCount),
  /** Every token of one purpose of this person (an older reset link stops working when a new one is sent). */
  removeOf: async (db: DrizzleDb, userId: string, purpose: TokenPurpose): Promise<void> => {
    await db
      .delete(accountTokens)
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
  },
  removeExpired: (db: DrizzleDb, now: number): Promise<number> =>
    db.delete(accountTokens).where(lt(accountTokens.expiresAt, now)).then(rowCount),
};

export const passkeysRepo = {
  insert: async (db: DrizzleDb, row: PasskeyRow): Promise<void> => {
    await db.insert(passkeys).values(row);
  },
  byCredentialId: (db: DrizzleDb, credentialId: string) =>
    db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).then(firstRow),
  ofUser: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(asc(passkeys.createdAt), asc(passkeys.id)),
  rename: (db: DrizzleDb, userId: string, id: string, name: string): Promise<number> =>
    db
      .update(passkeys)
      .set({ name })
      .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
      .then(rowCount),
  remove: (db: DrizzleDb, userId: string, id: string): Promise<number> =>
    db
      .delete(passkeys)
      .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
      .then(rowCount),
  /** Stores the new signature counter, only over the one the check was made against (no race back). */
  used: (db: DrizzleDb, id: string, seenCounter: number, counter: number, at: number): Promise<number> =>
    db
      .update(passkeys)
      .set({ counter, lastUsedAt: at })
      .where(and(eq(passkeys.id, id), eq(passkeys.counter, seenCounter)))
      .then(rowCount),
};

export const challengesRepo = {
  insert: async (db: DrizzleDb, row: typeof webauthnChallenges.$inferInsert): Promise<void> => {
    await db.insert(webauthnChallenges).values(row);
  },
  /** Takes a challenge once: the row is deleted; undefined when it is gone or expired. */
  async take(db: DrizzleDb, id: string, now: number) {
    const row = await db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.id, id))
      .then(firstRow);
    if (!row) return undefined;
    const taken = await db.delete(webauthnChallenges).where(eq(webauthnChallenges.id, id)).then(rowCount);
    return taken === 1 && row.expiresAt > now ? row : undefined;
  },
  removeExpired: (db: DrizzleDb, now: number): Promise<number> =>
    db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now)).then(rowCount),
};

export const sessionsPrivacyRepo = {
  /** A person's sessions, oldest first (what an export lists; never the secret's hash). */
  ofUser: (db: DrizzleDb, userId: string) =>
    db
      .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(sessions.createdAt),
};
