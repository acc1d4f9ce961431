// The feed and creator pages are served from in-process caches (timeline heads, post rows, author cards,
// media links). Whatever sequence of writes happens through the services, every page must be exactly
// what the indexed SQL query says, at every cursor and page size; a change made behind the services' back
// (another process) shows once the cache TTL has passed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/lib/clock.ts";
import { decodeCursor, type Cursor } from "../../src/lib/cursor.ts";
import type { PostView } from "../../src/modules/posts/service.ts";
import { postsRepo } from "../../src/modules/posts/repo.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

const TTL_S = 30;

describe("timeline caches", () => {
  const clock = new TestClock();
  let app: TestApp;
  let creators: Actor[];
  let fan: Actor;
  const viewerOf = (a: Actor) => ({ id: a.user.id, role: a.user.role as "fan" | "creator" });
  const live: { id: string; creator: number }[] = [];

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_CACHE__TTL_SECONDS: String(TTL_S) } });
    creators = [];
    for (let i = 0; i < 4; i++) creators.push(await app.creator());
    fan = await app.signup();
    for (const c of creators.slice(0, 3)) await app.grant(fan, c);
    // Creator 0 has more posts than a cached head holds (64), so deep pages must fall back to SQL.
    const counts = [150, 30, 5, 0];
    for (const [i, n] of counts.entries()) {
      for (let k = 0; k < n; k++) {
        // Few distinct times, so equal publication times (ordered by id) are common.
        const at = clock.now() - (1 + ((k * 7919 + i) % 97)) * MINUTE;
        const post = await app.services.posts.create(
          viewerOf(creators[i]!),
          { text: `seed ${i}/${k}`, visibility: k % 3 === 0 ? "public" : "subscribers" },
          { at },
        );
        live.push({ id: post.id, creator: i });
      }
    }
  });
  afterAll(() => app.close());

  /** Every page of the fan's feed (or a creator page), following nextCursor. */
  async function walk(
    limit: number,
    creator?: number,
  ): Promise<{ ids: string[]; texts: string[]; cursors: string[] }> {
    const ids: string[] = [];
    const texts: string[] = [];
    const cursors: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const c: Cursor | null = cursor ? decodeCursor(cursor) : null;
      const page: { items: PostView[]; nextCursor: string | null } =
        creator === undefined
          ? JSON.parse(await app.services.posts.feed(viewerOf(fan), c, limit))
          : await app.services.posts.byCreator(viewerOf(fan), creators[creator]!.user.username, c, limit);
      ids.push(...page.items.map((p) => p.id));
      texts.push(
        ...page.items.map(
          (p) => `${p.id}:${p.text}:${p.likesCount}:${p.viewer.liked}:${p.viewer.bookmarked}`,
        ),
      );
      if (!page.nextCursor) return { ids, texts, cursors };
      cursors.push(page.nextCursor);
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  /** The fan's first feed page: read before the writes and again after, it shows the kept entries' state. */
  async function firstPage(limit: number): Promise<{ ids: string[]; texts: string[] }> {
    const page: { items: PostView[] } = JSON.parse(await app.services.posts.feed(viewerOf(fan), null, limit));
    return {
      ids: page.items.map((p) => p.id),
      texts: page.items.map(
        (p) => `${p.id}:${p.text}:${p.likesCount}:${p.viewer.liked}:${p.viewer.bookmarked}`,
      ),
    };
  }

  /** The same line per post as the database has it. */
  async function expectedTexts(ids: string[]): Promise<string[]> {
    const rows = new Map((await postsRepo.byIds(app.ctx.db.read, ids)).map((r) => [r.id, r]));
    const marks = await postsRepo.marksAmong(app.ctx.db.read, fan.user.id, ids);
    return ids.map(
      (id) =>
        `${id}:${rows.get(id)!.text}:${rows.get(id)!.likesCount}:${marks.liked.has(id)}:${marks.bookmarked.has(id)}`,
    );
  }

  /** What the indexed query says, read straight from the database. */
  async function expected(creatorIds: string[]): Promise<string[]> {
    return (await postsRepo.timeline(app.ctx.db.read, creatorIds, null, 10_000)).map((r) => r.id);
  }

  const feedCreators = () => [fan.user.id, ...creators.slice(0, 3).map((c) => c.user.id)];

  it("serves exactly the SQL timeline through any sequence of writes", async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("create" as const),
        creator: fc.integer({ min: 0, max: 3 }),
        minutesAgo: fc.integer({ min: -5, max: 200 }),
        draft: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), text: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant("like" as const), pick: fc.nat(), on: fc.boolean() }),
      fc.record({ kind: fc.constant("bookmark" as const), pick: fc.nat(), on: fc.boolean() }),
      fc.record({ kind: fc.constant("tick" as const), minutes: fc.integer({ min: 1, max: 10 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 25 }),
        async (ops, limit) => {
          const svc = app.services.posts;
          await firstPage(limit);
          for (const o of ops) {
            if (o.kind === "create") {
              const author = viewerOf(creators[o.creator]!);
              // minutesAgo < 0 schedules the post; a tick later publishes it.
              const post =
                o.minutesAgo < 0
                  ? await svc.create(author, {
                      text: "scheduled",
                      visibility: "subscribers",
                      publishAt: clock.now() - o.minutesAgo * MINUTE,
                    })
                  : await svc.create(
                      author,
                      { text: "new", visibility: "public", draft: o.draft },
                      { at: clock.now() - o.minutesAgo * MINUTE },
                    );
              live.push({ id: post.id, creator: o.creator });
            } else if (o.kind === "tick") {
              clock.advance(o.minutes * MINUTE);
              await svc.publishDue();
            } else if (live.length > 0) {
              const target = live[o.pick % live.length]!;
              const owner = viewerOf(creators[target.creator]!);
              const row = await postsRepo.byId(app.ctx.db.read, target.id);
              if (!row) continue;
              if (o.kind === "remove") {
                await svc.remove(owner, target.id);
                live.splice(live.indexOf(target), 1);
              } else if (o.kind === "edit") {
                await svc.update(owner, target.id, { text: `edited ${o.text}` });
              } else if (row.status === "published" && target.creator < 3) {
                if (o.kind === "like") await svc.setLike(viewerOf(fan), target.id, o.on);
                else await svc.setBookmark(viewerOf(fan), target.id, o.on, null);
              }
            }
          }
          const first = await firstPage(limit);
          expect(first.texts).toEqual(await expectedTexts(first.ids));
          const feed = await walk(limit);
          expect(feed.ids).toEqual(await expected(feedCreators()));
          for (const [i] of creators.entries())
            expect((await walk(limit, i)).ids).toEqual(await expected([creators[i]!.user.id]));
          // Rows are current too: text and like counts as the database has them, and the fan's own marks.
          expect(feed.texts).toEqual(await expectedTexts(feed.ids));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("the fan's kept likes and bookmarks follow each change of them at once", async () => {
    const svc = app.services.posts;
    const page = async () => (await firstPage(5)).texts;
    const [top] = (await firstPage(5)).ids;
    for (const [change, on] of [
      ["like", true],
      ["bookmark", true],
      ["like", false],
      ["bookmark", false],
    ] as const) {
      expect(await page()).toEqual(await expectedTexts((await firstPage(5)).ids)); // the marks are kept now
      if (change === "like") await svc.setLike(viewerOf(fan), top!, on);
      else await svc.setBookmark(viewerOf(fan), top!, on, null);
      expect(await page()).toEqual(await expectedTexts((await firstPage(5)).ids));
    }
    const marks = await postsRepo.marksAmong(app.ctx.db.read, fan.user.id, [top!]);
    expect([marks.liked.has(top!), marks.bookmarked.has(top!)]).toEqual([false, false]);
  });

  it("shows a change made behind the services' back once the TTL has passed", async () => {
    const creator = creators[2]!;
    const page = async () =>
      (await app.services.posts.byCreator(viewerOf(fan), creator.user.username, null, 5)).items;
    const first = (await page())[0]!;
    await app.ctx.db.write((tx) => postsRepo.update(tx, first.id, { text: "changed by another process" }));
    // Still the cached row: the cache is in use...
    expect((await page())[0]!.text).toBe(first.text);
    clock.advance(TTL_S * 1000 + 1);
    // ...and bounded by the TTL.
    expect((await page())[0]!.text).toBe("changed by another process");
  });

  it("the cached subscriptions follow every grant, lapse and revocation at once", async () => {
    const creator = creators[3]!;
    const post = await app.services.posts.create(viewerOf(creator), {
      text: "members only",
      visibility: "subscribers",
    });
    const locked = async () => (await app.services.posts.get(viewerOf(fan), post.id)).locked;
    expect(await locked()).toBe(true);
    const sub = await app.grant(fan, creator);
    expect(await locked()).toBe(false);
    // The period ends with no write at all: the cached period end is compared with the clock.
    clock.advance(sub.currentPeriodEnd - clock.now());
    expect(await locked()).toBe(true);
    await app.grant(fan, creator);
    expect(await locked()).toBe(false);
    await app.ctx.db.write((tx) => app.services.subscriptions.endTx(tx, sub.id, "revoked"));
    expect(await locked()).toBe(true);
  });
});
