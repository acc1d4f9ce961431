// Promotions: a creator's discount and free-trial links (code, limits, audience) and their redemptions.
// The subscriptions module redeems them inside the subscribe (or card checkout) transaction through
// `checkTx` / `redeemTx`; this module never touches money. A use is counted when the subscription is
// granted: at once for wallet payments and trials, when the payment completes for card checkouts (a
// checkout left unpaid holds nothing; one paid after the last use went elsewhere is credited to the
// fan's wallet by payments' checkout flow, so maxUses holds and nobody loses money).
import { randomBytes } from "node:crypto";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { UsersService } from "../users/service.ts";
import { promotionsRepo } from "./repo.ts";
import type { PromotionAudience, PromotionKind, PromotionRow } from "./tables.ts";

export type { PromotionRow } from "./tables.ts";

export interface NewPromotion {
  kind: PromotionKind;
  percentOff?: number | undefined;
  trialDays?: number | undefined;
  maxUses?: number | undefined;
  expiresAt?: number | undefined;
  audience?: PromotionAudience | undefined;
  public?: boolean | undefined;
}

/** The fan's history with the creator, which the audience rule is checked against. */
export type FanHistory = "new" | "expired";

/** What a discount of `percentOff` leaves of a price (the discount rounded to the nearest cent). */
export const discountedCents = (priceCents: number, percentOff: number): number =>
  priceCents - Math.round((priceCents * percentOff) / 100);

const unavailable = (message: string) => new Conflict(message, "promotion_unavailable");

