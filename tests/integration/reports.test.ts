// Reports and moderation on a real database (both engines), over real HTTP: every target type can be
// reported by someone who can see it (else 404), once while open, a limited number per hour; admins see
// the queue with previews and resolve: dismiss, remove the content (through its owner: the post, comment,
// message or live stream goes), or ban the author. The reporter is told it was handled, the author of a
// removal is told, and every resolution is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../src/modules/live/ingest.ts";
import { REPORTS_PER_HOUR } from "../../src/modules/moderation/service.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

describe("reports and moderation", () => {
  let app: TestApp;
  let admin: Actor, author: Actor, reporter: Actor, bystander: Actor, troll: Actor;
  let post: { id: string }, hidden: { id: string }, commentId: string, messageId: string, streamId: string;
  let conversationId: string;

  const report = (who: Actor, type: string, id: string, reason = "spam", details?: string) =>
    app.post("/api/v1/reports", { target: { type, id }, reason, details }, who.token);
  const queue = async (status = "open") =>
    (await app.get(`/api/v1/admin/reports?status=${status}&limit=100`, admin.token)).body.items as any[];
  const resolve = (id: string, action: string, note?: string) =>
    app.post(`/api/v1/admin/reports/${id}/resolve`, { action, note }, admin.token);
  const notes = async (a: Actor) =>
    (await app.get("/api/v1/notifications", a.token)).body.items as { kind: string; text: string }[];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signupAdmin();
    author = await app.creator("maker", { priceCents: 0, dmPolicy: "everyone" });
    troll = await app.signup("troll");
    reporter = await app.signup("watcher");
    bystander = await app.signup("bystander");
    post = await app.postAs(author, { text: "Buy followers cheap!!!", visibility: "public" });
    hidden = await app.postAs(author, { text: "a draft", visibility: "public", draft: true });
    const c = await app.post(`/api/v1/posts/${post.id}/comments`, { text: "you are awful" }, troll.token);
    expect(c.status).toBe(201);
    commentId = c.body.comment.id;
    // The creator writes to the reporter, who subscribed (free).
    expect((await app.post("/api/v1/subscriptions", { creator: "maker" }, reporter.token)).status).toBe(201);
    const convo = await app.post("/api/v1/conversations", { username: "watcher" }, author.token);
    conversationId = convo.body.conversation.id;
    const m = await app.post(
      `/api/v1/conversations/${conversationId}/messages`,
      { text: "send me money", clientId: "m1" },
      author.token,
    );
    expect(m.status).toBe(201);
    messageId = m.body.message.id;
    const key = (await app.post("/api/v1/live/key/rotate", undefined, author.token)).body.streamKey;
    const s = await app.post(
      "/api/v1/live/streams",
      { title: "Shady stream", access: "public" },
      author.token,
    );
    streamId = s.body.stream.id;
    expect((await app.services.live.ingestHooks.publish(hashKey(key)))?.streamId).toBe(streamId);
  });
  afterAll(() => app.close());

  it("each target type can be reported by someone who sees it; the queue shows what it said and who", async () => {
    const made = [
      await report(reporter, "post", post.id, "spam", "Selling followers"),
      await report(reporter, "comment", commentId, "harassment"),
      await report(reporter, "message", messageId, "spam"),
      await report(reporter, "user", troll.user.id, "harassment"),
      await report(reporter, "stream", streamId, "illegal"),
    ];
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(made[0]!.body.report).toMatchObject({
      status: "open",
      reason: "spam",
      details: "Selling followers",
      target: { type: "post", id: post.id },
      preview: { text: "Buy followers cheap!!!", author: { username: "maker" }, link: `/posts/${post.id}` },
      reporter: { username: "watcher" },
      resolution: null,
    });
    const q = await queue();
    // Oldest first, each with its preview.
    expect(q.map((r) => r.target.type)).toEqual(["post", "comment", "message", "user", "stream"]);
    expect(q[1].preview).toMatchObject({ text: "you are awful", author: { username: "troll" } });
    expect(q[2].preview).toMatchObject({ text: "send me money", link: null });
    expect(q[3].preview).toMatchObject({ text: "troll (@troll)", link: "/troll" });
    expect(q[4].preview).toMatchObject({ text: "Shady stream", link: `/live/${streamId}` });
  });

  it("a target that does not exist or the reporter cannot see is 404; own content, duplicates and floods are refused", async () => {
    expect((await report(reporter, "post", "a".repeat(26))).status).toBe(404);
    // A draft is only its creator's; a message belongs to its two people.
    expect((await report(bystander, "post", hidden.id)).status).toBe(404);
    expect((await report(bystander, "message", messageId)).status).toBe(404);
    expect((await report(bystander, "user", "b".repeat(26))).status).toBe(404);
    const own = await report(troll, "comment", commentId);
    expect(own.status).toBe(400);
    expect(own.body.error.code).toBe("self_report");
    const dup = await report(reporter, "post", post.id, "other");
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("already_reported");
    const bad = await app.post(
      "/api/v1/reports",
      { target: { type: "post", id: post.id }, reason: "meh" },
      bystander.token,
    );
    expect(bad.status).toBe(400);
    expect(
      (await app.post("/api/v1/reports", { target: { type: "post", id: post.id }, reason: "spam" })).status,
    ).toBe(401);

    // The limit counts every attempt by one person in an hour.
    const flooder = await app.signup("flooder");
    const statuses: number[] = [];
    for (let i = 0; i < REPORTS_PER_HOUR + 1; i++)
      statuses.push((await report(flooder, "user", troll.user.id)).status);
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1, REPORTS_PER_HOUR)).toEqual(Array(REPORTS_PER_HOUR - 1).fill(409));
    expect(statuses[REPORTS_PER_HOUR]).toBe(429);
    expect((await queue()).filter((r) => r.reporter.username === "flooder")).toHaveLength(1);
  });

  it("dismiss: the content stays, the reporter is told", async () => {
    const r = (await queue()).find((x) => x.target.type === "user" && x.reporter.username === "flooder")!;
    const res = await resolve(r.id, "dismiss", "Not a violation");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      removed: false,
      report: {
        status: "resolved",
        resolution: { action: "dismiss", note: "Not a violation", by: { username: "admin" } },
      },
    });
    expect((await app.get("/api/v1/users/me", troll.token)).status).toBe(200);
    const flooder = await app.post("/api/v1/auth/login", {
      email: "flooder@example.com",
      password: "password-123",
    });
    expect((await notes(flooder.body))[0]).toMatchObject({ kind: "report_handled" });
    expect((await notes(flooder.body))[0]!.text).toContain("stays up");
    expect((await resolve(r.id, "dismiss")).body.error.code).toBe("already_resolved");
    // Resolved ones are listed newest first.
    expect((await queue("resolved")).map((x) => x.id)).toEqual([r.id]);
  });

  it("remove_content removes a post, a comment, a message and ends a stream; both sides are told", async () => {
    const q = await queue();
    const of = (type: string) => q.find((x) => x.target.type === type && x.reporter.username === "watcher")!;

    expect((await resolve(of("post").id, "remove_content", "Spam")).body.removed).toBe(true);
    expect((await app.get(`/api/v1/posts/${post.id}`)).status).toBe(404);

    // Another post for the comment (the first one is gone).
    expect((await resolve(of("comment").id, "remove_content")).body.removed).toBe(true);
    expect(
      Number(
        (
          (await app.raw.prepare("SELECT count(*) AS n FROM post_comments WHERE id = ?").get(commentId)) as {
            n: number;
          }
        ).n,
      ),
    ).toBe(0);

    expect((await resolve(of("message").id, "remove_content")).body.removed).toBe(true);
    const msgs = await app.get(`/api/v1/conversations/${conversationId}/messages`, reporter.token);
    expect(msgs.body.items.map((m: { id: string }) => m.id)).not.toContain(messageId);

    const ended = await resolve(of("stream").id, "remove_content", "Not allowed here");
    expect(ended.body.removed).toBe(true);
    expect((await app.get(`/api/v1/live/streams/${streamId}`, reporter.token)).body.stream.status).toBe(
      "ended",
    );

    // A profile cannot be "removed".
    const u = await resolve(of("user").id, "remove_content");
    expect(u.status).toBe(400);
    expect(u.body.error.code).toBe("not_removable");

    const authorNotes = (await notes(author)).filter((n) => n.kind === "content_removed");
    expect(authorNotes.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        "Moderators removed your post for breaking the site's rules: Spam",
        "Moderators removed your live stream for breaking the site's rules: Not allowed here",
        "Moderators removed your message for breaking the site's rules.",
      ]),
    );
    expect((await notes(troll)).filter((n) => n.kind === "content_removed")).toHaveLength(1);
    const handled = (await notes(reporter)).filter((n) => n.kind === "report_handled");
    expect(handled).toHaveLength(4);
    expect(handled.some((n) => n.text.includes("the comment was removed"))).toBe(true);
  });

  it("ban_user bans the author as an admin ban does; the reporter is told", async () => {
    const r = (await queue()).find((x) => x.target.type === "user" && x.reporter.username === "watcher")!;
    const trollSession = troll.token;
    const res = await resolve(r.id, "ban_user", "Harassing people");
    expect(res.status).toBe(200);
    expect((await app.get("/api/v1/users/me", trollSession)).status).toBe(401);
    const login = await app.post("/api/v1/auth/login", {
      email: "troll@example.com",
      password: "password-123",
    });
    expect(login.body.error.code).toBe("banned");
    expect((await notes(reporter))[0]!.text).toContain("the account was banned");
    const ban = (await app.get(`/api/v1/admin/audit?action=user.ban&target=${troll.user.id}`, admin.token))
      .body.items;
    expect(ban[0].details).toMatchObject({ reason: "Harassing people", via: `report:${r.id}` });
  });

  it("every resolution is in the audit log with its action, note and target", async () => {
    const entries = (await app.get("/api/v1/admin/audit?action=report.resolve&limit=100", admin.token)).body
      .items;
    expect(entries).toHaveLength(6);
    for (const e of entries)
      expect(e).toMatchObject({
        actor: { id: admin.user.id },
        target: { type: "report", id: expect.any(String) },
        ip: expect.any(String),
        details: { action: expect.stringMatching(/^(dismiss|remove_content|ban_user)$/) },
      });
    expect(entries.map((e: any) => e.details.target.type).sort()).toEqual(
      ["comment", "message", "post", "stream", "user", "user"].sort(),
    );
    expect((await queue()).filter((x) => x.reporter.username === "watcher")).toHaveLength(0);
  });
});
