// Every query on the audit log. There is no update and no delete here, by design.
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow } from "../../db/query.ts";
import { auditLog, type AuditRow } from "./tables.ts";

export const auditRepo = {
  last: (db: DrizzleDb): Promise<Pick<AuditRow, "seq" | "hash"> | undefined> =>
    db
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1)
      .then(firstRow),
  insert: async (db: DrizzleDb, row: AuditRow): Promise<void> => {
    await db.insert(auditLog).values(row);
  },
  /** Newest first, before `beforeSeq`, optionally one actor's or one action's. */
  page: (
    db: DrizzleDb,
    filter: { actorId?: string | undefined; action?: string | undefined; targetId?: string | undefined },
    beforeSeq: number | null,
    limit: number,
  ): Promise<AuditRow[]> =>
    db
      .select()
      .from(auditLog)
      .where(
        and(
          filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
          filter.action ? eq(auditLog.action, filter.action) : undefined,
          filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
          beforeSeq !== null ? lt(auditLog.seq, beforeSeq) : undefined,
        ),
      )
      .orderBy(desc(auditLog.seq))
      .limit(limit),
  /** The chain in order, a batch after `afterSeq` (doctor walks it without loading it whole). */
  batch: (db: DrizzleDb, afterSeq: number, limit: number): Promise<AuditRow[]> =>
    db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit),
};
