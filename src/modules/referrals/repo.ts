// Every query of the referrals module.
import { count, eq } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, rowCount } from "../../db/query.ts";
import { referrals, type ReferralRow } from "./tables.ts";

export const referralsRepo = {
  /** False when the person already has a referrer (the first one stands). */
  insert: async (db: DrizzleDb, row: ReferralRow): Promise<boolean> =>
    rowCount(await db.insert(referrals).values(row).onConflictDoNothing()) === 1,
  ofReferred: (db: DrizzleDb, referredId: string): Promise<ReferralRow | undefined> =>
    db.select().from(referrals).where(eq(referrals.referredId, referredId)).then(firstRow),
  referredIds: async (db: DrizzleDb, referrerId: string): Promise<string[]> =>
    (
      await db
        .select({ id: referrals.referredId })
        .from(referrals)
        .where(eq(referrals.referrerId, referrerId))
        .limit(10_000)
    ).map((r) => r.id),
  countOf: async (db: DrizzleDb, referrerId: string): Promise<number> =>
    Number(
      (
        await db
          .select({ n: count() })
          .from(referrals)
          .where(eq(referrals.referrerId, referrerId))
          .then(firstRow)
      )?.n ?? 0,
    ),
};
