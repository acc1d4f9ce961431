// Every query of the sso module: saved providers, linked identities, sign-ins in flight.
import { and, asc, eq, lt } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow, rowCount } from "../../db/query.ts";
import {
  linkedIdentities,
  ssoFlows,
  ssoProviders,
  type LinkedIdentityRow,
  type SsoFlowRow,
  type SsoProviderRow,
} from "./tables.ts";

export const providersRepo = {
  all: (db: DrizzleDb) => all(db.select().from(ssoProviders).orderBy(asc(ssoProviders.createdAt))),
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(ssoProviders).where(eq(ssoProviders.id, id)).then(firstRow),
  insert: async (db: DrizzleDb, row: SsoProviderRow): Promise<void> => {
    await db.insert(ssoProviders).values(row);
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<SsoProviderRow>): Promise<void> => {
    await db.update(ssoProviders).set(patch).where(eq(ssoProviders.id, id));
  },
  remove: (db: DrizzleDb, id: string): Promise<number> =>
    db.delete(ssoProviders).where(eq(ssoProviders.id, id)).then(rowCount),
};

export const identitiesRepo = {
  bySubject: (db: DrizzleDb, providerId: string, issuer: string, subject: string) =>
    db
      .select()
      .from(linkedIdentities)
      .where(
        and(
          eq(linkedIdentities.providerId, providerId),
          eq(linkedIdentities.issuer, issuer),
          eq(linkedIdentities.subject, subject),
        ),
      )
      .then(firstRow),
  ofUser: (db: DrizzleDb, userId: string) =>
    all(
      db
        .select()
        .from(linkedIdentities)
        .where(eq(linkedIdentities.userId, userId))
        .orderBy(asc(linkedIdentities.createdAt)),
    ),
  insert: async (db: DrizzleDb, row: LinkedIdentityRow): Promise<void> => {
    await db.insert(linkedIdentities).values(row);
  },
  used: async (db: DrizzleDb, id: string, email: string | null, now: number): Promise<void> => {
    await db
      .update(linkedIdentities)
      .set({ lastUsedAt: now, ...(email ? { email } : {}) })
      .where(eq(linkedIdentities.id, id));
  },
  removeOwn: (db: DrizzleDb, userId: string, id: string): Promise<number> =>
    db
      .delete(linkedIdentities)
      .where(and(eq(linkedIdentities.id, id), eq(linkedIdentities.userId, userId)))
      .then(rowCount),
  removeAllOf: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(linkedIdentities).where(eq(linkedIdentities.userId, userId));
  },
};

export const flowsRepo = {
  insert: async (db: DrizzleDb, row: SsoFlowRow): Promise<void> => {
    await db.insert(ssoFlows).values(row);
  },
  /** The live flow of this cookie, removed in the same statement: a flow's callback works once. */
  take: async (db: DrizzleDb, idHash: string, now: number): Promise<SsoFlowRow | undefined> => {
    const row = await db.select().from(ssoFlows).where(eq(ssoFlows.idHash, idHash)).then(firstRow);
    if (!row) return undefined;
    const n = await db.delete(ssoFlows).where(eq(ssoFlows.idHash, idHash)).then(rowCount);
    return n === 1 && row.expiresAt > now ? row : undefined;
  },
  peek: (db: DrizzleDb, idHash: string) =>
    db.select().from(ssoFlows).where(eq(ssoFlows.idHash, idHash)).then(firstRow),
  removeExpired: (db: DrizzleDb, now: number): Promise<number> =>
    db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now)).then(rowCount),
};
