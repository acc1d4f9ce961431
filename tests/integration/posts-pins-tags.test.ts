// Pins (at most three, first on the creator page, newest pin first, safe under parallel pins), hashtags
// (parsed on create and edit, a tag page with locked cards and geo-hidden creators left out) and bookmarks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("pins, hashtags and bookmarks", () => {
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor, other: Actor, fan: Actor, subscriber: Actor;

  const pageIds = async (path: string, who?: Actor, headers: Record<string, string> = {}) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const r: { status: number; body: any } = await app.call(
        "GET",
        `${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        {
          token: who?.token,
          headers,
        },
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      ids.push(...r.body.items.map((p: { id: string }) => p.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    return ids;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_GEO__COUNTRY_HEADER: "CF-IPCountry" } });
    creator = await app.creator("pinner", { priceCents: 500 });
    other = await app.creator("elsewhere", { priceCents: 500, blockedCountries: ["DE"] });
    fan = await app.signup("tagfan");
    subscriber = await app.signup("tagsub");
    await app.grant(subscriber, creator);
  });
  afterAll(() => app.close());

  describe("pins", () => {
    const posts: string[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 7; i++) {
        clock.advance(1000);
        posts.push((await app.postAs(creator, { text: `post ${i}`, visibility: "public" })).id);
      }
    });
    const pin = (id: string, pinned = true, who = creator) =>
      app.patch(`/api/v1/posts/${id}`, { pinned }, who.token);

    it("pins first on the creator page (newest pin first), the rest by date, with correct paging", async () => {
      const before = await pageIds("/api/v1/creators/pinner/posts");
      expect(before).toEqual([...posts].reverse());
      const r = await pin(posts[1]!);
      expect(r.status).toBe(200);
      expect(r.body.post.pinned).toBe(true);
      // Pinning is not an edit.
      expect(r.body.post.updatedAt).toBe(r.body.post.createdAt);
      clock.advance(1000);
      expect((await pin(posts[4]!)).status).toBe(200);
      clock.advance(1000);
      expect((await pin(posts[2]!)).status).toBe(200);
      const expected = [posts[2], posts[4], posts[1], posts[6], posts[5], posts[3], posts[0]];
      // Every page size: no duplicates, no gaps, pins first.
      expect(await pageIds("/api/v1/creators/pinner/posts")).toEqual(expected);
      for (const limit of [1, 3, 4, 10]) {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const q: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
          const page = await app.get(`/api/v1/creators/pinner/posts${q}`, fan.token);
          ids.push(...page.body.items.map((p: { id: string }) => p.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(ids).toEqual(expected);
      }
      const first = await app.get("/api/v1/creators/pinner/posts?limit=3");
      expect(first.body.items.map((p: { pinned: boolean }) => p.pinned)).toEqual([true, true, true]);
      // The feed keeps plain date order.
      expect((await app.get("/api/v1/feed?limit=1", creator.token)).body.items[0].id).toBe(posts[6]);
    });

    it("a fourth pin is refused with 409 pin_limit; only the author pins; a deleted pin frees its slot", async () => {
      const fourth = await pin(posts[0]!);
      expect(fourth.status).toBe(409);
      expect(fourth.body.error.code).toBe("pin_limit");
      expect((await app.get(`/api/v1/posts/${posts[0]}`)).body.post.pinned).toBe(false);
      const stranger = await pin(posts[3]!, true, other);
      expect(stranger.status).toBe(403);
      // Pinning again is a no-op, not a fourth pin.
      expect((await pin(posts[2]!)).status).toBe(200);
      expect((await app.del(`/api/v1/posts/${posts[4]}`, creator.token)).status).toBe(204);
      clock.advance(1000);
      expect((await pin(posts[0]!)).status).toBe(200);
      const draft = await app.postAs(creator, { text: "draft", visibility: "public", draft: true });
      const unpublished = await pin(draft.id);
      expect(unpublished.status).toBe(400);
      expect(unpublished.body.error.code).toBe("not_published");
    });

    it("an unpin shows at once on a warm timeline cache (no stale pin order)", async () => {
      const warm = (await app.get("/api/v1/creators/pinner/posts?limit=20")).body.items.map(
        (p: { id: string }) => p.id,
      );
      expect(warm.slice(0, 3)).toEqual([posts[0], posts[2], posts[1]]);
      expect((await pin(posts[2]!, false)).status).toBe(200);
      const after = (await app.get("/api/v1/creators/pinner/posts?limit=20")).body.items;
      expect(after.slice(0, 2).map((p: { id: string }) => p.id)).toEqual([posts[0], posts[1]]);
      expect(after.find((p: { id: string }) => p.id === posts[2]).pinned).toBe(false);
      expect(after.map((p: { id: string }) => p.id)).toEqual([
        posts[0],
        posts[1],
        posts[6],
        posts[5],
        posts[3],
        posts[2],
      ]);
      await pin(posts[0]!, false);
      await pin(posts[1]!, false);
    });

    it("parallel pins never exceed three", async () => {
      const c = await app.creator("racer", { priceCents: 0 });
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await app.postAs(c, { text: `r${i}`, visibility: "public" })).id);
      const results = await Promise.all(
        ids.map((id) => app.patch(`/api/v1/posts/${id}`, { pinned: true }, c.token)),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "pin_limit")).toBe(
        true,
      );
      expect(results.filter((r) => r.status === 409)).toHaveLength(5);
      const row = (await app.raw
        .prepare("SELECT count(*) AS n FROM post_pins WHERE creator_id = ?")
        .get(c.user.id)) as { n: number | string };
      expect(Number(row.n)).toBe(3);
    });
  });

  describe("hashtags", () => {
    it("parses tags on create and edit (unicode, any case, not glued to words, not numbers)", async () => {
      const p = await app.postAs(creator, {
        text: "Morning #Yoga and #yoga again, #Café_2 page#nope #123 https://x.test/#frag #ÑANDÚ",
        visibility: "public",
      });
      const rows = (await app.raw.prepare("SELECT tag FROM post_tags WHERE post_id = ?").all(p.id)) as {
        tag: string;
      }[];
      expect(rows.map((r) => r.tag).sort()).toEqual(["café_2", "yoga", "ñandú"]);
      expect(
        (await app.get("/api/v1/tags/YOGA/posts")).body.items.map((x: { id: string }) => x.id),
      ).toContain(p.id);
      expect((await app.get(`/api/v1/tags/${encodeURIComponent("Ñandú")}/posts`)).body.items).toHaveLength(1);
      await app.patch(`/api/v1/posts/${p.id}`, { text: "Evening #stretch" }, creator.token);
      expect(
        (await app.get("/api/v1/tags/yoga/posts")).body.items.map((x: { id: string }) => x.id),
      ).not.toContain(p.id);
      expect((await app.get("/api/v1/tags/stretch/posts")).body.items[0].id).toBe(p.id);
      expect((await app.get("/api/v1/tags/no%20way/posts")).status).toBe(400);
    });

    it("lists tagged posts newest first, paged, locked cards for what the viewer is not entitled to", async () => {
      const made: string[] = [];
      for (const visibility of ["public", "subscribers", "public", "subscribers", "public"]) {
        clock.advance(1000);
        made.push((await app.postAs(creator, { text: `secret words #beach ${visibility}`, visibility })).id);
      }
      clock.advance(1000);
      const blocked = await app.postAs(other, { text: "from elsewhere #beach", visibility: "public" });
      const ids = await pageIds("/api/v1/tags/beach/posts", fan);
      expect(ids).toEqual([blocked.id, ...[...made].reverse()]);
      const page = (await app.get("/api/v1/tags/beach/posts?limit=20", fan.token)).body.items;
      const locked = page.filter((p: { locked: boolean }) => p.locked);
      expect(locked).toHaveLength(2);
      for (const p of locked) {
        expect(p.text).toBeNull();
        expect(p.media).toEqual([]);
      }
      const asSub = (await app.get("/api/v1/tags/beach/posts?limit=20", subscriber.token)).body.items;
      expect(asSub.every((p: { locked: boolean }) => !p.locked)).toBe(true);
      // A creator blocking the viewer's country is left out of the tag page.
      const fromDe = await pageIds("/api/v1/tags/beach/posts", fan, { "cf-ipcountry": "DE" });
      expect(fromDe).toEqual([...made].reverse());
      // Deleted posts leave the tag page.
      await app.del(`/api/v1/posts/${made[4]}`, creator.token);
      expect(await pageIds("/api/v1/tags/beach/posts", fan, { "cf-ipcountry": "DE" })).toEqual(
        [...made].reverse().slice(1),
      );
    });
  });

  describe("bookmarks", () => {
    it("bookmarks idempotently, shows `bookmarked`, lists newest bookmark first, and removes", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock.advance(1000);
        ids.push((await app.postAs(creator, { text: `save me ${i}`, visibility: "subscribers" })).id);
      }
      for (const id of [ids[1]!, ids[0]!, ids[2]!, ids[0]!]) {
        clock.advance(1000);
        const r = await app.post(`/api/v1/posts/${id}/bookmark`, undefined, fan.token);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ bookmarked: true });
      }
      // The second bookmark of ids[0] changed nothing: order stays by the first one.
      expect(await pageIds("/api/v1/bookmarks", fan)).toEqual([ids[2], ids[0], ids[1]]);
      const one = await app.get(`/api/v1/posts/${ids[0]}`, fan.token);
      expect(one.body.post.viewer.bookmarked).toBe(true);
      expect(one.body.post.locked).toBe(true);
      expect((await app.get(`/api/v1/posts/${ids[0]}`, subscriber.token)).body.post.viewer.bookmarked).toBe(
        false,
      );
      for (let i = 0; i < 2; i++) {
        const r = await app.del(`/api/v1/posts/${ids[0]}/bookmark`, fan.token);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ bookmarked: false });
      }
      await app.del(`/api/v1/posts/${ids[2]}`, creator.token);
      expect(await pageIds("/api/v1/bookmarks", fan)).toEqual([ids[1]]);
      expect((await app.get("/api/v1/bookmarks")).status).toBe(401);
      expect(
        (await app.post("/api/v1/posts/aaaaaaaaaaaaaaaaaaaaaaaaaa/bookmark", undefined, fan.token)).status,
      ).toBe(404);
    });
  });
});
