// fanzctl backup / --verify / restore on a PostgreSQL site: one archive with the pg_dump, media and
// secret key, taken while the site keeps writing; --verify restores it into a scratch database it drops
// again; restore puts rows, media and key back and the site serves again; backups of one engine are
// refused by sites of the other; pg_dump that is missing or older than the server is a clear error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import sharp from "sharp";
import { freePort, startApp, type AppProcess } from "../helpers/app-process.ts";
import { freshDatabase, postgresServer, type PostgresServer, sqlAt } from "../helpers/postgres.ts";
import { fanzctl, httpSite } from "../helpers/site.ts";
import { findPgTool } from "../../cli/lib/pg-dump.ts";
import { CliError } from "../../cli/errors.ts";

const apps: AppProcess[] = [];
const drops: (() => Promise<void>)[] = [];
let server: PostgresServer;

const sql = <T = any>(url: string, text: string, values: unknown[] = []) => sqlAt<T>(url, text, values);

const KEY_TABLES = [
  "users",
  "creator_profiles",
  "ledger_accounts",
  "ledger_transactions",
  "ledger_entries",
  "media",
];
const rowsOf = async (url: string, table: string) =>
  (await sql(url, `SELECT * FROM ${table} ORDER BY 1`)).map((r) => JSON.stringify(r));

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
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

const scratchNames = async (url: string) =>
  (await sql(url, "SELECT datname FROM pg_database WHERE datname LIKE 'fanz_tmp_verify_%'")).map(
    (r) => r.datname,
  );

