// Messages: conversations between two people, direct messages (free or pay-per-view), read state, unsend,
// the welcome message a creator's new subscribers receive, and mass messages (mass.ts). Who may write to
// whom is decided here (mayWrite); what a viewer may see of a message (locked or not) is entitlement's
// one function; every message, read receipt and unlock reaches both people's /ws streams through
// realtime.pushTx in the same transaction, and `message.sent` tells the rest of the site.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { DAY } from "../../lib/clock.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { FansService } from "../fans/service.ts";
import type { EntitlementService, EntitlementViewer } from "../entitlement/service.ts";
import type { MediaService } from "../media/service.ts";
import type { MediaGate } from "../media/service.ts";
import type { PaymentsService, PayWith } from "../payments/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { RealtimeService, Push } from "../realtime/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import type { UserRow } from "../users/tables.ts";
import { createMessagesPrivacy } from "./privacy.ts";
import { messagesAnalyticsRepo, messagesRepo } from "./repo.ts";
import type { ConversationRow, MemberRow, MessageRow } from "./tables.ts";
import { messageView, type ConversationView } from "./views.ts";
import { createMassMessages } from "./mass.ts";
import { conversationsTx } from "./pairs.ts";
import type { JobQueue } from "../../jobs/queue.ts";

export interface MessageInput {
  text?: string | undefined;
  mediaIds?: string[] | undefined;
  priceCents?: number | undefined;
  clientId?: string | undefined;
}

/** What one copy of a message is, whoever sends it (a person, a mass message, a welcome). */
export interface Outgoing {
  sender: Pick<UserRow, "id" | "role">;
  recipient: Pick<UserRow, "id" | "role">;
  text: string;
  mediaIds: string[];
  priceCents: number;
  currency: string;
  clientId: string | null;
}

export type MessagesDeps = {
  users: Pick<
    UsersService,
    "byId" | "byUsername" | "lockTx" | "blockBetween" | "blockedAmong" | "rolesByIds" | "namesByIds"
  >;
  creators: Pick<CreatorsService, "byUserId" | "cards">;
  subscriptions: Pick<SubscriptionsService, "isSubscribed" | "byPair" | "audience" | "audienceCount">;
  fans: Pick<FansService, "assertOwnList" | "listAudience" | "listAudienceCount">;
  media: Pick<
    MediaService,
    "attachToMessages" | "attachableIds" | "forMessages" | "viewsOfIds" | "messageIdsOf"
  >;
  entitlement: Pick<EntitlementService, "access" | "mediaAccess" | "boughtMessages">;
  payments: Pick<PaymentsService, "purchase">;
  rateLimit: Pick<RateLimitService, "consumeTx">;
  realtime: Pick<RealtimeService, "pushTx" | "ephemeral">;
  jobs: Pick<JobQueue, "enqueue">;
  compliance: Pick<ComplianceService, "requireVerified">;
};

const UNSEND_WINDOW_MS = DAY;

/** Whether message `a` is `b` or comes after it in its conversation's order, (created_at, id). */
const atOrAfter = (a: Pick<MessageRow, "createdAt" | "id">, b: Pick<MessageRow, "createdAt" | "id">) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id >= b.id);

