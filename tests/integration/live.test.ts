// Live streaming end to end on either engine, with a real RTMP publisher (ffmpeg's test pattern), the
// real ingest and transmuxer, real HTTP and real sockets: stream keys and rotation, a pending stream going
// live, protected HLS (playlist AND segments refused to anonymous and unsubscribed viewers), chat, tips
// and viewer counts over /ws, moderation, the publisher leaving (ended, no ffmpeg left), a reconnect that
// continues the same stream and recording, the recording becoming a draft post, and tickets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { ffmpegProcesses, publishTestPattern, type Publisher } from "../helpers/live.ts";
import { hashKey } from "../../src/modules/live/ingest.ts";
import { probe } from "../helpers/ffmpeg.ts";
import { openWs } from "../helpers/ws.ts";
import { until } from "../helpers/until.ts";

let app: TestApp;
let admin: Actor;
let creator: Actor;
let subscriber: Actor;
let stranger: Actor;
const publishers: Publisher[] = [];

beforeAll(async () => {
  app = await startTestApp({ jobs: true, live: true, env: { FANZ_LIVE__RECONNECT_SECONDS: "8" } });
  admin = await app.signupAdmin();
  creator = await app.creator();
  subscriber = await app.signup();
  stranger = await app.signup();
  await app.grant(subscriber, creator);
});
afterAll(async () => {
  for (const p of publishers) await p.stop();
  await app.close();
});

const publish = (rtmpUrl: string, key: string, seconds = 120) => {
  const p = publishTestPattern(rtmpUrl, key, { seconds });
  publishers.push(p);
  return p;
};

const liveOf = async (who: Actor | null) =>
  (await app.get(`/api/v1/creators/${creator.user.username}/live`, who?.token)).body;

