// Moderation: people report posts, comments, messages, people and live streams; admins work the queue.
// A report copies what the target said and who made it (the evidence stays when the content goes). The
// target must exist and be visible to the reporter, else 404, so a report cannot probe for hidden things.
// Resolving removes content through its owner's service (posts, messages, live) in the resolution's
// transaction and tells the people involved; a ban is the admin console's (it calls resolveTx and bans
// in the same write).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { HOUR } from "../../lib/clock.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { newId } from "../../lib/ids.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { EntitlementViewer } from "../entitlement/service.ts";
import type { LiveService } from "../live/service.ts";
import type { MessagesService } from "../messages/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { UsersService } from "../users/service.ts";
import { reportsRepo } from "./repo.ts";
import type { ReportAction, ReportReason, ReportRow, ReportTarget } from "./tables.ts";

/** Reports one person may make in an hour: plenty for real use, too few to flood the queue. */
export const REPORTS_PER_HOUR = 10;
const PREVIEW_MAX = 1000;

export interface ReportInput {
  target: { type: ReportTarget; id: string };
  reason: ReportReason;
  details?: string | undefined;
}

const TARGET_WORDS: Record<ReportTarget, string> = {
  post: "post",
  comment: "comment",
  message: "message",
  user: "profile",
  stream: "live stream",
};

