// /ws with real sockets (the `ws` package), on either engine: authentication by frame and by cookie with
// the Origin check, every event once and in order with a per-person seq, replay after a reconnect (also
// after a restart of the server on the same database) or `resync` when the events are gone, typing,
// heartbeats, the welcome message on a new subscription, and mass messages that reach every fan once
// (with the audience sizes a creator sees before sending).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { openWs, wsUrl } from "../helpers/ws.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ jobs: true });
});
afterAll(() => app.close());

async function pair(): Promise<{ creator: Actor; fan: Actor; id: string }> {
  const creator = await app.creator();
  const fan = await app.signup();
  await app.grant(fan, creator);
  const r = await app.post("/api/v1/conversations", { username: creator.user.username }, fan.token);
  return { creator, fan, id: r.body.conversation.id };
}

const say = (a: Actor, id: string, text: string) =>
  app.post(`/api/v1/conversations/${id}/messages`, { text }, a.token);

describe("/ws", () => {
  it("refuses a socket without a valid token with 4401, and one that does not authenticate first", async () => {
    const bad = await openWs(app.base, { token: "nope.nope" });
    expect((await bad.closed).code).toBe(4401);
    const none = await openWs(app.base, { auth: false });
    none.send({ type: "typing", conversationId: "x" });
    expect((await none.closed).code).toBe(4401);
    // A cookie from another site's page does not count.
    const fan = await app.signup();
    const foreign = await openWs(app.base, {
      headers: { cookie: `fanz_session=${fan.token}`, origin: "https://evil.example" },
    });
    expect((await foreign.closed).code).toBe(4401);
    const own = await openWs(app.base, {
      headers: { cookie: `fanz_session=${fan.token}`, origin: app.base },
    });
    expect((await own.next("ready")).seq).toBe(0);
    await own.close();
    // Other upgrade paths are not served.
    const other = new WebSocket(wsUrl(app.base).replace("/ws", "/nope"));
    await expect(
      new Promise((ok, fail) => (other.on("open", ok), other.on("error", fail))),
    ).rejects.toThrow();
  });

  it("delivers messages, read receipts and typing to both people in order, each with an increasing seq", async () => {
    const { creator, fan, id } = await pair();
    const fanWs = await openWs(app.base, { token: fan.token });
    const creatorWs = await openWs(app.base, { token: creator.token });
    await fanWs.next("ready");
    await creatorWs.next("ready");

    const texts = Array.from({ length: 10 }, (_, i) => `msg ${i}`);
    for (const [i, t] of texts.entries()) expect((await say(i % 2 ? fan : creator, id, t)).status).toBe(201);
    const got: string[] = [];
    for (let i = 0; i < texts.length; i++) got.push((await fanWs.next("message")).message.text);
    expect(got).toEqual(texts);
    const seqs = fanWs.frames.filter((f) => f.type === "message").map((f) => f.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const last = (await app.get(`/api/v1/conversations/${id}/messages?limit=1`, fan.token)).body.items[0];
    await app.post(`/api/v1/conversations/${id}/read`, { messageId: last.id }, fan.token);
    const read = await creatorWs.next("read");
    expect(read).toMatchObject({ conversationId: id, userId: fan.user.id, messageId: last.id });

    // The creator's notification of the fan's messages comes over the socket too, with who sent them.
    const note = await creatorWs.next("notification");
    expect(note.notification).toMatchObject({ kind: "message", link: `/messages/${id}` });
    expect(note.notification.text).toContain(fan.user.username);
    fanWs.send({ type: "typing", conversationId: id });
    expect(await creatorWs.next("typing")).toMatchObject({ conversationId: id, userId: fan.user.id });
    // Typing into someone else's conversation reaches nobody.
    const outsider = await openWs(app.base, { token: (await app.signup()).token });
    await outsider.next("ready");
    outsider.send({ type: "typing", conversationId: id });
    fanWs.send({ type: "ping" });
    expect((await fanWs.next("pong")).type).toBe("pong");
    await new Promise((ok) => setTimeout(ok, 200));
    expect(creatorWs.frames.filter((f) => f.type === "typing")).toHaveLength(1);
    await Promise.all([fanWs.close(), creatorWs.close(), outsider.close()]);
  });

  it("replays exactly what a reconnecting client missed, and says resync when it cannot", async () => {
    const { creator, fan, id } = await pair();
    const first = await openWs(app.base, { token: fan.token });
    await first.next("ready");
    await say(creator, id, "one");
    await first.next("message");
    const seen = first.lastSeq();
    await first.close();
    for (const t of ["two", "three", "four"]) await say(creator, id, t);

    const again = await openWs(app.base, { token: fan.token, after: seen });
    const newest = (await again.next("ready")).seq!;
    // Every event after `seen`, each once and in order: the messages and their notifications.
    const replayed = [];
    for (let seq = seen + 1; seq <= newest; seq++) replayed.push(await again.next((f) => f.seq === seq));
    expect(replayed.filter((f) => f.type === "message").map((f) => f.message.text)).toEqual([
      "two",
      "three",
      "four",
    ]);
    expect(replayed.some((f) => f.type === "notification")).toBe(true);
    await say(creator, id, "five");
    expect((await again.next("message")).message.text).toBe("five");
    await new Promise((ok) => setTimeout(ok, 100));
    expect(again.frames.filter((f) => f.type === "message")).toHaveLength(4);
    const seqs = again.frames.filter((f) => f.type !== "ready").map((f) => f.seq!);
    expect(seqs).toEqual(seqs.map((_, i) => seen + 1 + i));
    await again.close();

    // Events older than the replay window are gone: the client is told to load afresh.
    await app.raw.prepare("UPDATE user_events SET created_at = 0 WHERE user_id = ?").run(fan.user.id);
    await app.services.realtime.prune();
    const stale = await openWs(app.base, { token: fan.token, after: seen });
    await stale.next("ready");
    expect((await stale.next()).type).toBe("resync");
    await stale.close();
    // A seq ahead of the server's (another database) also resyncs.
    const ahead = await openWs(app.base, { token: fan.token, after: 1_000_000 });
    await ahead.next("ready");
    expect((await ahead.next()).type).toBe("resync");
    await ahead.close();
  });

  it("closes a socket that stops answering heartbeats", async () => {
    const short = await startTestApp({ env: { FANZ_MESSAGES__HEARTBEAT_SECONDS: "1" } });
    try {
      const fan = await short.signup();
      const ws = new WebSocket(wsUrl(short.base), { autoPong: false });
      await new Promise((ok) => ws.once("open", ok));
      ws.send(JSON.stringify({ type: "auth", token: fan.token }));
      const closed = new Promise<number>((ok) => ws.once("close", (code) => ok(code)));
      const started = Date.now();
      await closed;
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await short.close();
    }
  });
});

describe("welcome and mass messages", () => {
  it("welcomes a new subscriber once with the creator's message", async () => {
    const creator = await app.creator(undefined, {
      priceCents: 500,
      welcomeMessage: { text: "Thanks for subscribing!" },
    });
    const fan = await app.signup();
    const ws = await openWs(app.base, { token: fan.token });
    await ws.next("ready");
    await app.grant(fan, creator);
    const frame = await ws.next("message");
    expect(frame.message).toMatchObject({ text: "Thanks for subscribing!", senderId: creator.user.id });
    // Subscribing again later is no second welcome.
    await app.raw.prepare("UPDATE subscriptions SET status = 'expired' WHERE fan_id = ?").run(fan.user.id);
    await app.grant(fan, creator);
    const inbox = await app.get("/api/v1/conversations", fan.token);
    expect(inbox.body.items).toHaveLength(1);
    const history = await app.get(`/api/v1/conversations/${inbox.body.items[0].id}/messages`, fan.token);
    expect(history.body.items.map((m: { text: string }) => m.text)).toEqual(["Thanks for subscribing!"]);
    await ws.close();
    const bad = await app.put(
      "/api/v1/creators/me",
      { welcomeMessage: { text: "x", priceCents: 100 } },
      creator.token,
    );
    expect(bad.body.error.code).toBe("ppv_needs_media");
  });

  it("sends a mass message to its audience once each, in batches, and reports progress to done", async () => {
    const small = await startTestApp({ jobs: true, env: { FANZ_MESSAGES__MASS_BATCH: "3" } });
    try {
      const creator = await small.creator();
      const live: Actor[] = [];
      for (let i = 0; i < 7; i++) {
        const fan = await small.signup();
        await small.grant(fan, creator);
        live.push(fan);
      }
      const lapsed = await small.signup();
      await small.grant(lapsed, creator);
      await small.raw
        .prepare("UPDATE subscriptions SET status = 'expired' WHERE fan_id = ?")
        .run(lapsed.user.id);
      small.ctx.caches.forgetLocal(null);
      // A fan who blocked the creator is left out.
      await small.post(`/api/v1/users/${creator.user.username}/block`, undefined, live[6]!.token);

      const sockets = await Promise.all(live.slice(0, 3).map((f) => openWs(small.base, { token: f.token })));
      for (const s of sockets) await s.next("ready");
      const r = await small.post(
        "/api/v1/messages/mass",
        { text: "New set out!", audience: "subscribers" },
        creator.token,
      );
      expect(r.status).toBe(202);
      expect(r.body.massMessage).toMatchObject({ status: "sending", total: 7, sent: 0 });
      const id = r.body.massMessage.id;
      let m = r.body.massMessage;
      for (let i = 0; i < 100 && m.status !== "done"; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        m = (await small.get(`/api/v1/messages/mass/${id}`, creator.token)).body.massMessage;
      }
      expect(m).toMatchObject({ status: "done", sent: 6, total: 6 });
      for (const s of sockets)
        expect((await s.next("message")).message).toMatchObject({ text: "New set out!", massMessageId: id });
      const copies = (await small.raw
        .prepare(
          "SELECT recipient, count(*) AS n FROM (SELECT m.id, cm.other_id AS recipient FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = m.sender_id WHERE m.mass_message_id = ?) x GROUP BY recipient",
        )
        .all(id)) as { recipient: string; n: number }[];
      expect(copies).toHaveLength(6);
      expect(copies.every((c) => Number(c.n) === 1)).toBe(true);
      expect(copies.map((c) => c.recipient)).not.toContain(lapsed.user.id);
      expect(copies.map((c) => c.recipient)).not.toContain(live[6]!.user.id);

      const expired = await small.post(
        "/api/v1/messages/mass",
        { text: "Miss you", audience: "expired" },
        creator.token,
      );
      for (let i = 0; i < 100; i++) {
        m = (await small.get(`/api/v1/messages/mass/${expired.body.massMessage.id}`, creator.token)).body
          .massMessage;
        if (m.status === "done") break;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      expect(m).toMatchObject({ status: "done", sent: 1 });
      await Promise.all(sockets.map((s) => s.close()));
    } finally {
      await small.close();
    }
  });

  it("limits mass messages per creator per day", async () => {
    const strict = await startTestApp({ env: { FANZ_MESSAGES__MASS_PER_DAY: "1" } });
    try {
      const creator = await strict.creator();
      const body = { text: "hi", audience: "all" };
      expect((await strict.post("/api/v1/messages/mass", body, creator.token)).status).toBe(202);
      const second = await strict.post("/api/v1/messages/mass", body, creator.token);
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe("rate_limited");
    } finally {
      await strict.close();
    }
  });

  it("tells a creator how many fans each audience reaches before sending, and fans nothing", async () => {
    const creator = await app.creator();
    const empty = await app.get("/api/v1/messages/mass/audience", creator.token);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ subscribers: 0, expired: 0, all: 0 });
    const fans: Actor[] = [];
    for (let i = 0; i < 3; i++) {
      const fan = await app.signup();
      await app.grant(fan, creator);
      fans.push(fan);
    }
    await app.raw
      .prepare("UPDATE subscriptions SET status = 'expired' WHERE fan_id = ?")
      .run(fans[0]!.user.id);
    app.ctx.caches.forgetLocal(null);
    const sizes = await app.get("/api/v1/messages/mass/audience", creator.token);
    expect(sizes.body).toEqual({ subscribers: 2, expired: 1, all: 3 });
    // What a mass message to the same audience is counted for when it starts.
    const sent = await app.post("/api/v1/messages/mass", { text: "Hi all", audience: "all" }, creator.token);
    expect(sent.body.massMessage.total).toBe(3);
    const refused = await app.get("/api/v1/messages/mass/audience", fans[1]!.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("not_a_creator");
  });
});
