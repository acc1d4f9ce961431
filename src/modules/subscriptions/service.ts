// Subscriptions: the fan -> creator access rows and their life cycle. Payment flows (issue: money) call
// grantSubscription inside their own ledger transaction; free creators are subscribed here directly.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound, PaymentRequired } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { configuredCache } from "../../lib/cache.ts";
import { DAY } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import type { PublicUser } from "../users/service.ts";
import type { SubscriptionRow } from "./tables.ts";
import { subscriptionsRepo } from "./repo.ts";

/** A month of access is 30 days: predictable for fans and for renewal arithmetic. */
export const MONTH_MS = 30 * DAY;

export interface Grant {
  fanId: string;
  creatorId: string;
  months: number;
  priceCents: number;
  currency: string;
  autoRenew: boolean;
  /** Length of a free trial instead of `months` (the next renewal charges the normal price). */
  trialDays?: number;
  /** The provider's recurring subscription, when the provider renews it. */
  providerRef?: string | null;
}

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

export function createSubscriptionsService(ctx: AppContext) {
  // Each fan's live subscriptions, asked on every page and every media request. Period ends are compared
  // with the clock at each read, so a lapse needs no write; every write that can grant, extend or end
  // access forgets the fan's entry when its transaction ends (see changedFan).
  const liveOfFan = configuredCache<string, { creatorId: string; currentPeriodEnd: number }[]>(
    ctx,
    250_000, // subscriptions held, across fans
    (subs) => 1 + subs.length,
  );
  const changedFan = (fanId: string) => ctx.db.onTxEnd(() => liveOfFan.delete(fanId));

  function present(rows: SubscriptionRow[]): SubscriptionView[] {
    const creators = ctx.services.users.publicByIds(rows.map((r) => r.creatorId));
    const now = ctx.clock.now();
    return rows.map((r) => {
      const live = r.status === "active" && r.currentPeriodEnd > now;
      return {
        id: r.id,
        creator: creators.get(r.creatorId)!,
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

  /**
   * Grants (or extends) access inside the caller's transaction. A live subscription is extended from
   * its current end; a lapsed or new one starts now. Returns the row as stored.
   */
  function grantSubscription(tx: DrizzleDb, g: Grant): SubscriptionRow {
    const now = ctx.clock.now();
    const length = g.trialDays ? g.trialDays * DAY : g.months * MONTH_MS;
    const existing = subscriptionsRepo.byPair(tx, g.fanId, g.creatorId);
    changedFan(g.fanId);
    const live = existing && existing.status === "active" && existing.currentPeriodEnd > now;
    const start = live ? existing.currentPeriodEnd : now;
    const fields = {
      status: "active" as const,
      priceCents: g.priceCents,
      currency: g.currency,
      months: g.months,
      autoRenew: g.autoRenew,
      providerRef: g.providerRef ?? null,
      currentPeriodStart: start,
      currentPeriodEnd: start + length,
      updatedAt: now,
    };
    if (existing) {
      subscriptionsRepo.update(tx, existing.id, fields);
      return { ...existing, ...fields };
    }
    const row: SubscriptionRow = {
      id: newId(),
      fanId: g.fanId,
      creatorId: g.creatorId,
      createdAt: now,
      ...fields,
    };
    subscriptionsRepo.insert(tx, row);
    return row;
  }

  return {
    grantSubscription,
    present,

    /** Creator ids whose content the fan may see now; `among` narrows the lookup. */
    entitledCreatorIds(fanId: string, among?: string[]): string[] {
      const now = ctx.clock.now();
      let live = liveOfFan.get(fanId);
      if (!live) liveOfFan.set(fanId, (live = subscriptionsRepo.liveOfFan(ctx.db.read, fanId, now)));
      const out: string[] = [];
      for (const s of live) {
        if (s.currentPeriodEnd > now && (!among || among.includes(s.creatorId))) out.push(s.creatorId);
      }
      return out;
    },

    /** POST /subscriptions: free creators subscribe at 0; paid ones need the payment flow. */
    async subscribe(fanId: string, input: { creator: string; months?: number | undefined }) {
      const creator = ctx.services.creators.terms(input.creator);
      if (!creator) throw new NotFound("Creator");
      if (creator.userId === fanId)
        throw new Invalid("You cannot subscribe to yourself.", undefined, "self_subscription");
      const months = input.months ?? 1;
      if (months !== 1 && !creator.bundles.some((b) => b.months === months)) {
        throw new Invalid(`This creator offers no ${months}-month bundle.`, {
          fields: { months: "No such bundle" },
        });
      }
      if (ctx.services.entitlement.isSubscribed(fanId, creator.userId)) {
        throw new Conflict("You are already subscribed to this creator.", "already_subscribed");
      }
      if (creator.priceCents > 0) {
        throw new PaymentRequired(
          "This creator charges for subscriptions; paying by card or wallet is not available on this site yet.",
        );
      }
      const row = await ctx.db.write((tx) =>
        grantSubscription(tx, {
          fanId,
          creatorId: creator.userId,
          months,
          priceCents: 0,
          currency: creator.currency,
          autoRenew: true,
        }),
      );
      return present([row])[0]!;
    },

    list(fanId: string, cursor: Cursor | null, limit: number) {
      const rows = subscriptionsRepo.listOfFan(ctx.db.read, fanId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: present(p.items), nextCursor: p.nextCursor };
    },

    /** Starts the next period where the current one ends (a paid renewal), inside the payer's transaction. */
    renewTx(tx: DrizzleDb, sub: SubscriptionRow): SubscriptionRow {
      changedFan(sub.fanId);
      const start = sub.currentPeriodEnd;
      const fields = {
        status: "active" as const,
        currentPeriodStart: start,
        currentPeriodEnd: start + sub.months * MONTH_MS,
        updatedAt: ctx.clock.now(),
      };
      subscriptionsRepo.setPeriod(
        tx,
        sub.id,
        fields.currentPeriodStart,
        fields.currentPeriodEnd,
        fields.updatedAt,
      );
      return { ...sub, ...fields };
    },

    setProviderRefTx(tx: DrizzleDb, id: string, providerRef: string): void {
      subscriptionsRepo.update(tx, id, { providerRef, updatedAt: ctx.clock.now() });
    },

    stopRenewingTx(tx: DrizzleDb, id: string): void {
      subscriptionsRepo.update(tx, id, { autoRenew: false, updatedAt: ctx.clock.now() });
    },

    /** Ends access now (refund, chargeback, failed renewal) inside the caller's transaction. */
    endTx(tx: DrizzleDb, id: string, status: "expired" | "revoked"): void {
      const sub = subscriptionsRepo.byId(tx, id);
      if (sub) changedFan(sub.fanId);
      subscriptionsRepo.update(tx, id, { status, autoRenew: false, updatedAt: ctx.clock.now() });
    },

    /** Paid subscriptions to the creator that give access now (they renew in the creator's currency). */
    livePaidCountTx: (tx: DrizzleDb, creatorId: string) =>
      subscriptionsRepo.livePaidOfCreator(tx, creatorId, ctx.clock.now()),
    byId: (id: string, db: DrizzleDb = ctx.db.read) => subscriptionsRepo.byId(db, id),
    byProviderRef: (ref: string, db: DrizzleDb = ctx.db.read) => subscriptionsRepo.byProviderRef(db, ref),
    byPair: (fanId: string, creatorId: string, db: DrizzleDb = ctx.db.read) =>
      subscriptionsRepo.byPair(db, fanId, creatorId),
    /** Paid, auto-renewing subscriptions whose period has ended: the payments module charges them. */
    dueForRenewal: (db: DrizzleDb, limit: number) =>
      subscriptionsRepo.dueForRenewal(db, ctx.clock.now(), limit),

    /** Turns auto-renew off; access stays until the current period ends. */
    async cancel(fanId: string, id: string) {
      const row = await ctx.db.write((tx) => {
        const sub = subscriptionsRepo.byId(tx, id);
        if (!sub || sub.fanId !== fanId) throw new NotFound("Subscription");
        subscriptionsRepo.update(tx, id, { autoRenew: false, updatedAt: ctx.clock.now() });
        return { ...sub, autoRenew: false };
      });
      return present([row])[0]!;
    },

    /**
     * Scheduler step, after the payments module's renewals: free auto-renewing subscriptions roll over;
     * everything else that ran out (auto-renew off, or a paid renewal that did not happen) is marked
     * expired. Idempotent.
     */
    async processDue(batch = 200): Promise<number> {
      return ctx.db.write((tx) => {
        const now = ctx.clock.now();
        const due = subscriptionsRepo.due(tx, now, batch);
        for (const sub of due) {
          changedFan(sub.fanId);
          // A provider-renewed subscription gets three days for the provider's renewal event to arrive.
          if (sub.providerRef && sub.autoRenew && sub.currentPeriodEnd + 3 * DAY > now) continue;
          if (sub.autoRenew && sub.priceCents === 0) {
            const periods = Math.ceil((now - sub.currentPeriodEnd + 1) / (sub.months * MONTH_MS));
            const end = sub.currentPeriodEnd + periods * sub.months * MONTH_MS;
            subscriptionsRepo.update(tx, sub.id, {
              currentPeriodStart: end - sub.months * MONTH_MS,
              currentPeriodEnd: end,
              updatedAt: now,
            });
          } else {
            subscriptionsRepo.update(tx, sub.id, { status: "expired", updatedAt: now });
          }
        }
        return due.length;
      });
    },
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
