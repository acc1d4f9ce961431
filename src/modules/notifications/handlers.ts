// What each domain event tells whom, in words that name the person and the amount, with a link to what
// it is about (web paths of the SPA: /posts/<id>, /<username>, /earnings, /wallet, /subscriptions,
// /messages/<conversationId>). Run by the "notifications" consumer, one transaction per event.
import type { EventHandlers } from "../../events/bus.ts";
import type { Notifier } from "./notify.ts";
import { GROUPED, money, nameOf } from "./texts.ts";

export function notificationHandlers(
  n: Pick<Notifier, "notifyTx" | "people">,
  opts: { messageDelayMs: number },
): EventHandlers {
  /** The names of these people (display name, else @username). */
  async function named(...ids: string[]) {
    const found = await n.people(ids);
    return Object.assign((id: string) => nameOf(found.get(id)), {
      username: (id: string) => found.get(id)?.username ?? null,
    });
  }

  return {
    "payment.completed": async (tx, e) => {
      if (!e.creatorId) return;
      const fan = (await named(e.payerId))(e.payerId);
      const amount = money(e.amountCents, e.currency);
      const data = { fanId: e.payerId, amountCents: e.amountCents, currency: e.currency };
      switch (e.kind) {
        case "subscription":
          return n.notifyTx(tx, {
            userId: e.creatorId,
            kind: "new_subscriber",
            text: `${fan} subscribed to you for ${amount}.`,
            link: "/earnings",
            data: { ...data, subscriptionId: e.subscriptionId },
            actorId: e.payerId,
          });
        case "ppv":
          return n.notifyTx(tx, {
            userId: e.creatorId,
            kind: "ppv_sale",
            text: `${fan} unlocked your post for ${amount}.`,
            link: e.postId ? `/posts/${e.postId}` : "/earnings",
            data: { ...data, postId: e.postId },
            actorId: e.payerId,
          });
        case "message":
          return n.notifyTx(tx, {
            userId: e.creatorId,
            kind: "ppv_sale",
            text: `${fan} unlocked your message for ${amount}.`,
            link: "/messages",
            data: { ...data, messageId: e.messageId },
            actorId: e.payerId,
          });
        case "tip":
          return n.notifyTx(tx, {
            userId: e.creatorId,
            kind: "tip",
            text: `${fan} sent you a tip of ${amount}${e.postId ? " on your post" : ""}.`,
            link: e.postId ? `/posts/${e.postId}` : "/earnings",
            data: { ...data, postId: e.postId, message: e.message },
            actorId: e.payerId,
            quote: e.message,
          });
        case "ticket":
          return n.notifyTx(tx, {
            userId: e.creatorId,
            kind: "ppv_sale",
            text: `${fan} bought a ticket to your live stream for ${amount}.`,
            link: "/live",
            data: { ...data, liveStreamId: e.liveStreamId },
            actorId: e.payerId,
          });
        case "topup":
          return;
      }
    },

    // Paid subscriptions are announced by their payment; these start without one.
    "subscription.started": async (tx, e) => {
      if (!e.trial && e.priceCents !== 0) return;
      const fan = (await named(e.fanId))(e.fanId);
      await n.notifyTx(tx, {
        userId: e.creatorId,
        kind: e.trial ? "trial_started" : "new_subscriber",
        text: e.trial
          ? `${fan} started a free trial of your subscription.`
          : `${fan} subscribed to you for free.`,
        link: "/earnings",
        data: { fanId: e.fanId, subscriptionId: e.subscriptionId },
        actorId: e.fanId,
      });
    },

    "subscription.renewed": async (tx, e) => {
      const name = await named(e.fanId, e.creatorId);
      const amount = money(e.priceCents, e.currency);
      const data = {
        subscriptionId: e.subscriptionId,
        fanId: e.fanId,
        creatorId: e.creatorId,
        amountCents: e.priceCents,
        currency: e.currency,
      };
      await n.notifyTx(tx, {
        userId: e.creatorId,
        kind: "subscription_renewed",
        text: GROUPED.renewal(name(e.fanId), 1, amount),
        link: "/earnings",
        data,
        actorId: e.fanId,
        group: {
          key: `renewal:${e.creatorId}`,
          render: (names, _people, count) => GROUPED.renewal(names, count, amount),
        },
      });
      const creatorUsername = name.username(e.creatorId);
      await n.notifyTx(tx, {
        userId: e.fanId,
        kind: "subscription_renewed",
        text: `Your subscription to ${name(e.creatorId)} renewed for ${amount}.`,
        link: creatorUsername ? `/${creatorUsername}` : "/subscriptions",
        data,
        actorId: e.creatorId,
      });
    },

    "subscription.ended": async (tx, e) => {
      if (e.reason !== "renewal_unpaid") return;
      const creator = (await named(e.creatorId))(e.creatorId);
      await n.notifyTx(tx, {
        userId: e.fanId,
        kind: "renewal_failed",
        text: `Your subscription to ${creator} ended: your wallet balance did not cover the renewal.`,
        link: "/subscriptions",
        data: { subscriptionId: e.subscriptionId, creatorId: e.creatorId },
        actorId: e.creatorId,
      });
    },

    "subscription.renewal_failed": async (tx, e) => {
      const creator = (await named(e.creatorId))(e.creatorId);
      await n.notifyTx(tx, {
        userId: e.fanId,
        kind: "renewal_failed",
        text: `Your card could not be charged to renew your subscription to ${creator}; access ends at the end of the period.`,
        link: "/subscriptions",
        data: { subscriptionId: e.subscriptionId, creatorId: e.creatorId },
        actorId: e.creatorId,
      });
    },

    "checkout.credited": (tx, e) =>
      n.notifyTx(tx, {
        userId: e.userId,
        kind: "checkout_credited",
        text: "You already owned what you paid for; the payment was added to your wallet.",
        link: "/wallet",
        data: { checkoutId: e.checkoutId },
      }),

    "payment.reversed": async (tx, e) => {
      if (!e.userId) return;
      const paid = money(e.paidCents, e.currency);
      const what = e.reversal === "refund" ? "refunded" : "charged back";
      const to = e.creatorId && e.kind !== "topup" ? ` to ${(await named(e.creatorId))(e.creatorId)}` : "";
      const payment = e.kind === "topup" ? `top-up of ${paid}` : `payment of ${paid}${to}`;
      await n.notifyTx(tx, {
        userId: e.userId,
        kind: e.reversal,
        text: e.partial
          ? `${money(e.amountCents, e.currency)} of your ${payment} was ${what}.`
          : `Your ${payment} was ${what}.`,
        link: "/wallet",
        data: { txnId: e.txnId, amountCents: e.amountCents, currency: e.currency },
      });
    },

    "payout.decided": async (tx, e) => {
      const payout = `Your payout of ${money(e.amountCents, e.currency)}`;
      const text =
        e.status === "paid"
          ? `${payout} was sent${e.reference ? ` (reference ${e.reference})` : ""}.`
          : e.status === "approved"
            ? `${payout} was approved.`
            : `${payout} was rejected${e.note ? `: ${e.note}` : "."}`;
      await n.notifyTx(tx, {
        userId: e.creatorId,
        kind: `payout_${e.status}`,
        text,
        link: "/earnings",
        data: {
          payoutId: e.payoutId,
          amountCents: e.amountCents,
          currency: e.currency,
          note: e.note,
          ...(e.status === "paid" ? { reference: e.reference } : {}),
        },
      });
    },

    "post.liked": async (tx, e) => {
      if (e.userId === e.creatorId) return;
      const who = (await named(e.userId))(e.userId);
      await n.notifyTx(tx, {
        userId: e.creatorId,
        kind: "like",
        text: GROUPED.like(who, 1),
        link: `/posts/${e.postId}`,
        data: { postId: e.postId },
        actorId: e.userId,
        group: { key: `like:${e.postId}`, render: (names, _people, count) => GROUPED.like(names, count) },
      });
    },

    "comment.created": async (tx, e) => {
      if (e.userId === e.creatorId) return;
      const who = (await named(e.userId))(e.userId);
      await n.notifyTx(tx, {
        userId: e.creatorId,
        kind: "comment",
        text: GROUPED.comment(who, 1),
        link: `/posts/${e.postId}`,
        data: { postId: e.postId, commentId: e.commentId },
        actorId: e.userId,
        group: {
          key: `comment:${e.postId}`,
          render: (names, _people, count) => GROUPED.comment(names, count),
        },
      });
    },

    "message.sent": async (tx, e) => {
      const sender = (await named(e.senderId))(e.senderId);
      const price = e.priceCents > 0 ? e.priceCents : undefined;
      await n.notifyTx(tx, {
        userId: e.recipientId,
        kind: "message",
        text: GROUPED.message(sender, 1, price, e.currency),
        link: `/messages/${e.conversationId}`,
        data: {
          conversationId: e.conversationId,
          messageId: e.messageId,
          senderId: e.senderId,
          priceCents: e.priceCents,
          currency: e.currency,
        },
        actorId: e.senderId,
        group: {
          key: `message:${e.conversationId}`,
          render: (names, _people, count) => GROUPED.message(names, count, price, e.currency),
        },
        mail: {
          delayMs: opts.messageDelayMs,
          unlessRead: { conversationId: e.conversationId, messageId: e.messageId },
          perHour: true,
        },
      });
    },
  };
}
