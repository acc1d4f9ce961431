import { and, desc, eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../http/pagination.ts";
import { payouts, type PayoutRow } from "./tables.ts";

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
};
