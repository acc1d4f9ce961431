// GDPR: the data export (a job making a zip of everything of the person and nothing of anyone else,
// downloadable by its owner until it expires, then removed) and the erasure of an account (content and
// media gone, a pseudonym left, money records kept and balanced, sign-up again possible).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import yauzl from "yauzl";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { jobHandlers } from "../../src/services.ts";
import * as fx from "../fixtures/media.ts";

/** Every file of a zip, by name. */
function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((ok, fail) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return fail(err);
      const out = new Map<string, Buffer>();
      zip.on("entry", (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return fail(err2);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => {
            out.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => ok(out));
      zip.on("error", fail);
      zip.readEntry();
    });
  });
}

const DAY = 86_400_000;

describe("GDPR export and erasure", () => {
  const clock = new TestClock();
  let app: TestApp;
  let subject: Actor, other: Actor, star: Actor, admin: Actor;
  let subjectPost: string, starPost: string, photoId: string, photo: Buffer;
  const otherTexts = [
    "Other person's secret post",
    "Other person's comment",
    "Other person's private message",
  ] as const;
  const otherTxnIds: string[] = [];

  const waitExport = async (id: string, who: Actor) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      const r = await app.get(`/api/v1/users/me/exports/${id}`, who.token);
      if (r.body.export.status !== "queued" && r.body.export.status !== "running") return r.body.export;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error("export did not finish");
  };
  const ready = async (id: string, who: Actor) => {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const m = await app.get(`/api/v1/media/${id}`, who.token);
      if (m.body.media.status !== "processing") return m.body.media;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  const conversation = async (a: Actor, b: Actor) =>
    (await app.post("/api/v1/conversations", { username: b.user.username }, a.token)).body.conversation
      .id as string;
  const send = async (a: Actor, conv: string, text: string) => {
    const r = await app.post(`/api/v1/conversations/${conv}/messages`, { text }, a.token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.message.id as string;
  };

  let subjectStream = "";
  let subjectKey = "";
  beforeAll(async () => {
    app = await startTestApp({
      jobs: true,
      clock,
      env: { FANZ_PRIVACY__EXPORTS_PER_DAY: "3", FANZ_WEBHOOKS__ALLOW_PRIVATE: "true" },
    });
    admin = await app.signupAdmin();
    star = await app.creator("star", { priceCents: 500, dmPolicy: "everyone" });
    // The subject came through star's referral link and keeps a fan list of their own.
    const joined = await app.post("/api/v1/auth/signup", {
      email: "subject@example.com",
      username: "subject",
      password: "password-123",
      ageConfirmed: true,
      ref: "star",
    });
    subject = { token: joined.body.token, user: joined.body.user };
    const profile = { priceCents: 300, dmPolicy: "everyone", bio: "Subject's own bio" };
    expect((await app.put("/api/v1/creators/me", profile, subject.token)).status).toBe(200);
    await app.verifyEmail(subject);
    expect((await app.post("/api/v1/lists", { name: "Regulars" }, subject.token)).status).toBe(201);
    other = await app.creator("other", { priceCents: 300, dmPolicy: "everyone" });
    starPost = (await app.postAs(star, { text: "Star's public post", visibility: "public" })).id;

    // The subject: a photo, a post with it, a comment and a like, money, a subscription, messages.
    photo = await fx.jpeg(640, 480);
    const up = await app.upload(subject, photo, "beach.jpg");
    photoId = up.body.media.id;
    await ready(photoId, subject);
    subjectPost = (
      await app.postAs(subject, { text: "Subject's own post", visibility: "public", mediaIds: [photoId] })
    ).id;
    expect(
      (await app.post(`/api/v1/posts/${starPost}/comments`, { text: "Subject's comment" }, subject.token))
        .status,
    ).toBe(201);
    expect((await app.post(`/api/v1/posts/${starPost}/likes`, undefined, subject.token)).status).toBe(200);
    await app.topup(subject, 5000);
    expect((await app.post("/api/v1/subscriptions", { creator: "star" }, subject.token)).status).toBe(201);
    expect(
      (await app.post("/api/v1/tips", { creator: "star", amountCents: 250 }, subject.token)).status,
    ).toBe(201);
    // A stream the subject scheduled, and their stream key.
    const stream = await app.post(
      "/api/v1/live/streams",
      { title: "Subject's late show", access: "public", scheduledAt: clock.now() + 86_400_000 },
      subject.token,
    );
    expect(stream.status).toBe(201);
    subjectStream = stream.body.stream.id;
    expect((await app.get("/api/v1/live/key", subject.token)).status).toBe(200);
    // An API key and a webhook (integrations): exported without their secrets, erased with the account.
    const key = await app.post(
      "/api/v1/api-keys",
      { name: "Subject's scheduler", scopes: ["posts:read"] },
      subject.token,
    );
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    subjectKey = key.body.apiKey.key;
    const hook = await app.post(
      "/api/v1/webhooks",
      { url: "http://127.0.0.1:9/subject-hook", events: ["subscription.started"] },
      subject.token,
    );
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const conv = await conversation(subject, star);
    await send(subject, conv, "Subject writes to the star");
    await send(star, conv, "The star answers the subject");

    // Someone else's life on the same site, which must stay out of the subject's export.
    await app.postAs(other, { text: otherTexts[0], visibility: "public" });
    await app.post(`/api/v1/posts/${starPost}/comments`, { text: otherTexts[1] }, other.token);
    await app.topup(other, 3000);
    const tip = await app.post("/api/v1/tips", { creator: "star", amountCents: 400 }, other.token);
    expect(tip.status).toBe(201);
    await send(other, await conversation(other, star), otherTexts[2]);
    const rows = (await app.raw
      .prepare("SELECT id FROM ledger_transactions WHERE user_id = ?")
      .all(other.user.id)) as {
      id: string;
    }[];
    otherTxnIds.push(...rows.map((r) => r.id));
    expect(otherTxnIds.length).toBeGreaterThan(1);
  }, 60_000);
  afterAll(() => app?.close());

  describe("export", () => {
    let exportId: string;
    let files: Map<string, Buffer>;

    it("queues a job (202), refuses a second while one is running (409), and becomes ready", async () => {
      // The queue held still, so the first export is certainly not finished when the second is asked.
      await app.services.jobs.stop(5000);
      const r = await app.post("/api/v1/users/me/export", undefined, subject.token);
      expect(r.status).toBe(202);
      expect(r.body.export).toMatchObject({ status: "queued", downloadUrl: null });
      exportId = r.body.export.id;
      const again = await app.post("/api/v1/users/me/export", undefined, subject.token);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("export_running");
      app.services.jobs.start(jobHandlers(app.services), 1);
      const done = await waitExport(exportId, subject);
      expect(done).toMatchObject({
        status: "ready",
        downloadUrl: `/api/v1/users/me/exports/${exportId}/download`,
      });
      expect(done.expiresAt - done.readyAt).toBe(7 * DAY);
      const list = await app.get("/api/v1/users/me/exports", subject.token);
      expect(list.body.items[0].id).toBe(exportId);
      const audit = (await app.raw
        .prepare("SELECT action, target_id FROM audit_log WHERE actor_id = ? AND action = 'gdpr.export'")
        .all(subject.user.id)) as { target_id: string }[];
      expect(audit).toHaveLength(1);
    }, 40_000);

    it("lets only the owner see and download it", async () => {
      expect((await app.get(`/api/v1/users/me/exports/${exportId}`, other.token)).status).toBe(404);
      expect((await app.get(`/api/v1/users/me/exports/${exportId}/download`, other.token)).status).toBe(404);
      expect((await app.get(`/api/v1/users/me/exports/${exportId}/download`, admin.token)).status).toBe(404);
      expect((await app.get(`/api/v1/users/me/exports/${exportId}/download`)).status).toBe(401);
      const res = await app.getRaw(`/api/v1/users/me/exports/${exportId}/download`, subject);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/zip");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="data-export-.*\.zip"$/);
      files = await unzip(Buffer.from(await res.arrayBuffer()));
    });

    it("holds everything of the person", async () => {
      const j = (name: string) => JSON.parse(files.get(name)!.toString("utf8"));
      expect(j("live.json").liveStreams).toEqual([
        expect.objectContaining({ id: subjectStream, title: "Subject's late show", status: "scheduled" }),
      ]);
      expect([...files.keys()]).toEqual(
        expect.arrayContaining([
          "README.txt",
          "profile.json",
          "sessions.json",
          "posts.json",
          "messages.json",
          "subscriptions.json",
          "money.json",
          "payouts.json",
          "notifications.json",
          "media.json",
          "live.json",
          "growth.json",
          "integrations.json",
        ]),
      );
      expect(j("growth.json")).toEqual({
        referredBy: "star",
        fanLists: [expect.objectContaining({ name: "Regulars", memberCount: 0 })],
      });
      const profile = j("profile.json");
      expect(profile.account).toMatchObject({
        id: subject.user.id,
        email: "subject@example.com",
        username: "subject",
      });
      expect(profile.account.passwordHash).toBeUndefined();
      expect(profile.creatorProfile).toMatchObject({ bio: "Subject's own bio", priceCents: 300 });
      const integrations = j("integrations.json");
      expect(integrations.apiKeys).toEqual([
        expect.objectContaining({ name: "Subject's scheduler", scopes: ["posts:read"] }),
      ]);
      expect(integrations.webhooks).toEqual([
        expect.objectContaining({ url: "http://127.0.0.1:9/subject-hook", events: ["subscription.started"] }),
      ]);
      expect(files.get("integrations.json")!.toString("utf8")).not.toContain(subjectKey);
      expect(JSON.stringify(integrations)).not.toMatch(/secret|hash/i);
      expect(j("sessions.json").sessions.length).toBeGreaterThan(0);
      expect(JSON.stringify(j("sessions.json"))).not.toMatch(/secret/i);
      const posts = j("posts.json");
      expect(posts.posts.map((p: { text: string }) => p.text)).toEqual(["Subject's own post"]);
      expect(posts.comments).toEqual([
        expect.objectContaining({ postId: starPost, text: "Subject's comment" }),
      ]);
      expect(posts.likes).toEqual([expect.objectContaining({ postId: starPost })]);
      const convs = j("messages.json").conversations;
      expect(convs).toHaveLength(1);
      expect(convs[0].with).toBe("star");
      expect(convs[0].messages.map((m: { from: string; text: string }) => [m.from, m.text])).toEqual([
        ["me", "Subject writes to the star"],
        ["star", "The star answers the subject"],
      ]);
      expect(j("subscriptions.json").subscriptions).toEqual([
        expect.objectContaining({ creator: "star", status: "active", priceCents: 500 }),
      ]);
      const money = j("money.json");
      expect(money.transactions.map((t: { kind: string }) => t.kind).sort()).toEqual([
        "subscription",
        "tip",
        "topup",
      ]);
      expect(money.transactions.find((t: { kind: string }) => t.kind === "tip")).toMatchObject({
        creator: "star",
        amountCents: 250,
      });
      const wallet = money.accounts.find((a: { kind: string }) => a.kind === "wallet");
      expect(wallet.balanceCents).toBe(5000 - 500 - 250);
      expect(
        money.ledgerLines
          .filter((l: { account: string }) => l.account === "wallet")
          .map((l: { amountCents: number }) => l.amountCents)
          .sort(),
      ).toEqual([-500, -250, 5000].sort());
      const media = j("media.json").media;
      expect(media).toEqual([
        expect.objectContaining({
          id: photoId,
          originalName: "beach.jpg",
          file: `media/${photoId}-beach.jpg`,
        }),
      ]);
      expect(files.get(`media/${photoId}-beach.jpg`)!.equals(photo)).toBe(true);
      expect(j("notifications.json").notifications.length).toBeGreaterThan(0);
    });

    it("holds nothing of anyone else: no other person's ids, texts or ledger lines in any file", () => {
      const forbidden = [
        other.user.id,
        star.user.id,
        admin.user.id,
        "other@example.com",
        ...otherTexts,
        ...otherTxnIds,
      ];
      for (const [name, bytes] of files) {
        const text = bytes.toString("latin1");
        for (const f of forbidden) expect(text.includes(f), `${f} in ${name}`).toBe(false);
      }
      // The other person's username appears nowhere either (they are in none of the subject's conversations).
      for (const [name, bytes] of files) {
        if (name.startsWith("media/")) continue;
        expect(bytes.toString("utf8").includes('"other"'), name).toBe(false);
      }
    });

    it("rate-limits exports per day", async () => {
      for (let i = 0; i < 2; i++) {
        const r = await app.post("/api/v1/users/me/export", undefined, subject.token);
        expect(r.status).toBe(202);
        await waitExport(r.body.export.id, subject);
      }
      const limited = await app.post("/api/v1/users/me/export", undefined, subject.token);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("rate_limited");
    }, 60_000);

    it("expires: after the download time the sweep removes the file and the download is gone", async () => {
      const dir = join(app.dir, "media", "exports", exportId);
      expect(readdirSync(dir)).toEqual(["fanz-data-export.zip"]);
      clock.advance(7 * DAY + 1000);
      expect(await app.services.privacy.expireExports()).toBeGreaterThanOrEqual(1);
      await new Promise((ok) => setTimeout(ok, 200));
      expect(existsSync(dir)).toBe(false);
      expect(
        (await app.get(`/api/v1/users/me/exports/${exportId}`, subject.token)).body.export,
      ).toMatchObject({
        status: "expired",
        downloadUrl: null,
      });
      const gone = await app.get(`/api/v1/users/me/exports/${exportId}/download`, subject.token);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe("export_expired");
    });
  });

  describe("erasure", () => {
    it("refuses a wrong password and changes nothing", async () => {
      const r = await app.call("DELETE", "/api/v1/users/me", {
        token: subject.token,
        body: { password: "nope-nope" },
      });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe("wrong_password");
      expect((await app.get("/api/v1/users/me", subject.token)).status).toBe(200);
      expect((await app.get(`/api/v1/posts/${subjectPost}`)).status).toBe(200);
    });

    it("refuses a creator with money still due (409 balance_due, saying how it is paid)", async () => {
      const r = await app.call("DELETE", "/api/v1/users/me", {
        token: star.token,
        body: { password: "password-123" },
      });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("balance_due");
      expect(r.body.error.message).toMatch(/request a payout/);
      expect((await app.get("/api/v1/users/me", star.token)).status).toBe(200);
    });

    it("asks a fan to confirm that the wallet balance is forfeited", async () => {
      const r = await app.call("DELETE", "/api/v1/users/me", {
        token: subject.token,
        body: { password: "password-123" },
      });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("wallet_not_empty");
      expect(r.body.error.message).toMatch(/42\.50 USD.*forfeits/);
      expect((await app.get("/api/v1/users/me", subject.token)).status).toBe(200);
    });

    it("erases: 204, log-in refused, sessions gone, content and media removed, money kept and balanced", async () => {
      const before = (await app.get(`/api/v1/posts/${starPost}`, star.token)).body.post;
      const r = await app.call("DELETE", "/api/v1/users/me", {
        token: subject.token,
        body: { password: "password-123", confirmForfeit: true },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(204);
      expect((await app.get("/api/v1/users/me", subject.token)).status).toBe(401);
      const login = await app.post("/api/v1/auth/login", {
        email: "subject@example.com",
        password: "password-123",
      });
      expect(login.status).toBe(401);
      // The API key no longer answers, and no key or webhook of the person is left.
      expect((await app.get("/api/v1/feed", subjectKey)).status).toBe(401);
      for (const table of ["api_keys", "webhooks"])
        expect(
          await app.raw.prepare(`SELECT id FROM ${table} WHERE user_id = ?`).all(subject.user.id),
        ).toEqual([]);
      // Live: the stream row stays (the ledger may point at it) without its title, no longer scheduled;
      // the stream key is gone, so the ingest refuses it.
      expect(
        await app.raw.prepare("SELECT title, status FROM live_streams WHERE id = ?").get(subjectStream),
      ).toEqual({ title: "", status: "ended" });
      expect(
        await app.raw.prepare("SELECT * FROM live_keys WHERE creator_id = ?").get(subject.user.id),
      ).toBeUndefined();
      // The account is a pseudonym, status deleted.
      const row = (await app.raw.prepare("SELECT * FROM users WHERE id = ?").get(subject.user.id)) as Record<
        string,
        unknown
      >;
      expect(row).toMatchObject({
        status: "deleted",
        username: `deleted_${subject.user.id}`,
        email: `deleted_${subject.user.id}@deleted.invalid`,
        display_name: "Deleted account",
      });
      expect(
        (await app.raw
          .prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?")
          .get(subject.user.id)) as { n: number },
      ).toMatchObject({ n: 0 });
      // Profile, posts, comments, likes.
      expect((await app.get("/api/v1/creators/subject")).status).toBe(404);
      expect((await app.get(`/api/v1/posts/${subjectPost}`)).status).toBe(404);
      const starNow = (await app.get(`/api/v1/posts/${starPost}`, star.token)).body.post;
      expect(starNow.likesCount).toBe(before.likesCount - 1);
      expect(starNow.commentsCount).toBe(before.commentsCount - 1);
      const comments = (await app.get(`/api/v1/posts/${starPost}/comments`, star.token)).body.items;
      expect(comments.map((c: { text: string }) => c.text)).toEqual([otherTexts[1]]);
      const postRow = (await app.raw.prepare("SELECT text FROM posts WHERE id = ?").get(subjectPost)) as {
        text: string;
      };
      expect(postRow.text).toBe("");
      // Messages: the star's conversation keeps their own words only.
      const conv = await conversation(star, other); // unrelated, to be sure the inbox still works
      expect(conv).toBeTruthy();
      const mine = (await app.raw
        .prepare("SELECT text, unsent_at FROM messages WHERE sender_id = ?")
        .all(subject.user.id)) as {
        text: string;
        unsent_at: number | null;
      }[];
      expect(mine.length).toBe(1);
      expect(mine.every((m) => m.text === "" && m.unsent_at !== null)).toBe(true);
      // Media rows and files.
      expect(
        (await app.raw
          .prepare("SELECT count(*) AS n FROM media WHERE owner_id = ?")
          .get(subject.user.id)) as { n: number },
      ).toMatchObject({ n: 0 });
      await new Promise((ok) => setTimeout(ok, 300));
      expect(existsSync(join(app.dir, "media", photoId))).toBe(false);
      // No renewals.
      const subs = (await app.raw
        .prepare("SELECT auto_renew FROM subscriptions WHERE fan_id = ?")
        .all(subject.user.id)) as {
        auto_renew: number | boolean;
      }[];
      expect(subs.length).toBe(1);
      expect(Boolean(subs[0]!.auto_renew)).toBe(false);
      // Money: every line kept, the wallet forfeited to the site, the books balanced.
      const kinds = (await app.raw
        .prepare("SELECT kind FROM ledger_transactions WHERE user_id = ? ORDER BY kind")
        .all(subject.user.id)) as {
        kind: string;
      }[];
      expect(kinds.map((k) => k.kind)).toEqual(["forfeit", "subscription", "tip", "topup"]);
      const wallet = (await app.raw
        .prepare("SELECT balance_cents FROM ledger_accounts WHERE owner_id = ? AND kind = 'wallet'")
        .get(subject.user.id)) as { balance_cents: number };
      expect(Number(wallet.balance_cents)).toBe(0);
      const health = await app.ledgerHealth();
      expect(health).toEqual({ unbalanced: [], drifted: [] });
      // The audit entry (the id only) and the event the compliance records' keeper listens to.
      const audit = (await app.raw
        .prepare("SELECT target_id, details FROM audit_log WHERE action = 'gdpr.erase'")
        .all()) as {
        target_id: string;
      }[];
      expect(audit.map((a) => a.target_id)).toEqual([subject.user.id]);
      const ev = (await app.raw.prepare("SELECT payload FROM events WHERE name = 'user.erased'").all()) as {
        payload: string;
      }[];
      expect(ev.map((e) => JSON.parse(e.payload).userId)).toEqual([subject.user.id]);
      // Gone from discover.
      const list = await app.get("/api/v1/creators?limit=50");
      expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(subject.user.id);
    });

    it("lets the person sign up again with the same e-mail and username", async () => {
      const r = await app.post("/api/v1/auth/signup", {
        email: "subject@example.com",
        username: "subject",
        password: "password-456",
        ageConfirmed: true,
      });
      expect(r.status).toBe(201);
      expect(r.body.user.id).not.toBe(subject.user.id);
      expect((await app.get("/api/v1/users/me/exports", r.body.token)).body.items).toEqual([]);
    });
  });
});
