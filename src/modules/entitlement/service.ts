// Entitlement: THE answer to "may this viewer see this content?" Posts, the feed, media delivery, and
// later messages and live all ask here, so the rule lives in one place:
//   owner or admin -> yes; public -> yes; subscribers -> live subscription; ppv -> bought (unlock row).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { EntitlementViewer } from "../users/service.ts";
import type { Visibility } from "../posts/tables.ts";
import type { MediaPurpose } from "../media/tables.ts";
import { Conflict } from "../../lib/errors.ts";
import type { UnlockSeller } from "../payments/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import { unlocksRepo } from "./repo.ts";

export type { EntitlementViewer };

export interface GatedContent {
  id: string;
  creatorId: string;
  visibility: Visibility;
}

export function createEntitlementService(
  ctx: AppContext,
  deps: { subscriptions: Pick<SubscriptionsService, "entitledCreatorIds"> },
) {
  const { subscriptions } = deps;
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
    for (const item of items) {
      if (
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
    if (viewer && (needSub.size > 0 || needUnlock.length > 0)) {
      const subscribed =
        known?.subscribedCreatorIds ??
        new Set(needSub.size ? await subscriptions.entitledCreatorIds(viewer.id, [...needSub]) : []);
      const unlocked = await unlocksRepo.unlockedAmong(ctx.db.read, viewer.id, needUnlock);
      for (const item of items) {
        if (out.has(item.id)) continue;
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
   * carrying it, and its blurred preview when at least one such post exists (the locked card shows it).
   * A creator's avatar and banner are public: everyone, logged out too, sees them.
   */
  async function mediaAccess(
    viewer: EntitlementViewer | null,
    ownerId: string,
    posts: GatedContent[],
    purpose: MediaPurpose = "post",
  ): Promise<"full" | "preview" | "none"> {
    if (purpose !== "post") return "full";
    if (viewer && (viewer.id === ownerId || viewer.role === "admin")) return "full";
    if (posts.length === 0) return "none";
    const granted = await access(viewer, posts);
    return posts.some((p) => granted.get(p.id)) ? "full" : "preview";
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
      await unlocksRepo.insert(tx, fanId, postId, ctx.clock.now());
    },
  };

  // A refunded or charged-back unlock is taken back.
  ctx.events.consume("entitlement", {
    "payment.reversed": async (tx, e) => {
      if (e.kind === "ppv" && e.userId && e.postId) await unlocksRepo.remove(tx, e.userId, e.postId);
    },
  });

  return {
    ppvSeller,
    access,
    mediaAccess,
    canView: async (viewer: EntitlementViewer | null, item: GatedContent): Promise<boolean> =>
      (await access(viewer, [item])).get(item.id)!,
    /** Records an unlock outside a purchase (demo data). */
    grantPostUnlock: (tx: DrizzleDb, userId: string, postId: string): Promise<boolean> =>
      unlocksRepo.insert(tx, userId, postId, ctx.clock.now()),
  };
}

export type EntitlementService = ReturnType<typeof createEntitlementService>;