describe("live streaming", () => {
  let key: { rtmpUrl: string; streamKey: string };
  let streamId: string;

  it("gives creators a stream key and refuses it to fans; rotation refuses the old key at once", async () => {
    const fan = await app.get("/api/v1/live/key", subscriber.token);
    expect(fan.status).toBe(403);
    const first = await app.get("/api/v1/live/key", creator.token);
    expect(first.status).toBe(200);
    expect(first.body.rtmpUrl).toBe(`rtmp://localhost:${app.live!.rtmpPort}/live`);
    expect(first.body.streamKey).toMatch(/^live_[a-z2-7]{32}$/);
    expect((await app.get("/api/v1/live/key", creator.token)).body.streamKey).toBe(first.body.streamKey);
    const rotated = await app.post("/api/v1/live/key/rotate", undefined, creator.token);
    expect(rotated.status).toBe(200);
    expect(rotated.body.streamKey).not.toBe(first.body.streamKey);
    key = rotated.body;

    // The old key and a made-up one never go live: the ingest drops them.
    const rtmp = `rtmp://127.0.0.1:${app.live!.rtmpPort}/live`;
    for (const bad of [first.body.streamKey, "live_notakeyatall"]) {
      const p = publish(rtmp, bad, 10);
      const code = await Promise.race([p.exited, new Promise((ok) => setTimeout(() => ok("running"), 8000))]);
      expect(code).not.toBe(0);
      await p.stop();
    }
    expect((await liveOf(null)).stream).toBeNull();
    const rows = (await app.raw.prepare("SELECT count(*) AS n FROM live_streams").get()) as { n: number };
    expect(Number(rows.n)).toBe(0);
  });

  it("makes the pending stream live when the creator publishes, and serves HLS only to entitled viewers", async () => {
    const created = await app.post(
      "/api/v1/live/streams",
      { title: "Friday Q&A", access: "subscribers", record: true },
      creator.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.stream.status).toBe("scheduled");
    streamId = created.body.stream.id;
    expect(
      (await app.post("/api/v1/live/streams", { title: "x", access: "ticket" }, creator.token)).status,
    ).toBe(400);

    const t0 = Date.now();
    publish(`rtmp://127.0.0.1:${app.live!.rtmpPort}/live`, key.streamKey);
    const live = await until("the stream to go live", async () => (await liveOf(subscriber)).stream);
    expect(live.id).toBe(streamId);
    expect(live.status).toBe("live");
    expect(live.locked).toBe(false);
    expect(live.playlistUrl).toBe(`/live-hls/${streamId}/master.m3u8`);

    const master = await app.getRaw(live.playlistUrl, subscriber);
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toContain("mpegurl");
    expect(await master.text()).toContain("src/index.m3u8");
    const playlistPath = `/live-hls/${streamId}/src/index.m3u8`;
    const playlist = await until("the first segment", async () => {
      const r = await app.getRaw(playlistPath, subscriber);
      const text = r.status === 200 ? await r.text() : "";
      return /^\d+\.ts$/m.test(text) ? text : null;
    });
    const firstSegmentMs = Date.now() - t0;
    console.log(`live: publish -> first segment for a viewer ${firstSegmentMs} ms`);
    expect(firstSegmentMs).toBeLessThan(6000 + 2000);
    expect(playlist).toContain("#EXT-X-MEDIA-SEQUENCE:");
    const segment = playlist.split("\n").find((l) => /^\d+\.ts$/.test(l))!;
    const segPath = `/live-hls/${streamId}/src/${segment}`;
    const seg = await app.getRaw(segPath, subscriber);
    expect(seg.status).toBe(200);
    const bytes = Buffer.from(await seg.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte

    // Anonymous and unsubscribed viewers: the stream's card (locked, blurred poster) but no HLS at all.
    const locked = (await liveOf(stranger)).stream;
    expect(locked.locked).toBe(true);
    expect(locked.playlistUrl).toBeNull();
    for (const who of [null, stranger]) {
      for (const path of [
        `/live-hls/${streamId}/master.m3u8`,
        playlistPath,
        segPath,
        `/live-hls/${streamId}/poster.jpg`,
      ]) {
        const r = await app.getRaw(path, who);
        expect(r.status, `${path} as ${who ? "a stranger" : "anonymous"}`).toBe(404);
      }
    }
    // The playlist fetched by a subscriber with the session cookie (as hls.js in the browser does).
    const byCookie = await fetch(app.base + segPath, {
      headers: { cookie: `fanz_session=${subscriber.token}` },
    });
    expect(byCookie.status).toBe(200);
    // The rest of the site knows it is live, and the creator's subscribers are told (not strangers).
    const now = await app.get("/api/v1/live/now");
    expect(now.body.items.map((s: { id: string }) => s.id)).toContain(streamId);
    const told = await until("the subscriber's notification", async () => {
      const r = await app.get("/api/v1/notifications", subscriber.token);
      return r.body.items.find((n: { kind: string }) => n.kind === "live_started");
    });
    expect(told.text).toContain("is live: Friday Q&A");
    expect(told.link).toBe(`/live/${streamId}`);
    const strangers = await app.get("/api/v1/notifications", stranger.token);
    expect(strangers.body.items.some((n: { kind: string }) => n.kind === "live_started")).toBe(false);
  });

  it("carries chat, tips and viewer counts over /ws to entitled viewers only, with moderation", async () => {
    const sub = await openWs(app.base, { token: subscriber.token });
    const own = await openWs(app.base, { token: creator.token });
    const out = await openWs(app.base, { token: stranger.token });
    for (const ws of [sub, own, out]) await ws.next("ready");
    sub.send({ type: "live.join", streamId });
    own.send({ type: "live.join", streamId });
    out.send({ type: "live.join", streamId });
    await sub.next("live.joined");
    await own.next("live.joined");
    expect((await out.next("live.error")).code).toBe("not_entitled");
    out.send({ type: "live.chat", streamId, text: "let me in" });
    expect((await out.next("live.error")).code).toBe("not_joined");

    sub.send({ type: "live.chat", streamId, text: "hello from the front row" });
    const heard = await own.next("live.chat");
    expect(heard.message.text).toBe("hello from the front row");
    expect(heard.message.user.username).toBe(subscriber.user.username);
    await sub.next("live.chat");

    const viewers = await own.next((f) => f.type === "live.viewers" && f.viewers >= 2, 10_000);
    expect(viewers.viewers).toBe(2);

    await app.topup(subscriber, 2000);
    const tip = await app.post(
      "/api/v1/tips",
      { creator: creator.user.username, amountCents: 500, liveStreamId: streamId, message: "great show" },
      subscriber.token,
    );
    expect(tip.status).toBe(201);
    const tipFrame = await own.next("live.tip");
    expect(tipFrame.message).toMatchObject({ kind: "tip", amountCents: 500, text: "great show" });
    expect(tipFrame.message.user.username).toBe(subscriber.user.username);
    // Tipping a stream you may not watch is refused, with nothing charged.
    await app.topup(stranger, 1000);
    const refused = await app.post(
      "/api/v1/tips",
      { creator: creator.user.username, amountCents: 300, liveStreamId: streamId },
      stranger.token,
    );
    expect(refused.status).toBe(403);

    const history = await app.get(`/api/v1/live/streams/${streamId}/chat`, subscriber.token);
    expect(history.body.items.map((i: { kind: string }) => i.kind)).toEqual(["tip", "chat"]);
    expect((await app.get(`/api/v1/live/streams/${streamId}/chat`, stranger.token)).status).toBe(403);

    // Muted: the creator's word reaches the fan's socket, and their lines are refused.
    const mute = await app.post(
      `/api/v1/live/streams/${streamId}/moderation`,
      { username: subscriber.user.username, action: "mute" },
      creator.token,
    );
    expect(mute.status).toBe(204);
    expect((await sub.next("live.muted")).muted).toBe(true);
    sub.send({ type: "live.chat", streamId, text: "can you hear me" });
    expect((await sub.next("live.error")).code).toBe("muted");
    await app.post(
      `/api/v1/live/streams/${streamId}/moderation`,
      { username: subscriber.user.username, action: "unmute" },
      creator.token,
    );
    await sub.next((f) => f.type === "live.muted" && f.muted === false);
    // Too many lines in ten seconds.
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) sub.send({ type: "live.chat", streamId, text: `spam ${i}` });
    await until(
      "the chat limit",
      async () => {
        codes.push(...sub.frames.filter((f) => f.type === "live.error").map((f) => f.code as string));
        return codes.includes("rate_limited");
      },
      5000,
    );
    // Removed: told at once, out of the room, and refused when joining again.
    const removed = await app.post(
      `/api/v1/live/streams/${streamId}/moderation`,
      { username: subscriber.user.username, action: "remove" },
      creator.token,
    );
    expect(removed.status).toBe(204);
    await sub.next("live.removed");
    sub.send({ type: "live.join", streamId });
    expect((await sub.next((f) => f.type === "live.error" && f.code === "removed")).streamId).toBe(streamId);
    // Only the creator (or an admin) moderates.
    const notYours = await app.post(
      `/api/v1/live/streams/${streamId}/moderation`,
      { username: stranger.user.username, action: "mute" },
      subscriber.token,
    );
    expect(notYours.status).toBe(404);
    await app.post(
      `/api/v1/live/streams/${streamId}/moderation`,
      { username: subscriber.user.username, action: "unmute" },
      creator.token,
    );
    for (const ws of [sub, own, out]) await ws.close();
  });

  it("ends the stream when the publisher leaves, leaves no ffmpeg, and continues it when the publisher comes back", async () => {
    const dir = `live/${streamId}`;
    expect(ffmpegProcesses(dir).length).toBe(1);
    const before = await app.getRaw(`/live-hls/${streamId}/src/index.m3u8`, subscriber).then((r) => r.text());
    const seqBefore = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(before)![1]);
    for (const p of publishers.splice(0)) await p.stop();
    const left = Date.now();
    await until("the stream to end", async () => (await liveOf(creator)).stream === null, 15_000);
    expect(Date.now() - left).toBeLessThan(15_000);
    await until("ffmpeg to exit", async () => ffmpegProcesses(dir).length === 0, 10_000);
    const ended = (await app.get(`/api/v1/live/streams/${streamId}`, creator.token)).body.stream;
    expect(ended.status).toBe("ended");

    // Back within the reconnect window: the same stream, the same playlist going on.
    publish(`rtmp://127.0.0.1:${app.live!.rtmpPort}/live`, key.streamKey);
    const again = await until("the stream to go live again", async () => (await liveOf(subscriber)).stream);
    expect(again.id).toBe(streamId);
    const after = await until("new segments", async () => {
      const text = await app.getRaw(`/live-hls/${streamId}/src/index.m3u8`, subscriber).then((r) => r.text());
      const seq = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1);
      return seq > seqBefore + 2 ? text : null;
    }).catch(async (err: unknown) => {
      const text = await app.getRaw(`/live-hls/${streamId}/src/index.m3u8`, subscriber).then((r) => r.text());
      throw new Error(`${String(err)}; seq before ${seqBefore}; the playlist now:\n${text}`);
    });
    expect(after).toContain("#EXT-X-DISCONTINUITY");
    const count = (await app.raw.prepare("SELECT count(*) AS n FROM live_streams").get()) as { n: number };
    expect(Number(count.n)).toBe(1);

    // The creator ends it: the publisher is cut, and after the window the recording becomes a draft post.
    const end = await app.post(`/api/v1/live/streams/${streamId}/end`, undefined, creator.token);
    expect(end.status).toBe(200);
    expect(end.body.stream.status).toBe("ended");
    await until("the publisher to be cut", async () => (await publishers[0]!.exited) !== undefined, 10_000);
    await until("ffmpeg to exit", async () => ffmpegProcesses(dir).length === 0, 10_000);
    const recorded = await until(
      "the recording post",
      async () =>
        (await app.get(`/api/v1/live/streams/${streamId}`, creator.token)).body.stream.recordingPostId,
      60_000,
    );
    const post = await app.get(`/api/v1/posts/${recorded}`, creator.token);
    expect(post.status).toBe(200);
    expect(post.body.post.status).toBe("draft");
    expect(post.body.post.media.length).toBe(1);
    expect(post.body.post.media[0].kind).toBe("video");
    // Fans never see the owner's link to the draft.
    expect(
      (await app.get(`/api/v1/live/streams/${streamId}`, subscriber.token)).body.stream.recordingPostId,
    ).toBeNull();
  });

  it("sells tickets to a ticketed stream through the ledger", async () => {
    const s = await app.post(
      "/api/v1/live/streams",
      { title: "Pay-per-view show", access: "ticket", priceCents: 700 },
      creator.token,
    );
    expect(s.status).toBe(201);
    const id = s.body.stream.id;
    publish(`rtmp://127.0.0.1:${app.live!.rtmpPort}/live`, key.streamKey);
    await until("the ticketed stream to go live", async () => (await liveOf(creator)).stream?.id === id);
    // Subscribers need a ticket too.
    const locked = (await app.get(`/api/v1/live/streams/${id}`, subscriber.token)).body.stream;
    expect(locked.locked).toBe(true);
    expect((await app.getRaw(`/live-hls/${id}/master.m3u8`, subscriber)).status).toBe(404);
    const bought = await app.post(
      `/api/v1/live/streams/${id}/tickets`,
      { payWith: "wallet" },
      subscriber.token,
    );
    expect(bought.status).toBe(200);
    expect(bought.body.stream.locked).toBe(false);
    expect(bought.body.stream.hasTicket).toBe(true);
    expect((await app.getRaw(`/live-hls/${id}/master.m3u8`, subscriber)).status).toBe(200);
    const twice = await app.post(
      `/api/v1/live/streams/${id}/tickets`,
      { payWith: "wallet" },
      subscriber.token,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_owned");
    const txns = (await app.raw
      .prepare(
        "SELECT count(*) AS n, sum(amount_cents) AS cents FROM ledger_transactions WHERE kind = 'ticket'",
      )
      .get()) as { n: number; cents: number };
    expect(Number(txns.n)).toBe(1);
    expect(Number(txns.cents)).toBe(700);
    const earnings = await app.get("/api/v1/earnings", creator.token);
    expect(earnings.body.byType.ticket).toBeGreaterThan(0);
    // An admin refund of the ticket takes it back: locked again, no HLS.
    const sold = (await app.raw
      .prepare("SELECT id FROM ledger_transactions WHERE kind = 'ticket'")
      .get()) as { id: string };
    const refund = await app.post(`/api/v1/admin/transactions/${sold.id}/refund`, {}, admin.token);
    expect(refund.status).toBe(200);
    const after = (await app.get(`/api/v1/live/streams/${id}`, subscriber.token)).body.stream;
    expect(after.locked).toBe(true);
    expect(after.hasTicket).toBe(false);
    expect((await app.getRaw(`/live-hls/${id}/master.m3u8`, subscriber)).status).toBe(404);
    for (const p of publishers.splice(0)) await p.stop();
  });
});

