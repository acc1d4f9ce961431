import { eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow } from "../../db/query.ts";
import { siteSettings } from "./tables.ts";

export const siteRepo = {
  all: (db: DrizzleDb) => all(db.select().from(siteSettings)),
  get: (db: DrizzleDb, key: string) =>
    db.select().from(siteSettings).where(eq(siteSettings.key, key)).then(firstRow),
  put: async (db: DrizzleDb, key: string, value: string, now: number): Promise<void> => {
    await db
      .insert(siteSettings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } });
  },
  remove: async (db: DrizzleDb, key: string): Promise<void> => {
    await db.delete(siteSettings).where(eq(siteSettings.key, key));
  },
};
