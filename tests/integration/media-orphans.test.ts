// A crash between filing an upload's original under media/<id>/ and committing its row leaves a directory
// nothing refers to. This reproduces it with a real `fanzctl serve` killed with SIGKILL in that window
// (the test holds the SQLite write lock, so the server's insert waits while the file is already filed),
// then shows: backups leave it out, `fanzctl doctor` reports it, `doctor --fix` removes it, and the
// sweep at start removes it. Fresh directories without a row (an upload in flight) are left alone.
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { newId } from "../../src/lib/ids.ts";
import { repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";

// Nothing in the server writes on its own while the test holds the write lock.
const env = { FANZ_SCHEDULER__TICK_MS: "3600000", FANZ_JOBS__POLL_MS: "60000", FANZ_JOBS__WORKERS: "1" };

const fanzctl = (args: string[]) =>
  spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: { ...process.env, FANZ_LOG__LEVEL: "error" },
    encoding: "utf8",
    timeout: 60_000,
  });
const line = (out: string, title: string) => out.split("\n").find((l) => l.includes(`${title}:`)) ?? "";

async function until(what: string, test: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Makes a directory look as if it was last touched an hour ago (a crash an hour back). */
const age = (dir: string) => {
  const past = new Date(Date.now() - 60 * 60_000);
  utimesSync(dir, past, past);
};

describe("media directories without a row (an upload cut by a crash)", () => {
  const work = mkdtempSync(join(tmpdir(), "fanz-media-orphans-"));
  const dataDir = join(work, "data");
  const media = join(dataDir, "media");
  const procs: AppProcess[] = [];
  let orphan = "";
  let kept = "";
  afterAll(async () => {
    for (const p of procs) await p.stop("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });
  const rowOf = (id: string) => {
    const db = new Database(join(dataDir, "fanz.db"), { readonly: true });
    try {
      return db.prepare("SELECT id, status FROM media WHERE id = ?").get(id);
    } finally {
      db.close();
    }
  };

  it(
    "SIGKILL after the original is filed, before its row commits, leaves an orphan",
    { timeout: 60_000 },
    async () => {
      const app = await startApp({ dataDir, env });
      procs.push(app);
      const json = async (path: string, body: unknown, token?: string, method = "POST") => {
        const res = await fetch(app.baseUrl + path, {
          method,
          headers: {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
        expect(res.ok, await res.clone().text()).toBe(true);
        return (await res.json()) as any;
      };
      const { token } = await json("/api/v1/setup", {
        token: app.setupToken(),
        siteName: "Orphans",
        admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
      });
      await json("/api/v1/creators/me", { priceCents: 500 }, token, "PUT");
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#884422" } })
        .png()
        .toBuffer();

      // One upload that completes: it must survive every clean-up below.
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(png)]), "kept.png");
      const up = await fetch(app.baseUrl + "/api/v1/media", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(up.status).toBe(201);
      kept = ((await up.json()) as any).media.id;

      // The second upload streams in two halves; the write lock is taken once the server is receiving.
      const boundary = `----fanz${randomBytes(8).toString("hex")}`;
      const opening = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\n` +
          `Content-Type: image/png\r\n\r\n`,
      );
      const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
      const req = request(`${app.baseUrl}/api/v1/media`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(opening.length + png.length + closing.length),
        },
      });
      req.on("error", () => undefined); // the server dies mid-request
      req.write(Buffer.concat([opening, png.subarray(0, 16)]));
      const tmp = join(dataDir, "tmp");
      await until("the upload to reach data_dir/tmp", () =>
        readdirSync(tmp).some((n) => n.endsWith(".upload")),
      );

      const lock = new Database(join(dataDir, "fanz.db"));
      lock.pragma("busy_timeout = 10000");
      lock.exec("BEGIN IMMEDIATE");
      const before = new Set(readdirSync(media));
      req.end(Buffer.concat([png.subarray(16), closing]));
      const filed = () => readdirSync(media).filter((n) => !before.has(n));
      await until("the original to be filed", () =>
        filed().some((n) => existsSync(join(media, n, "original"))),
      );
      app.child.kill("SIGKILL");
      await app.exited;
      lock.exec("ROLLBACK");
      lock.close();

      orphan = filed()[0]!;
      expect(existsSync(join(media, orphan, "original"))).toBe(true);
      expect(rowOf(orphan)).toBeUndefined();
      expect(rowOf(kept)).toMatchObject({ id: kept });
      // Kept aside to bring back for the start-up sweep, after doctor --fix has removed it.
      cpSync(join(media, orphan), join(work, "saved-orphan"), { recursive: true });
    },
  );

  it("a backup leaves the orphan out and keeps the real media", () => {
    const archive = join(work, "backup.tar.gz");
    const r = fanzctl(["backup", "--data-dir", dataDir, "--to", archive]);
    expect(r.status, r.stderr).toBe(0);
    const entries = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" }).stdout.split("\n");
    expect(entries).toContain(`media/${kept}/original`);
    expect(entries.filter((e) => e.startsWith(`media/${orphan}/`))).toEqual([]);
  });

  it("doctor leaves a fresh one alone (it may be an upload in flight)", () => {
    const r = fanzctl(["doctor", "--data-dir", dataDir, "--fix"]);
    expect(line(r.stdout, "Media files"), r.stdout).toMatch(/^\[pass\] Media files: /);
    expect(existsSync(join(media, orphan, "original"))).toBe(true);
  });

  it("doctor reports an old orphan; doctor --fix removes it and nothing else", () => {
    age(join(media, orphan));
    const report = fanzctl(["doctor", "--data-dir", dataDir]);
    expect(report.status, report.stdout).toBe(0);
    expect(line(report.stdout, "Media files")).toMatch(
      new RegExp(`^\\[WARN\\] Media files: 1 media directory has no media row \\(e\\.g\\. ${orphan}\\)`),
    );
    expect(report.stdout).toContain("fanzctl doctor --fix");
    expect(existsSync(join(media, orphan))).toBe(true);

    const fixed = fanzctl(["doctor", "--data-dir", dataDir, "--fix"]);
    expect(fixed.status, fixed.stdout).toBe(0);
    expect(line(fixed.stdout, "Media files")).toMatch(/^\[pass\] Media files: removed 1 media directory/);
    expect(existsSync(join(media, orphan))).toBe(false);
    expect(existsSync(join(media, kept, "original"))).toBe(true);

    const again = fanzctl(["doctor", "--data-dir", dataDir]);
    expect(line(again.stdout, "Media files")).toMatch(/^\[pass\] Media files: /);
  });

  it(
    "the server's sweep at start removes an old orphan and leaves a fresh one",
    { timeout: 60_000 },
    async () => {
      cpSync(join(work, "saved-orphan"), join(media, orphan), { recursive: true });
      age(join(media, orphan));
      const fresh = newId();
      cpSync(join(work, "saved-orphan"), join(media, fresh), { recursive: true });
      const app = await startApp({ dataDir, env });
      procs.push(app);
      // The start-up sweep runs once the server listens; one pass judges both directories.
      await until("the start-up sweep", () => !existsSync(join(media, orphan)));
      expect(existsSync(join(media, fresh, "original"))).toBe(true);
      expect(existsSync(join(media, kept, "original"))).toBe(true);
      await app.stop();
    },
  );
});
