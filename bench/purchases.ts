// Wallet purchase throughput: PPV unlocks paid from the wallet through the real API (each request a new
// fan/post pair, so every one moves money), against a Hono hello-world measured in the same run.
//   npm run bench:purchases [-- --no-write] [--engine postgres] [--nodes 2] [--json FILE]
// With --nodes N (PostgreSQL) N `fanzctl serve` processes share the database and the connections are
// split between them, as behind an nginx upstream.
import { loadavg, tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { rows } from "../src/db/query.ts";
import { loadConfig } from "../src/config/load.ts";
import { buildApp } from "../src/main.ts";
import { createLogger } from "../src/lib/logger.ts";
import { fundWalletsTx } from "../tests/helpers/seed-renewals.ts";
import {
  fmt,
  fmtInt,
  freePort,
  machineFacts,
  processCpuMs,
  runLoad,
  startChild,
  startFanz,
  type LoadClient,
  type LoadRequest,
  type LoadResult,
  type ChildServer,
  writeResultsBlock,
  benchDatabase,
  benchEngine,
  writeJsonFigures,
} from "./lib.ts";

const { values: args } = parseArgs({
  options: {
    "no-write": { type: "boolean", default: false },
    engine: { type: "string", default: "sqlite" },
    nodes: { type: "string", default: "1" },
    json: { type: "string" },
  },
});
const engine = benchEngine(args.engine);
const NODES = Number(args.nodes);
if (!Number.isInteger(NODES) || NODES < 1 || NODES > 4) throw new Error("--nodes must be 1 to 4");
if (NODES > 1 && engine !== "postgres") throw new Error("several nodes need --engine postgres");
const repoRoot = resolve(import.meta.dirname, "..");
const CONNECTIONS = 50;
const WARMUP_S = 2;
const DURATION_S = 10;
const POSTS = 800;
const PRICE = 100;

async function seed(dir: string, dbEnv: Record<string, string>) {
  const { config } = loadConfig({ file: "/dev/null", env: { ...dbEnv, FANZ_DATA_DIR: dir } });
  const { ctx, services } = await buildApp(config, { web: null, logger: createLogger("error") });
  const s = services;
  await s.setup.createAdmin({ email: "admin@example.com", username: "admin", password: "admin-password-1" });
  const hash = await s.auth.hashPassword("password-123");
  const creator = await ctx.db.write((tx) =>
    s.users.insert(tx, { email: "seller@example.com", username: "seller", passwordHash: hash, role: "fan" }),
  );
  await s.profiles.upsertMine(creator.id, { priceCents: 500 });
  const posts: string[] = [];
  for (let i = 0; i < POSTS; i++) {
    posts.push(
      (
        await s.posts.create(
          { id: creator.id, role: "creator" },
          { text: `set ${i}`, visibility: "ppv", priceCents: PRICE },
        )
      ).id,
    );
  }
  // Two fans per connection (one for the warm-up, one for the measurement), each able to buy every post.
  const tokens = await ctx.db.write(async (tx) => {
    const out: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < CONNECTIONS * 2; i++) {
      const u = await s.users.insert(tx, {
        email: `buyer${i}@example.com`,
        username: `buyer${i}`,
        passwordHash: hash,
        role: "fan",
      });
      ids.push(u.id);
      out.push((await s.auth.createSession(tx, u.id)).token);
    }
    await fundWalletsTx(tx, ids, POSTS * PRICE, Date.now());
    return out;
  });
  await ctx.db.close();
  return { posts, tokens };
}

