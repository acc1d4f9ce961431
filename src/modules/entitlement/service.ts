// Entitlement: THE answer to "may this viewer see this content?" Posts, the feed, media delivery,
// messages, and later live all ask here, so the rule lives in one place:
//   posts: owner or admin -> yes; public -> yes; subscribers -> live subscription; ppv -> bought (unlock row).
//   messages: sender or admin -> yes; anyone but the recipient -> no; free -> yes; priced -> bought.
//   live streams: owner or admin -> yes; public -> yes; subscribers -> live subscription; ticket -> bought.
// And before any of that, geo-blocking (`geo*`): a creator's blocked countries keep viewers there from the
// creator's page, posts, media and streams (451 `geo_blocked`) and out of every list of creators or their
// content; the creator and admins are never blocked, and an unknown country is not blocked.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { EntitlementViewer } from "../users/service.ts";
import type { Visibility } from "../posts/tables.ts";
import type { MediaPurpose } from "../media/tables.ts";
import { Conflict } from "../../lib/errors.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { UnlockSeller } from "../payments/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { LiveAccess } from "../live/tables.ts";
import { configuredCache } from "../../lib/cache.ts";
import { messageUnlocksRepo, ticketsRepo, unlocksRepo } from "./repo.ts";

export type { EntitlementViewer };

export interface GatedPost {
  kind?: "post";
  id: string;
  creatorId: string;
  visibility: Visibility;
}

export interface GatedMessage {
  kind: "message";
  id: string;
  senderId: string;
  recipientId: string;
  priceCents: number;
}

export interface GatedStream {
  kind: "stream";
  id: string;
  creatorId: string;
  access: LiveAccess;
}

export type GatedContent = GatedPost | GatedMessage | GatedStream;