describe("a publisher's leaving, reported late", () => {
  it("does not end the publish that replaced it", async () => {
    const other = await app.creator();
    const key = (await app.get("/api/v1/live/key", other.token)).body.streamKey as string;
    const hooks = app.services.live.ingestHooks;
    const first = (await hooks.publish(hashKey(key)))!;
    await hooks.left(first.streamId, first.publishedAt);
    await new Promise((ok) => setTimeout(ok, 5));
    // The publisher is back within the window: the same stream, a newer publish.
    const second = (await hooks.publish(hashKey(key)))!;
    expect(second).toMatchObject({ streamId: first.streamId, resumed: true });
    // The first connection's close is reported again, late: the stream stays live.
    await hooks.left(first.streamId, first.publishedAt);
    const live = async () =>
      (await app.get(`/api/v1/creators/${other.user.username}/live`, other.token)).body;
    expect((await live()).stream?.id).toBe(first.streamId);
    await hooks.left(second.streamId, second.publishedAt);
    expect((await live()).stream).toBeNull();
  });
});

describe("live streaming with the transcoded rendition", () => {
  it("offers the copied source and a 480p rendition in the master playlist", async () => {
    const t = await startTestApp({ live: true, env: { FANZ_LIVE__TRANSCODE: "true" } });
    try {
      await t.signupAdmin();
      const c = await t.creator();
      const key = (await t.get("/api/v1/live/key", c.token)).body;
      const p = publishTestPattern(`rtmp://127.0.0.1:${t.live!.rtmpPort}/live`, key.streamKey, {
        seconds: 30,
        size: "1280x720",
      });
      publishers.push(p);
      const stream = await until(
        "live",
        async () => (await t.get(`/api/v1/creators/${c.user.username}/live`, c.token)).body.stream,
      );
      const master = await (await t.getRaw(stream.playlistUrl, c)).text();
      expect(master).toContain("src/index.m3u8");
      expect(master).toMatch(/RESOLUTION=854x480[^\n]*\nlow\/index\.m3u8/);
      const low = await until("a 480p segment", async () => {
        const r = await t.getRaw(`/live-hls/${stream.id}/low/index.m3u8`, c);
        const text = r.status === 200 ? await r.text() : "";
        return text.split("\n").find((l) => /^\d+\.ts$/.test(l));
      });
      const probed = await probe(`${t.base}/live-hls/${stream.id}/low/${low}`, {
        authorization: `Bearer ${c.token}`,
      });
      const video = probed.streams.find((x) => x.type === "video")!;
      expect(video.codec).toBe("h264");
      expect(video.height).toBe(480);
      await p.stop();
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe("a site with live streaming off", () => {
  it("says so to the web UI and refuses to hand out stream keys or plan streams", async () => {
    const off = await startTestApp({ env: { FANZ_LIVE__ENABLED: "false" } });
    try {
      await off.signupAdmin();
      const c = await off.creator();
      expect((await off.get("/api/v1/site")).body.site.live).toBe(false);
      const key = await off.get("/api/v1/live/key", c.token);
      expect(key.status).toBe(503);
      expect(key.body.error.code).toBe("live_disabled");
      expect((await off.post("/api/v1/live/streams", { title: "x" }, c.token)).status).toBe(503);
      expect((await app.get("/api/v1/site")).body.site.live).toBe(true);
    } finally {
      await off.close();
    }
  });
});
