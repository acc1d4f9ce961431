// Resource faults: the data dir on a small tmpfs that fills up (uploads 507, database writes refused
// cleanly, reads working, the SQLite file intact, recovery by itself once space returns), and a database
// kept busy by another process (bounded waits, then 503 with Retry-After; never a 500).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { photo } from "../helpers/compliance.ts";
import { testEngine } from "../helpers/engine.ts";
import { PG_WRITE_WAIT_MS, SQLITE_BUSY_WAIT_MS } from "../../src/db/tx.ts";

/** A small tmpfs for the data dir, or why there cannot be one here (the tests then say so and skip). */
function mountTmpfs(): { dir: string; unmount: () => void } | { why: string } {
  const dir = mkdtempSync(join(tmpdir(), "fanz-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m,mode=0755", "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return { why: `mount -t tmpfs failed (${String((err as Error).message).split("\n")[0]})` };
  }
  return {
    dir,
    unmount: () => {
      execFileSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a filler file until the file system refuses another byte; returns its path. */
function fillUp(dir: string): string {
  const path = join(dir, "filler");
  const fd = openSync(path, "w");
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 7);
      for (let i = 0; i < 100_000; i++) {
        try {
          writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw err;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

const mount = mountTmpfs();
if ("why" in mount) console.warn(`resource-faults: full-disk tests skipped: ${mount.why}`);

describe.skipIf("why" in mount)("the data dir fills up", () => {
  let app: TestApp;
  let creator: Actor;
  let fan: Actor;
  let postId: string;
  const dataDir = "dir" in mount ? join(mount.dir, "data") : "";
  const count = async (table: string) =>
    Number(((await app.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get()) as { n: number }).n);

  beforeAll(async () => {
    app = await startTestApp({ env: { FANZ_DATA_DIR: dataDir } });
    creator = await app.creator("fullstar");
    fan = await app.signup("fullfan");
    postId = (await app.postAs(creator, { text: "before the disk filled", visibility: "public" })).id;
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if ("unmount" in mount) mount.unmount();
  });

  it("refuses uploads and writes with 507, keeps reads working, and recovers when space returns", async () => {
    // SQLite: start the write-ahead log empty, so the next write must grow a file on the full disk.
    app.ctx.db.raw?.writer.pragma("wal_checkpoint(TRUNCATE)");
    const before = { posts: await count("posts"), users: await count("users"), media: await count("media") };
    const filler = fillUp(dataDir);

    const upload = await app.upload(creator, await photo(), "full.png");
    expect(upload.status).toBe(507);
    expect(upload.body).toMatchObject({ error: { code: "insufficient_storage" } });
    // The refused upload left nothing behind.
    expect(readdirSync(join(dataDir, "tmp")).filter((n) => n.endsWith(".upload"))).toEqual([]);

    if (testEngine === "sqlite") {
      // The database file is on the full disk too: writes are refused whole.
      const post = await app.post(
        "/api/v1/posts",
        { text: "while full #tag", visibility: "public" },
        creator.token,
      );
      expect(post.status).toBe(507);
      expect(post.body).toMatchObject({ error: { code: "insufficient_storage" } });
      const signup = await app.post("/api/v1/auth/signup", {
        email: "late@example.com",
        username: "latecomer",
        password: "password-123",
        ageConfirmed: true,
      });
      expect(signup.status).toBe(507);
      const like = await app.post(`/api/v1/posts/${postId}/likes`, undefined, fan.token);
      expect([507, 503]).toContain(like.status);
      expect(like.body.error.code).toMatch(/^(insufficient_storage|database_busy)$/);
    }
    expect({ posts: await count("posts"), users: await count("users"), media: await count("media") }).toEqual(
      before,
    );

    // Reads keep working.
    expect((await app.get(`/api/v1/posts/${postId}`, fan.token)).status).toBe(200);
    expect((await app.get("/api/v1/feed", fan.token)).status).toBe(200);
    expect((await app.get("/api/v1/creators/fullstar", fan.token)).status).toBe(200);
    if (app.ctx.db.raw) {
      const check = new Database(join(dataDir, "fanz.db"), { readonly: true });
      try {
        expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        check.close();
      }
    }

    // Space returns: the same requests work, without a restart.
    unlinkSync(filler);
    expect((await app.upload(creator, await photo(), "later.png")).status).toBe(201);
    expect(
      (await app.post("/api/v1/posts", { text: "after #tag", visibility: "public" }, creator.token)).status,
    ).toBe(201);
    expect((await app.post(`/api/v1/posts/${postId}/likes`, undefined, fan.token)).status).toBe(200);
    expect(await count("posts")).toBe(before.posts + 1);
    expect(await count("media")).toBe(before.media + 1);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
});

/** Another process holding SQLite's write lock (BEGIN IMMEDIATE) until told to let go. */
async function holdSqliteLock(file: string): Promise<{ release: () => Promise<void> }> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n");
    process.stdin.once("data", () => { db.exec("ROLLBACK"); db.close(); process.exit(0); });`;
  const child: ChildProcess = spawn(process.execPath, ["-e", script, file], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once("data", () => ok());
    child.once("exit", (code) => fail(new Error(`lock holder exited with ${code}`)));
  });
  return {
    release: () =>
      new Promise<void>((ok) => {
        child.once("exit", () => ok());
        child.stdin!.write("go\n");
      }),
  };
}

/** Another connection holding an EXCLUSIVE lock on `table` (reads pass, writes wait). */
async function holdPgLock(url: string, table: string): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

describe("a database kept busy by another process", () => {
  let app: TestApp;
  let creator: Actor;
  let fan: Actor;
  let postId: string;

  beforeAll(async () => {
    app = await startTestApp();
    creator = await app.creator("busystar");
    fan = await app.signup("busyfan");
    postId = (await app.postAs(creator, { text: "hello", visibility: "public" })).id;
  });
  afterAll(() => app?.close());

  it("answers writes with 503 and Retry-After after a bounded wait, reads at once, and recovers", async () => {
    const before = Number(
      ((await app.raw.prepare("SELECT count(*) AS n FROM posts").get()) as { n: number }).n,
    );
    const lock =
      testEngine === "sqlite"
        ? await holdSqliteLock(join(app.dir, "fanz.db"))
        : await holdPgLock(app.dbEnv.FANZ_DB__URL!, "posts");
    const bound = (testEngine === "sqlite" ? SQLITE_BUSY_WAIT_MS : PG_WRITE_WAIT_MS) + 3000;
    let released = false;
    try {
      const started = performance.now();
      const writes = Array.from({ length: 20 }, (_, i) =>
        app.post("/api/v1/posts", { text: `busy ${i}`, visibility: "public" }, creator.token),
      );
      // While the writes wait, reads are answered (the wait does not stop the process).
      const readStarted = performance.now();
      const read = await app.get(`/api/v1/posts/${postId}`, fan.token);
      expect(read.status).toBe(200);
      expect(performance.now() - readStarted).toBeLessThan(1000);

      const answers = await Promise.all(writes);
      const took = performance.now() - started;
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
      for (const a of answers) {
        expect(a.body).toMatchObject({ error: { code: "database_busy" } });
        expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      // Bounded: every one answered within the wait plus a little, not one wait after another.
      expect(took).toBeLessThan(bound);

      await lock.release();
      released = true;
      expect(
        (await app.post("/api/v1/posts", { text: "after", visibility: "public" }, creator.token)).status,
      ).toBe(201);
      expect(
        Number(((await app.raw.prepare("SELECT count(*) AS n FROM posts").get()) as { n: number }).n),
      ).toBe(before + 1);
    } finally {
      if (!released) await lock.release();
    }
  }, 60_000);

  // Another session's row lock: PostgreSQL only (SQLite's one writer lock is the test above).
  if (testEngine === "postgres")
    it("PostgreSQL: a fan's row locked elsewhere makes their purchase 503 after lock_timeout; other fans buy on", async () => {
      const other = await app.signup("busyother");
      await app.topup(fan, 5000);
      await app.topup(other, 5000);
      const client = new pg.Client({ connectionString: app.dbEnv.FANZ_DB__URL! });
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT id FROM users WHERE id = $1 FOR UPDATE", [fan.user.id]);
        const subscribe = (a: Actor) =>
          app.post("/api/v1/subscriptions", { creator: "busystar", payWith: "wallet" }, a.token);
        const started = performance.now();
        const [blocked, free] = await Promise.all([subscribe(fan), subscribe(other)]);
        expect(free.status).toBe(201);
        expect(blocked.status).toBe(503);
        expect(blocked.body).toMatchObject({ error: { code: "database_busy" } });
        expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(performance.now() - started).toBeLessThan(PG_WRITE_WAIT_MS + 3000);
        expect((await app.get("/api/v1/wallet", fan.token)).body.balanceCents).toBe(5000);
        await client.query("ROLLBACK");
        expect((await subscribe(fan)).status).toBe(201);
        expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
      } finally {
        await client.end();
      }
    }, 60_000);
});
