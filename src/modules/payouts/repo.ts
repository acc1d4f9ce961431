import { and, desc, eq, inArray } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { payoutMethods, payouts, type PayoutMethodRow, type PayoutRow } from "./tables.ts";

export const payoutsRepo = {
  byId: (db: DrizzleDb, id: string) => db.select().from(payouts).where(eq(payouts.id, id)).get(),
  insert: (db: DrizzleDb, row: PayoutRow): void => {
    db.insert(payouts).values(row).run();
  },
  update: (db: DrizzleDb, id: string, patch: Partial<Omit<PayoutRow, "id">>): void => {
    db.update(payouts).set(patch).where(eq(payouts.id, id)).run();
  },
  ofCreator: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(payouts)
      .where(and(eq(payouts.creatorId, creatorId), before(payouts.createdAt, payouts.id, cursor)))
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(limit)
      .all(),
  byStatus: (db: DrizzleDb, status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(payouts)
      .where(
        and(status ? eq(payouts.status, status) : undefined, before(payouts.createdAt, payouts.id, cursor)),
      )
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(limit)
      .all(),
  /** Whether the creator has a payout that is still to be paid (requested or approved). */
  hasOpen: (db: DrizzleDb, creatorId: string): boolean =>
    db
      .select({ id: payouts.id })
      .from(payouts)
      .where(and(eq(payouts.creatorId, creatorId), inArray(payouts.status, ["requested", "approved"])))
      .limit(1)
      .get() !== undefined,
  /** Every payout of a creator, oldest first (the statement). */
  allOfCreator: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(payouts)
      .where(eq(payouts.creatorId, creatorId))
      .orderBy(payouts.createdAt, payouts.id)
      .all(),

  methodOf: (db: DrizzleDb, creatorId: string) =>
    db.select().from(payoutMethods).where(eq(payoutMethods.creatorId, creatorId)).get(),
  methodsOf: (db: DrizzleDb, creatorIds: string[]) =>
    creatorIds.length === 0
      ? []
      : db.select().from(payoutMethods).where(inArray(payoutMethods.creatorId, creatorIds)).all(),
  upsertMethod: (db: DrizzleDb, row: PayoutMethodRow): void => {
    db.insert(payoutMethods)
      .values(row)
      .onConflictDoUpdate({
        target: payoutMethods.creatorId,
        set: { kind: row.kind, detailsEnc: row.detailsEnc, masked: row.masked, updatedAt: row.updatedAt },
      })
      .run();
  },
  deleteMethod: (db: DrizzleDb, creatorId: string): void => {
    db.delete(payoutMethods).where(eq(payoutMethods.creatorId, creatorId)).run();
  },
};
