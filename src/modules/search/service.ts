// Search: one query box over creators (names), posts (the full-text index of post text) and hashtags
// (by prefix). It owns no data: posts answers with only what the viewer may read (entitlement decides
// each post), profiles with creators in good standing not hidden from the viewer's country.
import type { EntitlementViewer } from "../entitlement/service.ts";
import { searchTerms } from "../../lib/hashtags.ts";
import type { PostsService } from "../posts/service.ts";
import type { ProfilesService } from "../profiles/service.ts";

/** The query's first run of tag characters ("#Swim suit" -> "Swim"); nothing else reaches LIKE. */
const tagPrefix = (q: string) =>
  q
    .normalize("NFC")
    .match(/[\p{L}\p{N}_]+/u)?.[0]
    ?.slice(0, 64) ?? "";

export const SEARCH_LIMITS = { creators: 8, posts: 20, tags: 10 } as const;

export function createSearchService(deps: {
  posts: Pick<PostsService, "search" | "tagsByPrefix">;
  profiles: Pick<ProfilesService, "list">;
}) {
  return {
    async search(viewer: EntitlementViewer | null, q: string, country: string | null) {
      const terms = searchTerms(q);
      if (terms.length === 0) return { creators: [], posts: [], tags: [] };
      // Names are matched on the words joined ("jane doe" finds "Jane Doe"); best when the username starts so.
      const name = terms.join(" ");
      const [creators, posts, tags] = await Promise.all([
        deps.profiles.list(name, null, SEARCH_LIMITS.creators * 3, viewer, country),
        deps.posts.search(viewer, terms, SEARCH_LIMITS.posts, country),
        deps.posts.tagsByPrefix(tagPrefix(q), SEARCH_LIMITS.tags),
      ]);
      const rank = (c: { username: string; displayName: string }) => {
        const u = c.username.toLowerCase();
        const d = c.displayName.toLowerCase();
        return u === name || d === name ? 0 : u.startsWith(name) || d.startsWith(name) ? 1 : 2;
      };
      return {
        creators: creators.items
          .map((c, i) => ({ c, i, r: rank(c) }))
          .sort((a, b) => a.r - b.r || a.i - b.i)
          .slice(0, SEARCH_LIMITS.creators)
          .map((x) => x.c),
        posts,
        tags,
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
