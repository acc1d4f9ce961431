// fanzctl backup / restore as an operator runs them: a backup taken while the site keeps writing restores
// to the same rows and media; a tampered archive is refused before anything changes; --verify, --list,
// retention, and restore refusing a running server or a missing --yes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import sharp from "sharp";
import { freePort, repoRoot, startApp, type AppProcess } from "../helpers/app-process.ts";
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";

// FANZ_PORT: a port nothing listens on, so "is a server running?" never sees an unrelated local service.
const env: Record<string, string | undefined> = { ...process.env, FANZ_LOG__LEVEL: "error" };
const fanzctl = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: { ...env, ...extra },
    encoding: "utf8",
    timeout: 60_000,
  });
/** Asynchronous, so the writer in this process keeps posting while the backup runs. */
const fanzctlAsync = (args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ["cli/bin.mjs", ...args], { cwd: repoRoot, env, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (status) => ok({ status, stdout, stderr }));
  });

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const KEY_TABLES = ["users", "creator_profiles", "ledger_accounts", "ledger_transactions", "ledger_entries"];

function tableRows(dbFile: string, table: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all() as unknown[]).map((r) => JSON.stringify(r));
  } finally {
    db.close();
  }
}

function mediaSums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = sha(readFileSync(join(dir, r)));
    }
  };
  if (existsSync(dir)) walk("");
  return out;
}

/** Rewrites the archive with `edit` applied to the uncompressed tar (same length, so headers stay valid). */
function tamper(src: string, dest: string, edit: (tar: Buffer) => void): void {
  const tar = gunzipSync(readFileSync(src));
  edit(tar);
  writeFileSync(dest, gzipSync(tar));
}
/** Offset of an entry's data: its name starts a 512-byte header. */
const dataOffset = (tar: Buffer, name: string) => {
  for (let i = 0; i < tar.length; i += 512) {
    if (tar.subarray(i, i + name.length + 1).equals(Buffer.from(name + "\0"))) return i + 512;
  }
  throw new Error(`${name} not in archive`);
};

const apps: AppProcess[] = [];
afterAll(async () => {
  for (const a of apps) await a.stop("SIGKILL");
});

