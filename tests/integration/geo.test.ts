// Geo-blocking: a creator's blocked countries keep viewers there from the creator's page, posts, media
// (the delivery route and nginx's /internal/media-auth), live streams and playlists (451 `geo_blocked`),
// and out of discover, suggestions, live now and the feed. The creator and admins are never blocked; an
// unknown country is not blocked. Both sources: a trusted proxy's header, and a MaxMind .mmdb built here
// (tests/helpers/mmdb.ts) that the app reloads when the file changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "node:http";
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { buildCountryMmdb } from "../helpers/mmdb.ts";
import { openWs } from "../helpers/ws.ts";
import * as fx from "../fixtures/media.ts";

const dbDir = mkdtempSync(join(tmpdir(), "fanz-geo-"));
const dbPath = join(dbDir, "GeoLite2-Country.mmdb");
const writeDb = (networks: Record<string, string>) => {
  // As geoipupdate does: a new file renamed over the old one.
  writeFileSync(`${dbPath}.tmp`, buildCountryMmdb(networks));
  renameSync(`${dbPath}.tmp`, dbPath);
};
writeDb({ "127.0.0.2/32": "DE", "127.0.0.3/32": "FR", "127.0.0.4/32": "AT" });

const MODES = {
  header: {
    env: { FANZ_GEO__COUNTRY_HEADER: "CF-IPCountry" },
    from: (country: string | null): Record<string, string> =>
      country ? { "cf-ipcountry": country } : { "cf-ipcountry": "XX" },
  },
  mmdb: {
    env: { FANZ_GEO__DATABASE: dbPath, FANZ_SERVER__TRUST_PROXY: "true" },
    from: (country: string | null): Record<string, string> => ({
      "x-forwarded-for": { DE: "127.0.0.2", FR: "127.0.0.3", AT: "127.0.0.4" }[country ?? ""] ?? "127.0.0.9",
    }),
  },
} as const;

