// Subscriptions: the fan -> creator access rows and their whole life cycle (subscribe, trials and
// bundles, cancel, renew, expire; lifecycle.ts). A paid subscription asks payments to charge; payments
// grants it through the seller this module connects (same transaction as the money), and a refund or
// chargeback reaches it as the payment.reversed event.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { configuredCache } from "../../lib/cache.ts";
import { bundlePriceCents } from "../../lib/money.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { PayWith, PaymentsService, SubscriptionSeller } from "../payments/service.ts";
import type { FanHistory, PromotionsService } from "../promotions/service.ts";
import { discountedCents } from "../promotions/service.ts";
import type { PublicUser } from "../users/service.ts";
import { createLifecycle } from "./lifecycle.ts";
import type { SubscriptionRow } from "./tables.ts";
import {
  subscriptionsAnalyticsRepo,
  subscriptionRankingsRepo,
  subscriptionsPrivacyRepo,
  subscriptionsRepo,
  type Audience,
} from "./repo.ts";

export { MONTH_MS, type Grant } from "./lifecycle.ts";

export interface SubscriptionView {
  id: string;
  creator: PublicUser;
  status: "active" | "expired" | "canceled";
  currentPeriodEnd: number;
  autoRenew: boolean;
  months: number;
  priceCents: number;
  currency: string;
  createdAt: number;
}

