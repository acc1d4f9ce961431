import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("posts, visibility and entitlement", () => {
  let app: TestApp;
  const clock = new TestClock();
  let creator: Actor, fan: Actor, subscriber: Actor, buyer: Actor, admin: Actor;
  let pub: { id: string }, subs: { id: string }, ppv: { id: string };

  beforeAll(async () => {
    app = await startTestApp({ clock });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    creator = await app.creator("studio", { priceCents: 900 });
    fan = await app.signup("fan1");
    subscriber = await app.signup("sub1");
    buyer = await app.signup("buyer1");
    await app.grant(subscriber, creator);
    pub = await app.postAs(creator, { text: "Hello everyone", visibility: "public" });
    clock.advance(1000);
    subs = await app.postAs(creator, { text: "Secret subscriber text", visibility: "subscribers" });
    clock.advance(1000);
    ppv = await app.postAs(creator, { text: "Caption of the paid set", visibility: "ppv", priceCents: 500 });
    await app.ctx.db.write((tx) => app.services.entitlement.grantPostUnlock(tx, buyer.user.id, ppv.id));
  });
  afterAll(() => app.close());

  it("creates posts with 201 and validates them", async () => {
    const r = await app.post("/api/v1/posts", { text: "x", visibility: "public" }, creator.token);
    expect(r.status).toBe(201);
    expect(r.body.post).toMatchObject({
      status: "published",
      locked: false,
      visibility: "public",
      priceCents: null,
    });
    expect(r.body.post.creator).toMatchObject({ username: "studio" });
    await app.del(`/api/v1/posts/${r.body.post.id}`, creator.token);

    const noPrice = await app.post("/api/v1/posts", { text: "x", visibility: "ppv" }, creator.token);
    expect(noPrice.status).toBe(400);
    expect(noPrice.body.error.details.fields.priceCents).toBeDefined();
    const zero = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "ppv", priceCents: 0 },
      creator.token,
    );
    expect(zero.status).toBe(400);
    const priced = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "public", priceCents: 300 },
      creator.token,
    );
    expect(priced.status).toBe(400);
    const badVis = await app.post("/api/v1/posts", { text: "x", visibility: "friends" }, creator.token);
    expect(badVis.status).toBe(400);
    const empty = await app.post("/api/v1/posts", { text: "   ", visibility: "public" }, creator.token);
    expect(empty.status).toBe(400);
    const long = await app.post(
      "/api/v1/posts",
      { text: "a".repeat(5001), visibility: "public" },
      creator.token,
    );
    expect(long.status).toBe(400);
    const notCreator = await app.post("/api/v1/posts", { text: "x", visibility: "public" }, fan.token);
    expect(notCreator.status).toBe(403);
    expect(notCreator.body.error.code).toBe("not_a_creator");
    expect((await app.post("/api/v1/posts", { text: "x", visibility: "public" })).status).toBe(401);
  });

  it("locks content per viewer and never leaks it", async () => {
    const view = async (id: string, who?: Actor) =>
      (await app.get(`/api/v1/posts/${id}`, who?.token)).body.post;
    // anonymous and a non-subscribed fan
    for (const who of [undefined, fan]) {
      expect(await view(pub.id, who)).toMatchObject({ locked: false, text: "Hello everyone" });
      expect(await view(subs.id, who)).toMatchObject({ locked: true, text: null, priceCents: null });
      expect(await view(ppv.id, who)).toMatchObject({
        locked: true,
        text: "Caption of the paid set",
        priceCents: 500,
        media: [],
      });
    }
    // a subscriber sees subscriber posts but PPV stays locked until bought
    expect(await view(subs.id, subscriber)).toMatchObject({ locked: false, text: "Secret subscriber text" });
    expect(await view(ppv.id, subscriber)).toMatchObject({ locked: true });
    // the buyer of the PPV post
    expect(await view(ppv.id, buyer)).toMatchObject({ locked: false });
    expect(await view(subs.id, buyer)).toMatchObject({ locked: true, text: null });
    // owner and admin see everything
    for (const who of [creator, admin]) {
      expect(await view(subs.id, who)).toMatchObject({ locked: false, text: "Secret subscriber text" });
      expect(await view(ppv.id, who)).toMatchObject({ locked: false });
    }
    const raw = JSON.stringify((await app.get(`/api/v1/creators/studio/posts`, fan.token)).body);
    expect(raw).not.toContain("Secret subscriber text");
  });

  it("drafts are visible only to their owner and publish when un-drafted", async () => {
    const draft = await app.postAs(creator, { text: "Draft text", visibility: "public", draft: true });
    expect(draft.status).toBe("draft");
    expect((await app.get(`/api/v1/posts/${draft.id}`, fan.token)).status).toBe(404);
    expect((await app.get(`/api/v1/posts/${draft.id}`, admin.token)).status).toBe(404);
    expect((await app.get(`/api/v1/posts/${draft.id}`, creator.token)).status).toBe(200);
    const mine = await app.get("/api/v1/posts/mine?status=draft", creator.token);
    expect(mine.body.items.map((p: { id: string }) => p.id)).toContain(draft.id);
    const listed = await app.get("/api/v1/creators/studio/posts", creator.token);
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(draft.id);

    const published = await app.patch(`/api/v1/posts/${draft.id}`, { draft: false }, creator.token);
    expect(published.body.post).toMatchObject({ status: "published", text: "Draft text" });
    expect((await app.get(`/api/v1/posts/${draft.id}`, fan.token)).status).toBe(200);
    await app.del(`/api/v1/posts/${draft.id}`, creator.token);
  });

  it("scheduled posts appear when the scheduler reaches publishAt", async () => {
    const at = clock.now() + 10 * MINUTE;
    const scheduled = await app.postAs(creator, { text: "Later", visibility: "public", publishAt: at });
    expect(scheduled).toMatchObject({ status: "scheduled", publishAt: at, publishedAt: null });
    const run = async () => {
      for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
    };
    await run();
    expect((await app.get(`/api/v1/posts/${scheduled.id}`, fan.token)).status).toBe(404);
    expect((await app.get("/api/v1/posts/mine?status=scheduled", creator.token)).body.items[0].id).toBe(
      scheduled.id,
    );

    clock.advance(10 * MINUTE);
    await run();
    const now = await app.get(`/api/v1/posts/${scheduled.id}`, fan.token);
    expect(now.body.post).toMatchObject({ status: "published", publishedAt: at });
    const page = await app.get("/api/v1/creators/studio/posts?limit=1", fan.token);
    expect(page.body.items[0].id).toBe(scheduled.id);
    await app.del(`/api/v1/posts/${scheduled.id}`, creator.token);

    const iso = await app.post(
      "/api/v1/posts",
      { text: "ISO", visibility: "public", publishAt: new Date(clock.now() + HOUR).toISOString() },
      creator.token,
    );
    expect(iso.body.post.status).toBe("scheduled");
    await app.del(`/api/v1/posts/${iso.body.post.id}`, creator.token);
  });

  it("edits: owner only, ppv price rules, and published posts cannot be rescheduled", async () => {
    const p = await app.postAs(creator, { text: "Original", visibility: "public" });
    expect((await app.patch(`/api/v1/posts/${p.id}`, { text: "Edited" }, creator.token)).body.post.text).toBe(
      "Edited",
    );
    const toPpv = await app.patch(`/api/v1/posts/${p.id}`, { visibility: "ppv" }, creator.token);
    expect(toPpv.status).toBe(400);
    const toPpv2 = await app.patch(
      `/api/v1/posts/${p.id}`,
      { visibility: "ppv", priceCents: 250 },
      creator.token,
    );
    expect(toPpv2.body.post).toMatchObject({ visibility: "ppv", priceCents: 250 });
    const back = await app.patch(
      `/api/v1/posts/${p.id}`,
      { visibility: "public", priceCents: null },
      creator.token,
    );
    expect(back.body.post).toMatchObject({ visibility: "public", priceCents: null });
    const resched = await app.patch(
      `/api/v1/posts/${p.id}`,
      { publishAt: clock.now() + HOUR },
      creator.token,
    );
    expect(resched.status).toBe(400);
    expect((await app.patch(`/api/v1/posts/${p.id}`, {}, creator.token)).status).toBe(400);
    expect((await app.patch(`/api/v1/posts/not-an-id`, { text: "x" }, creator.token)).status).toBe(400);
    expect((await app.del(`/api/v1/posts/${p.id}`, creator.token)).status).toBe(204);
    expect((await app.get(`/api/v1/posts/${p.id}`, creator.token)).status).toBe(404);
    expect((await app.del(`/api/v1/posts/${p.id}`, creator.token)).status).toBe(404);
  });

  it("likes: entitled viewers only, idempotent counts", async () => {
    const like = await app.post(`/api/v1/posts/${pub.id}/likes`, undefined, fan.token);
    expect(like.status).toBe(200);
    expect(like.body.post).toMatchObject({ likesCount: 1, viewer: { liked: true } });
    expect((await app.post(`/api/v1/posts/${pub.id}/likes`, undefined, fan.token)).body.post.likesCount).toBe(
      1,
    );
    expect(
      (await app.post(`/api/v1/posts/${pub.id}/likes`, undefined, subscriber.token)).body.post.likesCount,
    ).toBe(2);
    expect((await app.get(`/api/v1/posts/${pub.id}`, fan.token)).body.post.viewer.liked).toBe(true);
    const unlike = await app.del(`/api/v1/posts/${pub.id}/likes`, fan.token);
    expect(unlike.body.post).toMatchObject({ likesCount: 1, viewer: { liked: false } });
    expect((await app.del(`/api/v1/posts/${pub.id}/likes`, fan.token)).body.post.likesCount).toBe(1);
    const locked = await app.post(`/api/v1/posts/${subs.id}/likes`, undefined, fan.token);
    expect(locked.status).toBe(403);
    expect((await app.post(`/api/v1/posts/${pub.id}/likes`)).status).toBe(401);
  });

  it("comments: entitled viewers only, paged oldest first", async () => {
    const denied = await app.post(`/api/v1/posts/${subs.id}/comments`, { text: "let me in" }, fan.token);
    expect(denied.status).toBe(403);
    expect((await app.get(`/api/v1/posts/${subs.id}/comments`, fan.token)).status).toBe(403);
    expect((await app.get(`/api/v1/posts/${subs.id}/comments`)).status).toBe(403);
    expect((await app.get(`/api/v1/posts/${ppv.id}/comments`, subscriber.token)).status).toBe(403);

    for (let i = 0; i < 3; i++) {
      clock.advance(1);
      const r = await app.post(
        `/api/v1/posts/${subs.id}/comments`,
        { text: `comment ${i}` },
        subscriber.token,
      );
      expect(r.status).toBe(201);
      expect(r.body.comment).toMatchObject({
        text: `comment ${i}`,
        author: { username: "sub1" },
        postId: subs.id,
      });
    }
    const first = await app.get(`/api/v1/posts/${subs.id}/comments?limit=2`, subscriber.token);
    expect(first.body.items.map((c: { text: string }) => c.text)).toEqual(["comment 0", "comment 1"]);
    const second = await app.get(
      `/api/v1/posts/${subs.id}/comments?limit=2&cursor=${first.body.nextCursor}`,
      creator.token,
    );
    expect(second.body.items.map((c: { text: string }) => c.text)).toEqual(["comment 2"]);
    expect(second.body.nextCursor).toBeNull();
    expect((await app.get(`/api/v1/posts/${subs.id}`, creator.token)).body.post.commentsCount).toBe(3);
    expect((await app.post(`/api/v1/posts/${subs.id}/comments`, { text: "" }, subscriber.token)).status).toBe(
      400,
    );
    expect((await app.get(`/api/v1/posts/${pub.id}/comments`)).status).toBe(200);
  });

  it("the feed has subscribed creators' posts (PPV locked) and the viewer's own, newest first, paged", async () => {
    const other = await app.creator("othercreator", { priceCents: 0 });
    const otherPost = await app.postAs(other, { text: "Other creator", visibility: "public" });
    const feed = await app.get("/api/v1/feed?limit=50", subscriber.token);
    expect(feed.status).toBe(200);
    const ids = feed.body.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([pub.id, subs.id, ppv.id]));
    expect(ids).not.toContain(otherPost.id);
    const ppvCard = feed.body.items.find((p: { id: string }) => p.id === ppv.id);
    expect(ppvCard).toMatchObject({ locked: true, priceCents: 500 });
    const times = feed.body.items.map((p: { publishedAt: number }) => p.publishedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // paging walks the same list without repeats or gaps
    const walked: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const r: any = await app.get(
        `/api/v1/feed?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        subscriber.token,
      );
      walked.push(...r.body.items.map((p: { id: string }) => p.id));
      cursor = r.body.nextCursor;
    }
    expect(walked).toEqual(ids);

    const own = await app.get("/api/v1/feed", other.token);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([otherPost.id]);
    const empty = await app.get("/api/v1/feed", fan.token);
    expect(empty.body).toEqual({ items: [], nextCursor: null });
    expect((await app.get("/api/v1/feed")).status).toBe(401);
    for (const bad of ["zzz", "AAAA", Buffer.from("12:nothex").toString("base64url")]) {
      const r = await app.get(`/api/v1/feed?cursor=${bad}`, subscriber.token);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe("bad_cursor");
    }
    // A NUL is refused at the edge, before any route (http/middleware/refuse-nul.ts), naming the field.
    const nul = await app.get("/api/v1/feed?cursor=%00", subscriber.token);
    expect(nul.status).toBe(400);
    expect(nul.body.error).toMatchObject({
      code: "invalid_request",
      details: { fields: { cursor: expect.any(String) } },
    });
    expect((await app.get("/api/v1/feed?limit=1000", subscriber.token)).status).toBe(400);
  });

  it("free creators can be subscribed to directly; paid ones need a payment", async () => {
    const free = await app.creator("freebie", { priceCents: 0 });
    const freePost = await app.postAs(free, { text: "free subs only", visibility: "subscribers" });
    const r = await app.post("/api/v1/subscriptions", { creator: "freebie" }, fan.token);
    expect(r.status).toBe(201);
    expect(r.body.subscription).toMatchObject({
      status: "active",
      priceCents: 0,
      creator: { username: "freebie" },
    });
    expect((await app.get(`/api/v1/posts/${freePost.id}`, fan.token)).body.post.locked).toBe(false);
    expect((await app.post("/api/v1/subscriptions", { creator: "freebie" }, fan.token)).status).toBe(409);
    expect((await app.post("/api/v1/subscriptions", { creator: "freebie" }, free.token)).status).toBe(400);
    expect((await app.post("/api/v1/subscriptions", { creator: "studio" }, fan.token)).status).toBe(402);
    expect((await app.post("/api/v1/subscriptions", { creator: "nobody" }, fan.token)).status).toBe(404);
    const list = await app.get("/api/v1/subscriptions", fan.token);
    expect(list.body.items.map((s: { creator: { username: string } }) => s.creator.username)).toEqual([
      "freebie",
    ]);
    const cancel = await app.del(`/api/v1/subscriptions/${r.body.subscription.id}`, fan.token);
    expect(cancel.body.subscription).toMatchObject({ autoRenew: false, status: "canceled" });
    expect((await app.del(`/api/v1/subscriptions/${r.body.subscription.id}`, subscriber.token)).status).toBe(
      404,
    );
    expect((await app.get(`/api/v1/posts/${freePost.id}`, fan.token)).body.post.locked).toBe(false);
  });
  // Last: it moves the clock past every session lifetime.
  it("an expired subscription locks again", async () => {
    const lapsed = await app.signup();
    await app.grant(lapsed, creator, 1);
    expect((await app.get(`/api/v1/posts/${subs.id}`, lapsed.token)).body.post.locked).toBe(false);
    clock.advance(29 * 24 * HOUR); // keep the session alive (sliding expiry) while the subscription runs out
    expect((await app.get(`/api/v1/posts/${subs.id}`, lapsed.token)).body.post.locked).toBe(false);
    clock.advance(2 * 24 * HOUR);
    expect((await app.get(`/api/v1/posts/${subs.id}`, lapsed.token)).body.post.locked).toBe(true);
    await app.services.subscriptions.processDue();
    const list = await app.get("/api/v1/subscriptions", lapsed.token);
    expect(list.body.items[0]).toMatchObject({ status: "expired" });
  });
});
