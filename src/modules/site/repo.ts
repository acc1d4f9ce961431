import { eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { siteSettings } from "./tables.ts";

export const siteRepo = {
  all: (db: DrizzleDb) => db.select().from(siteSettings).all(),
  get: (db: DrizzleDb, key: string) => db.select().from(siteSettings).where(eq(siteSettings.key, key)).get(),
  put: (db: DrizzleDb, key: string, value: string, now: number): void => {
    db.insert(siteSettings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: now } })
      .run();
  },
  remove: (db: DrizzleDb, key: string): void => {
    db.delete(siteSettings).where(eq(siteSettings.key, key)).run();
  },
};
