// Entitlement: THE answer to "may this viewer see this content?" Posts, the feed, media delivery, and
// later messages and live all ask here, so the rule lives in one place:
//   owner or admin -> yes; public -> yes; subscribers -> live subscription; ppv -> bought (unlock row).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { Role } from "../users/tables.ts";
import type { Visibility } from "../posts/tables.ts";
import type { MediaPurpose } from "../media/tables.ts";
import { unlocksRepo } from "./repo.ts";

export interface EntitlementViewer {
  id: string;
  role: Role;
}

export interface GatedContent {
  id: string;
  creatorId: string;
  visibility: Visibility;
}

export function createEntitlementService(ctx: AppContext) {
  /** For each item, whether the viewer may see its content. One query per kind of grant, whatever the count. */
  /**
   * `known.subscribedCreatorIds`: the viewer's live subscriptions when the caller already looked them up
   * in this request (the feed), so they are not read twice.
   */
  function access(
    viewer: EntitlementViewer | null,
    items: GatedContent[],
    known?: { subscribedCreatorIds: ReadonlySet<string> },
  ): Map<string, boolean> {
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
        new Set(needSub.size ? ctx.services.subscriptions.entitledCreatorIds(viewer.id, [...needSub]) : []);
      const unlocked = unlocksRepo.unlockedAmong(ctx.db.read, viewer.id, needUnlock);
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
  function mediaAccess(
    viewer: EntitlementViewer | null,
    ownerId: string,
    posts: GatedContent[],
    purpose: MediaPurpose = "post",
  ): "full" | "preview" | "none" {
    if (purpose !== "post") return "full";
    if (viewer && (viewer.id === ownerId || viewer.role === "admin")) return "full";
    if (posts.length === 0) return "none";
    const granted = access(viewer, posts);
    return posts.some((p) => granted.get(p.id)) ? "full" : "preview";
  }

  return {
    access,
    mediaAccess,
    canView: (viewer: EntitlementViewer | null, item: GatedContent): boolean =>
      access(viewer, [item]).get(item.id)!,
    isSubscribed: (fanId: string, creatorId: string): boolean =>
      ctx.services.subscriptions.entitledCreatorIds(fanId, [creatorId]).length > 0,
    /** Records a bought PPV post inside the payer's transaction; false if it was already owned. */
    grantPostUnlock: (tx: DrizzleDb, userId: string, postId: string): boolean =>
      unlocksRepo.insert(tx, userId, postId, ctx.clock.now()),
    hasUnlocked: (db: DrizzleDb, userId: string, postId: string): boolean =>
      unlocksRepo.unlockedAmong(db, userId, [postId]).size > 0,
    /** Takes a PPV unlock back (refund / chargeback). */
    revokePostUnlock: (tx: DrizzleDb, userId: string, postId: string): void =>
      unlocksRepo.remove(tx, userId, postId),
  };
}

export type EntitlementService = ReturnType<typeof createEntitlementService>;
