// Every query of the promotions module.
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow, rowCount } from "../../db/query.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { promotionRedemptions, promotions, type PromotionKind, type PromotionRow } from "./tables.ts";

export const promotionsRepo = {
  insert: (db: DrizzleDb, row: PromotionRow) => db.insert(promotions).values(row).onConflictDoNothing(),
  byId: (db: DrizzleDb, id: string): Promise<PromotionRow | undefined> =>
    db.select().from(promotions).where(eq(promotions.id, id)).then(firstRow),
  byCode: (db: DrizzleDb, code: string): Promise<PromotionRow | undefined> =>
    db.select().from(promotions).where(eq(promotions.code, code)).then(firstRow),
  listOfCreator: (db: DrizzleDb, creatorId: string, cursor: Cursor | null, limit: number) =>
    all(
      db
        .select()
        .from(promotions)
        .where(
          and(
            eq(promotions.creatorId, creatorId),
            isNull(promotions.deletedAt),
            before(promotions.createdAt, promotions.id, cursor),
          ),
        )
        .orderBy(desc(promotions.createdAt), desc(promotions.id))
        .limit(limit),
    ),
  /** The creator's public offers that can still be redeemed now (few rows: a creator has a handful). */
  publicOffers: (db: DrizzleDb, creatorId: string, now: number) =>
    all(
      db
        .select()
        .from(promotions)
        .where(
          and(
            eq(promotions.creatorId, creatorId),
            eq(promotions.public, true),
            isNull(promotions.deletedAt),
            or(isNull(promotions.expiresAt), gt(promotions.expiresAt, now)),
            or(isNull(promotions.maxUses), lt(promotions.uses, promotions.maxUses)),
          ),
        )
        .orderBy(desc(promotions.createdAt), desc(promotions.id))
        .limit(20),
    ),
  softDelete: async (db: DrizzleDb, id: string, creatorId: string, now: number): Promise<boolean> =>
    rowCount(
      await db
        .update(promotions)
        .set({ deletedAt: now })
        .where(and(eq(promotions.id, id), eq(promotions.creatorId, creatorId), isNull(promotions.deletedAt))),
    ) === 1,
  /**
   * Counts one use if the promotion is still redeemable: the condition is part of the UPDATE, so parallel
   * redemptions (other nodes too: the row lock makes them wait and re-check) never pass max_uses.
   */
  takeUse: async (db: DrizzleDb, id: string, now: number): Promise<boolean> =>
    rowCount(
      await db
        .update(promotions)
        .set({ uses: sql`${promotions.uses} + 1` })
        .where(
          and(
            eq(promotions.id, id),
            isNull(promotions.deletedAt),
            or(isNull(promotions.expiresAt), gt(promotions.expiresAt, now)),
            or(isNull(promotions.maxUses), lt(promotions.uses, promotions.maxUses)),
          ),
        ),
    ) === 1,
  /** False when the fan already redeemed an offer of this kind from this creator. */
  insertRedemption: async (
    db: DrizzleDb,
    r: {
      id: string;
      promotionId: string;
      creatorId: string;
      fanId: string;
      kind: PromotionKind;
      createdAt: number;
    },
  ): Promise<boolean> =>
    rowCount(await db.insert(promotionRedemptions).values(r).onConflictDoNothing()) === 1,
  redeemed: async (db: DrizzleDb, creatorId: string, fanId: string, kind: PromotionKind): Promise<boolean> =>
    !!(await db
      .select({ id: promotionRedemptions.id })
      .from(promotionRedemptions)
      .where(
        and(
          eq(promotionRedemptions.creatorId, creatorId),
          eq(promotionRedemptions.fanId, fanId),
          eq(promotionRedemptions.kind, kind),
        ),
      )
      .then(firstRow)),
};
