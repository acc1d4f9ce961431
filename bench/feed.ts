// Feed throughput benchmark (`npm run bench:feed`).
//
// Seeds a fresh data dir straight through drizzle (1,000 creators, 100,000 posts, 10,000 fans with 20
// live subscriptions each; one shared password hash, so no argon2 per user), then runs the real server
// (`fanzctl serve`) and a Hono hello-world, each in its own process, and loads them one after the
// other with autocannon (50 connections, 10 s, after a 2 s warm-up) from this process. Every request
// to the feed carries one of 500 fans' bearer tokens, rotated per request, so the run does not hammer
// one viewer's rows. Prints the figures and writes them into bench/RESULTS.md.
//
// Options:
//   --cpu-prof DIR   run the fanz server under `node --cpu-prof` and leave its .cpuprofile in DIR
//                    (the figures are skewed by the profiler, so RESULTS.md is not written)
//   --no-write       print the figures only
//   --keep-data      keep the seeded data dir (printed) instead of removing it
//   --log-level L    the fanz server's log level (default error; debug writes a line per request)
//   --engine E       sqlite (default) or postgres (a fresh database on the test PostgreSQL server)
//   --json FILE      also write the measured figures as JSON (bench/engines.ts reads them)
//   --metrics-ab     then measure the feed again with [metrics] off and on, alternating (off, on, off),
//                    and print what the metrics middleware costs (RESULTS.md's feed block is not written)
//   --metrics-aa     with --metrics-ab: the control, [metrics] on on both sides (the method's own noise)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "../src/main.ts";
import { OpenLoopDriver, type StepResult } from "./lib/open-loop.ts";
import { loadConfig } from "../src/config/load.ts";
import { createLogger } from "../src/lib/logger.ts";
import { seedSite } from "./lib/seed-site.ts";
import {
  fmt,
  fmtInt,
  freePort,
  machineFacts,
  ownCpuMs,
  packageVersion,
  processCpuMs,
  processRssMb,
  runLoad,
  sleep,
  startChild,
  startFanz,
  type ChildServer,
  type LoadClient,
  type LoadRequest,
  type LoadResult,
  writeResultsBlock,
  benchDatabase,
  benchEngine,
  writeJsonFigures,
} from "./lib.ts";

const CREATORS = 1_000;
const POSTS = 100_000;
const FANS = 10_000;
const SUBS_PER_FAN = 20;
/** Fans whose tokens drive the load (spread over the whole fan population). */
const LOAD_FANS = 500;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;
const LIMIT = 20;
/** Issue 16's targets: the feed at ≥ 50 % of its own page served statically, p99 < 25 ms at a paced 1,000/s. */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;
const PACED_RATE = 1000;
const PACED_S = 10;

const repoRoot = resolve(import.meta.dirname, "..");
const resultsFile = join(repoRoot, "bench", "RESULTS.md");
const FEED_PATH = `/api/v1/feed?limit=${LIMIT}`;

const { values: args } = parseArgs({
  options: {
    "cpu-prof": { type: "string" },
    "no-write": { type: "boolean", default: false },
    "keep-data": { type: "boolean", default: false },
    "log-level": { type: "string", default: "error" },
    engine: { type: "string", default: "sqlite" },
    json: { type: "string" },
    "metrics-ab": { type: "boolean", default: false },
    "metrics-aa": { type: "boolean", default: false },
  },
});
const engine = benchEngine(args.engine);

interface Seeded {
  tokens: string[];
  seedMs: number;
  counts: Record<string, number>;
}

/** Fills `dataDir` with the benchmark's data set; returns the bearer tokens of the load fans. */
async function seed(dataDir: string, dbEnv: Record<string, string>): Promise<Seeded> {
  const started = performance.now();
  const { config } = loadConfig({
    file: "/dev/null",
    env: { ...dbEnv, FANZ_DATA_DIR: dataDir, FANZ_PORT: "0", FANZ_LOG__LEVEL: "error" },
  });
  const app = await buildApp(config, { web: null, logger: createLogger("error") });
  try {
    const site = await seedSite(app, config, {
      creators: CREATORS,
      posts: POSTS,
      fans: FANS,
      subsPerFan: SUBS_PER_FAN,
      loadFans: LOAD_FANS,
    });
    return { tokens: site.tokens, seedMs: performance.now() - started, counts: site.counts };
  } finally {
    await app.ctx.db.close();
  }
}

