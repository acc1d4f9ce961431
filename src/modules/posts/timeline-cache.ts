// The timelines' hot path without SQL: each creator's newest live post keys ("head") and the post rows
// themselves, cached in process. A page is a merge of the heads; it falls back to the indexed query
// when a head cannot prove the page complete (deep pages, creators with more posts than a head holds).
// Each creator's pins are cached beside the head (every page shows which posts are pinned). The posts
// service forgets a creator's head and pins and a post's row when a write to them ends.
import type { AppContext } from "../../context.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { configuredCache } from "../../lib/cache.ts";
import { pinsRepo } from "./reach-repo.ts";
import { postsRepo } from "./repo.ts";
import type { PostRow } from "./tables.ts";

/** A pinned live post of a creator. */
export interface Pin {
  postId: string;
  pinnedAt: number;
}

/** Keys kept per creator: three feed pages' worth from one creator. */
const HEAD_SIZE = 64;

interface Key {
  publishedAt: number;
  id: string;
}

interface Head {
  /** Newest first. */
  keys: Key[];
  /** True when `keys` holds every live post of the creator. */
  complete: boolean;
}

/** Timeline order: newest first, ties by id descending (as the SQL's ORDER BY). */
const newer = (a: Key, b: Key) =>
  a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.id > b.id);

export function createTimelineCache(ctx: AppContext) {
  // Bounded by keys held (~100 bytes each), not by creators.
  const heads = configuredCache<Head>(ctx, "posts.heads", 250_000, (h) => 1 + h.keys.length);
  // Rows carry up to 5,000 characters of text: bounded by characters (~16 MB), not by count.
  const rows = configuredCache<PostRow>(ctx, "posts.rows", 8_000_000, (r) => 300 + r.text.length);
  // At most PIN_SLOTS pins per creator, newest pin first.
  const pins = configuredCache<Pin[]>(ctx, "posts.pins", 250_000, (p) => 1 + p.length);

  /** Each creator's head, loading the missing ones (one indexed query each, sent together). */
  function headsOf(creatorIds: string[]): Promise<Map<string, Head>> {
    return heads.getMany(creatorIds, (missing) =>
      Promise.all(
        missing.map(async (creatorId) => {
          const found = await postsRepo.newestKeys(ctx.db.read, creatorId, HEAD_SIZE + 1);
          const keys = found.slice(0, HEAD_SIZE).map((k) => ({ publishedAt: k.publishedAt!, id: k.id }));
          return [creatorId, { keys, complete: found.length <= HEAD_SIZE }] as const;
        }),
      ),
    );
  }

  /** Index of the first key after the cursor (keys are newest first). */
  function startAfter(keys: Key[], cursor: Cursor | null): number {
    if (!cursor) return 0;
    const c = { publishedAt: cursor.key, id: cursor.id };
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newer(keys[mid]!, c) || (keys[mid]!.publishedAt === c.publishedAt && keys[mid]!.id === c.id))
        lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The page's keys merged from the heads, or null when a head runs out before the page is proven. */
  async function mergeHeads(
    creatorIds: string[],
    cursor: Cursor | null,
    limit: number,
  ): Promise<Key[] | null> {
    const loaded = await headsOf(creatorIds);
    const hs = creatorIds.map((id) => loaded.get(id)!);
    const at = hs.map((h) => startAfter(h.keys, cursor));
    const out: Key[] = [];
    while (out.length < limit) {
      let best = -1;
      for (let i = 0; i < hs.length; i++) {
        const h = hs[i]!;
        if (at[i]! < h.keys.length) {
          if (best < 0 || newer(h.keys[at[i]!]!, hs[best]!.keys[at[best]!]!)) best = i;
        } else if (!h.complete) {
          // This creator's next post is not cached and could be newer than any candidate.
          return null;
        }
      }
      if (best < 0) break;
      out.push(hs[best]!.keys[at[best]!]!);
      at[best]!++;
    }
    return out;
  }

  return {
    /** Published posts of these creators after the cursor, newest first, at most `limit`. */
    async timeline(creatorIds: string[], cursor: Cursor | null, limit: number): Promise<PostRow[]> {
      if (creatorIds.length === 0) return [];
      const fromSql = () =>
        rows.loading(async (keep) => {
          const found = await postsRepo.timeline(ctx.db.read, creatorIds, cursor, limit);
          for (const r of found) keep(r.id, r);
          return found;
        });
      const keys = await mergeHeads(creatorIds, cursor, limit);
      if (!keys) return fromSql();
      const byId = await rows.getMany(
        keys.map((k) => k.id),
        async (missing) =>
          (await postsRepo.byIds(ctx.db.read, missing))
            .filter((r) => r.publishedAt !== null)
            .map((r) => [r.id, r] as const),
      );
      const page = keys.map((k) => byId.get(k.id));
      if (page.every((r) => r !== undefined)) return page;
      // A head outlived its post (changed by another process within the TTL): read it afresh.
      for (const id of creatorIds) heads.delete(id);
      return fromSql();
    },

    /** The pins of each of these creators (one query for the missing ones). */
    pinsOf(creatorIds: string[]): Promise<Map<string, Pin[]>> {
      return pins.getMany(creatorIds, async (missing) => {
        const found = new Map<string, Pin[]>(missing.map((id) => [id, []]));
        for (const p of await pinsRepo.ofCreators(ctx.db.read, missing))
          found.get(p.creatorId)!.push({ postId: p.postId, pinnedAt: p.pinnedAt });
        return found;
      });
    },

    /** Drops what a write to this post may have changed: its row and its creator's head and pins. */
    forget(creatorId: string, postId: string): void {
      heads.delete(creatorId);
      pins.delete(creatorId);
      rows.delete(postId);
    },
  };
}