export function createMessagesService(ctx: AppContext, deps: MessagesDeps) {
  const { users, creators, subscriptions, media, entitlement, payments, rateLimit, realtime } = deps;
  const now = () => ctx.clock.now();

  /** Throws the refusal a sender should see, or returns when `sender` may write to `recipient`. */
  async function mayWrite(
    sender: Pick<UserRow, "id" | "role">,
    recipient: Pick<UserRow, "id" | "role">,
    db: DrizzleDb,
    existing: ConversationRow | undefined,
  ): Promise<void> {
    if (sender.id === recipient.id)
      throw new Invalid("You cannot write to yourself.", undefined, "self_message");
    const block = await users.blockBetween(sender.id, recipient.id, db);
    if (block === "you") throw new Forbidden("You blocked this person; unblock them to write.", "blocked");
    if (block === "them") throw new Forbidden("This person does not take your messages.", "blocked");
    if (sender.role === "admin") return;
    const profile = await creators.byUserId(recipient.id, db);
    const senderIsCreator = (await creators.byUserId(sender.id, db)) !== undefined;
    // Answers: to the site's staff once they wrote, and from a creator to whoever wrote to them.
    if (
      existing &&
      (recipient.role === "admin" || senderIsCreator) &&
      (await messagesRepo.hasWritten(db, existing.id, recipient.id))
    )
      return;
    if (
      profile &&
      (profile.dmPolicy === "everyone" || (await subscriptions.isSubscribed(sender.id, recipient.id)))
    )
      return;
    if (senderIsCreator && (await subscriptions.byPair(recipient.id, sender.id, db))) return;
    throw new Forbidden(
      profile
        ? "Subscribe to this creator to send them messages."
        : "You can write to creators you subscribe to; creators write to their fans.",
      "dm_not_allowed",
    );
  }

  const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

  const conversationTx = async (tx: DrizzleDb, a: string, b: string): Promise<ConversationRow> =>
    (await conversationsTx(tx, a, [b], now())).get(b)!;

  /** The conversation `viewerId` is in, or 404 (it does not exist for anyone else). */
  async function memberOf(db: DrizzleDb, viewerId: string, conversationId: string) {
    const member = await messagesRepo.member(db, conversationId, viewerId);
    if (!member) throw new NotFound("Conversation");
    return member;
  }

  /** Each message as `viewer` sees it: locked or not (entitlement), bought or not, its media. */
  async function present(
    viewer: EntitlementViewer,
    rows: MessageRow[],
    recipientOf: (m: MessageRow) => string,
  ) {
    if (rows.length === 0) return [];
    const access = await entitlement.access(
      viewer,
      rows.map((m) => ({
        kind: "message" as const,
        id: m.id,
        senderId: m.senderId,
        recipientId: recipientOf(m),
        priceCents: m.priceCents,
      })),
    );
    const priced = rows.filter((m) => m.priceCents > 0).map((m) => m.id);
    const bought = await entitlement.boughtMessages(priced);
    const locked = new Set(rows.filter((m) => !access.get(m.id)).map((m) => m.id));
    const mediaOf = await media.forMessages(
      rows.map((m) => m.id),
      locked,
    );
    return rows.map((m) =>
      messageView(m, viewer.id, {
        entitled: !locked.has(m.id),
        purchased: bought.has(m.id),
        media: mediaOf.get(m.id) ?? [],
      }),
    );
  }

  /**
   * Writes one copy of a message inside the caller's write: the row (once per clientId), its media, the
   * conversation's order and unread count, both people's real-time events and `message.sent`.
   * Returns the message and whether this call made it.
   */
  async function sendTx(
    tx: DrizzleDb,
    conv: ConversationRow,
    o: Outgoing,
  ): Promise<{ row: MessageRow; created: boolean }> {
    if (o.clientId) {
      const seen = await messagesRepo.byClientId(tx, o.sender.id, o.clientId);
      if (seen) return { row: seen, created: false };
    }
    const row: MessageRow = {
      id: newId(),
      conversationId: conv.id,
      senderId: o.sender.id,
      text: o.text,
      priceCents: o.priceCents,
      currency: o.currency,
      clientId: o.clientId,
      massMessageId: null,
      createdAt: await messagesRepo.stamp(tx, conv.id, now()),
      unsentAt: null,
    };
    if (!(await messagesRepo.insertMessage(tx, row)))
      return { row: (await messagesRepo.byClientId(tx, o.sender.id, o.clientId!))!, created: false };
    await media.attachToMessages(tx, o.sender.id, [row.id], o.mediaIds);
    await messagesRepo.touch(tx, row, o.recipient.id);
    const full = await media.viewsOfIds(o.mediaIds, "full");
    // A new priced message is bought by nobody yet: the recipient sees it locked (unless staff).
    const recipientEntitled = o.priceCents === 0 || o.recipient.role === "admin";
    const preview = recipientEntitled ? full : await media.viewsOfIds(o.mediaIds, "preview");
    // Both people's devices: the recipient's, and the sender's others.
    const pushes: Push[] = [
      {
        userId: o.recipient.id,
        type: "message",
        data: {
          message: messageView(row, o.recipient.id, {
            entitled: recipientEntitled,
            purchased: false,
            media: preview,
          }),
        },
      },
      {
        userId: o.sender.id,
        type: "message",
        data: { message: messageView(row, o.sender.id, { entitled: true, purchased: false, media: full }) },
      },
    ];
    await realtime.pushTx(tx, pushes);
    await ctx.events.publish(tx, "message.sent", {
      messageId: row.id,
      conversationId: conv.id,
      senderId: o.sender.id,
      recipientId: o.recipient.id,
      priceCents: o.priceCents,
      currency: o.currency,
      massMessageId: null,
    });
    return { row, created: true };
  }

  /** The currency and price rules of a message one person sends another. */
  async function priceOf(
    db: DrizzleDb,
    senderId: string,
    input: { priceCents?: number | undefined; mediaIds?: string[] | undefined },
  ): Promise<{ priceCents: number; currency: string }> {
    const priceCents = input.priceCents ?? 0;
    const profile = await creators.byUserId(senderId, db);
    if (priceCents > 0 && !profile) throw new Forbidden("Only creators sell messages.", "not_a_creator");
    if (priceCents > 0)
      await deps.compliance.requireVerified(
        { id: senderId, role: "creator" },
        "sell pay-per-view messages",
        db,
      );
    if (priceCents > 0 && (input.mediaIds?.length ?? 0) === 0)
      throw new Invalid(
        "A paid message needs photos or videos to unlock.",
        { fields: { priceCents: "Add media, or send it free" } },
        "ppv_needs_media",
      );
    return { priceCents, currency: profile?.currency ?? ctx.config.payments.currency };
  }

  const recipientIn = (conv: ConversationRow) => (m: MessageRow) =>
    m.senderId === conv.userA ? conv.userB : conv.userA;

  async function conversationViews(
    viewer: EntitlementViewer,
    members: MemberRow[],
  ): Promise<ConversationView[]> {
    if (members.length === 0) return [];
    const convs = await Promise.all(
      members.map((m) => messagesRepo.conversationById(ctx.db.read, m.conversationId)),
    );
    const lastIds = convs.flatMap((c) => (c?.lastMessageId ? [c.lastMessageId] : []));
    const lastRows = await messagesRepo.messagesByIds(ctx.db.read, lastIds);
    const byConv = new Map(convs.filter((c) => c !== undefined).map((c) => [c.id, c]));
    // One presentation for the whole page (one entitlement and one media lookup, not one per row).
    const shown = lastRows.filter((r) => r.unsentAt === null);
    const views = await present(viewer, shown, (m) => recipientIn(byConv.get(m.conversationId)!)(m));
    const lastViews = new Map(views.map((v) => [v.conversationId, v]));
    const cards = await creators.cards(members.map((m) => m.otherId));
    const theirs = await Promise.all(
      members.map((m) => messagesRepo.member(ctx.db.read, m.conversationId, m.otherId)),
    );
    return members.map((m, i) => {
      const other = theirs[i];
      return {
        id: m.conversationId,
        with: cards.get(m.otherId) ?? {
          id: m.otherId,
          username: "deleted",
          displayName: "Deleted account",
          avatarUrl: null,
          avatarSrcset: null,
          verified: false,
        },
        lastMessage: lastViews.get(m.conversationId) ?? null,
        unreadCount: m.unread,
        readUpTo:
          other?.lastReadMessageId && other.lastReadAt !== null
            ? { messageId: other.lastReadMessageId, at: other.lastReadAt }
            : null,
        updatedAt: m.activityAt,
      };
    });
  }

  const mass = createMassMessages(ctx, deps);

  // Reactions: a new subscriber gets the creator's welcome message; a bought message opens for its buyer.
  ctx.events.consume("messages", {
    "subscription.started": async (tx, e) => {
      const profile = await creators.byUserId(e.creatorId, tx);
      const welcome = profile?.welcomeMessage;
      if (!welcome) return;
      if (await users.blockBetween(e.creatorId, e.fanId, tx)) return;
      const roles = await users.rolesByIds([e.creatorId, e.fanId], tx);
      const mediaIds = await media.attachableIds(tx, e.creatorId, welcome.mediaIds);
      if (welcome.text === "" && mediaIds.length === 0) return;
      const conv = await conversationTx(tx, e.creatorId, e.fanId);
      // Once per fan, ever: a fan who subscribes again is not welcomed twice.
      await sendTx(tx, conv, {
        sender: { id: e.creatorId, role: roles.get(e.creatorId) ?? "creator" },
        recipient: { id: e.fanId, role: roles.get(e.fanId) ?? "fan" },
        text: welcome.text,
        mediaIds,
        priceCents: mediaIds.length > 0 ? welcome.priceCents : 0,
        currency: profile.currency,
        clientId: `welcome:${e.fanId}`,
      });
    },
    "payment.completed": async (tx, e) => {
      if (e.kind !== "message" || !e.messageId) return;
      const row = await messagesRepo.messageById(tx, e.messageId);
      if (!row) return;
      const conv = (await messagesRepo.conversationById(tx, row.conversationId))!;
      const roles = await users.rolesByIds([e.payerId, row.senderId], tx);
      // Both people's devices: the recipient's, and the sender's others.
      const pushes: Push[] = [];
      for (const userId of [e.payerId, row.senderId]) {
        const [message] = await present(
          { id: userId, role: roles.get(userId) ?? "fan" },
          [row],
          recipientIn(conv),
        );
        pushes.push({
          userId,
          type: "message.unlocked",
          data: { message: { ...message!, purchased: true } },
        });
      }
      await realtime.pushTx(tx, pushes);
    },
  });

  /** Who may see a message medium: the recipient of a message carrying it (entitled, or the preview). */
  /** Hides a message from both sides: the conversation's last message, the recipient's unread count, /ws. */
  async function takeBackTx(tx: DrizzleDb, row: MessageRow): Promise<void> {
    await messagesRepo.unsend(tx, row.id, now());
    const conv = (await messagesRepo.conversationById(tx, row.conversationId))!;
    const recipientId = recipientIn(conv)(row);
    if (conv.lastMessageId === row.id)
      await messagesRepo.setLastMessage(tx, conv.id, (await messagesRepo.latest(tx, conv.id))?.id ?? null);
    const theirs = (await messagesRepo.member(tx, conv.id, recipientId))!;
    const readUpTo = theirs.lastReadMessageId
      ? await messagesRepo.messageById(tx, theirs.lastReadMessageId)
      : undefined;
    const unread = await messagesRepo.unreadAfter(tx, conv.id, recipientId, readUpTo ?? null);
    await messagesRepo.setMember(tx, conv.id, recipientId, { unread });
    const data = { conversationId: conv.id, messageId: row.id };
    await realtime.pushTx(tx, [
      { userId: recipientId, type: "message.unsent", data: { ...data, unreadCount: unread } },
      { userId: row.senderId, type: "message.unsent", data },
    ]);
  }

  const mediaGate: MediaGate = async (viewer, m) => {
    if (!viewer) return "none";
    const rows = (await messagesRepo.messagesByIds(ctx.db.read, await media.messageIdsOf(m.id))).filter(
      (r) => r.unsentAt === null,
    );
    if (rows.length === 0) return "none";
    const convs = new Map<string, ConversationRow>();
    for (const r of rows)
      if (!convs.has(r.conversationId))
        convs.set(r.conversationId, (await messagesRepo.conversationById(ctx.db.read, r.conversationId))!);
    return entitlement.mediaAccess(
      viewer,
      m.ownerId,
      rows.map((r) => ({
        kind: "message" as const,
        id: r.id,
        senderId: r.senderId,
        recipientId: recipientIn(convs.get(r.conversationId)!)(r),
        priceCents: r.priceCents,
      })),
    );
  };

  return {
    ...createMessagesPrivacy(ctx, users),
    mediaGate,
    ...mass.api,
    massJobHandler: mass.jobHandler,
    /** Analytics: pay-per-view messages the creator sent since `since` (mass copies one each). */
    ppvSentSince: (creatorId: string, since: number) =>
      messagesAnalyticsRepo.ppvSentSince(ctx.db.read, creatorId, since),

    /** POST /conversations: the conversation with `username` (made if new: `created`). */
    async start(
      viewer: UserRow,
      username: string,
    ): Promise<{ conversation: ConversationView; created: boolean }> {
      const other = await users.byUsername(username);
      if (!other) throw new NotFound("User");
      const [a, b] = ordered(viewer.id, other.id);
      const existing = await messagesRepo.conversationByPair(ctx.db.read, a, b);
      await mayWrite(viewer, other, ctx.db.read, existing);
      const conv =
        existing ?? (await ctx.db.write((tx) => conversationTx(tx, viewer.id, other.id), ROW_LOCKED));
      const member = (await messagesRepo.member(ctx.db.read, conv.id, viewer.id))!;
      return { conversation: (await conversationViews(viewer, [member]))[0]!, created: !existing };
    },

    async list(viewer: EntitlementViewer, cursor: Cursor | null, limit: number) {
      const rows = await messagesRepo.membersOf(ctx.db.read, viewer.id, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.activityAt, id: r.conversationId }));
      return { items: await conversationViews(viewer, p.items), nextCursor: p.nextCursor };
    },

    async get(viewer: UserRow, conversationId: string) {
      const member = await memberOf(ctx.db.read, viewer.id, conversationId);
      const [conversation] = await conversationViews(viewer, [member]);
      const other = await users.byId(member.otherId);
      const conv = await messagesRepo.conversationById(ctx.db.read, conversationId);
      let canWrite: { ok: boolean; code: string | null; reason: string | null } = {
        ok: true,
        code: null,
        reason: null,
      };
      try {
        if (!other) throw new Forbidden("This account was deleted.", "dm_not_allowed");
        await mayWrite(viewer, other, ctx.db.read, conv);
      } catch (err) {
        if (!(err instanceof Forbidden)) throw err;
        canWrite = { ok: false, code: err.code, reason: err.message };
      }
      return { conversation: { ...conversation!, canWrite } };
    },

    unreadTotal: (userId: string) => messagesRepo.unreadTotal(ctx.db.read, userId),

    async messages(viewer: EntitlementViewer, conversationId: string, cursor: Cursor | null, limit: number) {
      await memberOf(ctx.db.read, viewer.id, conversationId);
      const conv = (await messagesRepo.conversationById(ctx.db.read, conversationId))!;
      const rows = await messagesRepo.page(ctx.db.read, conversationId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(viewer, p.items, recipientIn(conv)), nextCursor: p.nextCursor };
    },

    /** POST /conversations/:id/messages; `created` false for a retry with a clientId seen before. */
    async send(viewer: UserRow, conversationId: string, input: MessageInput) {
      const text = input.text ?? "";
      const mediaIds = input.mediaIds ?? [];
      if (text === "" && mediaIds.length === 0)
        throw new Invalid("Write something or add media.", { fields: { text: "Empty message" } });
      const member = await memberOf(ctx.db.read, viewer.id, conversationId);
      if (input.clientId) {
        const seen = await messagesRepo.byClientId(ctx.db.read, viewer.id, input.clientId);
        if (seen && seen.conversationId !== conversationId)
          throw new Conflict(
            "This clientId was used for a message in another conversation.",
            "client_id_reused",
          );
        if (seen)
          return { message: (await present(viewer, [seen], () => member.otherId))[0]!, created: false };
      }
      const other = await users.byId(member.otherId);
      if (!other) throw new Forbidden("This account was deleted.", "dm_not_allowed");
      const { row, created } = await ctx.db.write(async (tx) => {
        await users.lockTx(tx, [viewer.id]);
        const conv = (await messagesRepo.conversationById(tx, conversationId))!;
        await mayWrite(viewer, other, tx, conv);
        const price = await priceOf(tx, viewer.id, input);
        await rateLimit.consumeTx(
          tx,
          [[`dm:${viewer.id}`, { max: ctx.config.messages.per_minute, windowMs: 60_000 }]],
          "You are sending messages too fast. Wait a minute and try again.",
        );
        return sendTx(tx, conv, {
          sender: viewer,
          recipient: other,
          text,
          mediaIds,
          ...price,
          clientId: input.clientId ?? null,
        });
      }, ROW_LOCKED);
      return { message: (await present(viewer, [row], () => other.id))[0]!, created };
    },

    /** POST /conversations/:id/read: the reader's place moves up to `messageId` (never back). */
    async markRead(viewer: EntitlementViewer, conversationId: string, messageId: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        const member = await memberOf(tx, viewer.id, conversationId);
        const message = await messagesRepo.messageById(tx, messageId);
        if (!message || message.conversationId !== conversationId) throw new NotFound("Message");
        if (member.lastReadMessageId) {
          const current = await messagesRepo.messageById(tx, member.lastReadMessageId);
          if (current && atOrAfter(current, message)) return;
        }
        const at = now();
        const unread = await messagesRepo.unreadAfter(tx, conversationId, viewer.id, message);
        await messagesRepo.setMember(tx, conversationId, viewer.id, {
          lastReadMessageId: message.id,
          lastReadAt: at,
          unread,
        });
        const data = {
          conversationId,
          userId: viewer.id,
          messageId: message.id,
          readAt: at,
          unreadCount: unread,
        };
        await realtime.pushTx(tx, [
          { userId: member.otherId, type: "read", data },
          { userId: viewer.id, type: "read", data },
        ]);
      }, ROW_LOCKED);
    },

    /** Whether `userId` has read `conversationId` up to `messageId` or later (mails for unread messages). */
    async hasReadUpTo(userId: string, conversationId: string, messageId: string): Promise<boolean> {
      const member = await messagesRepo.member(ctx.db.read, conversationId, userId);
      if (!member?.lastReadMessageId) return false;
      const [read, target] = await Promise.all([
        messagesRepo.messageById(ctx.db.read, member.lastReadMessageId),
        messagesRepo.messageById(ctx.db.read, messageId),
      ]);
      return read !== undefined && target !== undefined && atOrAfter(read, target);
    },

    /** DELETE /messages/:id: the sender takes it back within a day, unless it was bought. */
    async unsend(viewer: EntitlementViewer, messageId: string): Promise<void> {
      await ctx.db.write(async (tx) => {
        const row = await messagesRepo.messageById(tx, messageId);
        if (!row || row.unsentAt !== null || row.senderId !== viewer.id) throw new NotFound("Message");
        if (now() - row.createdAt > UNSEND_WINDOW_MS)
          throw new Conflict("Messages can be unsent within 24 hours only.", "unsend_window_passed");
        if ((await entitlement.boughtMessages([row.id], tx)).size > 0)
          throw new Conflict("This message was bought; it can no longer be unsent.", "message_bought");
        await takeBackTx(tx, row);
      }, ROW_LOCKED);
    },

    /**
     * Moderation, inside the caller's write: the message disappears from both sides (bought or not, at any
     * age). False when it is already gone.
     */
    async removeTx(tx: DrizzleDb, messageId: string): Promise<boolean> {
      const row = await messagesRepo.messageById(tx, messageId);
      if (!row || row.unsentAt !== null) return false;
      await takeBackTx(tx, row);
      return true;
    },

    /**
     * What a report needs of a message the reporter can see (they are in its conversation): its sender
     * and text. Null when there is no such message for them.
     */
    async forReport(viewerId: string, messageId: string) {
      const row = await messagesRepo.messageById(ctx.db.read, messageId);
      if (!row || row.unsentAt !== null) return null;
      const conv = await messagesRepo.conversationById(ctx.db.read, row.conversationId);
      if (!conv || (conv.userA !== viewerId && conv.userB !== viewerId)) return null;
      return { id: row.id, senderId: row.senderId, text: row.text, conversationId: conv.id };
    },

    /** POST /messages/:id/unlock: the recipient buys a pay-per-view message (wallet now, or by card). */
    async unlock(viewer: UserRow, messageId: string, payWith: PayWith) {
      const row = await messagesRepo.messageById(ctx.db.read, messageId);
      const conv = row && (await messagesRepo.conversationById(ctx.db.read, row.conversationId));
      if (!row || !conv || row.unsentAt !== null || (conv.userA !== viewer.id && conv.userB !== viewer.id))
        throw new NotFound("Message");
      if (row.senderId === viewer.id)
        throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
      if (row.priceCents === 0) throw new Invalid("This message is free.", undefined, "not_ppv");
      const [view] = await present(viewer, [row], recipientIn(conv));
      if (!view!.locked) throw new Conflict("You already unlocked this message.", "already_owned");
      const sender = await creators.cards([row.senderId]);
      return payments.purchase(
        {
          purpose: "message",
          payerId: viewer.id,
          amountCents: row.priceCents,
          currency: row.currency,
          details: { creatorId: row.senderId, messageId: row.id },
        },
        payWith,
        `Unlock a message from @${sender.get(row.senderId)?.username ?? "a creator"}`,
        async () => (await present(viewer, [row], recipientIn(conv)))[0]!,
      );
    },

    /** Typing in a conversation: the other person's sockets hear of it (not stored). */
    async typing(viewerId: string, conversationId: string): Promise<void> {
      const member = await messagesRepo.member(ctx.db.read, conversationId, viewerId);
      if (!member) return;
      realtime.ephemeral([member.otherId], { type: "typing", conversationId, userId: viewerId });
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