export function createModerationService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byId">;
    creators: Pick<CreatorsService, "cards">;
    posts: Pick<PostsService, "postForReport" | "commentForReport" | "removePostTx" | "removeCommentTx">;
    messages: Pick<MessagesService, "forReport" | "removeTx">;
    live: Pick<LiveService, "get" | "stream">;
    notifications: Pick<NotificationsService, "notifyTx">;
    rateLimit: Pick<RateLimitService, "consume">;
  },
) {
  const { users, creators, posts, messages, live, notifications, rateLimit } = deps;
  const now = () => ctx.clock.now();

  /** The reported thing as the reporter may see it: its author, its words, where it lives; null if none. */
  async function resolveTarget(
    viewer: EntitlementViewer,
    t: ReportInput["target"],
  ): Promise<{ authorId: string; preview: string; link: string | null } | null> {
    switch (t.type) {
      case "post": {
        const p = await posts.postForReport(viewer, t.id);
        return p && { authorId: p.authorId, preview: p.text, link: `/posts/${p.id}` };
      }
      case "comment": {
        const c = await posts.commentForReport(viewer, t.id);
        return c && { authorId: c.authorId, preview: c.text, link: `/posts/${c.postId}` };
      }
      case "message": {
        const m = await messages.forReport(viewer.id, t.id);
        return m && { authorId: m.senderId, preview: m.text, link: null };
      }
      case "user": {
        const u = await users.byId(t.id);
        if (!u || u.status === "deleted") return null;
        return { authorId: u.id, preview: `${u.displayName} (@${u.username})`, link: `/${u.username}` };
      }
      case "stream": {
        const s = await live.get(viewer, t.id).catch(() => null);
        const row = s && (await live.stream(t.id));
        return row ? { authorId: row.creatorId, preview: row.title, link: `/live/${row.id}` } : null;
      }
    }
  }

  async function present(rows: ReportRow[]) {
    const people = await creators.cards([
      ...new Set(
        rows.flatMap((r) => [r.reporterId, r.targetAuthorId, ...(r.resolvedBy ? [r.resolvedBy] : [])]),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      target: { type: r.targetType, id: r.targetId },
      reason: r.reason,
      details: r.details,
      status: r.status,
      createdAt: r.createdAt,
      reporter: people.get(r.reporterId) ?? null,
      preview: { text: r.preview, author: people.get(r.targetAuthorId) ?? null, link: r.link },
      resolution:
        r.status === "resolved"
          ? {
              action: r.action!,
              note: r.note,
              by: r.resolvedBy ? (people.get(r.resolvedBy) ?? null) : null,
              at: r.resolvedAt!,
            }
          : null,
    }));
  }

  /** Removes the reported content through its owner (a stream is ended before the write: see admin). */
  async function removeTx(tx: DrizzleDb, r: ReportRow): Promise<boolean> {
    switch (r.targetType) {
      case "post":
        return posts.removePostTx(tx, r.targetId);
      case "comment":
        return posts.removeCommentTx(tx, r.targetId);
      case "message":
        return messages.removeTx(tx, r.targetId);
      case "stream":
      case "user":
        return false;
    }
  }

  return {
    /** POST /reports. */
    async report(viewer: EntitlementViewer, input: ReportInput) {
      await rateLimit.consume(
        [[`report:${viewer.id}`, { max: REPORTS_PER_HOUR, windowMs: HOUR }]],
        "You have sent many reports in a short time. Try again later.",
      );
      const target = await resolveTarget(viewer, input.target);
      if (!target) throw new NotFound(TARGET_WORDS[input.target.type].replace(/^./, (c) => c.toUpperCase()));
      if (target.authorId === viewer.id)
        throw new Invalid("You cannot report your own content.", undefined, "self_report");
      const row: ReportRow = {
        id: newId(),
        reporterId: viewer.id,
        targetType: input.target.type,
        targetId: input.target.id,
        targetAuthorId: target.authorId,
        preview: target.preview.slice(0, PREVIEW_MAX),
        link: target.link,
        reason: input.reason,
        details: input.details?.trim() ?? "",
        status: "open",
        action: null,
        note: null,
        resolvedBy: null,
        resolvedAt: null,
        createdAt: now(),
      };
      await ctx.db.write(async (tx) => {
        if (await reportsRepo.openOf(tx, viewer.id, row.targetType, row.targetId))
          throw new Conflict(
            `You already reported this ${TARGET_WORDS[row.targetType]}; moderators will look at it.`,
            "already_reported",
          );
        await reportsRepo.insert(tx, row);
      });
      return (await present([row]))[0]!;
    },

    async list(status: "open" | "resolved", cursor: Cursor | null, limit: number) {
      const rows = await reportsRepo.page(ctx.db.read, status, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    byId: async (id: string) => {
      const r = await reportsRepo.byId(ctx.db.read, id);
      if (!r) throw new NotFound("Report");
      return r;
    },
    present: async (r: ReportRow) => (await present([r]))[0]!,

    /** Open reports about things this person made (the admin's view of a person). */
    openAgainst: (userId: string) => reportsRepo.openAgainst(ctx.db.read, userId),

    /**
     * Inside the resolution's write: closes the report (409 when someone resolved it meanwhile), removes
     * the content for `remove_content`, tells the reporter it was handled and the author of a removal.
     * Returns whether content was removed.
     */
    async resolveTx(
      tx: DrizzleDb,
      r: ReportRow,
      res: { action: ReportAction; note: string | null; by: string },
    ): Promise<{ removed: boolean }> {
      const at = now();
      if (
        !(await reportsRepo.resolve(tx, r.id, {
          action: res.action,
          note: res.note,
          resolvedBy: res.by,
          resolvedAt: at,
        }))
      )
        throw new Conflict("This report was already resolved.", "already_resolved");
      const removed = res.action === "remove_content" ? await removeTx(tx, r) : false;
      const what = TARGET_WORDS[r.targetType];
      const outcome =
        res.action === "dismiss"
          ? "no rule was broken, so it stays up"
          : res.action === "remove_content"
            ? `the ${what} was removed`
            : "the account was banned";
      await notifications.notifyTx(tx, {
        userId: r.reporterId,
        kind: "report_handled",
        text: `Thanks for your report of a ${what}: moderators looked at it and ${outcome}.`,
        link: null,
        data: { reportId: r.id, action: res.action },
      });
      if (res.action === "remove_content") {
        await notifications.notifyTx(tx, {
          userId: r.targetAuthorId,
          kind: "content_removed",
          text: `Moderators removed your ${what} for breaking the site's rules${res.note ? `: ${res.note}` : "."}`,
          link: null,
          data: { reportId: r.id, target: { type: r.targetType, id: r.targetId }, reason: r.reason },
          quote: r.preview.slice(0, 200),
        });
      }
      return { removed };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
