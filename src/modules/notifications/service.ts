// In-app notifications: what happened to someone, written by the "notifications" consumer of the
// domain events (one row per event and person, in the consumer's own transaction, so exactly once),
// and listed by the people they are for. No other module calls in to notify.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { EventHandlers } from "../../events/bus.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { newId } from "../../lib/ids.ts";
import { formatCents } from "../../lib/money.ts";
import { notificationsRepo } from "./repo.ts";

export function createNotificationsService(ctx: AppContext) {
  function notifyTx(
    tx: DrizzleDb,
    userId: string,
    kind: string,
    text: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    return notificationsRepo.insert(tx, {
      id: newId(),
      userId,
      kind,
      text,
      data,
      readAt: null,
      createdAt: ctx.clock.now(),
    });
  }

  const handlers: EventHandlers = {
    "payment.completed": async (tx, e) => {
      if (!e.creatorId) return;
      if (e.kind === "subscription")
        await notifyTx(tx, e.creatorId, "new_subscriber", "You have a new subscriber.", { fanId: e.payerId });
      else if (e.kind === "ppv")
        await notifyTx(tx, e.creatorId, "ppv_sale", "Someone unlocked your post.", { postId: e.postId });
      else if (e.kind === "tip")
        await notifyTx(tx, e.creatorId, "tip", "You received a tip.", {
          amountCents: e.amountCents,
          message: e.message,
        });
    },
    // Paid subscriptions are announced by their payment; these start without one.
    "subscription.started": async (tx, e) => {
      if (e.trial)
        await notifyTx(tx, e.creatorId, "trial_started", "A fan started a free trial.", { fanId: e.fanId });
      else if (e.priceCents === 0)
        await notifyTx(tx, e.creatorId, "new_subscriber", "You have a new subscriber.", { fanId: e.fanId });
    },
    "checkout.credited": (tx, e) =>
      notifyTx(
        tx,
        e.userId,
        "checkout_credited",
        "You already owned what you paid for; the payment was added to your wallet.",
        { checkoutId: e.checkoutId },
      ),
    "payment.reversed": async (tx, e) => {
      if (!e.userId) return;
      const paid = formatCents(e.paidCents, e.currency);
      const what = e.reversal === "refund" ? "refunded" : "charged back";
      await notifyTx(
        tx,
        e.userId,
        e.reversal,
        e.partial
          ? `${formatCents(e.amountCents, e.currency)} of your payment of ${paid} was ${what}.`
          : `Your payment of ${paid} was ${what}.`,
        { txnId: e.txnId },
      );
    },
    "subscription.ended": async (tx, e) => {
      if (e.reason !== "renewal_unpaid") return;
      await notifyTx(
        tx,
        e.fanId,
        "renewal_failed",
        "Your subscription ended: your wallet balance did not cover the renewal.",
        { subscriptionId: e.subscriptionId, creatorId: e.creatorId },
      );
    },
    "subscription.renewal_failed": (tx, e) =>
      notifyTx(
        tx,
        e.fanId,
        "renewal_failed",
        "Your card could not be charged for a subscription renewal; access ends at the end of the period.",
        { subscriptionId: e.subscriptionId },
      ),
    "payout.decided": async (tx, e) => {
      const text =
        e.status === "paid"
          ? `Your payout was sent (reference ${e.reference}).`
          : e.status === "approved"
            ? "Your payout was approved."
            : "Your payout was rejected.";
      await notifyTx(tx, e.creatorId, `payout_${e.status}`, text, {
        payoutId: e.payoutId,
        note: e.note,
        ...(e.status === "paid" ? { reference: e.reference } : {}),
      });
    },
  };
  ctx.events.consume("notifications", handlers);

  return {
    async list(userId: string, cursor: Cursor | null, limit: number) {
      const rows = await notificationsRepo.list(ctx.db.read, userId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return {
        items: p.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: n.text,
          data: n.data,
          read: n.readAt !== null,
          createdAt: n.createdAt,
        })),
        nextCursor: p.nextCursor,
        unread: await notificationsRepo.unread(ctx.db.read, userId),
      };
    },
    async markAllRead(userId: string): Promise<void> {
      await ctx.db.write((tx) => notificationsRepo.markAllRead(tx, userId, ctx.clock.now()));
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