describe("fanzctl backup and restore", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-cli-backup-"));
  const work = mkdtempSync(join(tmpdir(), "fanz-cli-backup-work-"));
  const dbFile = join(dataDir, "fanz.db");
  const mediaDir = join(dataDir, "media");
  let archive = "";
  let postsBefore = 0;
  const liveRows: Record<string, string[]> = {};
  let livePosts: Set<string>;
  let liveMedia: Record<string, string> = {};
  let mediaId = "";
  let liveKey = "";
  let liveDocuments: Record<string, string> = {};
  let liveDocumentsKey = "";

  beforeAll(async () => {
    env.FANZ_PORT = String(await freePort());
    const app = await startApp({ dataDir });
    apps.push(app);
    const call = async (method: string, path: string, body: unknown, token?: string) => {
      const res = await fetch(app.baseUrl + path, {
        method,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const signup = async (username: string) => {
      const r = await call("POST", "/api/v1/auth/signup", {
        email: `${username}@example.com`,
        username,
        password: "password-123",
        ageConfirmed: true,
      });
      expect(r.status).toBe(201);
      return r.body.token as string;
    };
    const setup = await call("POST", "/api/v1/setup", {
      token: app.setupToken(),
      siteName: "Backup Test",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
    });
    expect(setup.status).toBe(201);
    const creator = await signup("backup_creator");
    expect((await call("PUT", "/api/v1/creators/me", { priceCents: 999 }, creator)).status).toBe(200);
    const fan = await signup("backup_fan");
    for (const amountCents of [5000, 2500]) {
      const t = await call("POST", "/api/v1/wallet/topups", { amountCents }, fan);
      expect(t.status).toBe(202);
      expect(
        (
          await call("POST", `/sandbox/checkout/${t.body.checkoutId}/pay`, {
            cardNumber: "4242 4242 4242 4242",
          })
        ).status,
      ).toBe(200);
    }
    // A real upload (backups carry media/<id>/ of the rows they hold), its original large enough
    // (noise does not compress) to take a moment to archive; processed before the backup starts.
    const noise = await sharp(randomBytes(1500 * 1500 * 3), {
      raw: { width: 1500, height: 1500, channels: 3 },
    })
      .png({ compressionLevel: 1 })
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(noise)]), "noise.png");
    const up = await fetch(app.baseUrl + "/api/v1/media", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${creator}` },
    });
    expect(up.status).toBe(201);
    mediaId = ((await up.json()) as { media: { id: string } }).media.id;
    const processed = Date.now() + 30_000;
    while (
      (await call("GET", `/api/v1/media/${mediaId}`, undefined, creator)).body.media.status !== "ready"
    ) {
      expect(Date.now()).toBeLessThan(processed);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Identity documents (encrypted under <data_dir>/private with documents.key): records a backup must keep.
    const kyc = new FormData();
    for (const [k, v] of Object.entries({
      legalName: "Jane Q. Performer",
      dateOfBirth: "1990-04-01",
      country: "US",
    }))
      kyc.append(k, v);
    for (const name of ["idDocument", "selfie"])
      kyc.append(
        name,
        new Blob([new Uint8Array(await sharp(noise).resize(400, 300).jpeg().toBuffer())], {
          type: "image/jpeg",
        }),
        `${name}.jpg`,
      );
    const submitted = await fetch(app.baseUrl + "/api/v1/kyc", {
      method: "POST",
      body: kyc,
      headers: { authorization: `Bearer ${creator}` },
    });
    expect(submitted.status).toBe(201);
    const post = (i: number) =>
      call("POST", "/api/v1/posts", { text: `post ${i}`, visibility: "public" }, creator);
    for (let i = 0; i < 5; i++) expect((await post(i)).status).toBe(201);
    postsBefore = 5;

    // Keep writing through the API for the whole backup.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        expect((await post(1000 + written)).status).toBe(201);
        written++;
      }
    })();
    const r = await fanzctlAsync(["backup", "--data-dir", dataDir]);
    writing = false;
    await writer;
    expect(r.stderr).toContain("Snapshot the database");
    expect(r.status, r.stderr).toBe(0);
    expect(written).toBeGreaterThan(0);
    archive = /Backup written: (\S+)/.exec(r.stdout)![1]!;
    await app.stop();
    for (const t of KEY_TABLES) liveRows[t] = tableRows(dbFile, t);
    livePosts = new Set(tableRows(dbFile, "posts"));
    liveMedia = mediaSums(mediaDir);
    liveKey = readFileSync(join(dataDir, "secret.key"), "utf8");
    liveDocuments = mediaSums(join(dataDir, "private"));
    liveDocumentsKey = readFileSync(join(dataDir, "documents.key"), "utf8");
  }, 60_000);

  it("restores a backup taken under writes: same rows and media, consistent snapshot", () => {
    // Wipe the site, then restore.
    for (const f of ["fanz.db", "fanz.db-wal", "fanz.db-shm"]) rmSync(join(dataDir, f), { force: true });
    rmSync(mediaDir, { recursive: true, force: true });
    rmSync(join(dataDir, "private"), { recursive: true, force: true });
    rmSync(join(dataDir, "documents.key"), { force: true });
    // The key that decrypts payout details: without it the restored payout methods are unreadable.
    writeFileSync(join(dataDir, "secret.key"), "0".repeat(64) + "\n");
    const r = fanzctl(["restore", archive, "--data-dir", dataDir, "--yes"]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dataDir, "secret.key"), "utf8")).toBe(liveKey);
    expect(statSync(join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
    for (const t of KEY_TABLES) expect(tableRows(dbFile, t), t).toEqual(liveRows[t]);
    const posts = tableRows(dbFile, "posts");
    // The snapshot is a moment during the writes: every restored post is exactly as it was live.
    expect(posts.length).toBeGreaterThanOrEqual(postsBefore);
    expect(posts.length).toBeLessThanOrEqual(livePosts.size);
    for (const p of posts) expect(livePosts.has(p)).toBe(true);
    expect(mediaSums(mediaDir)).toEqual(liveMedia);
    expect(Object.keys(liveMedia)).toContain(`${mediaId}/original`);
    // The identity documents and their key come back, readable by the site's user only.
    expect(Object.keys(liveDocuments).filter((f) => f.startsWith("documents/"))).toHaveLength(2);
    expect(mediaSums(join(dataDir, "private"))).toEqual(liveDocuments);
    expect(readFileSync(join(dataDir, "documents.key"), "utf8")).toBe(liveDocumentsKey);
    expect(statSync(join(dataDir, "documents.key")).mode & 0o777).toBe(0o600);
    for (const f of Object.keys(liveDocuments))
      expect(statSync(join(dataDir, "private", f)).mode & 0o777, f).toBe(0o600);
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });

  it("is a plain .tar.gz the system tar reads, holding the secret key", () => {
    const r = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const names = r.stdout.trim().split("\n");
    expect(names[0]).toBe("fanz-backup.json");
    expect(names.at(-1)).toBe("manifest.json");
    for (const n of ["fanz.db", "secret.key", `media/${mediaId}/original`]) expect(names).toContain(n);
  });

  it("--verify takes a name from --list; a missing file is a clear error, not a stack trace", () => {
    const listed = fanzctl(["backup", "--data-dir", dataDir, "--list"]);
    const name = /^\s+(fanz-\S+\.tar\.gz)/m.exec(listed.stdout)![1]!;
    const byName = fanzctl(["backup", "--data-dir", dataDir, "--verify", name]);
    expect(byName.status, byName.stderr).toBe(0);
    expect(byName.stdout).toContain("Backup OK");
    for (const missing of ["nosuchfile", join(work, "gone.tar.gz")]) {
      const r = fanzctl(["backup", "--data-dir", dataDir, "--verify", missing]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^Error: .+ does not exist/m);
      expect(r.stderr).toContain(missing);
      expect(r.stderr).toContain("Try: ");
      expect(r.stderr).toContain("backup --list");
      expect(r.stderr).not.toMatch(/ENOENT|\n\s+at /);
    }
  });

  it("--verify passes on a good archive and fails on a tampered one", () => {
    const good = fanzctl(["backup", "--data-dir", dataDir, "--verify", archive]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain("Backup OK");
    const bad = join(work, "bad-media.tar.gz");
    tamper(archive, bad, (tar) => {
      const at = dataOffset(tar, `media/${mediaId}/original`) + 1000;
      tar[at] = tar[at]! ^ 0xff;
    });
    const r = fanzctl(["backup", "--data-dir", dataDir, "--verify", bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`media/${mediaId}/original does not match its checksum`);
  });

  it("refuses a tampered archive before changing anything", () => {
    const dbBefore = sha(readFileSync(dbFile));
    const mediaBefore = mediaSums(mediaDir);
    const flipped = join(work, "bad-db.tar.gz");
    tamper(archive, flipped, (tar) => {
      const at = dataOffset(tar, "fanz.db") + 5000;
      tar[at] = tar[at]! ^ 0x01;
    });
    const manifestEdited = join(work, "bad-manifest.tar.gz");
    tamper(archive, manifestEdited, (tar) => {
      const at = dataOffset(tar, "manifest.json");
      const text = tar.subarray(at, at + 4096).toString("latin1");
      const i = text.indexOf('"sha256": "') + 11;
      tar[at + i] = tar[at + i] === 0x30 ? 0x31 : 0x30;
    });
    for (const bad of [flipped, manifestEdited]) {
      const r = fanzctl(["restore", bad, "--data-dir", dataDir, "--yes"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("failed verification");
      expect(sha(readFileSync(dbFile))).toBe(dbBefore);
      expect(mediaSums(mediaDir)).toEqual(mediaBefore);
      expect(readdirSync(dataDir).filter((n) => n.startsWith(".restore"))).toEqual([]);
    }
  });

  it("refuses a backup made by a newer Fanz (unknown migration tags)", () => {
    const dbBefore = sha(readFileSync(dbFile));
    const newer = join(work, "newer.tar.gz");
    tamper(archive, newer, (tar) => {
      const at = dataOffset(tar, "fanz-backup.json");
      const tag = sqliteMigrations.at(-1)!.tag;
      const i = tar.subarray(at, at + 4096).indexOf(`"${tag}"`);
      tar.write("9999", at + i + 1, "ascii");
    });
    const r = fanzctl(["restore", newer, "--data-dir", dataDir, "--yes"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("made by a newer Fanz (migrations 9999");
    expect(sha(readFileSync(dbFile))).toBe(dbBefore);
  });

  it("asks for --yes without a terminal, and refuses while the server runs", async () => {
    const noYes = fanzctl(["restore", archive, "--data-dir", dataDir]);
    expect(noYes.status).toBe(1);
    expect(noYes.stderr).toContain("--yes");
    // The restored site starts and serves; restoring under it is refused.
    const app = await startApp({ dataDir });
    apps.push(app);
    const dbBefore = sha(readFileSync(dbFile));
    const r = fanzctl(["restore", archive, "--data-dir", dataDir, "--yes", "--port", String(app.port)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stop the service first/i);
    if (process.platform === "linux") {
      // Without knowing its port: the running server is found holding the database open.
      const unknownPort = fanzctl(["restore", archive, "--data-dir", dataDir, "--yes"]);
      expect(unknownPort.status).toBe(1);
      expect(unknownPort.stderr).toMatch(/database is open in process \d+/);
    }
    expect(sha(readFileSync(dbFile))).toBe(dbBefore);
    await app.stop();
  });

  it("--list shows backups with size, date and schema; retention keeps the newest", () => {
    const latest = sqliteMigrations.at(-1)!.tag;
    const second = fanzctl(["backup", "--data-dir", dataDir, "--no-media"], { FANZ_BACKUP__KEEP: "1" });
    expect(second.status, second.stderr).toBe(0);
    const list = fanzctl(["backup", "--data-dir", dataDir, "--list"]);
    expect(list.status).toBe(0);
    const lines = list.stdout.split("\n").filter((l) => l.includes(".tar.gz"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/fanz-\d{8}T\d{6}Z(-\d+)?\.tar\.gz\s+[\d.]+ [KM]?B\s+\d{4}-\d\d-\d\dT/);
    expect(lines[0]).toContain(`schema ${latest}`);
    expect(lines[0]).toContain("(no media)");
    expect(existsSync(archive)).toBe(false);
  });
});

describe("[backup] dir", () => {
  it("backup, --list, --verify, retention and restore all use it", { timeout: 90_000 }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), "fanz-backup-dir-data-"));
    // Another disk, in production.
    const backupDir = join(mkdtempSync(join(tmpdir(), "fanz-backup-dir-")), "fanz-backups");
    const extra = { FANZ_BACKUP__DIR: backupDir, FANZ_BACKUP__KEEP: "2" };
    const admin = fanzctl(
      ["user", "create-admin", "--data-dir", dataDir, "--email", "d@example.com", "--username", "dir_admin"],
      { FANZ_ADMIN_PASSWORD: "dir-password-1" },
    );
    expect(admin.status, admin.stderr).toBe(0);
    const written: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = fanzctl(["backup", "--data-dir", dataDir], extra);
      expect(r.status, r.stderr).toBe(0);
      written.push(/Backup written: (\S+)/.exec(r.stdout)![1]!);
    }
    for (const f of written) expect(f.startsWith(backupDir + "/")).toBe(true);
    expect(existsSync(join(dataDir, "backups"))).toBe(false);
    // Retention in the configured dir: the newest two stay.
    expect(readdirSync(backupDir).sort()).toEqual(
      written
        .slice(1)
        .map((f) => f.slice(backupDir.length + 1))
        .sort(),
    );

    const list = fanzctl(["backup", "--data-dir", dataDir, "--list"], extra);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain(`Backups in ${backupDir}`);
    const names = [...list.stdout.matchAll(/^\s+(fanz-\S+\.tar\.gz)/gm)].map((m) => m[1]!);
    expect(names).toHaveLength(2);

    const verify = fanzctl(["backup", "--data-dir", dataDir, "--verify", names[0]!], extra);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain("Backup OK");

    rmSync(join(dataDir, "fanz.db"));
    const restore = fanzctl(["restore", names[0]!, "--data-dir", dataDir, "--yes"], extra);
    expect(restore.status, restore.stderr).toBe(0);
    expect(tableRows(join(dataDir, "fanz.db"), "users").join()).toContain("dir_admin");
  });
});
