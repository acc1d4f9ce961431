// The appliance as an operator runs it: `fanzctl serve` in its own process, flags and env, the setup link,
// invalid config, graceful SIGTERM, and the CLI commands beside it.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const running: AppProcess[] = [];
afterAll(async () => {
  for (const p of running) await p.stop("SIGKILL");
});

/**
 * Runs a fanzctl command to its end. Asynchronous: a long command (the demo seed) must not block this
 * test worker's event loop, or the test runner loses contact with the worker.
 */
const fanzctl = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ["cli/bin.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, FANZ_LOG__LEVEL: "error", ...env },
      stdio: "pipe",
    });
    const killer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (status) => {
      clearTimeout(killer);
      ok({ status, stdout, stderr });
    });
  });

describe("fanzctl serve", () => {
  it("starts on --port/--data-dir, prints the setup link, and answers health checks", async () => {
    const app = await startApp();
    running.push(app);
    const token = app.setupToken();
    expect(token).toMatch(/^[a-z2-7]{30,}$/);
    expect(app.output()).toContain(`/setup?token=${token}`);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${app.baseUrl}/readyz`)).json()) as Record<string, unknown>;
    expect(ready).toMatchObject({
      status: "ready",
      checks: { database: "ok", storage: "ok", workers: "ok" },
    });
    expect(ready.database).toMatchObject({ name: "sqlite", version: expect.stringMatching(/^3\.\d+\.\d+$/) });
    expect(existsSync(join(app.dataDir, "fanz.db"))).toBe(true);
    const spa = await fetch(`${app.baseUrl}/some/client/route`);
    expect(spa.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("takes FANZ_PORT and FANZ_DATA_DIR from the environment, so instances run side by side", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fanz-env-"));
    const port = await freePort();
    const child = spawn(process.execPath, ["cli/bin.mjs", "serve"], {
      cwd: repoRoot,
      env: { ...process.env, FANZ_PORT: String(port), FANZ_DATA_DIR: dir, FANZ_LOG__LEVEL: "error" },
      stdio: "pipe",
    });
    try {
      let ok = false;
      for (let i = 0; i < 150 && !ok; i++) {
        ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ok).toBe(true);
      expect(existsSync(join(dir, "setup-token"))).toBe(true);
      const other = running[0]!;
      expect((await fetch(`${other.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an invalid configuration, listing every bad key", async () => {
    const r = await fanzctl(["serve", "--data-dir", mkdtempSync(join(tmpdir(), "fanz-bad-"))], {
      FANZ_SERVER__PORT: "eighty",
      FANZ_AUTH__COOKIE_SECURE: "sometimes",
      FANZ_NOPE__KEY: "1",
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain("Invalid configuration");
    for (const key of ["server.port", "auth.cookie_secure", "FANZ_NOPE__KEY"])
      expect(r.stderr).toContain(key);

    const stripe = await fanzctl(
      ["serve", "--port", "0", "--data-dir", mkdtempSync(join(tmpdir(), "fanz-bad-"))],
      {
        FANZ_PAYMENTS__PROVIDER: "stripe",
      },
    );
    expect(stripe.status).toBe(78);
    expect(stripe.stderr).toContain("payments.stripe_secret_key");
  });

  it("on SIGTERM finishes the in-flight request, then closes the database cleanly", async () => {
    const app = await startApp();
    const token = app.setupToken()!;
    const body = JSON.stringify({
      token,
      siteName: "Graceful",
      admin: { email: "g@example.com", username: "graceful", password: "graceful-pass" },
    });
    const response = new Promise<{ status: number; text: string }>((ok, fail) => {
      const req = request(
        `${app.baseUrl}/api/v1/setup`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => ok({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", fail);
      // Send half the body, signal the server, then finish: the request is in flight during shutdown.
      req.write(body.slice(0, 20));
      setTimeout(() => {
        app.child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(20)), 300);
      }, 100);
    });
    const res = await response;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.text).user.username).toBe("graceful");
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain("SIGTERM received");
    expect(existsSync(join(app.dataDir, "fanz.db-wal"))).toBe(false);

    // The committed setup survives the restart.
    const again = await startApp({ dataDir: app.dataDir });
    running.push(again);
    expect(again.setupToken()).toBeNull();
    const site: any = await (await fetch(`${again.baseUrl}/api/v1/site`)).json();
    expect(site.site).toMatchObject({ name: "Graceful", setupRequired: false });
  });
});

describe("fanzctl commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrate status / up", async () => {
    const status = await fanzctl(["migrate", "status", "--data-dir", dir]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/· 0000_init\s+pending/);
    const up = await fanzctl(["migrate", "up", "--data-dir", dir]);
    expect(up.stdout).toContain("Applied: 0000_init");
    // The database existed (status created it), so `up` backed it up before applying anything.
    expect(up.stdout).toMatch(
      /Backed up the database to .*backups\/fanz-\d{8}T\d{6}Z\.tar\.gz before migrating/,
    );
    expect((await fanzctl(["migrate", "--data-dir", dir])).stdout).toContain("up to date");
    const bad = await fanzctl(["migrate", "sideways", "--data-dir", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Try:");
  });

  it("user create-admin completes setup", async () => {
    const weak = await fanzctl([
      "user",
      "create-admin",
      "--data-dir",
      dir,
      "--email",
      "x",
      "--username",
      "a",
      "--password",
      "1",
    ]);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/email|username|password/);
    const made = await fanzctl(
      ["user", "create-admin", "--data-dir", dir, "--email", "root@example.com", "--username", "root"],
      {
        FANZ_ADMIN_PASSWORD: "root-password-1",
      },
    );
    expect(made.stdout).toContain("Created admin @root");
  });

  it("seed --demo makes a living site: weeks of posts, media, profile images, likes, comments, sales, payouts and a demo fan", async () => {
    // Demo money only moves through the sandbox: a site with real payments is refused, untouched.
    const real = await fanzctl(["seed", "--demo", "--data-dir", dir], {
      FANZ_PAYMENTS__PROVIDER: "stripe",
      FANZ_PAYMENTS__STRIPE_SECRET_KEY: "sk_test_demo",
      FANZ_PAYMENTS__STRIPE_WEBHOOK_SECRET: "whsec_demo",
    });
    expect(real.status).toBe(1);
    expect(real.stderr).toContain("sandbox");

    const started = Date.now();
    const seeded = await fanzctl(["seed", "--demo", "--data-dir", dir]);
    // Its steps on stderr: the photos and videos were processed by the seed itself.
    expect(seeded.stderr).toContain("0 failed, 0 left for the server");
    expect(seeded.stderr).not.toMatch(/error|warn/i);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain("6 demo creators");
    expect(seeded.stdout).toContain("demo_fan@demo.fanz.local");
    expect(Date.now() - started).toBeLessThan(60_000);
    const again = await fanzctl(["seed", "--demo", "--data-dir", dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("already there");

    const doctor = await fanzctl(["doctor", "--data-dir", dir]);
    expect(doctor.stdout).toMatch(/\[pass\] Ledger balanced/);
    expect(doctor.stdout).toMatch(/\[pass\] Database integrity: .*: ok \(SQLite 3\.\d+\.\d+\)/);
    // The seed processed its photos and videos itself: nothing is left for the server to do.
    expect(doctor.stdout).toMatch(/\[pass\] Background jobs: 0 queued, 0 running, 0 failed, \d+ done/);

    const app = await startApp({ dataDir: dir });
    running.push(app);
    const now = Date.now();
    const get = async (path: string, token?: string): Promise<any> => {
      const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(res.status, path).toBe(200);
      return res.json();
    };
    const login = async (email: string, password = "demo-password") => {
      const res = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      expect(res.status, email).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };

    const creators = (await get("/creators?limit=50")).items;
    expect(creators.length).toBe(6); // the re-run added nobody
    expect(new Set(creators.map((c: any) => c.bio)).size).toBe(6);
    expect(new Set(creators.map((c: any) => c.priceCents)).size).toBeGreaterThanOrEqual(5);
    expect(creators.some((c: any) => c.trialDays > 0)).toBe(true);
    expect(creators.some((c: any) => c.bundles.length > 0)).toBe(true);
    // Every creator has their own processed avatar and banner (not the generated fallback), served as images.
    for (const c of creators) {
      expect(c.avatarUrl, c.username).toMatch(/^\/media\//);
      expect(c.bannerUrl, c.username).toMatch(/^\/media\//);
      expect(c.avatarSrcset.split(", ").length, c.username).toBeGreaterThan(1);
    }
    expect(new Set(creators.map((c: any) => c.avatarUrl)).size).toBe(6);
    for (const url of [creators[0].avatarUrl, creators[0].bannerUrl]) {
      const res = await fetch(`${app.baseUrl}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\//);
    }

    // The admin sees every post: each creator has their own texts, and every visibility is there.
    const admin = await login("root@example.com", "root-password-1");
    const posts: any[] = [];
    for (const c of creators) {
      const mine = (await get(`/creators/${c.username}/posts?limit=50`, admin)).items;
      expect(mine.length, c.username).toBeGreaterThanOrEqual(5);
      posts.push(...mine);
    }
    expect(new Set(posts.map((p) => p.text)).size).toBe(posts.length);
    for (const v of ["public", "subscribers", "ppv"])
      expect(posts.some((p) => p.visibility === v)).toBe(true);
    expect(
      new Set(posts.filter((p) => p.visibility === "ppv").map((p) => p.priceCents)).size,
    ).toBeGreaterThan(2);
    expect(posts.some((p) => p.media.length === 0)).toBe(true);
    expect(posts.some((p) => p.media.some((m: any) => m.kind === "image"))).toBe(true);
    expect(posts.some((p) => p.media.some((m: any) => m.kind === "video" && m.urls.hls))).toBe(true);
    expect(posts.flatMap((p) => p.media).every((m: any) => m.status === "ready")).toBe(true);
    // Spread over past weeks, nothing in the future.
    const times = posts.map((p) => p.publishedAt as number);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.min(...times)).toBeLessThan(now - 28 * 86_400_000);
    expect(posts.filter((p) => p.likesCount > 0).length).toBeGreaterThan(posts.length / 2);
    const commented = posts.filter((p) => p.commentsCount > 0);
    expect(commented.length).toBeGreaterThan(5);
    const comments = [];
    for (const p of commented.slice(0, 8))
      comments.push(...(await get(`/posts/${p.id}/comments`, admin)).items);
    expect(new Set(comments.map((c: any) => c.text)).size).toBeGreaterThan(5);
    expect(comments.every((c: any) => c.createdAt <= now)).toBe(true);
    const photo = posts.flatMap((p) => p.media).find((m: any) => m.kind === "image");
    const img = await fetch(`${app.baseUrl}${photo.urls.feed}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toMatch(/^image\//);

    // The demo creator: a scheduled post, earnings of every type in more than one month, some released.
    const ava = await login("ava_lens@demo.fanz.local");
    expect((await get("/posts/mine?status=scheduled", ava)).items.length).toBe(1);
    // Her next live stream, scheduled, on her page for everyone.
    const live = await get("/creators/ava_lens/live");
    expect(live.stream).toBeNull();
    expect(live.upcoming.map((s: any) => [s.title, s.status])).toEqual([
      ["Studio Q&A: lenses, light and your questions", "scheduled"],
    ]);
    const earnings = await get("/earnings", ava);
    expect(earnings.byMonth.filter((m: any) => m.cents > 0).length).toBeGreaterThan(1);
    for (const kind of ["subscription", "ppv", "tip"]) expect(earnings.byType[kind], kind).toBeGreaterThan(0);
    expect(earnings.availableCents).toBeGreaterThan(0);
    expect(earnings.pendingCents).toBeGreaterThan(0);
    expect((await get("/notifications", ava)).items.length).toBeGreaterThan(3);
    // Their payouts: one paid weeks ago by bank transfer (with its reference), one waiting for the admin.
    expect((await get("/payouts/method", ava)).method).toMatchObject({ kind: "bank" });
    const payouts = (await get("/payouts", ava)).items;
    const paid = payouts.find((p: any) => p.status === "paid");
    expect(paid.reference).toMatch(/^TRF-\d{8}-\d{4}$/);
    expect(paid.destination).toMatch(/^Bank •••• \d{4}/);
    expect(paid.paidAt).toBeLessThan(now - 14 * 86_400_000);
    const waiting = payouts.find((p: any) => p.status === "requested");
    expect(waiting.amountCents).toBeGreaterThan(0);
    // The admin's queue shows it with the method's full details, to send the money.
    const queue = (await get("/admin/payouts?status=requested", admin)).items;
    expect(queue.find((p: any) => p.id === waiting.id).method.details).toMatchObject({ kind: "bank" });

    // The demo fan: money in the wallet, subscriptions, unlocked posts and notifications.
    const fan = await login("demo_fan@demo.fanz.local");
    const wallet = await get("/wallet?limit=50", fan);
    expect(wallet.balanceCents).toBeGreaterThan(0);
    const kinds = new Set(wallet.transactions.map((t: any) => t.kind));
    for (const kind of ["topup", "renewal", "ppv", "tip", "refund"]) expect(kinds.has(kind), kind).toBe(true);
    expect(wallet.transactions.every((t: any) => t.createdAt <= now)).toBe(true);
    const subs = (await get("/subscriptions", fan)).items;
    expect(subs.filter((s: any) => s.status === "active").length).toBeGreaterThanOrEqual(2);
    const feed = (await get("/feed?limit=50", fan)).items;
    expect(feed.some((p: any) => p.visibility === "ppv" && !p.locked)).toBe(true);
    expect(feed.some((p: any) => p.visibility === "ppv" && p.locked)).toBe(true);
    const notes = await get("/notifications", fan);
    expect(notes.items.length).toBeGreaterThan(0);
    // Their inbox: the welcome and a chat with the demo creator (a pay-per-view set to unlock), an unread answer.
    const inbox = (await get("/conversations", fan)).items;
    const withAva = inbox.find((c: any) => c.with.username === "ava_lens");
    const history = (await get(`/conversations/${withAva.id}/messages`, fan)).items;
    expect(history.some((m: any) => m.locked && m.priceCents === 600 && m.media.length === 3)).toBe(true);
    expect(history.some((m: any) => m.text.startsWith("Welcome in!"))).toBe(true);
    expect(inbox.find((c: any) => c.with.username === "lofi_june").unreadCount).toBe(1);
    expect(notes.items.every((n: any) => n.createdAt <= now)).toBe(true);
  }, 150_000); // seeding (media processed included) and several fanzctl processes in a row
});