describe.each(Object.keys(MODES) as (keyof typeof MODES)[])("geo-blocking (%s)", (mode) => {
  const from = MODES[mode].from;
  let app: TestApp;
  let creator: Actor, fan: Actor, admin: Actor, other: Actor;
  let postId: string, mediaUrl: string, streamId: string;

  /** A request as `who` (null: logged out) from `country` (null: unknown). */
  const as =
    (who: Actor | null, country: string | null, method = "GET", body?: unknown) =>
    (path: string) =>
      app.call(method, path, {
        ...(who ? { token: who.token } : {}),
        headers: from(country),
        ...(body === undefined ? {} : { body }),
      });
  const raw = (
    path: string,
    who: Actor | null,
    country: string | null,
    headers: Record<string, string> = {},
  ) =>
    fetch(app.base + path, {
      headers: { ...from(country), ...headers, ...(who ? { authorization: `Bearer ${who.token}` } : {}) },
    });

  beforeAll(async () => {
    app = await startTestApp({ jobs: true, env: MODES[mode].env });
    admin = await app.signupAdmin();
    creator = await app.creator(`geo_${mode}`);
    other = await app.creator(`open_${mode}`);
    fan = await app.signup(`fan_${mode}`);
    await app.grant(fan, creator);
    await app.grant(fan, other);
    const up = await app.upload(creator, await fx.jpeg(400, 300), "photo.jpg");
    expect(up.status).toBe(201);
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const m = await app.get(`/api/v1/media/${up.body.media.id}`, creator.token);
      if (m.body.media.status !== "processing") break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    postId = (
      await app.postAs(creator, {
        text: "Hello from Berlin",
        visibility: "public",
        mediaIds: [up.body.media.id],
      })
    ).id;
    await app.postAs(other, { text: "Open everywhere", visibility: "public" });
    const post = await app.get(`/api/v1/posts/${postId}`, fan.token);
    mediaUrl = post.body.post.media[0].urls.feed;
    expect(mediaUrl).toMatch(/^\/media\//);
    const s = await app.post(
      "/api/v1/live/streams",
      { title: "Live from the studio", access: "public" },
      creator.token,
    );
    expect(s.status).toBe(201);
    streamId = s.body.stream.id;
  });
  afterAll(() => app?.close());

  it("stores the blocked countries validated and upper-cased, shown back in the creator's own view", async () => {
    const bad = await app.put("/api/v1/creators/me", { blockedCountries: ["DE", "XX"] }, creator.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields["blockedCountries.1"]).toMatch(/ISO 3166-1/);
    const tooMany = await app.put(
      "/api/v1/creators/me",
      { blockedCountries: Array.from({ length: 251 }, () => "DE") },
      creator.token,
    );
    expect(tooMany.status).toBe(400);
    const r = await app.put("/api/v1/creators/me", { blockedCountries: ["de", "AT", "de"] }, creator.token);
    expect(r.status).toBe(200);
    expect(r.body.creator.blockedCountries).toEqual(["AT", "DE"]);
    expect((await app.get("/api/v1/creators/me", creator.token)).body.creator.blockedCountries).toEqual([
      "AT",
      "DE",
    ]);
    // Only the owner sees the list: the public page does not tell.
    const pub = await as(null, "FR")(`/api/v1/creators/${creator.user.username}`);
    expect(pub.status).toBe(200);
    expect(pub.body.creator.blockedCountries).toBeUndefined();
    // Other changes keep the list.
    await app.put("/api/v1/creators/me", { bio: "Berlin based" }, creator.token);
    expect((await app.get("/api/v1/creators/me", creator.token)).body.creator.blockedCountries).toEqual([
      "AT",
      "DE",
    ]);
  });

  it("answers 451 geo_blocked on the page, the posts, their comments and likes, to fans and to the logged out", async () => {
    const u = creator.user.username;
    for (const who of [null, fan]) {
      for (const path of [
        `/api/v1/creators/${u}`,
        `/api/v1/creators/${u}/posts`,
        `/api/v1/creators/${u}/posts?only=media`,
        `/api/v1/posts/${postId}`,
        `/api/v1/posts/${postId}/comments`,
        `/api/v1/creators/${u}/live`,
        `/api/v1/live/streams/${streamId}`,
      ]) {
        const r = await as(who, "DE")(path);
        expect(r.status, `${path} as ${who ? "fan" : "anonymous"}`).toBe(451);
        expect(r.body.error.code).toBe("geo_blocked");
        expect(r.body.error.message).toMatch(/not available in your country/);
      }
    }
    expect((await as(fan, "AT", "POST")(`/api/v1/posts/${postId}/likes`)).status).toBe(451);
    const comment = await as(fan, "DE", "POST", { text: "hi" })(`/api/v1/posts/${postId}/comments`);
    expect(comment.status).toBe(451);
    // Nothing was written on the way to the refusal.
    const seen = await as(fan, "FR")(`/api/v1/posts/${postId}`);
    expect(seen.body.post).toMatchObject({ likesCount: 0, commentsCount: 0 });
  });

  it("refuses the media files: the delivery route answers 451, nginx's auth_request a 403 that says why", async () => {
    const blocked = await raw(mediaUrl, fan, "DE");
    expect(blocked.status).toBe(451);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("geo_blocked");
    expect((await raw(mediaUrl, null, "DE")).status).toBe(451);
    expect((await raw(mediaUrl, fan, "FR")).status).toBe(200);
    const auth = (who: Actor | null, country: string | null) =>
      raw("/internal/media-auth", who, country, { "x-original-uri": mediaUrl });
    const denied = await auth(fan, "DE");
    expect(denied.status).toBe(403);
    expect(denied.headers.get("x-fanz-denied")).toBe("geo_blocked");
    const ok = await auth(fan, "FR");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-fanz-denied")).toBeNull();
  });

  it("refuses the live stream's playlists and segments (and live-auth), and leaves it out of live now", async () => {
    // The stream goes live as the ingest would mark it (no RTMP publisher needed for the checks).
    await app.raw
      .prepare("UPDATE live_streams SET status = 'live', started_at = ?, heartbeat_at = ? WHERE id = ?")
      .run(Date.now(), Date.now(), streamId);
    const master = `/live-hls/${streamId}/master.m3u8`;
    expect((await raw(master, fan, "FR")).status).toBe(200);
    const blocked = await raw(master, fan, "DE");
    expect(blocked.status).toBe(451);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe("geo_blocked");
    expect((await raw(`/live-hls/${streamId}/src/index.m3u8`, null, "AT")).status).toBe(451);
    const liveAuth = await raw("/internal/live-auth", fan, "DE", {
      "x-original-uri": `/live-hls/${streamId}/src/00001.ts`,
    });
    expect(liveAuth.status).toBe(403);
    expect(liveAuth.headers.get("x-fanz-denied")).toBe("geo_blocked");
    const nowFr = await as(fan, "FR")("/api/v1/live/now");
    expect(nowFr.body.items.map((s: { id: string }) => s.id)).toContain(streamId);
    const nowDe = await as(fan, "DE")("/api/v1/live/now");
    expect(nowDe.status).toBe(200);
    expect(nowDe.body.items.map((s: { id: string }) => s.id)).not.toContain(streamId);
  });

  it("refuses a subscription and a tip in a blocked country, charging nothing", async () => {
    const newcomer = await app.signup(`newcomer_${mode}`);
    await app.topup(newcomer, 5_000);
    const balance = async () => (await app.get("/api/v1/wallet", newcomer.token)).body.balanceCents as number;
    const before = await balance();
    const u = creator.user.username;
    const sub = await as(newcomer, "DE", "POST", { creator: u, payWith: "wallet" })("/api/v1/subscriptions");
    expect(sub.status).toBe(451);
    expect(sub.body.error.code).toBe("geo_blocked");
    const tip = await as(newcomer, "AT", "POST", { creator: u, amountCents: 300, payWith: "wallet" })(
      "/api/v1/tips",
    );
    expect(tip.status).toBe(451);
    expect(await balance()).toBe(before);
    const subs = await as(newcomer, "DE")("/api/v1/subscriptions");
    expect(subs.body.items).toEqual([]);
    // From a country the creator does not block, both go through.
    expect(
      (await as(newcomer, "FR", "POST", { creator: u, amountCents: 300, payWith: "wallet" })("/api/v1/tips"))
        .status,
    ).toBe(201);
    expect(
      (await as(newcomer, "FR", "POST", { creator: u, payWith: "wallet" })("/api/v1/subscriptions")).status,
    ).toBe(201);
  });

  it("keeps a socket from a blocked country out of the live stream's chat room", async () => {
    // The stream is live since the test before; the stream is public, so only the country stands between.
    const de = await openWs(app.base, { token: fan.token, headers: from("DE") });
    const fr = await openWs(app.base, { token: fan.token, headers: from("FR") });
    for (const ws of [de, fr]) await ws.next("ready");
    de.send({ type: "live.join", streamId });
    fr.send({ type: "live.join", streamId });
    expect((await de.next("live.error")).code).toBe("geo_blocked");
    await fr.next("live.joined");
    de.send({ type: "live.chat", streamId, text: "hello from Berlin" });
    expect((await de.next("live.error")).code).toBe("not_joined");
    await Promise.all([de.close(), fr.close()]);
  });

  it("refuses a ticket and the stream's chat in a blocked country, charging nothing", async () => {
    const show = await app.post(
      "/api/v1/live/streams",
      { title: "Ticketed show", access: "ticket", priceCents: 500 },
      creator.token,
    );
    expect(show.status).toBe(201);
    const showId = show.body.stream.id as string;
    await app.topup(fan, 2_000);
    const balance = async () => (await app.get("/api/v1/wallet", fan.token)).body.balanceCents as number;
    const before = await balance();
    const refused = await as(fan, "DE", "POST", { payWith: "wallet" })(
      `/api/v1/live/streams/${showId}/tickets`,
    );
    expect(refused.status).toBe(451);
    expect(refused.body.error.code).toBe("geo_blocked");
    expect(await balance()).toBe(before);
    for (const who of [null, fan]) {
      const chat = await as(who, "AT")(`/api/v1/live/streams/${streamId}/chat`);
      expect(chat.status, `chat as ${who ? "fan" : "anonymous"}`).toBe(451);
    }
    expect((await as(fan, "FR")(`/api/v1/live/streams/${streamId}/chat`)).status).toBe(200);
    const sold = await as(fan, "FR", "POST", { payWith: "wallet" })(`/api/v1/live/streams/${showId}/tickets`);
    expect(sold.status).toBe(200);
    expect(await balance()).toBe(before - 500);
  });

  it("leaves the creator out of discover, suggestions, search by name and the feed", async () => {
    const names = (r: { body: { items: { username: string }[] } }) => r.body.items.map((c) => c.username);
    const fr = await as(null, "FR")("/api/v1/creators?limit=50");
    expect(names(fr)).toEqual(expect.arrayContaining([creator.user.username, other.user.username]));
    const de = await as(null, "DE")("/api/v1/creators?limit=50");
    expect(de.status).toBe(200);
    expect(names(de)).toContain(other.user.username);
    expect(names(de)).not.toContain(creator.user.username);
    const byName = await as(fan, "DE")(`/api/v1/creators?query=${creator.user.username}`);
    expect(names(byName)).toEqual([]);
    // The feed: the subscribed fan still gets the other creator's posts.
    const texts = (r: { body: { items: { text: string }[] } }) => r.body.items.map((p) => p.text);
    expect(texts(await as(fan, "FR")("/api/v1/feed"))).toEqual(
      expect.arrayContaining(["Hello from Berlin", "Open everywhere"]),
    );
    const feedDe = await as(fan, "DE")("/api/v1/feed");
    expect(feedDe.status).toBe(200);
    expect(texts(feedDe)).toEqual(["Open everywhere"]);
  });

  it("never blocks the creator themselves or an admin, and lets an unknown country through", async () => {
    const u = creator.user.username;
    for (const who of [creator, admin]) {
      expect((await as(who, "DE")(`/api/v1/creators/${u}`)).status).toBe(200);
      expect((await as(who, "DE")(`/api/v1/posts/${postId}`)).status).toBe(200);
      expect((await raw(mediaUrl, who, "DE")).status).toBe(200);
      expect((await raw(`/live-hls/${streamId}/master.m3u8`, who, "DE")).status).toBe(200);
      const list = await as(who, "DE")("/api/v1/creators?limit=50");
      expect(list.body.items.map((c: { username: string }) => c.username)).toContain(u);
    }
    expect((await as(creator, "DE")("/api/v1/feed")).body.items.map((p: { id: string }) => p.id)).toContain(
      postId,
    );
    // No country known: not blocked.
    expect((await as(fan, null)(`/api/v1/creators/${u}`)).status).toBe(200);
    expect((await as(null, null)(`/api/v1/posts/${postId}`)).status).toBe(200);
    expect((await raw(mediaUrl, fan, null)).status).toBe(200);
  });

  it("a session remembers the country it signed in from; the session list names it", async () => {
    const email = `${fan.user.username}@example.com`;
    const login = await app.call("POST", "/api/v1/auth/login", {
      body: { email, password: "password-123" },
      headers: from("FR"),
    });
    expect(login.status).toBe(200);
    const list = await as({ ...fan, token: login.body.token }, "FR")("/api/v1/auth/sessions");
    const current = list.body.items.find((x: { current: boolean }) => x.current);
    expect(current.place).toMatch(/^France( · |$)/);
  });

  it("unblocking shows everything again at once", async () => {
    await app.put("/api/v1/creators/me", { blockedCountries: ["AT"] }, creator.token);
    expect((await as(fan, "DE")(`/api/v1/creators/${creator.user.username}`)).status).toBe(200);
    expect((await raw(mediaUrl, fan, "DE")).status).toBe(200);
    expect((await as(fan, "AT")(`/api/v1/creators/${creator.user.username}`)).status).toBe(451);
    await app.put("/api/v1/creators/me", { blockedCountries: ["AT", "DE"] }, creator.token);
  });

  if (mode === "header") {
    it("reads the header only because it is configured: another header name is not trusted", async () => {
      const r = await app.call("GET", `/api/v1/creators/${creator.user.username}`, {
        headers: { "x-country": "DE" },
      });
      expect(r.status).toBe(200);
    });
  }

  if (mode === "mmdb") {
    it("ignores a country header nobody configured", async () => {
      const r = await app.call("GET", `/api/v1/creators/${creator.user.username}`, {
        headers: { "cf-ipcountry": "DE", "x-forwarded-for": "127.0.0.9" },
      });
      expect(r.status).toBe(200);
    });

    it("takes the socket's own address when no proxy header is sent (a connection from 127.0.0.2)", async () => {
      const url = new URL(`${app.base}/api/v1/creators/${creator.user.username}`);
      const status = await new Promise<number>((ok, fail) => {
        const req = request(
          { host: url.hostname, port: url.port, path: url.pathname, localAddress: "127.0.0.2" },
          (res) => {
            res.resume();
            ok(res.statusCode ?? 0);
          },
        );
        req.on("error", fail);
        req.end();
      });
      expect(status).toBe(451);
    });

    it("reloads the database when the file changes", async () => {
      const path = `/api/v1/creators/${creator.user.username}`;
      expect((await as(null, "DE")(path)).status).toBe(451);
      // 127.0.0.2 moves to France.
      writeDb({ "127.0.0.2/32": "FR", "127.0.0.3/32": "FR", "127.0.0.4/32": "AT" });
      const deadline = Date.now() + 15_000;
      let status = 451;
      while (status === 451 && Date.now() < deadline) {
        await new Promise((ok) => setTimeout(ok, 250));
        status = (await as(null, "DE")(path)).status;
      }
      expect(status).toBe(200);
      writeDb({ "127.0.0.2/32": "DE", "127.0.0.3/32": "FR", "127.0.0.4/32": "AT" });
    }, 30_000);
  }
});
