import { and, desc, eq, inArray } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow } from "../../db/query.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { payoutMethods, payouts, type PayoutMethodRow, type PayoutRow } from "./tables.ts";

export const payoutsRepo = {
  byId: (db: DrizzleDb, id: string) => db.select().from(payouts).where(eq(payouts.id, id)).then(firstRow),
  insert: async (db: DrizzleDb, row: PayoutRow): Promise<void> => {
    await db.insert(payouts).values(row);
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<PayoutRow, "id">>): Promise<void> => {
    await db.update(payouts).set(patch).where(eq(payouts.id, id));
  },
  ofCreator: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(payouts)
      .where(and(eq(payouts.creatorId, creatorId), before(payouts.createdAt, payouts.id, cursor)))
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(limit),
  byStatus: (db: DrizzleDb, status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(payouts)
      .where(
        and(status ? eq(payouts.status, status) : undefined, before(payouts.createdAt, payouts.id, cursor)),
      )
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(limit),
  /** Whether the creator has a payout that is still to be paid (requested or approved). */
  hasOpen: (db: DrizzleDb, creatorId: string): Promise<boolean> =>
    db
      .select({ id: payouts.id })
      .from(payouts)
      .where(and(eq(payouts.creatorId, creatorId), inArray(payouts.status, ["requested", "approved"])))
      .limit(1)
      .then((rows) => rows.length > 0),
  /** Every payout of a creator, oldest first (the statement). */
  allOfCreator: (db: DrizzleDb, creatorId: string) =>
    db.select().from(payouts).where(eq(payouts.creatorId, creatorId)).orderBy(payouts.createdAt, payouts.id),

  methodOf: (db: DrizzleDb, creatorId: string) =>
    db.select().from(payoutMethods).where(eq(payoutMethods.creatorId, creatorId)).then(firstRow),
  methodsOf: async (db: DrizzleDb, creatorIds: string[]) =>
    creatorIds.length === 0
      ? []
      : await db.select().from(payoutMethods).where(inArray(payoutMethods.creatorId, creatorIds)),
  upsertMethod: async (db: DrizzleDb, row: PayoutMethodRow): Promise<void> => {
    await db
      .insert(payoutMethods)
      .values(row)
      .onConflictDoUpdate({
        target: payoutMethods.creatorId,
        set: { kind: row.kind, detailsEnc: row.detailsEnc, masked: row.masked, updatedAt: row.updatedAt },
      });
  },
  deleteMethod: async (db: DrizzleDb, creatorId: string): Promise<void> => {
    await db.delete(payoutMethods).where(eq(payoutMethods.creatorId, creatorId));
  },
};

/** What GDPR export and erasure read and change of a creator's payouts. */
export const payoutsPrivacyRepo = {
  of: (db: DrizzleDb, creatorId: string) =>
    db.select().from(payouts).where(eq(payouts.creatorId, creatorId)).orderBy(payouts.createdAt),
  openOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(payouts)
      .where(and(eq(payouts.creatorId, creatorId), inArray(payouts.status, ["requested", "approved"]))),
};
