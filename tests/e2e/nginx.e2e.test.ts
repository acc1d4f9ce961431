// The production path: a real nginx on a loopback port, rendered from nginx/fanz.conf.template, in front of
// `fanzctl serve`. Media files come from disk via nginx once the app's /internal/media-auth says yes; with
// media in an S3 bucket, the same site config lets the app stream them from the bucket.
import { openWs } from "../helpers/ws.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import sharp from "sharp";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { NGINX, startNginx, type RunningNginx } from "../helpers/nginx.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";

// CI installs nginx (.ci/run): a machine without it fails here rather than skipping the production path.
describe("nginx with auth_request in front of the app", () => {
  let app: AppProcess;
  let nginx: RunningNginx;
  let base = "";
  let owner = "";
  let fan = "";
  let subscriber = "";
  let file = "";
  let avatar: string | null = null;
  let onDisk: Buffer;

  const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set("authorization", `Bearer ${init.token}`);
    if (init.body && typeof init.body === "string") headers.set("content-type", "application/json");
    const res = await fetch(app.baseUrl + path, { ...init, headers });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  beforeAll(async () => {
    if (!NGINX)
      throw new Error("nginx is not installed (apt-get install -y nginx): the nginx e2e test needs it.");
    // As `fanzctl install` configures it behind nginx.
    app = await startApp({
      env: { FANZ_SERVER__TRUST_PROXY: "true", FANZ_GEO__COUNTRY_HEADER: "CF-IPCountry" },
    });
    await api("/api/v1/setup", {
      method: "POST",
      body: JSON.stringify({
        token: app.setupToken(),
        siteName: "Edge",
        admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
      }),
    });
    const signup = async (u: string) =>
      (
        await api("/api/v1/auth/signup", {
          method: "POST",
          body: JSON.stringify({
            email: `${u}@example.com`,
            username: u,
            password: "password-123",
            ageConfirmed: true,
          }),
        })
      ).body.token as string;
    owner = await signup("edgecreator");
    fan = await signup("edgefan");
    subscriber = await signup("edgesub");
    await api("/api/v1/creators/me", {
      method: "PUT",
      token: owner,
      body: JSON.stringify({ priceCents: 0 }),
    });
    await api("/api/v1/subscriptions", {
      method: "POST",
      token: subscriber,
      body: JSON.stringify({ creator: "edgecreator" }),
    });

    const form = new FormData();
    const jpeg = await sharp({ create: { width: 1400, height: 900, channels: 3, background: "#3a6" } })
      .jpeg()
      .toBuffer();
    form.append("file", new Blob([jpeg], { type: "image/jpeg" }), "edge.jpg");
    const up = await fetch(`${app.baseUrl}/api/v1/media`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(up.status).toBe(201);
    const id = ((await up.json()) as any).media.id as string;
    let media: any;
    for (let i = 0; i < 200; i++) {
      media = (await api(`/api/v1/media/${id}`, { token: owner })).body.media;
      if (media.status !== "processing") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(media.status).toBe("ready");
    await api("/api/v1/posts", {
      method: "POST",
      token: owner,
      body: JSON.stringify({ text: "behind nginx", visibility: "subscribers", mediaIds: [id] }),
    });
    file = media.urls.feed as string;
    onDisk = readFileSync(join(app.dataDir, file.replace(/^\//, "")));

    const avatarForm = new FormData();
    avatarForm.append("file", new Blob([jpeg], { type: "image/jpeg" }), "me.jpg");
    const av = await fetch(`${app.baseUrl}/api/v1/creators/me/avatar`, {
      method: "POST",
      body: avatarForm,
      headers: { authorization: `Bearer ${owner}` },
    });
    expect(av.status).toBe(202);
    for (let i = 0; i < 200 && !avatar; i++) {
      avatar = (await api("/api/v1/creators/edgecreator")).body.creator.avatarUrl;
      if (!avatar) await new Promise((r) => setTimeout(r, 100));
    }
    expect(avatar).toMatch(/^\/media\//);

    nginx = await startNginx({ appPort: app.port, mediaDir: join(app.dataDir, "media") });
    base = nginx.base;
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    await app?.stop();
  });

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  it("serves an entitled viewer the file from disk, and refuses others with 401/403", async () => {
    for (const who of [owner, subscriber]) {
      const r = await get(file, who);
      expect(r.status).toBe(200);
      expect(r.headers.get("server")).toMatch(/nginx/);
      expect(r.headers.get("content-type")).toBe("image/webp");
      expect(r.headers.get("cache-control")).toContain("private");
      expect(Buffer.from(await r.arrayBuffer()).equals(onDisk)).toBe(true);
    }
    expect((await get(file)).status).toBe(401);
    expect((await get(file, fan)).status).toBe(403);
    const original = file.replace(/[^/]+$/, "original");
    expect([401, 403, 404]).toContain((await get(original, owner)).status);
    expect((await get("/internal/media-auth", owner)).status).toBe(404);
  });

  it("refuses a viewer in a country the creator blocks: 403 with the app's reason (nginx passes no 451)", async () => {
    const block = (countries: string[]) =>
      fetch(app.baseUrl + "/api/v1/creators/me", {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${owner}` },
        body: JSON.stringify({ blockedCountries: countries }),
      });
    expect((await block(["DE"])).status).toBe(200);
    const refused = await get(file, subscriber, { "cf-ipcountry": "DE" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-fanz-denied")).toBe("geo_blocked");
    expect((await get(file, subscriber, { "cf-ipcountry": "FR" })).status).toBe(200);
    expect((await get(file, owner, { "cf-ipcountry": "DE" })).status).toBe(200);
    expect((await block([])).status).toBe(200);
    expect((await get(file, subscriber, { "cf-ipcountry": "DE" })).status).toBe(200);
  });

  it("lets shared caches keep public profile images, and only those", async () => {
    const r = await get(avatar!);
    expect(r.status).toBe(200);
    expect(r.headers.get("server")).toMatch(/nginx/);
    expect(r.headers.get("cache-control")).toBe("public, max-age=86400");
    expect((await get(file, subscriber)).headers.get("cache-control")).toBe("private, max-age=3600");
  });

  it("supports Range requests", async () => {
    const r = await get(file, owner, { range: "bytes=0-99" });
    expect(r.status).toBe(206);
    expect(r.headers.get("content-range")).toBe(`bytes 0-99/${onDisk.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(onDisk.subarray(0, 100))).toBe(true);
  });

  it("proxies the API and the web UI through the same site", async () => {
    const me = await get("/api/v1/users/me", owner);
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.username).toBe("edgecreator");
  });

  it("passes the app's brotli through for the API and the web UI's files (nginx adds no second encoding)", async () => {
    const bytes = (path: string) =>
      new Promise<{ encoding?: string; vary?: string; body: Buffer }>((ok, fail) => {
        httpRequest(base + path, { headers: { "accept-encoding": "gzip, br" } }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (d: Buffer) => parts.push(d));
          res.on("end", () =>
            ok({
              encoding: res.headers["content-encoding"],
              vary: res.headers.vary,
              body: Buffer.concat(parts),
            }),
          );
        })
          .on("error", fail)
          .end();
      });
    const doc = await bytes("/api/v1/openapi.json");
    expect(doc.encoding).toBe("br");
    expect(JSON.parse(brotliDecompressSync(doc.body).toString()).openapi).toMatch(/^3\./);
    const page = (await (await fetch(base + "/")).text()).match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
    expect(page).toBeTruthy();
    const js = await bytes(page!);
    expect(js.encoding).toBe("br");
    expect(js.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(js.body).toString()).toContain("function");
  });

  it("carries /ws through the site: the socket authenticates and is answered ready", async () => {
    const ws = await openWs(base, { token: owner });
    expect((await ws.next("ready")).type).toBe("ready");
    ws.send({ type: "ping" });
    expect((await ws.next("pong")).type).toBe("pong");
    await ws.close();
  });

  it("passes the app the address nginx saw, never the X-Forwarded-For the client sent", async () => {
    // An upstream that echoes the header nginx sends it.
    const echo: Server = createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((ok) => echo.listen(0, "127.0.0.1", ok));
    const edge = await startNginx({
      appPort: (echo.address() as AddressInfo).port,
      mediaDir: join(app.dataDir, "media"),
    });
    try {
      const seen = await fetch(`${edge.base}/api/v1/site`, { headers: { "x-forwarded-for": "1.2.3.4" } });
      expect(await seen.text()).toBe("127.0.0.1");
    } finally {
      await edge.stop();
      await new Promise((ok) => echo.close(ok));
    }
  });

  it("counts failed logins per address even when each request claims another X-Forwarded-For", async () => {
    // Different accounts each time, so only the per-address limit (4 x auth.login_max_failures) applies.
    const login = (i: number) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `1.2.3.${i}` },
        body: JSON.stringify({ email: `nobody${i}@example.com`, password: "wrong-password" }),
      });
    for (let i = 1; i <= 20; i++) expect((await login(i)).status).toBe(401);
    const blocked = await login(21);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as any).error.code).toBe("rate_limited");
  });
});