/** Connection k of `count` buys posts in order as fan `tokens[offset + k]`: no (fan, post) pair repeats. */
function buyers(tokens: string[], posts: string[], offset: number, count = CONNECTIONS) {
  let next = 0;
  return (client: LoadClient) => {
    const token = tokens[offset + (next++ % count)]!;
    const requests: LoadRequest[] = posts.map((id) => ({
      method: "POST",
      path: `/api/v1/posts/${id}/unlock`,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: '{"payWith":"wallet"}',
    }));
    client.setRequests(requests);
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "fanz-bench-purchases-"));
  const database = await benchDatabase(engine, dir);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("FANZ_")));
  try {
    const t0 = performance.now();
    const { posts, tokens } = await seed(dir, database.env);
    console.log(
      `seeded ${POSTS} PPV posts and ${tokens.length} funded fans in ${fmt((performance.now() - t0) / 1000, 1)} s`,
    );

    const helloPort = await freePort();
    const hello = await startChild({
      name: "hello",
      args: ["--import", "tsx", "bench/hello.ts", String(helloPort)],
      port: helloPort,
      readyPath: "/",
      env,
      cwd: repoRoot,
    });
    await runLoad({ url: `${hello.baseUrl}/`, connections: CONNECTIONS, duration: WARMUP_S });
    const helloRes = await runLoad({
      url: `${hello.baseUrl}/`,
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    await hello.stop();

    const nodes: ChildServer[] = [];
    for (let i = 0; i < NODES; i++) {
      nodes.push(
        await startFanz({
          dataDir: dir,
          // The per-person purchase limit would stop the load generator's fans, who buy ~15 posts a second.
          env: {
            ...env,
            ...database.env,
            FANZ_LOG__LEVEL: "error",
            FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "1000000",
          },
          cwd: repoRoot,
        }),
      );
    }
    // The connections are split between the nodes; each node's share buys as its own fans.
    const share = CONNECTIONS / NODES;
    const loadAll = (duration: number, offset: number) =>
      Promise.all(
        nodes.map((fanz, i) =>
          runLoad({
            url: `${fanz.baseUrl}/`,
            connections: share,
            duration,
            setupClient: buyers(tokens, posts, offset + i * share, share),
          }),
        ),
      );
    await loadAll(WARMUP_S, 0);
    const load = loadavg()[0] ?? 0;
    const cpuOf = () =>
      nodes.reduce<number | null>((sum, n) => {
        const c = processCpuMs(n.child.pid);
        return sum === null || c === null ? null : sum + c;
      }, 0);
    const cpu0 = cpuOf();
    const started = performance.now();
    const results = await loadAll(DURATION_S, CONNECTIONS);
    const wall = performance.now() - started;
    const cpu1 = cpuOf();
    for (const n of nodes) await n.stop();
    const res = combine(results);
    if (res.non2xx > 0) for (const n of nodes) console.error(n.output().slice(-3000));

    const { config } = loadConfig({ file: "/dev/null", env: { ...database.env, FANZ_DATA_DIR: dir } });
    const { ctx, services } = await buildApp(config, { web: null, logger: createLogger("error") });
    const health = await services.payments.ledgerHealth();
    const sold = (
      await rows<{ n: number }>(
        ctx.db.read,
        sql`SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'ppv'`,
      )
    )[0]!.n;
    await ctx.db.close();
    if (res.non2xx > 0 || health.unbalanced.length || health.drifted.length) {
      throw new Error(
        `invalid run: non2xx=${res.non2xx} statuses=${JSON.stringify(res.statusCodeStats)} health=${JSON.stringify(health).slice(0, 200)}`,
      );
    }
    const m = machineFacts();
    const cpuPerReq = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / Math.max(1, res.requests.total) : null;
    const row = (name: string, r: typeof res) =>
      `| ${name} | ${fmtInt(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${fmtInt(r.requests.total)} | ${r.non2xx} |`;
    const block = [
      `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up; 1-min load average ${fmt(load, 2)}.`,
      "",
      "| target | req/s | p50 ms | p99 ms | requests | non-2xx |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      row("Hono hello-world `GET /`", helloRes),
      row(
        `\`POST /api/v1/posts/:id/unlock\` (wallet, a new fan/post pair each; ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}, ${NODES} node${NODES > 1 ? "s" : ""})`,
        res,
      ),
      "",
      `- **wallet purchases / hello-world: ${fmt((100 * res.requests.average) / helloRes.requests.average, 1)} %**; server CPU ${cpuPerReq === null ? "n/a" : fmt(cpuPerReq, 3)} ms per purchase (${fmt((((cpu1 ?? 0) - (cpu0 ?? 0)) / wall) * 100, 0)} % of a core).`,
      `- Every request is a real sale (ledger transaction with three entries, a held creator share, the unlock): ${fmtInt(sold)} PPV sales recorded in warm-up + measurement; the ledger checked balanced afterwards.`,
      "- Rerun: `npm run bench:purchases`.",
    ].join("\n");
    console.log(`\n${block}\n`);
    if (args.json)
      writeJsonFigures(args.json, { engine, nodes: NODES, hello: helloRes, purchases: res, cpuPerReq });
    if (!args["no-write"] && engine === "sqlite" && NODES === 1)
      writeResultsBlock(
        join(repoRoot, "bench/RESULTS.md"),
        "purchases",
        "Wallet purchases: `POST /api/v1/posts/:id/unlock`",
        block,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

/** Several nodes' loads as one: requests add up, latencies are the worst node's. */
function combine(results: LoadResult[]): LoadResult {
  if (results.length === 1) return results[0]!;
  const sum = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const max = (f: (r: LoadResult) => number) => Math.max(...results.map(f));
  const first = results[0]!;
  return {
    ...first,
    requests: {
      ...first.requests,
      average: sum((r) => r.requests.average),
      total: sum((r) => r.requests.total),
    },
    latency: { ...first.latency, p50: max((r) => r.latency.p50), p99: max((r) => r.latency.p99) },
    non2xx: sum((r) => r.non2xx),
    statusCodeStats: Object.assign(
      {},
      ...results.map((r) => r.statusCodeStats),
    ) as LoadResult["statusCodeStats"],
  };
}

await main();