interface FeedPage {
  items: { id: string; locked: boolean; visibility: string }[];
  nextCursor: string | null;
}

/** Every load token must get a full first page, or the measurement would count error pages. */
async function verifyFeed(
  baseUrl: string,
  tokens: string[],
): Promise<{ bytes: number; locked: number; body: string }> {
  let bytes = 0;
  let locked = 0;
  let sampleBody = "";
  for (const [i, token] of tokens.entries()) {
    const res = await fetch(baseUrl + FEED_PATH, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (res.status !== 200)
      throw new Error(`feed answered ${res.status} for load fan #${i}: ${body.slice(0, 300)}`);
    const page = JSON.parse(body) as FeedPage;
    if (page.items.length !== LIMIT || !page.nextCursor) {
      throw new Error(
        `feed gave ${page.items.length} items (nextCursor ${page.nextCursor}) for load fan #${i}`,
      );
    }
    if (i === 0) {
      sampleBody = body;
      bytes = Buffer.byteLength(body);
      locked = page.items.filter((p) => p.locked).length;
    }
  }
  return { bytes, locked, body: sampleBody };
}

interface Measured {
  result: LoadResult;
  /** CPU used during the measured window, in % of one core (null without /proc). */
  serverCpu: number | null;
  driverCpu: number;
  /** 1-minute load average when the measurement started: other work on the machine skews the figures. */
  load: number;
}

async function measure(
  label: string,
  url: string,
  server: ChildServer,
  setupClient?: (client: LoadClient) => void,
): Promise<Measured> {
  process.stdout.write(`  ${label}: warm-up ${WARMUP_S} s...`);
  await runLoad({ url, connections: CONNECTIONS, duration: WARMUP_S, setupClient });
  process.stdout.write(` measuring ${DURATION_S} s...`);
  const load = loadavg()[0] ?? 0;
  const serverBefore = processCpuMs(server.child.pid);
  const driverBefore = ownCpuMs();
  const started = performance.now();
  const result = await runLoad({ url, connections: CONNECTIONS, duration: DURATION_S, setupClient });
  const wall = performance.now() - started;
  const serverAfter = processCpuMs(server.child.pid);
  const serverCpu =
    serverBefore === null || serverAfter === null ? null : ((serverAfter - serverBefore) / wall) * 100;
  const driverCpu = ((ownCpuMs() - driverBefore) / wall) * 100;
  process.stdout.write(` ${fmtInt(result.requests.average)} req/s\n`);
  return { result, serverCpu, driverCpu, load };
}

/** Each connection cycles through its own 10 tokens; together the 50 connections use all 500. */
function rotateTokens(tokens: string[]): (client: LoadClient) => void {
  let nextClient = 0;
  return (client) => {
    const k = nextClient++ % CONNECTIONS;
    const requests: LoadRequest[] = [];
    for (let j = k; j < tokens.length; j += CONNECTIONS) {
      requests.push({ method: "GET", path: FEED_PATH, headers: { authorization: `Bearer ${tokens[j]}` } });
    }
    client.setRequests(requests);
  };
}

function problems(label: string, r: LoadResult): string[] {
  const out: string[] = [];
  if (r.non2xx > 0)
    out.push(`${label}: ${r.non2xx} non-2xx responses (${JSON.stringify(r.statusCodeStats)})`);
  if (r.errors > 0) out.push(`${label}: ${r.errors} connection errors (${r.timeouts} timeouts)`);
  if (r.requests.total === 0) out.push(`${label}: no requests completed`);
  return out;
}

/** The feed under the open-loop driver: PACED_RATE requests a second, evenly spaced, tokens rotated. */
async function measurePaced(fanz: ChildServer, tokens: string[]): Promise<StepResult> {
  const driver = new OpenLoopDriver(fanz.baseUrl, { connections: 64 });
  const plan = (i: number) => ({
    kind: "feed",
    method: "GET" as const,
    path: FEED_PATH,
    headers: { authorization: `Bearer ${tokens[i % tokens.length]!}` },
  });
  try {
    await driver.run({ rate: PACED_RATE, seconds: 2, plan }); // warm-up
    return await driver.run({ rate: PACED_RATE, seconds: PACED_S, plan, pids: [fanz.child.pid!] });
  } finally {
    await driver.close();
  }
}

function report(opts: {
  hello: Measured;
  staticPage: Measured;
  feed: Measured;
  /** The feed under the open-loop driver at PACED_RATE. */
  paced: StepResult;
  /** The fanz server's resident memory after the run (its caches full). */
  fanzRssMb: number | null;
  seed: Seeded;
  sample: { bytes: number; locked: number };
  profiled: boolean;
}): string {
  const { hello, staticPage, feed, seed: s } = opts;
  const facts = machineFacts();
  const ratio = feed.result.requests.average / staticPage.result.requests.average;
  const paced = opts.paced;
  const met = ratio >= TARGET_RATIO && paced.latency.p99 < TARGET_P99_MS && paced.errorCount === 0;
  const cpuRatio =
    feed.serverCpu && staticPage.serverCpu
      ? staticPage.serverCpu /
        staticPage.result.requests.average /
        (feed.serverCpu / feed.result.requests.average)
      : null;
  // autocannon records latencies in whole milliseconds.
  const ms = (v: number) => (Number.isInteger(v) ? String(v) : fmt(v));
  const pct = (v: number | null) => (v === null ? "n/a" : `${fmt(v, 0)} %`);
  const perReq = (m: Measured) =>
    m.serverCpu === null ? "n/a" : fmt((m.serverCpu * 10) / Math.max(1, m.result.requests.average), 3);
  const row = (name: string, m: Measured) => {
    const r = m.result;
    return (
      `| ${name} | ${fmtInt(r.requests.average)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ` +
      `${ms(r.latency.max)} | ${fmtInt(r.requests.total)} | ${r.non2xx} | ` +
      `${fmtInt(r.throughput.average / Math.max(1, r.requests.average))} | ${pct(m.serverCpu)} | ${perReq(m)} | ` +
      `${pct(m.driverCpu)} |`
    );
  };
  return [
    `Run ${new Date().toISOString()} on ${facts.nproc} CPUs (\`nproc\`), ${facts.cpu}, Node ${facts.node}, ` +
      `${facts.os}, autocannon ${packageVersion("autocannon")}` +
      (opts.profiled ? " — **under --cpu-prof, not comparable**" : "") +
      ".",
    "",
    `Load: ${CONNECTIONS} connections, ${DURATION_S} s after a ${WARMUP_S} s warm-up, one target at a time; ` +
      `the driver (autocannon), the fanz server and the hello-world are separate processes on this machine.`,
    "",
    "| target | req/s (avg) | p50 ms | p99 ms | max ms | requests | non-2xx | bytes/resp | server CPU | server CPU ms/req | driver CPU |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("Hono hello-world `GET /`", hello),
    row("reference: the same Hono app answering the sample feed page as static JSON `GET /page`", staticPage),
    row(`\`GET ${FEED_PATH}\` (bearer, ${s.counts.sessions} fans)`, feed),
    "",
    `- **feed / the static page of the same size: ${fmt(ratio * 100, 1)} %** of its throughput (target ≥ ${TARGET_RATIO * 100} %)` +
      (cpuRatio === null ? "" : `, ${fmt(cpuRatio * 100, 1)} % by server CPU per request`) +
      `; **paced at ${fmtInt(PACED_RATE)} req/s** (open loop, ${PACED_S} s, latency from each request's due time): ` +
      `p50 ${fmt(paced.latency.p50)} ms, **p99 ${fmt(paced.latency.p99)} ms** (target < ${TARGET_P99_MS} ms), ` +
      `max ${fmt(paced.latency.max)} ms, ${paced.errorCount} errors, server CPU ${pct(paced.serverCpu[0] ?? null)}: ` +
      (met ? "**target met**." : "**target missed**.") +
      ` Against the hello-world: ${fmt((feed.result.requests.average / hello.result.requests.average) * 100, 1)} %.`,
    `- Seeding: ${fmt(s.seedMs / 1000, 1)} s for ${fmtInt(s.counts.users!)} users (${fmtInt(s.counts.creators!)} creators, ` +
      `${fmtInt(s.counts.fans!)} fans, 1 admin), ${fmtInt(s.counts.posts!)} posts (30 % public, 50 % subscribers, ` +
      `20 % PPV, over 180 days), ${fmtInt(s.counts.subscriptions!)} live subscriptions (${SUBS_PER_FAN} per fan), ` +
      `${fmtInt(s.counts.likes!)} likes, ${fmtInt(s.counts.unlocks!)} PPV unlocks, ${s.counts.sessions} sessions.`,
    `- Sample feed page: ${LIMIT} items, ${fmtInt(opts.sample.bytes)} bytes, ${opts.sample.locked} locked.` +
      (opts.fanzRssMb === null
        ? ""
        : ` Fanz server resident memory after the run: ${fmt(opts.fanzRssMb, 0)} MB (the memory-mapped database pages it read count in it).`),
    `- CPU columns: % of one core during the measured ${DURATION_S} s, from /proc (server) and process.cpuUsage ` +
      `(driver). 1-min load average when each measurement started: hello-world ${fmt(hello.load)}, ` +
      `static page ${fmt(staticPage.load)}, feed ${fmt(feed.load)} (the driver and the server use about one core each, so anything above ~2 ` +
      `means other work shared the CPUs).`,
    `- Rerun: \`npm run bench:feed\` (about a minute; keep the machine otherwise idle). ` +
      `\`npm run bench:feed -- --cpu-prof DIR\` profiles the server instead of writing this file.`,
  ].join("\n");
}

/**
 * The metrics middleware's cost: the feed measured with [metrics] on (the main run, then once more) and
 * off (twice), alternating on fresh servers over the same data, so drift on the machine hits both sides.
 */
async function measureMetricsOverhead(
  firstOn: Measured,
  start: (metricsEnabled: boolean) => Promise<ChildServer>,
  tokens: string[],
): Promise<string> {
  const runs: { enabled: boolean; m: Measured }[] = [{ enabled: true, m: firstOn }];
  // The control (--metrics-aa) compares two enabled sides: what differs is the method's own bias.
  for (const enabled of [false, true, false]) {
    process.stdout.write(`Fanz feed, [metrics] enabled = ${enabled || args["metrics-aa"]}:\n`);
    const server = await start(enabled || args["metrics-aa"]);
    try {
      await verifyFeed(server.baseUrl, tokens.slice(0, 5));
      runs.push({
        enabled,
        m: await measure("feed", server.baseUrl + FEED_PATH, server, rotateTokens(tokens)),
      });
    } finally {
      await server.stop();
    }
  }
  const side = (enabled: boolean) => {
    const ms = runs.filter((r) => r.enabled === enabled).map((r) => r.m);
    const avg = (f: (m: Measured) => number) => ms.reduce((a, m) => a + f(m), 0) / ms.length;
    return {
      rps: avg((m) => m.result.requests.average),
      p99: avg((m) => m.result.latency.p99),
      cpuMsPerReq: avg((m) => ((m.serverCpu ?? NaN) * 10) / Math.max(1, m.result.requests.average)),
      each: ms.map((m) => fmtInt(m.result.requests.average)).join(", "),
    };
  };
  const on = side(true);
  const off = side(false);
  // Reported, not fatal: on a loaded machine a run may time out a few requests; the table shows it.
  const bad = runs.flatMap((r) => problems(`metrics ${r.enabled ? "on" : "off"}`, r.m.result));
  const inProcess = await inProcessOverhead(tokens);
  return [
    `Metrics middleware A/B (${new Date().toISOString()}, ${machineFacts().nproc} CPUs; feed, ${CONNECTIONS} connections, ` +
      `${DURATION_S} s per run, runs alternating on, off, on, off on fresh servers over the same data):`,
    "",
    "| [metrics] | req/s (avg of runs) | runs | p99 ms | server CPU ms/req |",
    "| --- | ---: | --- | ---: | ---: |",
    `| enabled | ${fmtInt(on.rps)} | ${on.each} | ${fmt(on.p99)} | ${fmt(on.cpuMsPerReq, 3)} |`,
    `| disabled | ${fmtInt(off.rps)} | ${off.each} | ${fmt(off.p99)} | ${fmt(off.cpuMsPerReq, 3)} |`,
    "",
    `- throughput with metrics: ${fmt((on.rps / off.rps - 1) * 100, 1)} %; server CPU per request: ` +
      `${fmt((on.cpuMsPerReq / off.cpuMsPerReq - 1) * 100, 1)} % (${fmt((on.cpuMsPerReq - off.cpuMsPerReq) * 1000, 1)} µs).` +
      (bad.length > 0 ? ` Problems in these runs: ${bad.join("; ")}.` : ""),
    ...inProcess.map(
      (f) =>
        `- in process (no sockets: no load driver, no scheduling of other processes), ${f.label}: ` +
        `${fmtInt(f.requests)} requests per side through \`app.fetch\`, alternating blocks: ` +
        `${fmt(f.onUs, 1)} µs CPU per request with metrics, ${fmt(f.offUs, 1)} µs without: ` +
        `**${fmt(f.onUs - f.offUs, 1)} µs (${fmt((f.onUs / f.offUs - 1) * 100, 1)} %) per request**.`,
    ),
  ].join("\n");
}

const IN_PROCESS_ROUNDS = 16;

interface InProcessFigures {
  label: string;
  requests: number;
  onUs: number;
  offUs: number;
}

/**
 * The middleware's cost without the network: two apps over the seeded data in this process, one with
 * [metrics] on and one off, answering the same requests through app.fetch in alternating blocks (on-off,
 * then off-on, so neither side always pays the garbage the other left), CPU time of this process per
 * request. The feed shows it against real work; /healthz, whose own work is tiny, shows the middleware.
 */
async function inProcessOverhead(tokens: string[]): Promise<InProcessFigures[]> {
  const build = (enabled: boolean) => {
    const { config } = loadConfig({
      file: "/dev/null",
      env: {
        ...benchDbEnv,
        FANZ_DATA_DIR: benchDataDir,
        FANZ_PORT: "0",
        FANZ_METRICS__ENABLED: String(enabled),
      },
    });
    return buildApp(config, { web: null, logger: createLogger("error") });
  };
  const on = await build(true);
  const off = await build(args["metrics-aa"]);
  try {
    let n = 0;
    const block = async (app: typeof on.app, path: string, size: number, auth: boolean) => {
      const before = process.cpuUsage();
      for (let i = 0; i < size; i++) {
        const headers: Record<string, string> = auth
          ? { authorization: `Bearer ${tokens[n++ % tokens.length]}` }
          : {};
        const res = await app.fetch(new Request(`http://localhost${path}`, { headers }));
        if (res.status !== 200) throw new Error(`in-process ${path} answered ${res.status}`);
        await res.arrayBuffer();
      }
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    const figures: InProcessFigures[] = [];
    for (const [label, path, size, auth] of [
      ["feed", FEED_PATH, 200, true],
      ["`GET /healthz`", "/healthz", 2000, false],
    ] as const) {
      await block(on.app, path, size, auth);
      await block(off.app, path, size, auth);
      const cpu = { on: 0, off: 0 };
      for (let r = 0; r < IN_PROCESS_ROUNDS; r++) {
        if (r % 2 === 0) {
          cpu.on += await block(on.app, path, size, auth);
          cpu.off += await block(off.app, path, size, auth);
        } else {
          cpu.off += await block(off.app, path, size, auth);
          cpu.on += await block(on.app, path, size, auth);
        }
      }
      const requests = size * IN_PROCESS_ROUNDS;
      figures.push({ label, requests, onUs: cpu.on / requests, offUs: cpu.off / requests });
    }
    return figures;
  } finally {
    await on.ctx.db.close();
    await off.ctx.db.close();
  }
}

/** The seeded data set (the in-process A/B builds its own apps on it). */
let benchDataDir = "";
let benchDbEnv: Record<string, string> = {};

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-bench-feed-"));
  const database = await benchDatabase(engine, dataDir);
  benchDataDir = dataDir;
  benchDbEnv = database.env;
  const children: ChildServer[] = [];
  const cleanup = async () => {
    for (const c of children.splice(0)) await c.stop();
    if (!args["keep-data"]) {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    process.stdout.write(
      `Seeding ${CREATORS} creators, ${POSTS} posts, ${FANS} fans x ${SUBS_PER_FAN} subscriptions into ${dataDir}...\n`,
    );
    const seeded = await seed(dataDir, database.env);
    process.stdout.write(`  done in ${fmt(seeded.seedMs / 1000, 1)} s\n`);

    // A child must not pick up a config.toml or FANZ_* settings of whoever runs the benchmark.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("FANZ_")),
    );

    process.stdout.write("Fanz server (started first: the baselines serve its sample page):\n");
    const profDir = args["cpu-prof"] ? resolve(args["cpu-prof"]) : null;
    if (profDir) mkdirSync(profDir, { recursive: true });
    const fanz = await startFanz({
      dataDir,
      nodeArgs: profDir ? ["--cpu-prof", "--cpu-prof-dir", profDir] : [],
      env: { ...env, ...database.env, FANZ_LOG__LEVEL: args["log-level"] },
      cwd: repoRoot,
    });
    children.push(fanz);
    const sample = await verifyFeed(fanz.baseUrl, seeded.tokens);
    process.stdout.write(`  verified: all ${seeded.tokens.length} load tokens get ${LIMIT} items\n`);

    // The baselines run while the fanz server idles (it was started first to capture the sample page).
    process.stdout.write("Hono hello-world:\n");
    const pageFile = join(dataDir, "sample-page.json");
    writeFileSync(pageFile, sample.body);
    const helloPort = await freePort();
    const helloServer = await startChild({
      name: "hello-world",
      args: ["--import", "tsx", "bench/hello.ts", String(helloPort), pageFile],
      port: helloPort,
      readyPath: "/",
      env,
      cwd: repoRoot,
    });
    children.push(helloServer);
    const hello = await measure("hello-world", `${helloServer.baseUrl}/`, helloServer);
    const staticPage = await measure("same page, static", `${helloServer.baseUrl}/page`, helloServer);
    await helloServer.stop();
    children.splice(children.indexOf(helloServer), 1);

    process.stdout.write("Fanz feed:\n");
    const feed = await measure("feed", fanz.baseUrl + FEED_PATH, fanz, rotateTokens(seeded.tokens));
    process.stdout.write(`Fanz feed paced at ${PACED_RATE} req/s (open loop):\n`);
    const paced = await measurePaced(fanz, seeded.tokens);
    process.stdout.write(
      `  p50 ${fmt(paced.latency.p50)} ms, p99 ${fmt(paced.latency.p99)} ms, errors ${paced.errorCount}\n`,
    );
    const fanzRssMb = processRssMb(fanz.child.pid);
    await sleep(200);
    const code = await fanz.stop();
    children.splice(children.indexOf(fanz), 1);
    if (code !== 0) throw new Error(`fanzctl serve exited with ${code}:\n${fanz.output()}`);

    const metricsAb = args["metrics-ab"]
      ? await measureMetricsOverhead(
          feed,
          async (enabled) =>
            startFanz({
              dataDir,
              env: {
                ...env,
                ...database.env,
                FANZ_LOG__LEVEL: args["log-level"],
                FANZ_METRICS__ENABLED: String(enabled),
              },
              cwd: repoRoot,
            }),
          seeded.tokens,
        )
      : null;
    if (metricsAb) process.stdout.write(`\n${metricsAb}\n`);

    const block = report({
      hello,
      staticPage,
      feed,
      paced,
      fanzRssMb,
      seed: seeded,
      sample,
      profiled: profDir !== null,
    });
    process.stdout.write(`\n${block}\n`);
    const bad = [
      ...problems("hello-world", hello.result),
      ...problems("static page", staticPage.result),
      ...problems("feed", feed.result),
    ];
    if (bad.length > 0) {
      process.stderr.write(`\nInvalid run, RESULTS.md not written:\n  ${bad.join("\n  ")}\n`);
      return 1;
    }
    if (profDir) {
      process.stdout.write(
        `\nCPU profile of the fanz server written to ${profDir} (RESULTS.md not written).\n`,
      );
    }
    if (args.json)
      writeJsonFigures(args.json, {
        engine,
        hello: hello.result,
        feed: feed.result,
        serverCpu: feed.serverCpu,
      });
    if (!profDir && !args["no-write"] && !metricsAb && engine === "sqlite") {
      writeResultsBlock(resultsFile, "feed", "Feed: `GET /api/v1/feed`", block);
      process.stdout.write(`\nWritten to ${resultsFile}\n`);
    }
    if (args["keep-data"]) process.stdout.write(`Data dir kept: ${dataDir}\n`);
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `bench:feed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
