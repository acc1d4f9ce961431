// In-app notifications through the real app: each says who did it and how much, links to what it is
// about, groups likes, comments and messages of one thing while unread, and follows the person's channel
// choices per kind (GET/PUT /users/me/notification-settings).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import type { DomainEvents } from "../../src/events/types.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("notifications", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor, ana: Actor;
  let post: { id: string };

  const notes = async (a: Actor) => (await app.get("/api/v1/notifications?limit=50", a.token)).body;
  const kinds = async (a: Actor, kind: string) =>
    (await notes(a)).items.filter((n: { kind: string }) => n.kind === kind);
  /** A person with a display name (the helper's sign-up leaves it as the username). */
  const person = async (username: string, displayName?: string): Promise<Actor> => {
    const r = await app.post("/api/v1/auth/signup", {
      email: `${username}@example.com`,
      username,
      password: "password-123",
      ageConfirmed: true,
      ...(displayName === undefined ? {} : { displayName }),
    });
    expect(r.status).toBe(201);
    return { token: r.body.token, user: r.body.user };
  };
  const like = (a: Actor, postId = post.id) => app.post(`/api/v1/posts/${postId}/likes`, undefined, a.token);
  const message = (e: Partial<DomainEvents["message.sent"]> & { senderId: string; recipientId: string }) =>
    app.ctx.db.write((tx) =>
      app.ctx.events.publish(tx, "message.sent", {
        messageId: `m${Math.random().toString(36).slice(2)}`,
        conversationId: "conv-1",
        priceCents: 0,
        currency: "USD",
        massMessageId: null,
        ...e,
      }),
    );

  beforeAll(async () => {
    app = await startTestApp({ clock });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    creator = await app.creator("studio", { priceCents: 1000, displayName: "Studio Nine" });
    ana = await person("ana", "Ana");
    post = await app.postAs(creator, { text: "hello", visibility: "public" });
  });
  afterAll(() => app.close());

  it("sales name the fan and the amount and link to what was bought", async () => {
    await app.topup(ana, 5000);
    const ppv = await app.postAs(creator, { text: "paid", visibility: "ppv", priceCents: 500 });
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "studio", payWith: "wallet" }, ana.token)).status,
    ).toBe(201);
    expect((await app.post(`/api/v1/posts/${ppv.id}/unlock`, { payWith: "wallet" }, ana.token)).status).toBe(
      200,
    );
    const tip = await app.post(
      "/api/v1/tips",
      { creator: "studio", amountCents: 250, message: "thanks!", payWith: "wallet" },
      ana.token,
    );
    expect(tip.status).toBe(201);

    const [sub] = await kinds(creator, "new_subscriber");
    expect(sub).toMatchObject({
      text: "Ana subscribed to you for 10.00 USD.",
      link: "/earnings",
      actorIds: [ana.user.id],
    });
    expect(sub.data).toMatchObject({ fanId: ana.user.id, amountCents: 1000, currency: "USD" });
    const [sale] = await kinds(creator, "ppv_sale");
    expect(sale).toMatchObject({ text: "Ana unlocked your post for 5.00 USD.", link: `/posts/${ppv.id}` });
    const [t] = await kinds(creator, "tip");
    expect(t).toMatchObject({ text: "Ana sent you a tip of 2.50 USD.", link: "/earnings" });
    expect(t.data.message).toBe("thanks!");
  });

  it("a person without a display name is named by @username", async () => {
    const bare = await person("plainfan");
    // Sign-up makes the username the display name when none is given; an account from before that rule
    // (or an import) may have none.
    await app.raw.prepare("UPDATE users SET display_name = '' WHERE id = ?").run(bare.user.id);
    await app.topup(bare, 1000);
    await app.post("/api/v1/tips", { creator: "studio", amountCents: 100, payWith: "wallet" }, bare.token);
    const t = (await kinds(creator, "tip")).find((n: any) => n.data.fanId === bare.user.id);
    expect(t.text).toBe("@plainfan sent you a tip of 1.00 USD.");
  });

  it("free trials and free subscriptions say so; renewals tell both sides what was charged", async () => {
    const trialist = await app.creator("trialist", { priceCents: 800, trialDays: 7, displayName: "Tria" });
    const bo = await person("bobo", "Bo");
    await app.topup(bo, 2000);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "trialist", payWith: "wallet" }, bo.token)).status,
    ).toBe(201);
    expect((await kinds(trialist, "trial_started"))[0].text).toBe(
      "Bo started a free trial of your subscription.",
    );

    clock.advance(7 * DAY + 1);
    await app.services.subscriptions.processDue();
    expect((await kinds(trialist, "subscription_renewed"))[0]).toMatchObject({
      text: "Bo renewed their subscription to you for 8.00 USD.",
      link: "/earnings",
    });
    expect((await kinds(bo, "subscription_renewed"))[0]).toMatchObject({
      text: "Your subscription to Tria renewed for 8.00 USD.",
      link: "/trialist",
    });

    // The creator's renewals group while unread; each fan still hears of their own.
    const cleo = await person("cleo", "Cleo");
    await app.topup(cleo, 2000);
    await app.post("/api/v1/subscriptions", { creator: "trialist", payWith: "wallet" }, cleo.token);
    clock.advance(7 * DAY + 1);
    await app.services.subscriptions.processDue();
    const renewals = await kinds(trialist, "subscription_renewed");
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ text: "Cleo and Bo renewed their subscriptions to you.", count: 2 });
    expect((await kinds(cleo, "subscription_renewed"))[0].text).toBe(
      "Your subscription to Tria renewed for 8.00 USD.",
    );

    const free = await app.creator("freebie", { priceCents: 0, displayName: "Free Bie" });
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "freebie", payWith: "wallet" }, bo.token)).status,
    ).toBe(201);
    expect((await kinds(free, "new_subscriber"))[0].text).toBe("Bo subscribed to you for free.");
  });

  it("a refund names the creator and the amount", async () => {
    const list = await app.get("/api/v1/admin/transactions?limit=100", admin.token);
    const unlock = list.body.items.find((t: any) => t.kind === "ppv" && t.user?.username === "ana");
    expect(
      (await app.post(`/api/v1/admin/transactions/${unlock.id}/refund`, undefined, admin.token)).status,
    ).toBe(200);
    expect((await kinds(ana, "refund"))[0]).toMatchObject({
      text: "Your payment of 5.00 USD to Studio Nine was refunded.",
      link: "/wallet",
    });
  });

  it("likes of one post group while unread: 'Ana and 4 others', moved to the top, then a new group", async () => {
    const fans = [ana];
    for (const n of ["cyan", "dina", "eddy", "flora"]) fans.push(await person(n, n.toUpperCase()));
    for (const f of fans.slice(1)) {
      clock.advance(1000);
      expect((await like(f)).status).toBe(200);
    }
    expect((await kinds(creator, "like"))[0].text).toBe("FLORA and 3 others liked your post.");
    clock.advance(1000);
    await like(ana);
    // Unliking and liking again is the same person: not counted twice.
    await app.del(`/api/v1/posts/${post.id}/likes`, ana.token);
    await like(ana);
    const all = await notes(creator);
    const likes = all.items.filter((n: { kind: string }) => n.kind === "like");
    expect(likes).toHaveLength(1);
    expect(all.items[0].id).toBe(likes[0].id); // bumped to the top
    expect(likes[0]).toMatchObject({
      text: "Ana and 4 others liked your post.",
      link: `/posts/${post.id}`,
      count: 6,
    });
    expect(likes[0].actorIds.slice(0, 2)).toEqual([ana.user.id, fans[4]!.user.id]);

    // Two people: both named.
    const other = await app.postAs(creator, { text: "second", visibility: "public" });
    await like(fans[1]!, other.id);
    await like(fans[2]!, other.id);
    expect((await kinds(creator, "like")).find((n: any) => n.data.postId === other.id).text).toBe(
      "DINA and CYAN liked your post.",
    );

    // Once read, the next like starts a new notification; the creator's own like tells nobody.
    await app.post("/api/v1/notifications/read", undefined, creator.token);
    clock.advance(1000);
    await app.del(`/api/v1/posts/${post.id}/likes`, fans[3]!.token);
    await like(fans[3]!);
    await like(creator);
    const after = (await kinds(creator, "like")).filter((n: any) => n.data.postId === post.id);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ read: false, text: "EDDY liked your post.", count: 1 });
  });

  it("comments group per post; messages per conversation with the sender's name", async () => {
    const bo = (await app.post("/api/v1/auth/login", { email: "bobo@example.com", password: "password-123" }))
      .body;
    for (const [who, text] of [
      [ana, "nice"],
      [ana, "really"],
    ] as const)
      expect((await app.post(`/api/v1/posts/${post.id}/comments`, { text }, who.token)).status).toBe(201);
    expect((await kinds(creator, "comment"))[0]).toMatchObject({
      text: "Ana left 2 comments on your post.",
      link: `/posts/${post.id}`,
    });
    await app.post(`/api/v1/posts/${post.id}/comments`, { text: "me too" }, bo.token);
    expect((await kinds(creator, "comment"))[0].text).toBe("Bo and Ana commented on your post.");

    await message({ senderId: creator.user.id, recipientId: ana.user.id, conversationId: "c-ana" });
    expect((await kinds(ana, "message"))[0]).toMatchObject({
      text: "Studio Nine sent you a message.",
      link: "/messages/c-ana",
    });
    await message({ senderId: creator.user.id, recipientId: ana.user.id, conversationId: "c-ana" });
    await message({ senderId: creator.user.id, recipientId: ana.user.id, conversationId: "c-ana" });
    const msgs = await kinds(ana, "message");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ text: "Studio Nine sent you 3 messages.", count: 3 });
    await message({
      senderId: creator.user.id,
      recipientId: bo.user.id,
      conversationId: "c-bo",
      priceCents: 700,
    });
    expect((await kinds(bo, "message"))[0].text).toBe("Studio Nine sent you a message (7.00 USD to unlock).");
  });

  it("settings: every kind with its defaults; a PUT changes only what it names; choices are honoured", async () => {
    const eve = await person("eve", "Eve");
    const got = await app.get("/api/v1/users/me/notification-settings", eve.token);
    expect(got.status).toBe(200);
    expect(got.body.settings.like).toEqual({ inApp: true, email: false, push: false });
    expect(got.body.settings.message).toEqual({ inApp: true, email: true, push: true });
    expect(Object.keys(got.body.settings).sort()).toEqual(
      [
        "billing",
        "comment",
        "compliance",
        "integrations",
        "like",
        "message",
        "moderation",
        "new_subscriber",
        "payout",
        "ppv_sale",
        "live",
        "renewal",
        "tip",
      ].sort(),
    );
    expect((await app.get("/api/v1/users/me/notification-settings")).status).toBe(401);
    expect(
      (
        await app.put(
          "/api/v1/users/me/notification-settings",
          { settings: { nope: { inApp: false } } },
          eve.token,
        )
      ).status,
    ).toBe(400);

    const put = await app.put(
      "/api/v1/users/me/notification-settings",
      { settings: { message: { inApp: false, push: false }, like: { email: true } } },
      eve.token,
    );
    expect(put.status).toBe(200);
    expect(put.body.settings.message).toEqual({ inApp: false, email: true, push: false });
    expect(put.body.settings.like).toEqual({ inApp: true, email: true, push: false });
    expect(put.body.settings.tip).toEqual({ inApp: true, email: false, push: true });
    expect((await app.get("/api/v1/users/me/notification-settings", eve.token)).body).toEqual(put.body);

    // No in-app row for a message, but its mail is queued; nothing at all for a kind switched off.
    await message({ senderId: creator.user.id, recipientId: eve.user.id, conversationId: "c-eve" });
    expect(await kinds(eve, "message")).toEqual([]);
    // (Sign-up mailed the address check, whatever the settings: an account mail, not a notification.)
    const outbox = await app.services.notifications.outbox.ofUser(eve.user.id);
    expect(outbox.map((r) => [r.channel, r.kind]).sort()).toEqual([
      ["email", "email_verify"],
      ["email", "message"],
    ]);

    await app.put(
      "/api/v1/users/me/notification-settings",
      { settings: { message: { email: false } } },
      eve.token,
    );
    await message({ senderId: creator.user.id, recipientId: eve.user.id, conversationId: "c-eve2" });
    expect(await app.services.notifications.outbox.ofUser(eve.user.id)).toHaveLength(2);
  });
});
