// The appliance as an operator runs it: `fanzctl serve` in its own process, flags and env, the setup link,
// invalid config, graceful SIGTERM, and the CLI commands beside it.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

const running: AppProcess[] = [];
afterAll(async () => {
  for (const p of running) await p.stop("SIGKILL");
});

const fanzctl = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: { ...process.env, FANZ_LOG__LEVEL: "error", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("fanzctl serve", () => {
  it("starts on --port/--data-dir, prints the setup link, and answers health checks", async () => {
    const app = await startApp();
    running.push(app);
    const token = app.setupToken();
    expect(token).toMatch(/^[a-z2-7]{30,}$/);
    expect(app.output()).toContain(`/setup?token=${token}`);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
    const ready = await (await fetch(`${app.baseUrl}/readyz`)).json();
    expect(ready).toMatchObject({
      status: "ready",
      checks: { database: "ok", storage: "ok", workers: "ok" },
    });
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

  it("refuses an invalid configuration, listing every bad key", () => {
    const r = fanzctl(["serve", "--data-dir", mkdtempSync(join(tmpdir(), "fanz-bad-"))], {
      FANZ_SERVER__PORT: "eighty",
      FANZ_AUTH__COOKIE_SECURE: "sometimes",
      FANZ_NOPE__KEY: "1",
    });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain("Invalid configuration");
    for (const key of ["server.port", "auth.cookie_secure", "FANZ_NOPE__KEY"])
      expect(r.stderr).toContain(key);

    const stripe = fanzctl(["serve", "--port", "0", "--data-dir", mkdtempSync(join(tmpdir(), "fanz-bad-"))], {
      FANZ_PAYMENTS__PROVIDER: "stripe",
    });
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

  it("migrate status / up", () => {
    const status = fanzctl(["migrate", "status", "--data-dir", dir]);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/· 0000_init\s+pending/);
    const up = fanzctl(["migrate", "up", "--data-dir", dir]);
    expect(up.stdout).toContain("Applied: 0000_init");
    // The database existed (status created it), so `up` backed it up before applying anything.
    expect(up.stdout).toMatch(
      /Backed up the database to .*backups\/fanz-\d{8}T\d{6}Z\.tar\.gz before migrating/,
    );
    expect(fanzctl(["migrate", "--data-dir", dir]).stdout).toContain("up to date");
    const bad = fanzctl(["migrate", "sideways", "--data-dir", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Try:");
  });

  it("user create-admin completes setup; seed --demo fills the site", async () => {
    const weak = fanzctl([
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
    const made = fanzctl(
      ["user", "create-admin", "--data-dir", dir, "--email", "root@example.com", "--username", "root"],
      {
        FANZ_ADMIN_PASSWORD: "root-password-1",
      },
    );
    expect(made.stdout).toContain("Created admin @root");
    const seeded = fanzctl(["seed", "--demo", "--data-dir", dir]);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain("demo creator");
    expect(fanzctl(["seed", "--demo", "--data-dir", dir]).stdout).toContain("already there");

    const app = await startApp({ dataDir: dir });
    running.push(app);
    expect(app.setupToken()).toBeNull();
    const creators: any = await (await fetch(`${app.baseUrl}/api/v1/creators`)).json();
    expect(creators.items.length).toBe(3);
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "demo_fan@demo.fanz.local", password: "demo-password" }),
    });
    const { token } = (await login.json()) as { token: string };
    const feed: any = await (
      await fetch(`${app.baseUrl}/api/v1/feed`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(feed.items.length).toBeGreaterThan(0);
    expect(
      feed.items.every((p: { creator: { username: string } }) => p.creator.username === "lofi_june"),
    ).toBe(true);
    // The generated demo photos were queued by the seed and are processed by the running server.
    let photos: { status: string }[] = [];
    for (let i = 0; i < 150; i++) {
      const f: any = await (
        await fetch(`${app.baseUrl}/api/v1/feed`, { headers: { authorization: `Bearer ${token}` } })
      ).json();
      photos = f.items.flatMap((p: { media: { status: string }[] }) => p.media);
      if (photos.length > 0 && photos.every((m) => m.status === "ready")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(photos.length).toBeGreaterThanOrEqual(4);
    expect(photos.every((m) => m.status === "ready")).toBe(true);
  }, 90_000); // several fanzctl processes in a row, and the photos processed by the server
});
