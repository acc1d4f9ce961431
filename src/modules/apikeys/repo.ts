// Every query of the API keys module.
import { and, desc, eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import { apiKeys, type ApiKeyRow } from "./tables.ts";

export const apiKeysRepo = {
  insert: async (db: DrizzleDb, row: ApiKeyRow): Promise<void> => {
    await db.insert(apiKeys).values(row);
  },
  byHash: (db: DrizzleDb, keyHash: string): Promise<ApiKeyRow | undefined> =>
    db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).then(firstRow),
  /** The owner's keys, newest first (a person has few: `[auth]`-free, bounded by the API's limit). */
  ofUser: (db: DrizzleDb, userId: string): Promise<ApiKeyRow[]> =>
    db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.userId, userId))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(1000),
  countOf: async (db: DrizzleDb, userId: string): Promise<number> =>
    (await apiKeysRepo.ofUser(db, userId)).length,
  remove: async (db: DrizzleDb, userId: string, id: string): Promise<boolean> =>
    rowCount(await db.delete(apiKeys).where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))) === 1,
  removeAllOf: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(apiKeys).where(eq(apiKeys.userId, userId));
  },
  touch: async (db: DrizzleDb, id: string, at: number, ip: string | null): Promise<void> => {
    await db.update(apiKeys).set({ lastUsedAt: at, lastUsedIp: ip }).where(eq(apiKeys.id, id));
  },
};
