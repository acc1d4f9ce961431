// Reach: pinned posts on the creator page, hashtag pages, bookmarks, and the posts part of search. The
// creator page's order is pins first (newest pin first), then the rest by date; pins come from the
// timeline cache, which a write to the post forgets (on other nodes through the cache hub, as posts).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { encodeCursor, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Invalid } from "../../lib/errors.ts";
import { isTag, normalizeTag, parseHashtags } from "../../lib/hashtags.ts";
import type { EntitlementService, EntitlementViewer } from "../entitlement/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import type { UsersService } from "../users/service.ts";
import { bookmarksRepo, pinsRepo, searchRepo, tagsRepo } from "./reach-repo.ts";
import { postsRepo } from "./repo.ts";
import { PIN_SLOTS, type PostRow } from "./tables.ts";
import type { Pin } from "./timeline-cache.ts";

type Page<T> = { items: T[]; nextCursor: string | null };

interface ReachDeps<V> {
  users: Pick<UsersService, "heldAmong">;
  entitlement: Pick<EntitlementService, "access" | "geoBlockedAmong">;
  subscriptions: Pick<SubscriptionsService, "entitledCreatorIds">;
  present: (viewer: EntitlementViewer | null, rows: PostRow[]) => Promise<V[]>;
  visibleRow: (viewer: EntitlementViewer | null, id: string, country: string | null) => Promise<PostRow>;
  /** The creator's live posts after the cursor, newest first (the cached timeline). */
  timeline: (creatorId: string, cursor: Cursor | null, limit: number) => Promise<PostRow[]>;
  /** Each creator's pinned live posts, newest pin first (the cached timeline's). */
  pinsOf: (creatorIds: string[]) => Promise<Map<string, Pin[]>>;
  /** Inside a write to the viewer's bookmark of a post: the viewer's cached marks go when the write ends. */
  forgetMarks: (tx: DrizzleDb, viewerId: string) => void;
}

/**
 * A creator page position among the pins is a cursor with a negative key (minus the pin time); timeline
 * positions have positive keys (publication times), so one cursor format serves both parts.
 */
const pinCursor = (pinnedAt: number, id: string): Cursor => ({ key: -pinnedAt, id });

