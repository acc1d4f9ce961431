// A media job running when the process is SIGKILLed is taken over after a restart, once its lock lapses,
// and completes.
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { startApp, type AppProcess } from "../helpers/app-process.ts";

const env = { FANZ_JOBS__WORKERS: "1", FANZ_JOBS__LOCK_SECONDS: "2", FANZ_JOBS__POLL_MS: "200" };

describe("media jobs survive a crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-media-restart-"));
  const procs: AppProcess[] = [];
  afterAll(async () => {
    for (const p of procs) await p.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("kills the process mid-job; the restarted process finishes it", { timeout: 60_000 }, async () => {
    const first = await startApp({ dataDir: dir, env });
    procs.push(first);
    const call = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(first.baseUrl + path, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return (await res.json()) as any;
    };
    const admin = await call("/api/v1/setup", {
      token: first.setupToken(),
      siteName: "Restart",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
    });
    await fetch(first.baseUrl + "/api/v1/creators/me", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ priceCents: 500 }),
    });
    // A large PNG (no shrink-on-load) keeps the worker busy for a while.
    const big = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: "#336699" } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(big)]), "big.png");
    const up = await fetch(first.baseUrl + "/api/v1/media", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(up.status).toBe(201);
    const mediaId = ((await up.json()) as any).media.id as string;

    const db = new Database(join(dir, "fanz.db"), { readonly: true });
    const jobRow = () =>
      db.prepare("SELECT status, attempts, last_error FROM jobs WHERE name = 'media.process'").get() as {
        status: string;
        attempts: number;
        last_error: string | null;
      };
    const deadline = Date.now() + 20_000;
    while (jobRow()?.status !== "running" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(jobRow().status).toBe("running");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(jobRow()).toMatchObject({ status: "running", attempts: 1 });

    const second = await startApp({ dataDir: dir, env });
    procs.push(second);
    const deadline2 = Date.now() + 40_000;
    while (jobRow().status !== "done" && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 100));
    expect(jobRow()).toMatchObject({ status: "done", attempts: 2 });
    const media = db.prepare("SELECT status, width, height FROM media WHERE id = ?").get(mediaId);
    expect(media).toEqual({ status: "ready", width: 7000, height: 7000 });
    db.close();
    await second.stop();
  });
});