export function createEntitlementService(
  ctx: AppContext,
  deps: {
    subscriptions: Pick<SubscriptionsService, "entitledCreatorIds">;
    creators: Pick<CreatorsService, "geoBlockedAmong" | "assertGeoAllowed" | "geoHidden">;
  },
) {
  const { subscriptions, creators } = deps;

  // Whether a person unlocked a PPV post, per `${userId}:${postId}` (a feed page asks for its PPV posts on
  // every read). Every write to post_unlocks goes through `unlocks` below, which forgets the entry when the
  // transaction ends.
  const unlockedCache = configuredCache<boolean>(ctx, "entitlement.unlocks", 200_000);
  const unlockKey = (userId: string, postId: string) => `${userId}:${postId}`;
  const unlocks = {
    async among(userId: string, postIds: string[]): Promise<Set<string>> {
      const got = await unlockedCache.getMany(
        postIds.map((id) => unlockKey(userId, id)),
        async (missing) => {
          const ids = missing.map((k) => k.slice(userId.length + 1));
          const found = await unlocksRepo.unlockedAmong(ctx.db.read, userId, ids);
          return ids.map((id) => [unlockKey(userId, id), found.has(id)] as const);
        },
      );
      return new Set(postIds.filter((id) => got.get(unlockKey(userId, id))));
    },
    insert(tx: DrizzleDb, userId: string, postId: string, at: number): Promise<boolean> {
      ctx.db.onTxEnd(tx, () => unlockedCache.delete(unlockKey(userId, postId)));
      return unlocksRepo.insert(tx, userId, postId, at);
    },
    remove(tx: DrizzleDb, userId: string, postId: string): Promise<void> {
      ctx.db.onTxEnd(tx, () => unlockedCache.delete(unlockKey(userId, postId)));
      return unlocksRepo.remove(tx, userId, postId);
    },
  };

  // Geo-blocking's rule lives with the blocked countries (creators); it is passed on from here too.
  const { geoBlockedAmong, assertGeoAllowed, geoHidden } = creators;

  /** For each item, whether the viewer may see its content. One query per kind of grant, whatever the count. */
  /**
   * `known.subscribedCreatorIds`: the viewer's live subscriptions when the caller already looked them up
   * in this request (the feed), so they are not read twice.
   */
  async function access(
    viewer: EntitlementViewer | null,
    items: GatedContent[],
    known?: { subscribedCreatorIds: ReadonlySet<string> },
  ): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    const needSub = new Set<string>();
    const needUnlock: string[] = [];
    const needMessage: string[] = [];
    const needTicket: string[] = [];
    for (const item of items) {
      if (item.kind === "stream") {
        if (item.access === "public" || (viewer && (viewer.id === item.creatorId || viewer.role === "admin")))
          out.set(item.id, true);
        else if (!viewer) out.set(item.id, false);
        else if (item.access === "subscribers") needSub.add(item.creatorId);
        else needTicket.push(item.id);
      } else if (item.kind === "message") {
        if (viewer && (viewer.id === item.senderId || viewer.role === "admin")) out.set(item.id, true);
        else if (!viewer || viewer.id !== item.recipientId) out.set(item.id, false);
        else if (item.priceCents === 0) out.set(item.id, true);
        else needMessage.push(item.id);
      } else if (
        item.visibility === "public" ||
        (viewer && (viewer.id === item.creatorId || viewer.role === "admin"))
      ) {
        out.set(item.id, true);
      } else if (!viewer) {
        out.set(item.id, false);
      } else if (item.visibility === "subscribers") {
        needSub.add(item.creatorId);
      } else {
        needUnlock.push(item.id);
      }
    }
    if (viewer && needMessage.length > 0) {
      const bought = await messageUnlocksRepo.among(ctx.db.read, viewer.id, needMessage);
      for (const id of needMessage) out.set(id, bought.has(id));
    }
    if (viewer && needTicket.length > 0) {
      const held = await ticketsRepo.among(ctx.db.read, viewer.id, needTicket);
      for (const id of needTicket) out.set(id, held.has(id));
    }
    if (viewer && (needSub.size > 0 || needUnlock.length > 0)) {
      const subscribed =
        known?.subscribedCreatorIds ??
        new Set(needSub.size ? await subscriptions.entitledCreatorIds(viewer.id, [...needSub]) : []);
      const unlocked = await unlocks.among(viewer.id, needUnlock);
      for (const item of items) {
        if (out.has(item.id) || item.kind === "message") continue;
        if (item.kind === "stream") out.set(item.id, subscribed.has(item.creatorId));
        else
          out.set(
            item.id,
            item.visibility === "subscribers" ? subscribed.has(item.creatorId) : unlocked.has(item.id),
          );
      }
    }
    return out;
  }

  /**
   * A medium: its owner and admins see it all; anyone else sees it all when entitled to ANY live post
   * or message carrying it, and its blurred preview when at least one such carrier exists (the locked
   * card shows it).
   * A creator's avatar and banner are public: everyone, logged out too, sees them.
   */
  async function mediaAccess(
    viewer: EntitlementViewer | null,
    ownerId: string,
    carriers: GatedContent[],
    purpose: MediaPurpose = "post",
  ): Promise<"full" | "preview" | "none"> {
    if (purpose !== "post") return "full";
    if (viewer && (viewer.id === ownerId || viewer.role === "admin")) return "full";
    // A message's medium is nobody's business but its two people's, not even as a preview.
    const visible = carriers.filter(
      (c) => c.kind !== "message" || (viewer !== null && viewer.id === c.recipientId),
    );
    if (visible.length === 0) return "none";
    const granted = await access(viewer, visible);
    return visible.some((p) => granted.get(p.id)) ? "full" : "preview";
  }

  const hasUnlocked = async (db: DrizzleDb, userId: string, postId: string): Promise<boolean> =>
    (await unlocksRepo.unlockedAmong(db, userId, [postId])).size > 0;

  /** What payments asks of entitlement inside a PPV purchase's transaction. */
  const ppvSeller: UnlockSeller = {
    async checkTx(tx, fanId, postId) {
      if (await hasUnlocked(tx, fanId, postId))
        throw new Conflict("You already unlocked this post.", "already_owned");
    },
    grantTx: async (tx, fanId, postId) => {
      await unlocks.insert(tx, fanId, postId, ctx.clock.now());
    },
  };

  /** What payments asks of entitlement inside a PPV message purchase's transaction. */
  const messageSeller: UnlockSeller = {
    async checkTx(tx, fanId, messageId) {
      if ((await messageUnlocksRepo.among(tx, fanId, [messageId])).size > 0)
        throw new Conflict("You already unlocked this message.", "already_owned");
    },
    grantTx: (tx, fanId, messageId) => messageUnlocksRepo.insert(tx, fanId, messageId, ctx.clock.now()),
  };

  /** What payments asks of entitlement inside a live stream ticket's transaction. */
  const ticketSeller: UnlockSeller = {
    async checkTx(tx, fanId, streamId) {
      if ((await ticketsRepo.among(tx, fanId, [streamId])).size > 0)
        throw new Conflict("You already have a ticket to this stream.", "already_owned");
    },
    grantTx: (tx, fanId, streamId) => ticketsRepo.insert(tx, fanId, streamId, ctx.clock.now()),
  };

  // A refunded or charged-back unlock is taken back...
  ctx.events.consume("entitlement", {
    "payment.reversed": async (tx, e) => {
      if (e.kind === "ppv" && e.userId && e.postId) await unlocks.remove(tx, e.userId, e.postId);
      if (e.kind === "message" && e.userId && e.messageId)
        await messageUnlocksRepo.remove(tx, e.userId, e.messageId);
      if (e.kind === "ticket" && e.userId && e.liveStreamId)
        await ticketsRepo.remove(tx, e.userId, e.liveStreamId);
    },
    // A chargeback undone (a dispute won) gives the unlock back.
    "payment.restored": async (tx, e) => {
      const at = ctx.clock.now();
      if (e.kind === "ppv" && e.userId && e.postId) await unlocks.insert(tx, e.userId, e.postId, at);
      if (e.kind === "message" && e.userId && e.messageId)
        await messageUnlocksRepo.insert(tx, e.userId, e.messageId, at);
      if (e.kind === "ticket" && e.userId && e.liveStreamId)
        await ticketsRepo.insert(tx, e.userId, e.liveStreamId, at);
    },
  });

  return {
    geoBlockedAmong,
    assertGeoAllowed,
    geoHidden,
    ppvSeller,
    messageSeller,
    ticketSeller,
    /** Whether anyone holds a ticket to this stream (it may not be deleted then). */
    ticketsSold: (streamId: string, db: DrizzleDb = ctx.db.read) => ticketsRepo.anySold(db, streamId),
    /** Which of these messages someone bought (a sender may not unsend those). */
    boughtMessages: (messageIds: string[], db: DrizzleDb = ctx.db.read) =>
      messageUnlocksRepo.bought(db, messageIds),
    access,
    mediaAccess,
    canView: async (viewer: EntitlementViewer | null, item: GatedContent): Promise<boolean> =>
      (await access(viewer, [item])).get(item.id)!,
    /** Records an unlock outside a purchase (demo data). */
    grantPostUnlock: (tx: DrizzleDb, userId: string, postId: string): Promise<boolean> =>
      unlocks.insert(tx, userId, postId, ctx.clock.now()),
  };
}

export type EntitlementService = ReturnType<typeof createEntitlementService>;