export function createSubscriptionsService(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "cards" | "terms" | "assertGeoAllowed">;
    payments: Pick<
      PaymentsService,
      "purchase" | "cancelAtProvider" | "chargeRenewalTx" | "feeBasisPoints" | "sellers"
    >;
    promotions: Pick<PromotionsService, "byCode" | "checkTx" | "redeemTx">;
  },
) {
  const { creators, payments, promotions } = deps;
  // Each fan's live subscriptions, asked on every page and every media request. Period ends are compared
  // with the clock at each read, so a lapse needs no write; every write that can grant, extend or end
  // access forgets the fan's entry when its transaction ends (see changedFan).
  const liveOfFan = configuredCache<{ creatorId: string; currentPeriodEnd: number }[]>(
    ctx,
    "subscriptions.liveOfFan",
    250_000, // subscriptions held, across fans
    (subs) => 1 + subs.length,
  );
  const changedFan = (tx: DrizzleDb, fanId: string) => ctx.db.onTxEnd(tx, () => liveOfFan.delete(fanId));
  const life = createLifecycle(ctx, { changedFan, payments });

  async function present(rows: SubscriptionRow[]): Promise<SubscriptionView[]> {
    const cards = await creators.cards(rows.map((r) => r.creatorId));
    const now = ctx.clock.now();
    return rows.map((r) => {
      const live = r.status === "active" && r.currentPeriodEnd > now;
      return {
        id: r.id,
        creator: cards.get(r.creatorId)!,
        status: live ? (r.autoRenew ? "active" : "canceled") : "expired",
        currentPeriodEnd: r.currentPeriodEnd,
        autoRenew: r.autoRenew,
        months: r.months,
        priceCents: r.priceCents,
        currency: r.currency,
        createdAt: r.createdAt,
      };
    });
  }

  /** Creator ids whose content the fan may see now; `among` narrows the lookup. */
  async function entitledCreatorIds(fanId: string, among?: string[]): Promise<string[]> {
    const now = ctx.clock.now();
    const live =
      liveOfFan.get(fanId) ??
      (
        await liveOfFan.getMany([fanId], async () => [
          [fanId, await subscriptionsRepo.liveOfFan(ctx.db.read, fanId, now)] as const,
        ])
      ).get(fanId)!;
    const out: string[] = [];
    for (const s of live) {
      if (s.currentPeriodEnd > now && (!among || among.includes(s.creatorId))) out.push(s.creatorId);
    }
    return out;
  }
  const isSubscribed = async (fanId: string, creatorId: string) =>
    (await entitledCreatorIds(fanId, [creatorId])).length > 0;
  /** The same question inside a write, answered by its transaction (not the cache). */
  const isSubscribedTx = async (tx: DrizzleDb, fanId: string, creatorId: string) => {
    const row = await subscriptionsRepo.byPair(tx, fanId, creatorId);
    return !!row && row.status === "active" && row.currentPeriodEnd > ctx.clock.now();
  };
  const alreadySubscribed = () =>
    new Conflict("You are already subscribed to this creator.", "already_subscribed");

  /** The fan's history with the creator for a promotion's audience (a live subscription was refused before). */
  const historyTx = async (tx: DrizzleDb, fanId: string, creatorId: string): Promise<FanHistory> =>
    (await subscriptionsRepo.byPair(tx, fanId, creatorId)) ? "expired" : "new";

  const billed = (r: SubscriptionRow | undefined) =>
    r && { id: r.id, fanId: r.fanId, creatorId: r.creatorId, months: r.months, providerRef: r.providerRef };

  /** What payments asks of subscriptions inside a purchase's (or a provider event's) transaction. */
  const seller: SubscriptionSeller = {
    async checkTx(tx, fanId, creatorId, promotionId) {
      if (await isSubscribedTx(tx, fanId, creatorId)) throw alreadySubscribed();
      if (promotionId)
        await promotions.checkTx(tx, promotionId, {
          creatorId,
          fanId,
          history: await historyTx(tx, fanId, creatorId),
        });
    },
    async grantTx(tx, { promotionId, ...g }) {
      // A discounted first period: the use is counted here, with the sale (card checkouts: when paid).
      if (promotionId)
        await promotions.redeemTx(tx, promotionId, {
          creatorId: g.creatorId,
          fanId: g.fanId,
          history: await historyTx(tx, g.fanId, g.creatorId),
        });
      return (await life.grantTx(tx, { ...g, autoRenew: true })).id;
    },
    byProviderRefTx: async (tx, ref) => billed(await subscriptionsRepo.byProviderRef(tx, ref)),
    byId: async (id) => billed(await subscriptionsRepo.byId(ctx.db.read, id)),
    async renewedByProviderTx(tx, id, paid) {
      const sub = (await subscriptionsRepo.byId(tx, id))!;
      if (sub.status === "active" && sub.currentPeriodEnd > ctx.clock.now())
        await life.renewTx(tx, sub, paid.txnId);
      else
        await life.grantTx(tx, {
          fanId: sub.fanId,
          creatorId: sub.creatorId,
          months: sub.months,
          priceCents: paid.priceCents,
          currency: paid.currency,
          autoRenew: true,
          providerRef: sub.providerRef,
        });
    },
    async renewalFailedByProviderTx(tx, id) {
      const sub = (await subscriptionsRepo.byId(tx, id))!;
      await ctx.events.publish(tx, "subscription.renewal_failed", {
        subscriptionId: id,
        fanId: sub.fanId,
        creatorId: sub.creatorId,
      });
    },
    endedByProviderTx: (tx, id) => life.stopRenewingTx(tx, id),
  };

  // A refunded or charged-back subscription payment takes the access it bought with it.
  ctx.events.consume("subscriptions", {
    "payment.reversed": async (tx, e) => {
      if ((e.kind === "subscription" || e.kind === "renewal") && e.subscriptionId)
        await life.endTx(tx, e.subscriptionId, "revoked");
    },
    // ...and a won dispute gives it back.
    "payment.restored": async (tx, e) => {
      if ((e.kind === "subscription" || e.kind === "renewal") && e.subscriptionId)
        await life.restoreTx(tx, e.subscriptionId);
    },
  });

  return {
    /** GDPR export: the person's subscriptions (creators by username) and, as a creator, counts only. */
    async personalData(userId: string) {
      const rows = await subscriptionsPrivacyRepo.asFan(ctx.db.read, userId);
      const cards = await creators.cards([...new Set(rows.map((r) => r.creatorId))]);
      return {
        subscriptions: rows.map((r) => ({
          id: r.id,
          creator: cards.get(r.creatorId)?.username ?? "deleted",
          status: r.status,
          priceCents: r.priceCents,
          currency: r.currency,
          months: r.months,
          autoRenew: r.autoRenew,
          currentPeriodStart: r.currentPeriodStart,
          currentPeriodEnd: r.currentPeriodEnd,
          createdAt: r.createdAt,
        })),
        subscribersByStatus: Object.fromEntries(
          (await subscriptionsPrivacyRepo.countsAsCreator(ctx.db.read, userId)).map((r) => [
            r.status,
            Number(r.n),
          ]),
        ),
      };
    },

    /**
     * GDPR erasure inside the erasing write: no subscription of the person renews any more, as a fan or as
     * a creator (their subscribers are not charged for a creator who is gone). Periods already paid run
     * out. Returns the provider-renewed ones, to be stopped at the provider after COMMIT.
     */
    stopRenewalsTx: (tx: DrizzleDb, userId: string) =>
      subscriptionsPrivacyRepo.stopRenewals(tx, userId, ctx.clock.now()),
    seller,
    present,
    /** Grants (or extends) access inside the caller's write (demo data and tests; purchases use the seller). */
    grantTx: life.grantTx,
    /** Ends access now inside the caller's write (refunds reach it through payment.reversed). */
    endTx: life.endTx,
    entitledCreatorIds,
    isSubscribed,
    /** Discovery: subscriptions started since `since`, and live subscribers now, per creator id. */
    async rankings(since: number): Promise<{ started: Map<string, number>; live: Map<string, number> }> {
      const [started, live] = await Promise.all([
        subscriptionRankingsRepo.startedSince(ctx.db.read, since),
        subscriptionRankingsRepo.live(ctx.db.read, ctx.clock.now()),
      ]);
      return {
        started: new Map(started.map((r) => [r.creatorId, r.n])),
        live: new Map(live.map((r) => [r.creatorId, r.n])),
      };
    },

    /**
     * POST /subscriptions: a free creator's subscription starts now; a trial (a trial promotion, else the
     * creator's free trial for a first-time subscriber) starts now without payment; otherwise payments
     * charges the wallet or starts a card checkout, for a discount promotion at the discounted price of
     * the first period (renewals charge the normal price).
     */
    async subscribe(
      fanId: string,
      input: {
        creator: string;
        months?: number | undefined;
        payWith: PayWith;
        promotion?: string | undefined;
      },
      /** The fan's country: 451 where the creator blocks it (nothing is charged for what one may not see). */
      country: string | null = null,
    ) {
      const terms = await creators.terms(input.creator);
      if (!terms) throw new NotFound("Creator");
      await creators.assertGeoAllowed({ id: fanId, role: "fan" }, country, terms.userId);
      const months = input.months ?? 1;
      if (terms.userId === fanId)
        throw new Invalid("You cannot subscribe to yourself.", undefined, "self_payment");
      const bundle = terms.bundles.find((b) => b.months === months);
      if (months !== 1 && !bundle) {
        throw new Invalid(`This creator offers no ${months}-month bundle.`, {
          fields: { months: "No such bundle" },
        });
      }
      const price = bundle
        ? bundlePriceCents(terms.priceCents, months, bundle.discountPercent)
        : terms.priceCents;
      const free = terms.priceCents === 0;
      const promo = input.promotion ? await promotions.byCode(input.promotion) : undefined;
      if (input.promotion) {
        // Checked here for a clear answer before anything is written; counted in the write below.
        await promotions.checkTx(ctx.db.read, promo?.creatorId === terms.userId ? promo.id : "", {
          creatorId: terms.userId,
          fanId,
          history: await historyTx(ctx.db.read, fanId, terms.userId),
        });
        if (free)
          throw new Conflict(
            "This creator is free to follow: no promotion is needed.",
            "promotion_unavailable",
          );
      }
      const trialDays = promo
        ? promo.kind === "trial"
          ? promo.trialDays!
          : 0
        : !free && terms.trialDays > 0 && !(await subscriptionsRepo.byPair(ctx.db.read, fanId, terms.userId))
          ? terms.trialDays
          : 0;
      if (free || trialDays > 0) {
        const row = await ctx.db.write(async (tx) => {
          if (await isSubscribedTx(tx, fanId, terms.userId)) throw alreadySubscribed();
          if (promo) {
            await promotions.redeemTx(tx, promo.id, {
              creatorId: terms.userId,
              fanId,
              history: await historyTx(tx, fanId, terms.userId),
            });
          } else if (trialDays && (await subscriptionsRepo.byPair(tx, fanId, terms.userId))) {
            // The creator's trial is once per fan: a parallel request may have started one since the check.
            throw alreadySubscribed();
          }
          return life.grantTx(tx, {
            fanId,
            creatorId: terms.userId,
            months,
            priceCents: free ? 0 : price,
            currency: terms.currency,
            autoRenew: true,
            ...(trialDays ? { trialDays } : {}),
          });
        });
        return { done: (await present([row]))[0]! };
      }
      const amount = promo ? discountedCents(price, promo.percentOff!) : price;
      return payments.purchase(
        {
          purpose: "subscription",
          payerId: fanId,
          amountCents: amount,
          currency: terms.currency,
          details: {
            creatorId: terms.userId,
            months,
            ...(promo ? { promotionId: promo.id, listPriceCents: price } : {}),
          },
        },
        input.payWith,
        `Subscription to @${input.creator.toLowerCase()} (${months} month${months > 1 ? "s" : ""})${promo ? ` with ${promo.percentOff} % off the first period` : ""}`,
        async (txn) =>
          (await present([(await subscriptionsRepo.byId(ctx.db.read, txn.subscriptionId!))!]))[0]!,
      );
    },

    async list(fanId: string, cursor: Cursor | null, limit: number) {
      const rows = await subscriptionsRepo.listOfFan(ctx.db.read, fanId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    /** DELETE /subscriptions/:id: auto-renew off here and, for provider-renewed ones, at the provider. */
    async cancel(fanId: string, id: string) {
      const sub = await subscriptionsRepo.byId(ctx.db.read, id);
      if (!sub || sub.fanId !== fanId) throw new NotFound("Subscription");
      if (sub.providerRef && sub.autoRenew) await payments.cancelAtProvider(sub.providerRef, true);
      const row = await ctx.db.write(async (tx) => {
        await life.stopRenewingTx(tx, id);
        return { ...(await subscriptionsRepo.byId(tx, id))!, autoRenew: false };
      });
      return (await present([row]))[0]!;
    },

    /**
     * Scheduler step: paid renewals are charged first, so the expiry step then ends only what was not
     * renewed. Both are idempotent.
     */
    async processDue(batch = 500): Promise<{ renewed: number; failed: number; expired: number }> {
      const r = await life.renewDue(batch);
      return { ...r, expired: await life.expireDue(batch) };
    },

    /** Paid subscriptions to the creator that give access now (they renew in the creator's currency). */
    /** A page of a creator's audience (mass messages), fans in id order after `afterFanId`. */
    audience: (
      db: DrizzleDb,
      creatorId: string,
      who: Audience,
      afterFanId: string | null,
      limit: number,
    ): Promise<string[]> =>
      subscriptionsRepo.audience(db, creatorId, who, afterFanId, limit, ctx.clock.now()),
    audienceCount: (creatorId: string, who: Audience, db: DrizzleDb = ctx.db.read): Promise<number> =>
      subscriptionsRepo.audienceCount(db, creatorId, who, ctx.clock.now()),
    livePaidCountTx: (tx: DrizzleDb, creatorId: string) =>
      subscriptionsRepo.livePaidOfCreator(tx, creatorId, ctx.clock.now()),
    byProviderRef: (ref: string, db: DrizzleDb = ctx.db.read) => subscriptionsRepo.byProviderRef(db, ref),
    byPair: (fanId: string, creatorId: string, db: DrizzleDb = ctx.db.read) =>
      subscriptionsRepo.byPair(db, fanId, creatorId),
    /** Analytics: how many subscriptions started and ended per UTC day since `start` (day -1: before). */
    async startsAndEnds(creatorId: string, start: number) {
      const rows = await subscriptionsAnalyticsRepo.startsAndEnds(
        ctx.db.read,
        creatorId,
        start,
        ctx.clock.now(),
      );
      return rows.map((r) => ({ day: Number(r.day), started: Number(r.started), ended: Number(r.ended) }));
    },
    /** The fans list: every fan of a creator, whether they have access now, and when it renews or ended. */
    async fansOf(creatorId: string): Promise<FanStanding[]> {
      const now = ctx.clock.now();
      const rows = await subscriptionsAnalyticsRepo.fansOf(ctx.db.read, creatorId, now);
      return rows.map((r) => {
        const end = Number(r.currentPeriodEnd);
        const active = r.status === "active" && end > now;
        return {
          fanId: r.fanId,
          since: Number(r.createdAt),
          status: active ? ("active" as const) : ("expired" as const),
          renewsAt: active && Number(r.autoRenew) ? end : null,
          endsAt: active ? (Number(r.autoRenew) ? null : end) : r.endedAt === null ? end : Number(r.endedAt),
        };
      });
    },
  };
}

/** A fan's subscription to one creator as the creator's fans list shows it. */
export interface FanStanding {
  fanId: string;
  /** The first subscription (a row is renewed in place). */
  since: number;
  status: "active" | "expired";
  renewsAt: number | null;
  /** When access ends (not renewing) or ended. */
  endsAt: number | null;
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
