// Which domain events go out to webhooks, under which name, whose they are, and what they carry. A
// creator's webhook gets the events about its owner (`owner`); an admin's site webhook gets every one.
import type { DomainEvents, EventName } from "../../events/types.ts";

interface Outgoing {
  type: string;
  /** The person whose event it is (a creator's webhook receives it), null for site-only events. */
  owner: string | null;
  data: Record<string, unknown>;
}

type Mapping = { [N in EventName]?: (p: DomainEvents[N]) => Outgoing };

export const EVENT_MAP = {
  "subscription.started": (p) => ({ type: "subscription.started", owner: p.creatorId, data: { ...p } }),
  "subscription.renewed": (p) => ({ type: "subscription.renewed", owner: p.creatorId, data: { ...p } }),
  "subscription.ended": (p) => ({ type: "subscription.ended", owner: p.creatorId, data: { ...p } }),
  // A top-up has no creator: only site webhooks hear of it.
  "payment.completed": (p) => ({ type: "payment.completed", owner: p.creatorId, data: { ...p } }),
  "payment.reversed": (p) => ({ type: "payment.reversed", owner: p.creatorId, data: { ...p } }),
  "message.sent": (p) => ({
    type: "message.received",
    owner: p.recipientId,
    data: {
      messageId: p.messageId,
      conversationId: p.conversationId,
      senderId: p.senderId,
      recipientId: p.recipientId,
      priceCents: p.priceCents,
      currency: p.currency,
    },
  }),
  "post.published": (p) => ({ type: "post.published", owner: p.creatorId, data: { ...p } }),
  "comment.created": (p) => ({ type: "comment.created", owner: p.creatorId, data: { ...p } }),
  "live.started": (p) => ({ type: "live.started", owner: p.creatorId, data: { ...p } }),
  "live.ended": (p) => ({ type: "live.ended", owner: p.creatorId, data: { ...p } }),
  "payout.decided": (p) => ({ type: `payout.${p.status}`, owner: p.creatorId, data: { ...p } }),
} satisfies Mapping;

/** Every event type a webhook can subscribe to (the test event is sent on request only). */
export const WEBHOOK_EVENT_TYPES = [
  "subscription.started",
  "subscription.renewed",
  "subscription.ended",
  "payment.completed",
  "payment.reversed",
  "message.received",
  "post.published",
  "comment.created",
  "live.started",
  "live.ended",
  "payout.approved",
  "payout.rejected",
  "payout.paid",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const TEST_EVENT = "webhook.test";
