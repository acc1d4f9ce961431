// The feed and the creator page must be served by indexes (no full scans), checked with EXPLAIN QUERY PLAN
// on the exact SQL the repos issue.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../src/db/schema.ts";
import { postsRepo } from "../../src/modules/posts/repo.ts";
import { bookmarksRepo, pinsRepo, searchRepo, tagsRepo } from "../../src/modules/posts/reach-repo.ts";
import { creatorsRepo } from "../../src/modules/creators/repo.ts";
import { subscriptionsRepo } from "../../src/modules/subscriptions/repo.ts";
import { sessionsRepo } from "../../src/modules/auth/repo.ts";
import { jobsRepo } from "../../src/jobs/repo.ts";
import { mediaRepo } from "../../src/modules/media/repo.ts";
import { startTestApp, type TestApp } from "../helpers/api.ts";

describe("query plans", () => {
  let app: TestApp;
  const captured: { sql: string; params: unknown[] }[] = [];
  let creatorId: string;
  let db: ReturnType<typeof drizzle<typeof schema>>;

  beforeAll(async () => {
    app = await startTestApp();
    const c = await app.creator("planner", { priceCents: 0 });
    creatorId = c.user.id;
    for (let i = 0; i < 30; i++) await app.postAs(c, { text: `p${i}`, visibility: "public" });
    db = drizzle(app.ctx.db.raw!.reader, {
      schema,
      logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
    });
  });
  afterAll(() => app.close());

  /** The plans of every statement `run` issues, one line per plan step. */
  async function planOf(run: () => unknown): Promise<string> {
    captured.length = 0;
    await run();
    expect(captured.length).toBeGreaterThan(0);
    const reader = app.ctx.db.raw!.reader;
    return captured
      .flatMap((q) =>
        (
          reader.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.params as never[])) as { detail: string }[]
        ).map((r) => r.detail),
      )
      .join("\n");
  }

  const noFullScan = (plan: string) => {
    // "SCAN t" without "USING ... INDEX" reads the whole table.
    for (const line of plan.split("\n")) {
      if (/^SCAN \w+$/.test(line.trim())) throw new Error(`full table scan:\n${plan}`);
    }
  };

  const cursor = { key: Date.now() + 3_600_000, id: "a".repeat(26) };

  it("feed (many creators) uses the creator timeline index", async () => {
    const ids = [creatorId, ...Array.from({ length: 20 }, (_, i) => `c${i}`.padEnd(26, "a"))];
    const plan = await planOf(() => postsRepo.timeline(db, ids, cursor, 21));
    // The sort runs over keys read from the covering index alone, then the page is loaded by primary key.
    expect(plan).toMatch(/SEARCH posts USING COVERING INDEX posts_creator_timeline_idx/);
    expect(plan).toMatch(/SEARCH posts USING INDEX sqlite_autoindex_posts_1 \(id=\?\)/);
    noFullScan(plan);
  });

  it("creator page (one creator) walks the index in order, without sorting", async () => {
    const plan = await planOf(() => postsRepo.timeline(db, [creatorId], cursor, 21));
    expect(plan).toContain("posts_creator_timeline_idx");
    expect(plan).not.toContain("TEMP B-TREE");
    noFullScan(plan);
  });

  it("a cached timeline head (one creator's newest keys) comes from the covering index, in order", async () => {
    const plan = await planOf(() => postsRepo.newestKeys(db, creatorId, 65));
    expect(plan).toMatch(/SEARCH posts USING COVERING INDEX posts_creator_timeline_idx \(creator_id=\?/);
    expect(plan).not.toContain("TEMP B-TREE");
  });

  it("the creator page's Media tab and its counts (posts, likes, media) walk the timeline index and probe post_media by key", async () => {
    const media = await planOf(() => postsRepo.withMedia(db, creatorId, cursor, 21));
    expect(media).toContain("posts_creator_timeline_idx");
    expect(media).toMatch(
      /SEARCH post_media (EXISTS )?USING COVERING INDEX sqlite_autoindex_post_media_1 \(post_id=\?\)/,
    );
    expect(media).not.toContain("TEMP B-TREE");
    noFullScan(media);
    const counts = await planOf(() => postsRepo.profileCounts(db, [creatorId, "x".padEnd(26, "a")]));
    // Posts and likes come from the covering index alone (likes_count is its last column).
    expect(counts).toMatch(/SEARCH posts USING COVERING INDEX posts_creator_timeline_idx/);
    noFullScan(counts);
  });

  it("the feed's subscription lookup and the session lookup use indexes", async () => {
    const subs = await planOf(() => subscriptionsRepo.liveOfFan(db, "x".padEnd(26, "a"), Date.now()));
    expect(subs).toContain("subscriptions_fan_access_idx");
    noFullScan(subs);
    const session = await planOf(() => sessionsRepo.byId(db, "x".padEnd(26, "a")));
    noFullScan(session);
    expect(session).toMatch(/SEARCH sessions USING INDEX sqlite_autoindex_sessions_1/);
  });

  it("creator listing, drafts and scheduled-post lookup use indexes", async () => {
    noFullScan(await planOf(() => creatorsRepo.list(db, null, cursor, 21, Date.now())));
    expect(await planOf(() => creatorsRepo.list(db, null, cursor, 21, Date.now()))).toContain(
      "creator_profiles_created_idx",
    );
    expect(await planOf(() => postsRepo.unpublished(db, "x".padEnd(26, "a"), "draft", null, 21))).toContain(
      "posts_creator_unpublished_idx",
    );
    expect(await planOf(() => postsRepo.due(db, Date.now(), 10))).toContain("posts_due_idx");
    expect(await planOf(() => postsRepo.comments(db, "x".padEnd(26, "a"), null, 21))).toContain(
      "post_comments_post_idx",
    );
  });

  it("the job queue and media lookups use their indexes", async () => {
    const t = Date.now();
    expect(await planOf(() => jobsRepo.nextQueued(db, t))).toMatch(/USING INDEX jobs_runnable_idx/);
    expect(await planOf(() => jobsRepo.nextAbandoned(db, t))).toMatch(/USING INDEX jobs_lock_idx/);
    expect(await planOf(() => jobsRepo.list(db, "failed", cursor, 21))).toMatch(/jobs_status_created_idx/);
    expect(await planOf(() => jobsRepo.list(db, null, cursor, 21))).toMatch(/jobs_created_idx/);
    expect(await planOf(() => mediaRepo.byOwner(db, creatorId, cursor, 21))).toMatch(
      /media_owner_created_idx/,
    );
    expect(await planOf(() => mediaRepo.postIdsOf(db, "a".repeat(26)))).toMatch(/post_media_media_idx/);
    const attach = await planOf(() => mediaRepo.attachmentsOf(db, ["a".repeat(26)]));
    expect(attach).toMatch(/SEARCH post_media USING (PRIMARY KEY|INDEX sqlite_autoindex_post_media_1)/);
    for (const run of [
      () => jobsRepo.nextQueued(db, t),
      () => jobsRepo.nextAbandoned(db, t),
      () => mediaRepo.byOwner(db, creatorId, null, 21),
    ])
      noFullScan(await planOf(run));
  });

  it("tag pages, bookmarks, pins and post search use their indexes", async () => {
    const tag = await planOf(() => tagsRepo.timeline(db, "yoga", cursor, 21));
    // The tag page walks the partial index in order: no sort, no table read.
    expect(tag).toMatch(/SEARCH post_tags USING COVERING INDEX post_tags_timeline_idx \(tag=\?/);
    expect(tag).not.toContain("TEMP B-TREE");
    const bookmarks = await planOf(() => bookmarksRepo.page(db, creatorId, cursor, 21));
    expect(bookmarks).toMatch(/SEARCH post_bookmarks USING COVERING INDEX post_bookmarks_user_idx/);
    expect(bookmarks).not.toContain("TEMP B-TREE");
    noFullScan(bookmarks);
    const pins = await planOf(() => pinsRepo.ofCreators(db, [creatorId]));
    expect(pins).toMatch(/SEARCH post_pins USING INDEX sqlite_autoindex_post_pins_1 \(creator_id=\?\)/);
    noFullScan(pins);
    const found = await planOf(() =>
      searchRepo.posts(db, ["p1"], { everything: false, ownerId: null, subscribedTo: [creatorId] }, 20),
    );
    expect(found).toMatch(/SCAN posts_fts VIRTUAL TABLE INDEX/);
    expect(found).toMatch(/SEARCH p USING INDEX sqlite_autoindex_posts_1 \(id=\?\)/);
  });
});