export function createPostsReach<V>(ctx: AppContext, deps: ReachDeps<V>) {
  const { users, entitlement, subscriptions, present } = deps;
  const now = () => ctx.clock.now();

  /** Rows in the order of `ids`, leaving out those of held creators and creators geo-blocking the viewer. */
  async function shown(
    viewer: EntitlementViewer | null,
    country: string | null,
    ids: string[],
  ): Promise<PostRow[]> {
    const found = new Map((await postsRepo.byIds(ctx.db.read, ids)).map((r) => [r.id, r]));
    const rows = ids.map((id) => found.get(id)).filter((r) => r !== undefined && r.publishedAt !== null);
    const creators = rows.map((r) => r!.creatorId).filter((id) => id !== viewer?.id);
    const [held, blocked] = await Promise.all([
      viewer?.role === "admin" ? new Set<string>() : users.heldAmong(creators),
      entitlement.geoBlockedAmong(viewer, country, creators),
    ]);
    return rows.filter(
      (r) => r && r.creatorId !== undefined && !held.has(r.creatorId) && !blocked.has(r.creatorId),
    ) as PostRow[];
  }

  /** A page from keys fetched `limit + 1`: the cursor follows the keys, whatever filtering drops. */
  async function pageOfKeys<K>(
    viewer: EntitlementViewer | null,
    country: string | null,
    keys: K[],
    limit: number,
    idOf: (k: K) => string,
    cursorOf: (k: K) => Cursor,
  ): Promise<Page<V>> {
    const cut = keys.slice(0, limit);
    const last = cut[cut.length - 1];
    const nextCursor = keys.length > limit && last ? cursorOf(last) : null;
    const rows = await shown(viewer, country, cut.map(idOf));
    return {
      items: await present(viewer, rows),
      nextCursor: nextCursor && encodeCursor(nextCursor.key, nextCursor.id),
    };
  }

  return {
    /** Inside the post's write: keeps its tags in step with its text. */
    setTagsTx: (tx: DrizzleDb, postId: string, text: string, publishedAt: number | null) =>
      tagsRepo.set(tx, postId, parseHashtags(text), publishedAt),

    /** Inside the post's write: pins or unpins it (published posts only; PIN_SLOTS per creator). */
    async setPinnedTx(tx: DrizzleDb, row: PostRow, pinned: boolean, livePublishedAt: number | null) {
      if (!pinned) return void (await pinsRepo.unpin(tx, row.id));
      if (livePublishedAt === null)
        throw new Invalid("Only published posts can be pinned.", undefined, "not_published");
      if ((await pinsRepo.pin(tx, row.creatorId, row.id, now())) === "full")
        throw new Conflict(`You can pin up to ${PIN_SLOTS} posts. Unpin one first.`, "pin_limit");
    },

    /** Which of these rows are pinned. */
    async pinnedAmong(rows: PostRow[]): Promise<Set<string>> {
      const of = await deps.pinsOf(rows.map((r) => r.creatorId));
      const out = new Set<string>();
      for (const list of of.values()) for (const p of list) out.add(p.postId);
      return out;
    },

    /** The creator page's rows: pins first, then the other live posts by date (limit + 1 for paging). */
    async creatorPage(creatorId: string, cursor: Cursor | null, limit: number) {
      const pins = (await deps.pinsOf([creatorId])).get(creatorId)!;
      const pinned = new Set(pins.map((p) => p.postId));
      const inPins = cursor === null || cursor.key < 0;
      const pinsAfter = inPins
        ? pins.filter(
            (p) =>
              cursor === null ||
              p.pinnedAt < -cursor.key ||
              (p.pinnedAt === -cursor.key && p.postId < cursor.id),
          )
        : [];
      const pinRows = new Map(
        (
          await postsRepo.byIds(
            ctx.db.read,
            pinsAfter.map((p) => p.postId),
          )
        ).map((r) => [r.id, r]),
      );
      const head = pinsAfter.flatMap((p) => {
        const r = pinRows.get(p.postId);
        return r ? [{ row: r, key: pinCursor(p.pinnedAt, r.id) }] : [];
      });
      const want = limit + 1 - head.length;
      const rest =
        want <= 0
          ? []
          : (await deps.timeline(creatorId, inPins ? null : cursor, want + pinned.size))
              .filter((r) => !pinned.has(r.id))
              .slice(0, want)
              .map((r) => ({ row: r, key: { key: r.publishedAt!, id: r.id } }));
      return [...head, ...rest];
    },

    /** GET /tags/:tag/posts: live posts with the tag, newest first (locked cards where not entitled). */
    async tagged(
      viewer: EntitlementViewer | null,
      rawTag: string,
      cursor: Cursor | null,
      limit: number,
      country: string | null,
    ): Promise<Page<V>> {
      const tag = normalizeTag(rawTag);
      if (!isTag(tag))
        throw new Invalid("Not a hashtag.", { fields: { tag: "Letters, digits and _" } }, "bad_tag");
      const keys = await tagsRepo.timeline(ctx.db.read, tag, cursor, limit + 1);
      return pageOfKeys(
        viewer,
        country,
        keys,
        limit,
        (k) => k.postId,
        (k) => ({ key: k.publishedAt!, id: k.postId }),
      );
    },

    async setBookmark(viewer: EntitlementViewer, postId: string, on: boolean, country: string | null) {
      const row = await deps.visibleRow(viewer, postId, country);
      await ctx.db.write(async (tx) => {
        deps.forgetMarks(tx, viewer.id);
        if (on) await bookmarksRepo.add(tx, viewer.id, row.id, now());
        else await bookmarksRepo.remove(tx, viewer.id, row.id);
      });
      return on;
    },

    /** GET /bookmarks: newest bookmark first. */
    async bookmarks(
      viewer: EntitlementViewer,
      cursor: Cursor | null,
      limit: number,
      country: string | null,
    ): Promise<Page<V>> {
      const keys = await bookmarksRepo.page(ctx.db.read, viewer.id, cursor, limit + 1);
      return pageOfKeys(
        viewer,
        country,
        keys,
        limit,
        (k) => k.postId,
        (k) => ({ key: k.createdAt, id: k.postId }),
      );
    },

    /**
     * Search's posts: full-text matches the viewer may read, best first. The SQL keeps to posts whose
     * text the viewer could be entitled to; entitlement then decides each one (a PPV post only once bought),
     * so no locked post is ever matched by its words.
     */
    async search(
      viewer: EntitlementViewer | null,
      terms: string[],
      limit: number,
      country: string | null,
    ): Promise<V[]> {
      if (terms.length === 0) return [];
      const subscribedTo = viewer ? await subscriptions.entitledCreatorIds(viewer.id) : [];
      const ids = await searchRepo.posts(
        ctx.db.read,
        terms,
        { everything: viewer?.role === "admin", ownerId: viewer?.id ?? null, subscribedTo },
        limit * 3,
      );
      const rows = await shown(viewer, country, ids);
      const access = await entitlement.access(viewer, rows);
      return present(viewer, rows.filter((r) => access.get(r.id)).slice(0, limit));
    },

    /** Search's tags: those starting with the query's first word, most used first. */
    tagsByPrefix: (prefix: string, limit: number) =>
      prefix === "" ? Promise.resolve([]) : tagsRepo.byPrefix(ctx.db.read, normalizeTag(prefix), limit),

    /** Likes and comments each creator's posts got since `since` (trending). */
    engagementSince: (since: number) => searchRepo.engagementSince(ctx.db.read, since),
  };
}
