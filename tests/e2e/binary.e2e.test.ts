// The single executable: built with `node scripts/build-binary.mjs`, copied alone into an empty directory
// (no node_modules anywhere near it), it serves the whole site: setup, sign-up (argon2), an image processed
// by sharp in a worker thread from the unpacked native packages, and a sandbox purchase; and the API's
// document and reference.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { freePort, repoRoot } from "../helpers/app-process.ts";

describe("dist/fanzctl, alone in an empty directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-binary-"));
  const env = {
    PATH: "/usr/bin:/bin",
    HOME: dir,
    FANZ_CACHE_DIR: join(dir, "cache"),
    FANZ_LOG__LEVEL: "warn",
  };
  let child: ChildProcess | null = null;
  let base = "";

  /** Starts the binary; resolves with the time from spawn to /readyz. */
  async function start(port: number): Promise<number> {
    const t0 = performance.now();
    child = spawn(join(dir, "fanzctl"), ["serve", "--data-dir", join(dir, "data"), "--port", String(port)], {
      cwd: dir,
      env,
      stdio: "ignore",
    });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("the binary did not become ready");
  }
  async function stop() {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((ok) => c.once("exit", ok));
    c.kill("SIGTERM");
    await exited;
  }

  beforeAll(() => {
    execFileSync(process.execPath, ["scripts/build-binary.mjs"], { cwd: repoRoot, stdio: "ignore" });
    copyFileSync(join(repoRoot, "dist/fanzctl"), join(dir, "fanzctl"));
    execFileSync("chmod", ["+x", join(dir, "fanzctl")]);
  }, 180_000);
  afterAll(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (path: string, body?: unknown, token?: string) => {
    const res = await fetch(base + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  it("starts cold (unpacking its assets) and warm, and serves the web UI", { timeout: 60_000 }, async () => {
    const size = statSync(join(dir, "fanzctl")).size;
    const cold = await start(await freePort());
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<div id="root">');
    // The API's document, and its reference's script (a shipped file, unpacked like the web UI).
    expect((await call("/api/v1/openapi.json")).body.openapi).toBe("3.1.0");
    const script = await fetch(`${base}/api/docs/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    await stop();
    const warm = await start(await freePort());
    console.log(
      `binary ${(size / 1048576).toFixed(1)} MB; cold start to /readyz ${cold.toFixed(0)} ms; warm ${warm.toFixed(0)} ms`,
    );
    expect(size).toBeGreaterThan(50 * 1048576);
  });

  it(
    "runs the whole site: setup, sign-up, image processing, sandbox purchase",
    { timeout: 90_000 },
    async () => {
      const token = (await import("node:fs")).readFileSync(join(dir, "data", "setup-token"), "utf8").trim();
      const setup = await call("/api/v1/setup", {
        token,
        siteName: "Binary",
        admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
      });
      expect(setup.status).toBe(201);
      const creator = (
        await call("/api/v1/auth/signup", {
          email: "c@example.com",
          username: "bincreator",
          password: "password-123",
          ageConfirmed: true,
        })
      ).body.token;
      const fan = (
        await call("/api/v1/auth/signup", {
          email: "f@example.com",
          username: "binfan",
          password: "password-123",
          ageConfirmed: true,
        })
      ).body.token;
      await fetch(`${base}/api/v1/creators/me`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${creator}` },
        body: JSON.stringify({ priceCents: 500 }),
      });
      const form = new FormData();
      const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#c36" } })
        .jpeg()
        .toBuffer();
      form.append("file", new Blob([jpeg], { type: "image/jpeg" }), "photo.jpg");
      const up = await fetch(`${base}/api/v1/media`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${creator}` },
      });
      expect(up.status).toBe(201);
      const id = ((await up.json()) as any).media.id;
      let media: any;
      for (let i = 0; i < 200; i++) {
        media = (await call(`/api/v1/media/${id}`, undefined, creator)).body.media;
        if (media.status !== "processing") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(media).toMatchObject({ status: "ready", width: 1200, height: 800 });
      const post = (
        await call(
          "/api/v1/posts",
          { text: "paid", visibility: "ppv", priceCents: 300, mediaIds: [id] },
          creator,
        )
      ).body.post;

      const topup = await call("/api/v1/wallet/topups", { amountCents: 1000 }, fan);
      expect(topup.status).toBe(202);
      expect(
        (await call(`/sandbox/checkout/${topup.body.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" }))
          .status,
      ).toBe(200);
      const unlock = await call(`/api/v1/posts/${post.id}/unlock`, { payWith: "wallet" }, fan);
      expect(unlock.status).toBe(200);
      expect(unlock.body.post.locked).toBe(false);
      const img = await fetch(base + unlock.body.post.media[0].urls.feed, {
        headers: { authorization: `Bearer ${fan}` },
      });
      expect(img.status).toBe(200);
      expect(img.headers.get("content-type")).toBe("image/webp");
      expect((await call("/api/v1/wallet", undefined, fan)).body.balanceCents).toBe(700);
    },
  );
});