export function createPromotionsService(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "isCreator" | "cards">;
    users: Pick<UsersService, "byUsername">;
  },
) {
  const { creators, users } = deps;
  const now = () => ctx.clock.now();

  async function present(rows: PromotionRow[]) {
    const cards = await creators.cards([...new Set(rows.map((r) => r.creatorId))]);
    const base = publicUrl(ctx.config);
    return rows.map((r) => {
      const creator = cards.get(r.creatorId)!;
      return {
        id: r.id,
        code: r.code,
        url: `${base}/${creator.username}?promo=${r.code}`,
        kind: r.kind,
        percentOff: r.percentOff,
        trialDays: r.trialDays,
        uses: r.uses,
        maxUses: r.maxUses,
        expiresAt: r.expiresAt,
        audience: r.audience,
        public: r.public,
        available: redeemable(r),
        createdAt: r.createdAt,
        creator,
      };
    });
  }

  const redeemable = (r: PromotionRow) =>
    r.deletedAt === null &&
    (r.expiresAt === null || r.expiresAt > now()) &&
    (r.maxUses === null || r.uses < r.maxUses);

  /** Throws `promotion_unavailable` unless this fan may redeem the promotion from this creator now. */
  async function assertRedeemable(
    db: DrizzleDb,
    p: PromotionRow | undefined,
    who: { creatorId: string; fanId: string; history: FanHistory },
  ): Promise<PromotionRow> {
    if (!p || p.deletedAt !== null || p.creatorId !== who.creatorId)
      throw unavailable("This promotion does not exist or is not one of this creator's.");
    if (p.expiresAt !== null && p.expiresAt <= now()) throw unavailable("This promotion has expired.");
    if (p.maxUses !== null && p.uses >= p.maxUses) throw unavailable("This promotion has been used up.");
    if (p.audience === "new" && who.history !== "new")
      throw unavailable("This promotion is for fans who have never subscribed to this creator.");
    if (p.audience === "expired" && who.history !== "expired")
      throw unavailable("This promotion is for fans whose subscription to this creator has ended.");
    if (await promotionsRepo.redeemed(db, p.creatorId, who.fanId, p.kind))
      throw unavailable(
        p.kind === "trial"
          ? "You have already had a free trial from this creator."
          : "You have already used a discount from this creator.",
      );
    return p;
  }

  return {
    present,

    /** POST /promotions: a creator's new link. */
    async create(creatorId: string, input: NewPromotion) {
      if (!(await creators.isCreator(creatorId)))
        throw new Forbidden("Only creators can make promotions.", "not_a_creator");
      if (input.kind === "discount" && !input.percentOff)
        throw new Invalid("A discount needs percentOff.", {
          fields: { percentOff: "Required for a discount" },
        });
      if (input.kind === "trial" && !input.trialDays)
        throw new Invalid("A trial needs trialDays.", { fields: { trialDays: "Required for a trial" } });
      if (input.expiresAt !== undefined && input.expiresAt <= now())
        throw new Invalid("The expiry must be in the future.", {
          fields: { expiresAt: "Must be in the future" },
        });
      const row: PromotionRow = {
        id: newId(),
        creatorId,
        // 10 characters of base32: short enough to type, 50 bits so codes cannot be walked.
        code: encodeBase32UpperCaseNoPadding(randomBytes(7)).slice(0, 10),
        kind: input.kind,
        percentOff: input.kind === "discount" ? input.percentOff! : null,
        trialDays: input.kind === "trial" ? input.trialDays! : null,
        maxUses: input.maxUses ?? null,
        uses: 0,
        expiresAt: input.expiresAt ?? null,
        audience: input.audience ?? "all",
        public: input.public ?? false,
        deletedAt: null,
        createdAt: now(),
      };
      await ctx.db.write((tx) => promotionsRepo.insert(tx, row));
      return (await present([row]))[0]!;
    },

    async list(creatorId: string, cursor: Cursor | null, limit: number) {
      const rows = await promotionsRepo.listOfCreator(ctx.db.read, creatorId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    async get(creatorId: string, id: string) {
      const row = await promotionsRepo.byId(ctx.db.read, id);
      if (!row || row.creatorId !== creatorId || row.deletedAt !== null) throw new NotFound("Promotion");
      return (await present([row]))[0]!;
    },

    /** DELETE /promotions/:id: never redeemable again; past redemptions stay. */
    async remove(creatorId: string, id: string) {
      const done = await ctx.db.write((tx) => promotionsRepo.softDelete(tx, id, creatorId, now()));
      if (!done) throw new NotFound("Promotion");
    },

    /** The public offer behind a link (deleted ones are not found; used-up ones say so). */
    async offer(code: string) {
      const row = await promotionsRepo.byCode(ctx.db.read, code.trim().toUpperCase());
      if (!row || row.deletedAt !== null) throw new NotFound("Promotion");
      return (await present([row]))[0]!;
    },

    /** The creator page's offer for everyone: the newest public promotion still redeemable, or null. */
    async publicOffer(username: string) {
      const user = await users.byUsername(username);
      if (!user || !(await creators.isCreator(user.id))) throw new NotFound("Creator");
      const rows = await promotionsRepo.publicOffers(ctx.db.read, user.id, now());
      return rows.length ? (await present([rows[0]!]))[0]! : null;
    },

    /** The promotion a subscribe names by code, checked (not counted): read outside the write. */
    byCode: (code: string, db: DrizzleDb = ctx.db.read) =>
      promotionsRepo.byCode(db, code.trim().toUpperCase()),

    /** Inside a write: may this fan still redeem it? Throws `promotion_unavailable` otherwise. */
    checkTx: async (
      tx: DrizzleDb,
      promotionId: string,
      who: { creatorId: string; fanId: string; history: FanHistory },
    ) => assertRedeemable(tx, await promotionsRepo.byId(tx, promotionId), who),

    /**
     * Redeems inside the grant's write: the once-per-fan row, then one use counted only while uses <
     * maxUses (a conditional UPDATE). Either refusal throws `promotion_unavailable` and the caller's whole
     * transaction (the charge too) rolls back.
     */
    async redeemTx(
      tx: DrizzleDb,
      promotionId: string,
      who: { creatorId: string; fanId: string; history: FanHistory },
    ): Promise<PromotionRow> {
      const p = await assertRedeemable(tx, await promotionsRepo.byId(tx, promotionId), who);
      const once = await promotionsRepo.insertRedemption(tx, {
        id: newId(),
        promotionId: p.id,
        creatorId: p.creatorId,
        fanId: who.fanId,
        kind: p.kind,
        createdAt: now(),
      });
      if (!once) throw unavailable("You have already used an offer like this from this creator.");
      if (!(await promotionsRepo.takeUse(tx, p.id, now())))
        throw unavailable("This promotion has been used up.");
      return p;
    },
  };
}

export type PromotionsService = ReturnType<typeof createPromotionsService>;