describe("backup and restore of a PostgreSQL site", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-cli-pg-backup-"));
  const work = mkdtempSync(join(tmpdir(), "fanz-cli-pg-backup-work-"));
  let url = "";
  let env: Record<string, string> = {};
  let archive = "";
  let mediaId = "";
  let postsBefore = 0;
  const live: Record<string, string[]> = {};
  let livePosts = new Set<string>();
  let liveMedia: Record<string, string> = {};
  let liveKey = "";
  let backupMs = 0;

  beforeAll(async () => {
    server = await postgresServer();
    const db = await freshDatabase(server, "cli_pg_backup");
    drops.push(db.drop);
    url = db.url;
    env = { FANZ_DB__DIALECT: "postgres", FANZ_DB__URL: url, FANZ_PORT: String(await freePort()) };
    const major = Math.floor(
      Number((await sql(url, "SHOW server_version_num"))[0].server_version_num) / 10000,
    );
    // The private cluster is PostgreSQL 15 like Debian's postgresql-client (which .ci/run installs), so
    // a pg_dump that can dump the test server is always there; without one this fails with the reason.
    findPgTool("pg_dump", major);
    const app = await startApp({ dataDir, env });
    apps.push(app);
    const s = httpSite(app);
    await s.setup();
    const creator = await s.creator("pg_creator", 999);
    const fan = await s.signup("pg_fan");
    await s.topup(fan, 4000);
    await s.must(
      201,
      s.call("POST", "/api/v1/subscriptions", { creator: "pg_creator", payWith: "wallet" }, fan.token),
    );
    // A real upload, processed before the backup (backups carry media/<id>/ of the rows they hold).
    const png = await sharp(randomBytes(300 * 300 * 3), { raw: { width: 300, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(png)]), "noise.png");
    const up = await fetch(app.baseUrl + "/api/v1/media", {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${creator.token}` },
    });
    expect(up.status).toBe(201);
    mediaId = ((await up.json()) as { media: { id: string } }).media.id;
    const deadline = Date.now() + 30_000;
    while (
      (await s.call("GET", `/api/v1/media/${mediaId}`, undefined, creator.token)).body.media.status !==
      "ready"
    ) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (let i = 0; i < 5; i++) await s.post(creator, { text: `post ${i}`, visibility: "public" });
    postsBefore = 5;

    // The backup runs while the site keeps posting.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await s.post(creator, { text: `during ${written}`, visibility: "public" });
        written++;
      }
    })();
    const started = Date.now();
    const r = await fanzctl(["backup", "--data-dir", dataDir], env);
    backupMs = Date.now() - started;
    writing = false;
    await writer;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("Dump the PostgreSQL database");
    expect(written).toBeGreaterThan(0);
    archive = /Backup written: (\S+)/.exec(r.stdout)![1]!;

    // Refused while the site is connected, even without knowing its port.
    const running = await fanzctl(["restore", archive, "--data-dir", dataDir, "--yes"], env);
    expect(running.status).toBe(1);
    expect(running.stderr).toMatch(
      /connected to the database \(\d+ sessions? named "fanz"\).*Stop the service first/s,
    );
    await app.stop();
    for (const t of KEY_TABLES) live[t] = await rowsOf(url, t);
    livePosts = new Set(await rowsOf(url, "posts"));
    liveMedia = mediaSums(join(dataDir, "media"));
    liveKey = readFileSync(join(dataDir, "secret.key"), "utf8");
  }, 120_000);

  afterAll(async () => {
    for (const a of apps) await a.stop("SIGKILL");
    for (const d of drops) await d().catch(() => undefined);
    await server?.stop();
  });

  it("writes one archive with the dump, media, secret key and the engine in the manifest", async () => {
    const { spawnSync } = await import("node:child_process");
    const names = spawnSync("tar", ["-tzf", archive], { encoding: "utf8" }).stdout.trim().split("\n");
    expect(names[0]).toBe("fanz-backup.json");
    expect(names.at(-1)).toBe("manifest.json");
    for (const n of ["fanz.pgdump", "secret.key", `media/${mediaId}/original`]) expect(names).toContain(n);
    expect(names).not.toContain("fanz.db");
    const info = JSON.parse(
      spawnSync("tar", ["-xzOf", archive, "fanz-backup.json"], { encoding: "utf8" }).stdout,
    );
    expect(info.engine).toBe("postgres");
    expect(info.postgres.rowCounts.users).toBe(3);
    expect(info.postgres.rowCounts.posts).toBeGreaterThanOrEqual(postsBefore);
    expect(info.postgres.pgDumpMajor).toBeGreaterThanOrEqual(
      Number(info.postgres.serverVersion.split(".")[0]),
    );
    const list = await fanzctl(["backup", "--data-dir", dataDir, "--list"], env);
    expect(list.stdout).toMatch(/fanz-\S+\.tar\.gz .* \(PostgreSQL\)/);
    console.log(`backup of a PostgreSQL site: ${backupMs} ms`);
  });

  it("--verify restores into a scratch database, checks counts and ledger, and drops it", async () => {
    const scratchBefore = await scratchNames(url);
    const started = Date.now();
    const r = await fanzctl(["backup", "--data-dir", dataDir, "--verify", archive], env);
    const ms = Date.now() - started;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Backup OK");
    expect(r.stdout).toContain("PostgreSQL");
    expect(r.stderr).toMatch(/Restore the dump into a scratch database: done \(fanz_tmp_verify_[0-9a-f]+\)/);
    expect(r.stderr).toMatch(/Check the row counts: done \(\d+ tables, \d+ rows\)/);
    expect(r.stderr).toContain("Check the ledger balances: done");
    expect(await scratchNames(url)).toEqual(scratchBefore);
    console.log(`backup --verify of a PostgreSQL backup: ${ms} ms`);

    // A flipped byte in the dump is a checksum failure before anything is restored.
    const bad = join(work, "bad-dump.tar.gz");
    const tar = gunzipSync(readFileSync(archive));
    const header = tar.indexOf(Buffer.from("fanz.pgdump\0"));
    tar[header + 512 + 100] = tar[header + 512 + 100]! ^ 0xff;
    writeFileSync(bad, gzipSync(tar));
    const tampered = await fanzctl(["backup", "--data-dir", dataDir, "--verify", bad], env);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toContain("fanz.pgdump does not match its checksum");
  }, 60_000);

  it("restores rows, media and secret key, and the site serves again", async () => {
    // A disaster: rows gone, a table dropped, media and key lost.
    await sql(url, "DELETE FROM post_likes; DELETE FROM posts");
    await sql(url, "DROP TABLE webhook_events");
    rmSync(join(dataDir, "media"), { recursive: true, force: true });
    writeFileSync(join(dataDir, "secret.key"), "0".repeat(64) + "\n");
    const noYes = await fanzctl(["restore", archive, "--data-dir", dataDir], env);
    expect(noYes.status).toBe(1);
    expect(noYes.stderr).toContain("--yes");

    const started = Date.now();
    const r = await fanzctl(["restore", archive, "--data-dir", dataDir, "--yes"], env);
    const ms = Date.now() - started;
    expect(r.status, r.stderr).toBe(0);
    console.log(`restore of a PostgreSQL backup: ${ms} ms`);
    for (const t of KEY_TABLES) expect(await rowsOf(url, t), t).toEqual(live[t]);
    const posts = await rowsOf(url, "posts");
    // The dump is one moment during the writes: every restored post is exactly as it was live.
    expect(posts.length).toBeGreaterThanOrEqual(postsBefore);
    expect(posts.length).toBeLessThanOrEqual(livePosts.size);
    for (const p of posts) expect(livePosts.has(p)).toBe(true);
    expect(mediaSums(join(dataDir, "media"))).toEqual(liveMedia);
    expect(readFileSync(join(dataDir, "secret.key"), "utf8")).toBe(liveKey);

    const app = await startApp({ dataDir, env });
    apps.push(app);
    const s = httpSite(app);
    const login = await s.login("pg_fan@example.com");
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await s.call("GET", "/api/v1/wallet", undefined, token)).body.balanceCents).toBe(4000 - 999);
    // The restored outbox sequence continues: a new payment writes its events.
    await s.topup({ username: "pg_fan", email: "pg_fan@example.com", token }, 600);
    expect((await s.call("GET", "/api/v1/wallet", undefined, token)).body.balanceCents).toBe(
      4000 - 999 + 600,
    );
    const media = await fetch(`${app.baseUrl}/api/v1/media/${mediaId}`, {
      headers: { authorization: `Bearer ${(await s.login("pg_creator@example.com")).body.token}` },
    });
    expect(media.status).toBe(200);
    await app.stop();
  }, 60_000);

  it("refuses a backup of the other engine, before anything changes", async () => {
    // The PostgreSQL backup on an SQLite site.
    const sqliteDir = mkdtempSync(join(tmpdir(), "fanz-cli-pg-sqlite-"));
    const admin = await fanzctl(
      [
        "user",
        "create-admin",
        "--data-dir",
        sqliteDir,
        "--email",
        "s@example.com",
        "--username",
        "sqlite_admin",
      ],
      { FANZ_ADMIN_PASSWORD: "sqlite-password-1", FANZ_PORT: env.FANZ_PORT },
    );
    expect(admin.status, admin.stderr).toBe(0);
    const dbBefore = sha(readFileSync(join(sqliteDir, "fanz.db")));
    const intoSqlite = await fanzctl(["restore", archive, "--data-dir", sqliteDir, "--yes"], {
      FANZ_PORT: env.FANZ_PORT,
    });
    expect(intoSqlite.status).toBe(1);
    expect(intoSqlite.stderr).toContain("backup of a PostgreSQL site and this site uses SQLite");
    expect(sha(readFileSync(join(sqliteDir, "fanz.db")))).toBe(dbBefore);
    const verifyThere = await fanzctl(["backup", "--data-dir", sqliteDir, "--verify", archive], {
      FANZ_PORT: env.FANZ_PORT,
    });
    expect(verifyThere.status).toBe(1);
    expect(verifyThere.stderr).toContain("backup of a PostgreSQL site");

    // An SQLite backup on the PostgreSQL site.
    const sq = await fanzctl(["backup", "--data-dir", sqliteDir], { FANZ_PORT: env.FANZ_PORT });
    expect(sq.status, sq.stderr).toBe(0);
    const sqliteArchive = /Backup written: (\S+)/.exec(sq.stdout)![1]!;
    const users = await rowsOf(url, "users");
    const intoPg = await fanzctl(["restore", sqliteArchive, "--data-dir", dataDir, "--yes"], env);
    expect(intoPg.status).toBe(1);
    expect(intoPg.stderr).toContain("backup of an SQLite site and this site uses PostgreSQL");
    expect(intoPg.stderr).toContain("migrate --to postgres");
    expect(await rowsOf(url, "users")).toEqual(users);
  }, 60_000);
});

describe("finding pg_dump", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-pg-tools-"));
  const none = mkdtempSync(join(tmpdir(), "fanz-pg-none-"));
  const fake = (name: string, version: string) => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "${name} (PostgreSQL) ${version} (fake)"\n`);
    chmodSync(file, 0o755);
  };
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      return err as CliError;
    }
    throw new Error("expected a CliError");
  };

  it("names the Debian package when it is missing", () => {
    const err = failure(() => findPgTool("pg_dump", 15, { path: none, libRoot: none }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toContain("pg_dump is not installed");
    expect(err.suggestion).toContain("apt-get install postgresql-client");
  });

  it("refuses one older than the server and explains why; takes a new enough one", () => {
    fake("pg_dump", "13.4");
    const err = failure(() => findPgTool("pg_dump", 15, { path: dir, libRoot: none }));
    expect(err.message).toContain("pg_dump 13.4");
    expect(err.message).toContain("older than the PostgreSQL 15 server");
    expect(err.message).toContain("at least the server's major version");
    expect(err.suggestion).toContain("postgresql-client-15");
    // Debian's per-version tree is searched after PATH.
    const lib = mkdtempSync(join(tmpdir(), "fanz-pg-lib-"));
    const bin = join(lib, "16", "bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "pg_dump"), '#!/bin/sh\necho "pg_dump (PostgreSQL) 16.2"\n');
    chmodSync(join(bin, "pg_dump"), 0o755);
    expect(findPgTool("pg_dump", 15, { path: dir, libRoot: lib })).toMatchObject({
      major: 16,
      version: "16.2",
    });
    expect(findPgTool("pg_dump", 13, { path: dir, libRoot: lib })).toMatchObject({ major: 13 });
  });
});
