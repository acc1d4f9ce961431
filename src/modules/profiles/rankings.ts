// Discovery's rankings of creators. trending: what happened over the last 7 days (5 points per new
// subscriber, 2 per comment, 1 per like on the creator's posts); popular: live subscribers now. Creators
// with no score are not ranked (the "new" list has everyone). Keyset paging over (score, id): a page
// resumes after the last creator's score and id, so a ranking that moves between pages never repeats or
// skips anyone it still holds in the same place.
import type { AppContext } from "../../context.ts";
import type { Cursor } from "../../lib/cursor.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";

export type CreatorSort = "new" | "trending" | "popular";
export const TRENDING_DAYS = 7;
const DAY = 86_400_000;

type Row = Awaited<ReturnType<CreatorsService["list"]>>[number];

export function createRankings(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "list">;
    posts: Pick<PostsService, "engagementSince">;
    subscriptions: Pick<SubscriptionsService, "rankings">;
  },
) {
  async function scores(sort: "trending" | "popular"): Promise<Map<string, number>> {
    const since = ctx.clock.now() - TRENDING_DAYS * DAY;
    const [subs, engagement] = await Promise.all([
      deps.subscriptions.rankings(since),
      sort === "trending" ? deps.posts.engagementSince(since) : new Map<string, never>(),
    ]);
    if (sort === "popular") return subs.live;
    const out = new Map<string, number>();
    for (const [id, n] of subs.started) out.set(id, 5 * n);
    for (const [id, e] of engagement) out.set(id, (out.get(id) ?? 0) + e.likes + 2 * e.comments);
    return out;
  }

  return {
    /** Up to `limit` ranked creators after the cursor, each with its score (the cursor key). */
    async page(
      sort: "trending" | "popular",
      query: string | null,
      cursor: Cursor | null,
      limit: number,
      hidden: { country: string; exceptId: string | null } | null,
    ): Promise<{ row: Row; score: number }[]> {
      const ranked = [...(await scores(sort))]
        .filter(([, score]) => score > 0)
        .map(([id, score]) => ({ id, score }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .filter((e) => !cursor || e.score < cursor.key || (e.score === cursor.key && e.id < cursor.id));
      const out: { row: Row; score: number }[] = [];
      // Candidates in rank order, a chunk at a time: held and geo-hidden creators drop out in the query.
      for (let at = 0; at < ranked.length && out.length < limit; at += 2 * limit) {
        const chunk = ranked.slice(at, at + 2 * limit);
        const rows = await deps.creators.list(
          query,
          null,
          chunk.length,
          hidden,
          chunk.map((e) => e.id),
        );
        const byId = new Map(rows.map((r) => [r.user.id, r]));
        for (const e of chunk) {
          const row = byId.get(e.id);
          if (row) out.push({ row, score: e.score });
        }
      }
      return out.slice(0, limit);
    },
  };
}