describe("nginx in front of an app with media in an S3 bucket", () => {
  let s3: TestS3;
  let app: AppProcess;
  let nginx: RunningNginx;
  let owner = "";
  let file = "";
  let inBucket: Buffer;

  beforeAll(async () => {
    s3 = await startS3();
    app = await startApp({ env: { FANZ_SERVER__TRUST_PROXY: "true", ...s3.env } });
    const post = async (path: string, body: unknown, token?: string, method = "POST") =>
      (await (
        await fetch(app.baseUrl + path, {
          method,
          headers: {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        })
      ).json()) as any;
    owner = (
      await post("/api/v1/setup", {
        token: app.setupToken(),
        siteName: "Bucket edge",
        admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
      })
    ).token;
    await post("/api/v1/creators/me", { priceCents: 500 }, owner, "PUT");
    const form = new FormData();
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#a36" } })
      .jpeg()
      .toBuffer();
    form.append("file", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "b.jpg");
    const up = await fetch(`${app.baseUrl}/api/v1/media`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${owner}` },
    });
    const id = ((await up.json()) as any).media.id as string;
    let media: any;
    for (let i = 0; i < 200; i++) {
      media = (
        (await (
          await fetch(`${app.baseUrl}/api/v1/media/${id}`, { headers: { authorization: `Bearer ${owner}` } })
        ).json()) as any
      ).media;
      if (media.status !== "processing") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(media.status).toBe("ready");
    file = media.urls.feed as string;
    inBucket = await s3.get(file.slice(1));
    nginx = await startNginx({ appPort: app.port, mediaDir: join(app.dataDir, "media") });
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    await app?.stop();
    await s3?.stop();
  });

  it("serves the owner the file from the bucket through the app, with ranges, and refuses others", async () => {
    const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
      fetch(nginx.base + path, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const r = await get(file, owner);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("image/webp");
    expect(r.headers.get("cache-control")).toBe("private, max-age=3600");
    expect(Buffer.from(await r.arrayBuffer()).equals(inBucket)).toBe(true);
    const part = await get(file, owner, { range: "bytes=0-99" });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(inBucket.subarray(0, 100))).toBe(true);
    // Not in a post: nobody else sees it (nginx asks first; a 401 or 403 never reaches the fallback).
    expect((await get(file)).status).toBe(401);
    expect((await get(`/media/${"a".repeat(26)}/feed.webp`, owner)).status).toBe(403);
  });
});
