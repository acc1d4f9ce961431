// Direct messages through real HTTP and real sockets, on either engine: who may write to whom, blocking,
// history and its order, retries with a clientId, read receipts and unread counts, unsend, pay-per-view
// messages bought once (also when unlocked in parallel) and revoked by a refund, and their media delivered
// through the one entitlement function.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { jpeg } from "../fixtures/media.ts";

let app: TestApp;
let admin: Actor;

beforeAll(async () => {
  app = await startTestApp({ jobs: true });
  admin = await app.signupAdmin();
});
afterAll(() => app.close());

async function ready(a: Actor, id: string) {
  for (let i = 0; i < 300; i++) {
    const r = await app.get(`/api/v1/media/${id}`, a.token);
    if (r.body.media.status === "ready") return r.body.media;
    if (r.body.media.status === "failed") throw new Error(`media failed: ${r.body.media.reason}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`media ${id} still processing`);
}

async function photo(a: Actor): Promise<string> {
  const r = await app.upload(a, await jpeg(640, 480), "pic.jpg");
  expect(r.status).toBe(201);
  await ready(a, r.body.media.id);
  return r.body.media.id as string;
}

async function open(a: Actor, b: Actor): Promise<string> {
  const r = await app.post("/api/v1/conversations", { username: b.user.username }, a.token);
  expect([200, 201]).toContain(r.status);
  return r.body.conversation.id as string;
}

describe("who may write to whom", () => {
  it("lets a subscriber write to the creator, the creator to a fan who once subscribed, and refuses the rest", async () => {
    const creator = await app.creator();
    const fan = await app.signup();
    const stranger = await app.signup();

    const refused = await app.post("/api/v1/conversations", { username: creator.user.username }, fan.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("dm_not_allowed");
    // A creator cannot write to a fan who never subscribed.
    const cold = await app.post("/api/v1/conversations", { username: stranger.user.username }, creator.token);
    expect(cold.body.error.code).toBe("dm_not_allowed");

    await app.grant(fan, creator);
    const first = await app.post("/api/v1/conversations", { username: creator.user.username }, fan.token);
    expect(first.status).toBe(201);
    expect(first.body.conversation.with.username).toBe(creator.user.username);
    const again = await app.post("/api/v1/conversations", { username: creator.user.username }, fan.token);
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(first.body.conversation.id);
    // The same pair from the other side is the same conversation.
    const back = await app.post("/api/v1/conversations", { username: fan.user.username }, creator.token);
    expect(back.body.conversation.id).toBe(first.body.conversation.id);

    // Lapsed: the fan cannot write any more; the creator still can.
    await app.raw.prepare("UPDATE subscriptions SET status = 'expired' WHERE fan_id = ?").run(fan.user.id);
    app.ctx.caches.forgetLocal(null);
    const id = first.body.conversation.id;
    const lapsed = await app.post(
      `/api/v1/conversations/${id}/messages`,
      { text: "still there?" },
      fan.token,
    );
    expect(lapsed.status).toBe(403);
    expect(lapsed.body.error.code).toBe("dm_not_allowed");
    const fromCreator = await app.post(
      `/api/v1/conversations/${id}/messages`,
      { text: "come back" },
      creator.token,
    );
    expect(fromCreator.status).toBe(201);
    expect(
      (await app.get(`/api/v1/conversations/${id}`, fan.token)).body.conversation.canWrite,
    ).toMatchObject({
      ok: false,
      code: "dm_not_allowed",
    });
  });

  it("opens a creator who takes messages from everyone, lets admins write to anyone, and keeps out third parties", async () => {
    const open_ = await app.creator(undefined, { priceCents: 500, dmPolicy: "everyone" });
    const fan = await app.signup();
    const other = await app.signup();
    const id = await open(fan, open_);
    expect((await app.post(`/api/v1/conversations/${id}/messages`, { text: "hi" }, fan.token)).status).toBe(
      201,
    );

    const staff = await app.post("/api/v1/conversations", { username: other.user.username }, admin.token);
    expect(staff.status).toBe(201);
    const staffId = staff.body.conversation.id;
    await app.post(`/api/v1/conversations/${staffId}/messages`, { text: "About your report" }, admin.token);
    // The person may answer the staff who wrote first.
    expect(
      (await app.post(`/api/v1/conversations/${staffId}/messages`, { text: "thanks" }, other.token)).status,
    ).toBe(201);

    // Nobody reads or writes a conversation they are not in: it does not exist for them.
    for (const r of [
      await app.get(`/api/v1/conversations/${id}`, other.token),
      await app.get(`/api/v1/conversations/${id}/messages`, other.token),
      await app.post(`/api/v1/conversations/${id}/messages`, { text: "x" }, other.token),
      await app.post(`/api/v1/conversations/${id}/read`, { messageId: staffId }, other.token),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    expect(
      (await app.post("/api/v1/conversations", { username: fan.user.username }, fan.token)).body.error.code,
    ).toBe("self_message");
    expect((await app.get(`/api/v1/conversations/${id}`)).status).toBe(401);
  });

  it("stops both sides of a block from writing, and lifts it", async () => {
    const creator = await app.creator();
    const fan = await app.signup();
    await app.grant(fan, creator);
    const id = await open(fan, creator);
    expect(
      (await app.post(`/api/v1/users/${fan.user.username}/block`, undefined, creator.token)).status,
    ).toBe(204);
    const blocked = await app.post(`/api/v1/conversations/${id}/messages`, { text: "hello?" }, fan.token);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe("blocked");
    const blocker = await app.post(`/api/v1/conversations/${id}/messages`, { text: "x" }, creator.token);
    expect(blocker.body.error.code).toBe("blocked");
    expect((await app.get("/api/v1/users/me/blocks", creator.token)).body.items).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ username: fan.user.username }) }),
    ]);
    expect(
      (await app.post(`/api/v1/users/${creator.user.username}/block`, undefined, creator.token)).status,
    ).toBe(400);
    expect((await app.del(`/api/v1/users/${fan.user.username}/block`, creator.token)).status).toBe(204);
    expect(
      (await app.post(`/api/v1/conversations/${id}/messages`, { text: "ok now" }, fan.token)).status,
    ).toBe(201);
  });
});

describe("messages", () => {
  it("lists history newest first with cursors, returns the same message for a retried clientId, and orders the inbox", async () => {
    const creator = await app.creator();
    const fan = await app.signup();
    await app.grant(fan, creator);
    const id = await open(fan, creator);
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await app.post(
        `/api/v1/conversations/${id}/messages`,
        { text: `m${i}` },
        i % 2 ? creator.token : fan.token,
      );
      expect(r.status).toBe(201);
      sent.push(r.body.message.id);
    }
    const p1 = await app.get(`/api/v1/conversations/${id}/messages?limit=4`, fan.token);
    expect(p1.body.items.map((m: any) => m.text)).toEqual(["m6", "m5", "m4", "m3"]);
    const p2 = await app.get(
      `/api/v1/conversations/${id}/messages?limit=4&cursor=${p1.body.nextCursor}`,
      fan.token,
    );
    expect(p2.body.items.map((m: any) => m.text)).toEqual(["m2", "m1", "m0"]);
    expect(p2.body.nextCursor).toBeNull();

    const body = { text: "once only", clientId: "c-123" };
    const a = await app.post(`/api/v1/conversations/${id}/messages`, body, fan.token);
    const b = await app.post(`/api/v1/conversations/${id}/messages`, body, fan.token);
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(b.body.message.id).toBe(a.body.message.id);
    // Retries racing each other make one message.
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.post(`/api/v1/conversations/${id}/messages`, { text: "race", clientId: "c-race" }, fan.token),
      ),
    );
    expect(new Set(racing.map((r) => r.body.message.id)).size).toBe(1);
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    const count = (await app.raw
      .prepare("SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND client_id = ?")
      .get(id, "c-race")) as { n: number };
    expect(Number(count.n)).toBe(1);

    // Bad input: nothing written.
    for (const bad of [{}, { text: "" }, { text: "x".repeat(5001) }, { text: "x", mediaIds: ["nope"] }]) {
      const r = await app.post(`/api/v1/conversations/${id}/messages`, bad, fan.token);
      expect(r.status).toBe(400);
    }
    const pay = await app.post(
      `/api/v1/conversations/${id}/messages`,
      { text: "pay me", priceCents: 500 },
      fan.token,
    );
    expect(pay.status).toBe(403);
    expect(pay.body.error.code).toBe("not_a_creator");
    const noMedia = await app.post(
      `/api/v1/conversations/${id}/messages`,
      { text: "pay", priceCents: 500 },
      creator.token,
    );
    expect(noMedia.body.error.code).toBe("ppv_needs_media");

    // The inbox: latest activity first, with the last message and the unread count.
    const other = await app.creator(undefined, { priceCents: 100, dmPolicy: "everyone" });
    const id2 = await open(fan, other);
    // A creator who never had this fan as a subscriber may answer once the fan wrote.
    expect(
      (await app.post(`/api/v1/conversations/${id2}/messages`, { text: "first" }, other.token)).status,
    ).toBe(403);
    await app.post(`/api/v1/conversations/${id2}/messages`, { text: "hello" }, fan.token);
    expect(
      (await app.post(`/api/v1/conversations/${id2}/messages`, { text: "newest" }, other.token)).status,
    ).toBe(201);
    const inbox = await app.get("/api/v1/conversations", fan.token);
    expect(inbox.body.items.map((c: any) => c.id)).toEqual([id2, id]);
    expect(inbox.body.items[0]).toMatchObject({ unreadCount: 1, lastMessage: { text: "newest" } });
    expect(inbox.body.items[1].unreadCount).toBe(3);
    expect((await app.get("/api/v1/conversations/unread", fan.token)).body).toEqual({
      unread: 4,
      conversations: 2,
    });
  });

  it("keeps one read position per member, counts unread from it, and unsends within a day", async () => {
    const creator = await app.creator();
    const fan = await app.signup();
    await app.grant(fan, creator);
    const id = await open(fan, creator);
    const ids: string[] = [];
    for (const text of ["a", "b", "c"])
      ids.push(
        (await app.post(`/api/v1/conversations/${id}/messages`, { text }, creator.token)).body.message.id,
      );
    expect((await app.get("/api/v1/conversations/unread", fan.token)).body.unread).toBe(3);
    expect(
      (await app.post(`/api/v1/conversations/${id}/read`, { messageId: ids[1] }, fan.token)).status,
    ).toBe(204);
    expect((await app.get("/api/v1/conversations/unread", fan.token)).body.unread).toBe(1);
    // Moving back is ignored.
    await app.post(`/api/v1/conversations/${id}/read`, { messageId: ids[0] }, fan.token);
    expect((await app.get("/api/v1/conversations/unread", fan.token)).body.unread).toBe(1);
    const seen = await app.get(`/api/v1/conversations/${id}`, creator.token);
    expect(seen.body.conversation.readUpTo.messageId).toBe(ids[1]);
    const rows = await app.raw
      .prepare("SELECT * FROM conversation_members WHERE conversation_id = ?")
      .all(id);
    expect(rows).toHaveLength(2);

    // Unsend: the unread one goes from the fan's count and list; only the sender may, and not twice.
    expect((await app.del(`/api/v1/messages/${ids[2]}`, fan.token)).status).toBe(404);
    expect((await app.del(`/api/v1/messages/${ids[2]}`, creator.token)).status).toBe(204);
    expect((await app.del(`/api/v1/messages/${ids[2]}`, creator.token)).status).toBe(404);
    expect((await app.get("/api/v1/conversations/unread", fan.token)).body.unread).toBe(0);
    const list = await app.get(`/api/v1/conversations/${id}/messages`, fan.token);
    expect(list.body.items.map((m: any) => m.text)).toEqual(["b", "a"]);
    expect((await app.get("/api/v1/conversations", fan.token)).body.items[0].lastMessage.text).toBe("b");
    // Older than a day: too late.
    await app.raw
      .prepare("UPDATE messages SET created_at = created_at - ? WHERE id = ?")
      .run(25 * 3600_000, ids[0]);
    const late = await app.del(`/api/v1/messages/${ids[0]}`, creator.token);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("unsend_window_passed");
  });
});

describe("pay-per-view messages", () => {
  it("reaches the fan locked, sells once under parallel unlocks, opens its media, and a refund takes it back", async () => {
    const creator = await app.creator(undefined, { priceCents: 999 });
    const fan = await app.signup();
    const stranger = await app.signup();
    await app.grant(fan, creator);
    const mediaId = await photo(creator);
    const id = await open(creator, fan);
    const sent = await app.post(
      `/api/v1/conversations/${id}/messages`,
      { text: "A little something", mediaIds: [mediaId], priceCents: 700 },
      creator.token,
    );
    expect(sent.status).toBe(201);
    const messageId = sent.body.message.id;
    expect(sent.body.message).toMatchObject({ locked: false, purchased: false, priceCents: 700 });

    const seen = (await app.get(`/api/v1/conversations/${id}/messages`, fan.token)).body.items[0];
    expect(seen).toMatchObject({ id: messageId, locked: true, text: "A little something", priceCents: 700 });
    expect(seen.media[0].locked).toBe(true);
    expect(seen.media[0].urls.full).toBeNull();
    expect(seen.media[0].urls.preview).toMatch(/^\/media\//);
    const fullUrl = sent.body.message.media[0].urls.full as string;
    expect((await app.getRaw(fullUrl, fan)).status).toBe(403);
    expect((await app.getRaw(seen.media[0].urls.preview, fan)).status).toBe(200);
    // Someone outside the conversation gets nothing of it, not even the preview.
    expect([403, 404]).toContain((await app.getRaw(seen.media[0].urls.preview, stranger)).status);

    await app.topup(fan, 5000);
    const tries = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.post(`/api/v1/messages/${messageId}/unlock`, { payWith: "wallet" }, fan.token),
      ),
    );
    expect(tries.filter((r) => r.status === 200)).toHaveLength(1);
    expect(tries.filter((r) => r.status === 409).every((r) => r.body.error.code === "already_owned")).toBe(
      true,
    );
    const opened = tries.find((r) => r.status === 200)!.body.message;
    expect(opened).toMatchObject({ locked: false, purchased: true });
    expect((await app.getRaw(fullUrl, fan)).status).toBe(200);
    const sold = (await app.get("/api/v1/notifications", creator.token)).body.items;
    expect(sold.map((x: { text: string }) => x.text)).toContain(
      `${fan.user.username} unlocked your message for 7.00 USD.`,
    );
    const wallet = await app.get("/api/v1/wallet", fan.token);
    expect(wallet.body.balanceCents).toBe(5000 - 700);
    const sale = wallet.body.transactions.find((t: any) => t.kind === "message");
    expect(sale).toMatchObject({ amountCents: -700 });
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
    // The creator sees it bought, and can no longer unsend it.
    const mine = (await app.get(`/api/v1/conversations/${id}/messages`, creator.token)).body.items[0];
    expect(mine.purchased).toBe(true);
    expect((await app.del(`/api/v1/messages/${messageId}`, creator.token)).body.error.code).toBe(
      "message_bought",
    );
    expect((await app.post(`/api/v1/messages/${messageId}/unlock`, {}, stranger.token)).status).toBe(404);
    expect((await app.post(`/api/v1/messages/${messageId}/unlock`, {}, creator.token)).body.error.code).toBe(
      "self_payment",
    );

    const refund = await app.post(`/api/v1/admin/transactions/${sale.id}/refund`, undefined, admin.token);
    expect(refund.status).toBe(200);
    const after = (await app.get(`/api/v1/conversations/${id}/messages`, fan.token)).body.items[0];
    expect(after.locked).toBe(true);
    expect((await app.getRaw(fullUrl, fan)).status).toBe(403);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });

  it("sells by card through a checkout", async () => {
    const creator = await app.creator(undefined, { priceCents: 999 });
    const fan = await app.signup();
    await app.grant(fan, creator);
    const mediaId = await photo(creator);
    const id = await open(creator, fan);
    const messageId = (
      await app.post(
        `/api/v1/conversations/${id}/messages`,
        { text: "card", mediaIds: [mediaId], priceCents: 300 },
        creator.token,
      )
    ).body.message.id;
    const start = await app.post(`/api/v1/messages/${messageId}/unlock`, { payWith: "card" }, fan.token);
    expect(start.status).toBe(202);
    expect((await app.payCheckout(start.body.checkoutId)).status).toBe(200);
    const seen = (await app.get(`/api/v1/conversations/${id}/messages`, fan.token)).body.items[0];
    expect(seen).toMatchObject({ locked: false, purchased: true });
    const earnings = await app.get("/api/v1/earnings", creator.token);
    expect(earnings.body.pendingCents).toBeGreaterThan(0);
    // The creator's share of the 3.00, after the platform's 20 %.
    expect(earnings.body.byType).toMatchObject({ message: 240, ppv: 0 });
  });
});

describe("limits", () => {
  it("answers 429 past the per-minute allowance, counting per sender, and keeps nothing of the refused one", async () => {
    const strict = await startTestApp({ env: { FANZ_MESSAGES__PER_MINUTE: "3" } });
    try {
      const creator = await strict.creator();
      const fan = await strict.signup();
      await strict.grant(fan, creator);
      const id = (await strict.post("/api/v1/conversations", { username: creator.user.username }, fan.token))
        .body.conversation.id;
      const send = (a: Actor, text: string) =>
        strict.post(`/api/v1/conversations/${id}/messages`, { text }, a.token);
      for (const t of ["1", "2", "3"]) expect((await send(fan, t)).status).toBe(201);
      const over = await send(fan, "4");
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe("rate_limited");
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      // The other person has their own allowance.
      expect((await send(creator, "reply")).status).toBe(201);
      const texts = (await strict.get(`/api/v1/conversations/${id}/messages`, fan.token)).body.items.map(
        (m: { text: string }) => m.text,
      );
      expect(texts).toEqual(["reply", "3", "2", "1"]);
    } finally {
      await strict.close();
    }
  });
});
