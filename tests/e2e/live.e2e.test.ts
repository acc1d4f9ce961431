// Live streams on the production path: `fanzctl serve` processes (the single executable's code path) with
// a real RTMP publisher. Behind the shipped nginx site, playlists come through the app and segments from
// disk after /internal/live-auth, refused to anonymous (401) and unsubscribed (403) viewers; the stream
// key never reaches the log, also at debug level. Killed mid-stream (SIGKILL), the transmuxer goes with
// the publisher's connection, and the restarted process ends the stream and cleans its files up.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { ffmpegProcesses, publishTestPattern, type Publisher } from "../helpers/live.ts";
import { NGINX, startNginx, type RunningNginx } from "../helpers/nginx.ts";
import { until } from "../helpers/until.ts";

/** A site with a free creator, a subscriber and a stranger; the creator's stream key. */
async function site(app: AppProcess) {
  const api = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const res = await fetch(app.baseUrl + path, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
  await api("/api/v1/setup", {
    method: "POST",
    body: {
      token: app.setupToken(),
      siteName: "Live",
      admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
    },
  });
  const signup = async (u: string) =>
    (
      await api("/api/v1/auth/signup", {
        method: "POST",
        body: { email: `${u}@example.com`, username: u, password: "password-123", ageConfirmed: true },
      })
    ).body.token as string;
  const creator = await signup("livecreator");
  const subscriber = await signup("livesub");
  const stranger = await signup("livestranger");
  await api("/api/v1/creators/me", { method: "PUT", token: creator, body: { priceCents: 0 } });
  await api("/api/v1/subscriptions", { method: "POST", token: subscriber, body: { creator: "livecreator" } });
  const key = (await api("/api/v1/live/key", { token: creator })).body as {
    rtmpUrl: string;
    streamKey: string;
  };
  const created = await api("/api/v1/live/streams", {
    method: "POST",
    token: creator,
    body: { title: "Behind nginx", access: "subscribers", record: false },
  });
  return {
    api,
    creator,
    subscriber,
    stranger,
    key,
    streamId: created.body.stream.id as string,
    rtmp: key.rtmpUrl.replace("localhost", "127.0.0.1"),
  };
}

describe("live HLS through nginx", () => {
  let app: AppProcess;
  let nginx: RunningNginx;
  let s: Awaited<ReturnType<typeof site>>;
  let publisher: Publisher;

  beforeAll(async () => {
    if (!NGINX)
      throw new Error("nginx is not installed (apt-get install -y nginx): the live e2e test needs it.");
    app = await startApp({ env: { FANZ_SERVER__TRUST_PROXY: "true", FANZ_LOG__LEVEL: "debug" } });
    s = await site(app);
    nginx = await startNginx({ appPort: app.port, mediaDir: join(app.dataDir, "media") });
    publisher = publishTestPattern(s.rtmp, s.key.streamKey, { seconds: 60 });
    await until("the stream to go live", async () => {
      const r = await s.api("/api/v1/creators/livecreator/live", { token: s.subscriber });
      return r.body.stream?.status === "live";
    });
  }, 120_000);
  afterAll(async () => {
    await publisher?.stop();
    await nginx?.stop();
    await app?.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(nginx.base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("serves an entitled viewer the playlist (from the app) and segments (from disk), and refuses the rest", async () => {
    const playlistPath = `/live-hls/${s.streamId}/src/index.m3u8`;
    const playlist = await until("a segment in the playlist", async () => {
      const r = await get(playlistPath, s.subscriber);
      const text = r.status === 200 ? await r.text() : "";
      return /^\d+\.ts$/m.test(text) ? text : null;
    });
    const segment = playlist.split("\n").filter((l) => /^\d+\.ts$/.test(l))[0]!;
    const segPath = `/live-hls/${s.streamId}/src/${segment}`;
    const r = await get(segPath, s.subscriber);
    expect(r.status).toBe(200);
    expect(r.headers.get("server")).toMatch(/nginx/);
    expect(r.headers.get("content-type")).toBe("video/mp2t");
    expect(r.headers.get("cache-control")).toBe("private, max-age=60");
    const onDisk = readFileSync(join(app.dataDir, "live", s.streamId, "src", segment));
    expect(Buffer.from(await r.arrayBuffer()).equals(onDisk)).toBe(true);

    // Segments: 401 without a session, 403 for a viewer who may not watch (auth_request's answers).
    expect((await get(segPath)).status).toBe(401);
    expect((await get(segPath, s.stranger)).status).toBe(403);
    // Playlists: the app's own answer.
    for (const p of [playlistPath, `/live-hls/${s.streamId}/master.m3u8`]) {
      expect((await get(p)).status, p).toBe(404);
      expect((await get(p, s.stranger)).status, p).toBe(404);
      expect((await get(p, s.subscriber)).status, p).toBe(200);
    }
    // The blurred still is for anyone who may see the stream's card; the clear one for viewers.
    const stills = ["poster.jpg", "poster-blur.jpg"].map((f) => join(app.dataDir, "live", s.streamId, f));
    await until("the stills", async () => stills.every((f) => existsSync(f)));
    expect((await get(`/live-hls/${s.streamId}/poster-blur.jpg`)).status).toBe(200);
    expect((await get(`/live-hls/${s.streamId}/poster.jpg`)).status).toBe(401);
    expect((await get(`/live-hls/${s.streamId}/poster.jpg`, s.subscriber)).status, "poster").toBe(200);
    // Nothing else of the directory, and no way to the check itself.
    expect([401, 403, 404]).toContain(
      (await get(`/live-hls/${s.streamId}/src/../../secret.key`, s.subscriber)).status,
    );
    expect((await get("/internal/live-auth", s.subscriber)).status).toBe(404);
  });

  it("never writes the stream key to the log, not even at debug level", async () => {
    const log = app.output();
    expect(log).toContain("live stream started");
    expect(log).not.toContain(s.key.streamKey);
    expect(log).not.toContain(s.key.streamKey.slice(8));
  });
});

describe("a server killed mid-stream", () => {
  it("leaves no ffmpeg behind, and the restart ends the stream and removes its files", async () => {
    const env = { FANZ_LIVE__RECONNECT_SECONDS: "2" };
    const first = await startApp({ env });
    const s = await site(first);
    const publisher = publishTestPattern(s.rtmp, s.key.streamKey, { seconds: 60 });
    try {
      await until("the stream to go live", async () => {
        const r = await s.api("/api/v1/creators/livecreator/live", { token: s.creator });
        return r.body.stream?.status === "live";
      });
      const dir = join(first.dataDir, "live", s.streamId);
      await until("segments on disk", async () => existsSync(join(dir, "src", "1.ts")));
      expect(ffmpegProcesses(dir).length).toBe(1);
      await first.stop("SIGKILL");
      // The transmuxer reads from the dead process: its input ends, so it exits by itself.
      await until("the transmuxer to exit", async () => ffmpegProcesses(dir).length === 0, 20_000);
      expect(
        await Promise.race([publisher.exited, new Promise((ok) => setTimeout(() => ok("running"), 10_000))]),
      ).not.toBe("running");

      const second = await startApp({ dataDir: first.dataDir, env });
      try {
        const api = (path: string) =>
          fetch(second.baseUrl + path, { headers: { authorization: `Bearer ${s.creator}` } }).then(
            async (r) => (await r.json()) as any,
          );
        const stream = (await api(`/api/v1/live/streams/${s.streamId}`)).stream;
        expect(stream.status).toBe("ended");
        expect((await api("/api/v1/creators/livecreator/live")).stream).toBeNull();
        // After the reconnect window the finalize job removes the stream's files.
        await until("the live files to be removed", async () => !existsSync(dir), 30_000);
        expect(ffmpegProcesses(dir).length).toBe(0);
      } finally {
        await second.stop();
      }
    } finally {
      await publisher.stop();
    }
  }, 120_000);
});
