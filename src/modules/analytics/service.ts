// Analytics: a creator's numbers over a range of UTC days, composed from the owners' own answers (no
// data of its own): subscribers started and ended (subscriptions), earnings by day and kind (the ledger,
// through payments), engagement on posts (posts), pay-per-view messages sent (messages) and bought
// (the ledger). Every series sums to its total, and the earnings to the ledger's earning entries.
import type { AppContext } from "../../context.ts";
import { DAY_MS } from "../../db/query.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { MessagesService } from "../messages/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";

const KINDS = ["subscription", "renewal", "ppv", "message", "tip", "ticket"] as const;
type Kind = (typeof KINDS)[number];
type ByType = Record<Kind, number>;
const zeroes = (): ByType => ({ subscription: 0, renewal: 0, ppv: 0, message: 0, tip: 0, ticket: 0 });

const TOP_POSTS = 10;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createAnalyticsService(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "byUserId">;
    subscriptions: Pick<SubscriptionsService, "startsAndEnds">;
    payments: Pick<PaymentsService, "analytics">;
    posts: Pick<PostsService, "engagement">;
    messages: Pick<MessagesService, "ppvSentSince">;
  },
) {
  const { creators, subscriptions, payments, posts, messages } = deps;

  async function topPosts(creatorId: string, since: number) {
    const [earning, engaging] = await Promise.all([
      payments.analytics.postEarnings(creatorId, since, TOP_POSTS),
      posts.engagement(creatorId, since, null, TOP_POSTS),
    ]);
    const known = new Set(engaging.map((p) => p.postId));
    const missing = earning.map((e) => e.postId).filter((id) => !known.has(id));
    const all = [
      ...engaging,
      ...(missing.length ? await posts.engagement(creatorId, since, missing, TOP_POSTS) : []),
    ];
    const cents = new Map(earning.map((e) => [e.postId, e.cents]));
    return all
      .map((p) => ({
        id: p.postId,
        text: p.text.length > 140 ? `${p.text.slice(0, 139)}…` : p.text,
        visibility: p.visibility,
        publishedAt: p.publishedAt,
        earningsCents: cents.get(p.postId) ?? 0,
        likes: p.likes,
        comments: p.comments,
      }))
      .filter((p) => p.earningsCents !== 0 || p.likes + p.comments > 0)
      .sort(
        (a, b) =>
          b.earningsCents - a.earningsCents ||
          b.likes + b.comments - (a.likes + a.comments) ||
          b.publishedAt - a.publishedAt,
      )
      .slice(0, TOP_POSTS);
  }

  return {
    /** GET /analytics?days=: the last `days` UTC days, today included. */
    async overview(creatorId: string, days: number) {
      if (!(await creators.byUserId(creatorId)))
        throw new Forbidden("Only creators have analytics.", "not_a_creator");
      const today = Math.floor(ctx.clock.now() / DAY_MS);
      const first = today - days + 1;
      const since = first * DAY_MS;
      const [subs, earned, top, ppvSent, currency] = await Promise.all([
        subscriptions.startsAndEnds(creatorId, since),
        payments.analytics.earningsByDay(creatorId, since),
        topPosts(creatorId, since),
        messages.ppvSentSince(creatorId, since),
        payments.analytics.currencyOf(creatorId),
      ]);

      const before = subs.find((r) => r.day === -1);
      let active = (before?.started ?? 0) - (before?.ended ?? 0);
      const subsOf = new Map(subs.map((r) => [r.day, r]));
      const earnedOf = new Map<number, ByType>();
      const byType = zeroes();
      let ppvBought = 0;
      for (const r of earned) {
        let d = earnedOf.get(r.day);
        if (!d) earnedOf.set(r.day, (d = zeroes()));
        d[r.kind] += r.cents;
        byType[r.kind] += r.cents;
        if (r.kind === "message") ppvBought += r.sales;
      }
      const subscriberSeries = [];
      const earningSeries = [];
      let started = 0;
      let ended = 0;
      for (let day = first; day <= today; day++) {
        const s = subsOf.get(day);
        started += s?.started ?? 0;
        ended += s?.ended ?? 0;
        active += (s?.started ?? 0) - (s?.ended ?? 0);
        subscriberSeries.push({ day: isoDay(day), active, new: s?.started ?? 0, churned: s?.ended ?? 0 });
        const e = earnedOf.get(day) ?? zeroes();
        earningSeries.push({ day: isoDay(day), ...e, totalCents: KINDS.reduce((n, k) => n + e[k], 0) });
      }
      return {
        days,
        from: isoDay(first),
        to: isoDay(today),
        currency,
        subscribers: { active, new: started, churned: ended, series: subscriberSeries },
        earnings: { totalCents: KINDS.reduce((n, k) => n + byType[k], 0), byType, series: earningSeries },
        topPosts: top,
        messages: { ppvSent, ppvBought },
      };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
