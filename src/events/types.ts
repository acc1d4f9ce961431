// The domain events: name -> payload. Payloads carry ids and the few facts a consumer needs to act
// without reading the publisher's tables; they stay small (a cross-node relay sends only the seq).
// This file imports nothing of the modules, so every module can publish and consume.

export interface DomainEvents {
  /** A sale or top-up was paid (wallet, card checkout); not renewals. */
  "payment.completed": {
    txnId: string;
    kind: "topup" | "subscription" | "ppv" | "message" | "tip" | "ticket";
    payerId: string;
    creatorId: string | null;
    amountCents: number;
    currency: string;
    postId: string | null;
    /** The pay-per-view message bought (kind `message`). */
    messageId: string | null;
    /** The live stream a ticket admits to, or a tip was given during. */
    liveStreamId: string | null;
    subscriptionId: string | null;
    message: string | null;
  };
  /** A card checkout paid for something already owned: the money went to the payer's wallet. */
  "checkout.credited": { checkoutId: string; userId: string };
  /** A payment was taken back, in full or in part (admin refund, provider refund, chargeback). */
  "payment.reversed": {
    txnId: string;
    reversalTxnId: string;
    reversal: "refund" | "chargeback";
    kind: string;
    userId: string | null;
    creatorId: string | null;
    postId: string | null;
    messageId: string | null;
    liveStreamId: string | null;
    subscriptionId: string | null;
    amountCents: number;
    paidCents: number;
    currency: string;
    /** Only part of the payment (a top-up refunded in parts); sales are reversed whole. */
    partial: boolean;
  };
  /** A chargeback was undone (the site won the dispute): the payment stands again, with what it bought. */
  "payment.restored": {
    txnId: string;
    restoringTxnId: string;
    kind: string;
    userId: string | null;
    creatorId: string | null;
    postId: string | null;
    messageId: string | null;
    liveStreamId: string | null;
    subscriptionId: string | null;
    amountCents: number;
    currency: string;
  };
  "subscription.started": {
    subscriptionId: string;
    fanId: string;
    creatorId: string;
    priceCents: number;
    currency: string;
    trial: boolean;
  };
  /** A new period began and was paid; `priceCents` is what a period costs (what the renewal charged). */
  "subscription.renewed": {
    subscriptionId: string;
    fanId: string;
    creatorId: string;
    txnId: string | null;
    priceCents: number;
    currency: string;
  };
  "subscription.ended": {
    subscriptionId: string;
    fanId: string;
    creatorId: string;
    reason: "renewal_unpaid" | "revoked";
  };
  /** A provider could not charge a card renewal; access lasts until the period ends. */
  "subscription.renewal_failed": { subscriptionId: string; fanId: string; creatorId: string };
  "post.published": { postId: string; creatorId: string };
  "post.liked": { postId: string; creatorId: string; userId: string };
  "comment.created": { commentId: string; postId: string; creatorId: string; userId: string };
  /** A direct message (also one copy of a mass or welcome message) reached its recipient. */
  "message.sent": {
    messageId: string;
    conversationId: string;
    senderId: string;
    recipientId: string;
    priceCents: number;
    currency: string;
    massMessageId: string | null;
  };
  /** A creator went live (not when a dropped publisher reconnects to the same stream). */
  "live.started": { streamId: string; creatorId: string };
  "live.ended": { streamId: string; creatorId: string };
  /**
   * A person erased their account (GDPR): their content is gone and the account is a pseudonym. Records the
   * law makes the site keep (KYC, 2257: the compliance module) stay for their retention period; a module
   * holding other personal data of the person removes it here.
   */
  "user.erased": { userId: string; erasedAt: number };
  "media.ready": { mediaId: string; ownerId: string; purpose: "post" | "avatar" | "banner" };
  "payout.decided": {
    payoutId: string;
    creatorId: string;
    status: "approved" | "rejected" | "paid";
    amountCents: number;
    currency: string;
    note: string | null;
    reference: string | null;
  };
}

export type EventName = keyof DomainEvents;

export interface DomainEvent<N extends EventName = EventName> {
  seq: number;
  name: N;
  payload: DomainEvents[N];
  createdAt: number;
}
