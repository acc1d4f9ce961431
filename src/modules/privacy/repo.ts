import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow } from "../../db/query.ts";
import { dataExports, type DataExportRow } from "./tables.ts";

export const exportsRepo = {
  insert: async (db: DrizzleDb, row: DataExportRow): Promise<void> => {
    await db.insert(dataExports).values(row);
  },
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(dataExports).where(eq(dataExports.id, id)).then(firstRow),
  /** The person's exports, newest first. */
  ofUser: (db: DrizzleDb, userId: string, limit: number) =>
    db
      .select()
      .from(dataExports)
      .where(eq(dataExports.userId, userId))
      .orderBy(desc(dataExports.createdAt))
      .limit(limit),
  /** An export of the person's that is still being made (one at a time). */
  pendingOf: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, userId), inArray(dataExports.status, ["queued", "running"])))
      .limit(1)
      .then(firstRow),
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<DataExportRow, "id">>): Promise<void> => {
    await db.update(dataExports).set(patch).where(eq(dataExports.id, id));
  },
  /** Ready exports whose download time is over. */
  expired: (db: DrizzleDb, now: number, limit: number) =>
    db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.status, "ready"), lte(dataExports.expiresAt, now)))
      .limit(limit),
  /** Ready exports of a person (erasure removes them with everything else). */
  readyOf: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(dataExports)
      .where(and(eq(dataExports.userId, userId), eq(dataExports.status, "ready"))),
};
