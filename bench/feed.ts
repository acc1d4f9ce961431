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
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildApp } from "../src/main.ts";
import { loadConfig } from "../src/config/load.ts";
import {
  creatorProfiles,
  postLikes,
  postUnlocks,
  posts,
  subscriptions,
  users,
  type CreatorProfileRow,
  type PostRow,
  type SubscriptionRow,
  type UserRow,
} from "../src/db/schema.ts";
import { newId } from "../src/lib/ids.ts";
import { createLogger } from "../src/lib/logger.ts";
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
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 25;

const DAY = 86_400_000;
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
  },
});
const engine = benchEngine(args.engine);

/** Deterministic PRNG (mulberry32) so every run seeds the same shape of data; ids stay random. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const WORDS = (
  "new set today behind the scenes thank you all for the support shooting again tomorrow " +
  "this one is special long week finally here morning light studio session coffee first " +
  "preview full version for subscribers tell me what you think more soon"
).split(" ");

function sentence(rnd: ReturnType<typeof prng>, minWords: number, maxWords: number): string {
  const n = minWords + rnd.int(maxWords - minWords + 1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[rnd.int(WORDS.length)]!);
  const text = out.join(" ");
  return text[0]!.toUpperCase() + text.slice(1) + ".";
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const pad = (n: number) => String(n).padStart(5, "0");

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
  const logger = createLogger("error");
  const { ctx, services } = await buildApp(config, { web: null, logger });
  try {
    const rnd = prng(20240601);
    const now = Date.now();
    const passwordHash = await services.auth.hashPassword("bench-password");
    const currency = config.payments.currency;

    const user = (kind: string, i: number, role: UserRow["role"], at: number): UserRow => ({
      id: newId(),
      email: `${kind}${pad(i)}@bench.invalid`,
      username: `${kind}${pad(i)}`,
      displayName: `${kind[0]!.toUpperCase()}${kind.slice(1)} ${i}`,
      passwordHash,
      role,
      ageConfirmedAt: at,
      status: "active",
      statusReason: null,
      suspendedUntil: null,
      emailVerifiedAt: null,
      twoFactorEnabledAt: null,
      createdAt: at,
      updatedAt: at,
    });

    const admin = user("admin", 0, "admin", now - 400 * DAY);
    const creators: UserRow[] = [];
    const profiles: CreatorProfileRow[] = [];
    for (let i = 0; i < CREATORS; i++) {
      const at = now - (200 + rnd.int(200)) * DAY;
      const u = user("creator", i, "creator", at);
      creators.push(u);
      profiles.push({
        userId: u.id,
        bio: sentence(rnd, 5, 25),
        priceCents: 299 + 100 * rnd.int(20),
        currency,
        bundles: [],
        dmPolicy: "subscribers",
        welcomeMessage: null,
        verifiedAt: null,
        avatarMediaId: null,
        bannerMediaId: null,
        trialDays: 0,
        createdAt: at,
        updatedAt: at,
      });
    }
    const fans: UserRow[] = [];
    for (let i = 0; i < FANS; i++) fans.push(user("fan", i, "fan", now - (30 + rnd.int(300)) * DAY));

    // Posts over the last ~6 months: 30 % public, 50 % subscribers-only, 20 % pay-per-view.
    const postRows: PostRow[] = [];
    const postsOf = new Map<string, PostRow[]>(creators.map((c) => [c.id, []]));
    for (let i = 0; i < POSTS; i++) {
      const creator = creators[rnd.int(CREATORS)]!;
      const at = now - 60_000 - rnd.int(180 * DAY);
      const roll = rnd.next();
      const visibility = roll < 0.3 ? "public" : roll < 0.8 ? "subscribers" : "ppv";
      const row: PostRow = {
        id: newId(),
        creatorId: creator.id,
        text: sentence(rnd, 4, 60),
        visibility,
        priceCents: visibility === "ppv" ? 199 + 100 * rnd.int(30) : null,
        status: "published",
        publishAt: null,
        publishedAt: at,
        likesCount: 0,
        commentsCount: 0,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      postRows.push(row);
      postsOf.get(creator.id)!.push(row);
    }

    // 20 distinct creators per fan, all live; each fan liked a few posts and bought one PPV post.
    const subRows: SubscriptionRow[] = [];
    const likeRows: (typeof postLikes.$inferInsert)[] = [];
    const unlockRows: (typeof postUnlocks.$inferInsert)[] = [];
    for (const fan of fans) {
      const picked = new Set<number>();
      while (picked.size < SUBS_PER_FAN) picked.add(rnd.int(CREATORS));
      const mine = [...picked].map((i) => creators[i]!);
      for (const [k, ci] of [...picked].entries()) {
        const creator = creators[ci]!;
        const start = now - (1 + rnd.int(25)) * DAY;
        subRows.push({
          id: newId(),
          fanId: fan.id,
          creatorId: creator.id,
          status: "active",
          priceCents: profiles[ci]!.priceCents,
          currency,
          months: 1,
          autoRenew: true,
          providerRef: null,
          currentPeriodStart: start,
          currentPeriodEnd: start + 30 * DAY,
          createdAt: start - (k % 3) * 30 * DAY,
          updatedAt: start,
        });
      }
      const liked = new Set<PostRow>();
      for (let j = 0; j < 5; j++) {
        const list = postsOf.get(mine[rnd.int(mine.length)]!.id)!;
        if (list.length > 0) liked.add(list[rnd.int(list.length)]!);
      }
      for (const p of liked) {
        p.likesCount++;
        likeRows.push({ postId: p.id, userId: fan.id, createdAt: now - rnd.int(30 * DAY) });
      }
      const ppv = postsOf.get(mine[0]!.id)!.filter((p) => p.visibility === "ppv");
      if (ppv.length > 0) {
        unlockRows.push({
          userId: fan.id,
          postId: ppv[rnd.int(ppv.length)]!.id,
          createdAt: now - rnd.int(30 * DAY),
        });
      }
    }

    const loadFans = Array.from({ length: LOAD_FANS }, (_, i) => fans[Math.floor((i * FANS) / LOAD_FANS)]!);

    // SQLite allows 32,766 bound parameters per statement; 1,000 rows x <= 14 columns stays under it.
    const BATCH = 1_000;
    await ctx.db.write(async (tx) => {
      for (const part of chunks([admin, ...creators, ...fans], BATCH)) await tx.insert(users).values(part);
      for (const part of chunks(profiles, BATCH)) await tx.insert(creatorProfiles).values(part);
    });
    await ctx.db.write(async (tx) => {
      for (const part of chunks(postRows, BATCH)) await tx.insert(posts).values(part);
    });
    await ctx.db.write(async (tx) => {
      for (const part of chunks(subRows, BATCH)) await tx.insert(subscriptions).values(part);
      for (const part of chunks(likeRows, BATCH)) await tx.insert(postLikes).values(part);
      for (const part of chunks(unlockRows, BATCH)) await tx.insert(postUnlocks).values(part);
    });
    const tokens = await ctx.db.write(async (tx) => {
      await services.site.update(tx, { name: "Bench", setupCompletedAt: now });
      const out: string[] = [];
      for (const f of loadFans) out.push((await services.auth.createSession(tx, f.id)).token);
      return out;
    });
    ctx.db.raw?.writer.pragma("optimize");

    return {
      tokens,
      seedMs: performance.now() - started,
      counts: {
        users: 1 + creators.length + fans.length,
        creators: creators.length,
        fans: fans.length,
        posts: postRows.length,
        subscriptions: subRows.length,
        likes: likeRows.length,
        unlocks: unlockRows.length,
        sessions: tokens.length,
      },
    };
  } finally {
    await ctx.db.close();
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

function report(opts: {
  hello: Measured;
  staticPage: Measured;
  feed: Measured;
  /** The fanz server's resident memory after the run (its caches full). */
  fanzRssMb: number | null;
  seed: Seeded;
  sample: { bytes: number; locked: number };
  profiled: boolean;
}): string {
  const { hello, staticPage, feed, seed: s } = opts;
  const facts = machineFacts();
  const ratio = feed.result.requests.average / hello.result.requests.average;
  const met = ratio >= TARGET_RATIO && feed.result.latency.p99 < TARGET_P99_MS;
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
    `- **feed / hello-world throughput: ${fmt(ratio * 100, 1)} %** (target ≥ ${TARGET_RATIO * 100} %); ` +
      `**feed p99 ${ms(feed.result.latency.p99)} ms** (target < ${TARGET_P99_MS} ms): ` +
      (met ? "**target met**." : "**target missed**.") +
      ` Against the static page of the same size: ${fmt((feed.result.requests.average / staticPage.result.requests.average) * 100, 1)} %.`,
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

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-bench-feed-"));
  const database = await benchDatabase(engine, dataDir);
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
    const fanzRssMb = processRssMb(fanz.child.pid);
    await sleep(200);
    const code = await fanz.stop();
    children.splice(children.indexOf(fanz), 1);
    if (code !== 0) throw new Error(`fanzctl serve exited with ${code}:\n${fanz.output()}`);

    const block = report({
      hello,
      staticPage,
      feed,
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
    if (!profDir && !args["no-write"] && engine === "sqlite") {
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
