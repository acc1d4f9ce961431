// Every query on reports.
import { and, asc, count, desc, eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { after, before } from "../../db/keyset.ts";
import { all, firstRow, rowCount } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { reports, type ReportAction, type ReportRow, type ReportTarget } from "./tables.ts";

export const reportsRepo = {
  insert: async (db: DrizzleDb, row: ReportRow): Promise<void> => {
    await db.insert(reports).values(row);
  },
  byId: (db: DrizzleDb, id: string): Promise<ReportRow | undefined> =>
    db.select().from(reports).where(eq(reports.id, id)).then(firstRow),
  openOf: (db: DrizzleDb, reporterId: string, type: ReportTarget, targetId: string) =>
    db
      .select({ id: reports.id })
      .from(reports)
      .where(
        and(
          eq(reports.reporterId, reporterId),
          eq(reports.targetType, type),
          eq(reports.targetId, targetId),
          eq(reports.status, "open"),
        ),
      )
      .then(firstRow),
  /** Open reports oldest first (a queue); resolved ones newest first. */
  page: (db: DrizzleDb, status: "open" | "resolved", cursor: Cursor | null, limit: number) =>
    all(
      db
        .select()
        .from(reports)
        .where(
          and(
            eq(reports.status, status),
            status === "open"
              ? after(reports.createdAt, reports.id, cursor)
              : before(reports.createdAt, reports.id, cursor),
          ),
        )
        .orderBy(
          ...(status === "open"
            ? [asc(reports.createdAt), asc(reports.id)]
            : [desc(reports.createdAt), desc(reports.id)]),
        )
        .limit(limit),
    ),
  /** Closes an open report; false when it was not open any more (a second moderator got there first). */
  resolve: (
    db: DrizzleDb,
    id: string,
    r: { action: ReportAction; note: string | null; resolvedBy: string; resolvedAt: number },
  ): Promise<boolean> =>
    db
      .update(reports)
      .set({ status: "resolved", ...r })
      .where(and(eq(reports.id, id), eq(reports.status, "open")))
      .then((x) => rowCount(x) === 1),
  openAgainst: async (db: DrizzleDb, authorId: string): Promise<number> =>
    Number(
      (await db
        .select({ n: count() })
        .from(reports)
        .where(and(eq(reports.targetAuthorId, authorId), eq(reports.status, "open")))
        .then(firstRow))!.n,
    ),
};
