// Capacity (`npm run bench:capacity`): how many active fans a site serves per CPU core. A seeded site
// (bench/lib/seed-site.ts, plus media made by the real image worker, funded wallets and conversations)
// runs as `fanzctl serve` behind nginx (the shipped site template: media through auth_request, /ws
// proxied), and the open-loop driver (bench/lib/open-loop.ts) plays the mix below at rising, evenly
// paced rates until p99 passes 200 ms or any error appears. The highest step that passed is the
// sustained rate; divided by what one active fan does per second it is a number of active fans, and
// divided by the app nodes' CPU over that step, active fans per core. Then, with --soak, the same mix at
// 70 % of it: 0 errors, and each node's resident memory sampled every 10 s drifts < 10 % after warm-up.
//
// The mix, per active fan and minute (MIX below): opens the feed 4 times, one creator page (the profile
// and its posts), 10 images through nginx, 1 like, a comment every 5 minutes, a chat message every 2
// minutes (its delivery to the fan's own open /ws is timed too), a /ws ping a minute, and a purchase
// every 5 minutes (a PPV unlock or a $5 tip, from the wallet).
//
// Options:
//   --engine sqlite|postgres   (default sqlite)     --nodes 1|2   (PostgreSQL only; nginx spreads over them)
//   --all                      SQLite, then PostgreSQL with 1 and with 2 nodes; writes bench/RESULTS.md
//   --step-seconds S (30)      --start R (100 actions/s, doubled until a step fails, then bisected)
//   --bisect N (3)             --warmup S (10)     --ws-cap N (4000 open sockets at most)
//   --soak S                   after the steps, S seconds at 70 % of the found rate (with --all: on SQLite)
//   --no-write                 print only
import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { loadConfig } from "../src/config/load.ts";
import { media, postMedia } from "../src/db/schema.ts";
import { newId } from "../src/lib/ids.ts";
import { createLogger } from "../src/lib/logger.ts";
import { buildApp } from "../src/main.ts";
import { processImage } from "../src/workers/image.worker.ts";
import { startNginx, type RunningNginx } from "../tests/helpers/nginx.ts";
import { fundWalletsTx } from "../tests/helpers/seed-renewals.ts";
import {
  benchDatabase,
  benchEngine,
  fmt,
  fmtInt,
  machineFacts,
  processRssMb,
  sleep,
  startFanz,
  writeResultsBlock,
  type BenchEngine,
  type ChildServer,
} from "./lib.ts";
import {
  LatencyHistogram,
  OpenLoopDriver,
  openPacedSocket,
  type Action,
  type PacedSocket,
  type StepResult,
} from "./lib/open-loop.ts";
import { BATCH, chunks, seedSite, type SiteShape } from "./lib/seed-site.ts";
import { prng } from "../tests/helpers/prng.ts";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "sqlite" },
    nodes: { type: "string", default: "1" },
    all: { type: "boolean", default: false },
    "step-seconds": { type: "string", default: "30" },
    start: { type: "string", default: "100" },
    bisect: { type: "string", default: "3" },
    warmup: { type: "string", default: "10" },
    "ws-cap": { type: "string", default: "4000" },
    soak: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});
const num = (name: string, v: string | undefined, min: number, max: number) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be ${min} to ${max}`);
  return n;
};
const STEP_S = num("step-seconds", args["step-seconds"], 1, 120);
const START_RATE = num("start", args.start, 1, 10_000);
const BISECT = num("bisect", args.bisect, 0, 6);
const WARMUP_S = num("warmup", args.warmup, 0, 120);
const WS_CAP = num("ws-cap", args["ws-cap"], 1, 8_000);
const SOAK_S = args.soak === undefined ? 0 : num("soak", args.soak, 10, 3_600);
const P99_LIMIT_MS = 200;
const MAX_RATE = 20_000;
const SOAK_SHARE = 0.7;
const SOAK_SAMPLE_S = 10;
const DRIFT_LIMIT = 0.1;

const SHAPE: SiteShape = { creators: 500, posts: 25_000, fans: 10_000, subsPerFan: 10, loadFans: 5_000 };
/** Share of the public and subscribers-only posts that carry an image. */
const MEDIA_SHARE = 0.25;
/** Fans with a conversation (with their first creator) who send the mix's chat messages. */
const CHAT_FANS = 1_000;
const WALLET_CENTS = 1_000_000;
const TIP_CENTS = 500;

type Kind =
  "feed" | "profile" | "creator posts" | "media" | "like" | "comment" | "chat" | "ping" | "unlock" | "tip";

/** What one active fan does per minute; the request each one is. */
const MIX: { kind: Kind; perMinute: number; what: string }[] = [
  { kind: "feed", perMinute: 4, what: "`GET /api/v1/feed?limit=20`" },
  { kind: "profile", perMinute: 1, what: "`GET /api/v1/creators/:username` (a subscribed creator's page…)" },
  {
    kind: "creator posts",
    perMinute: 1,
    what: "`GET /api/v1/creators/:username/posts?limit=20` (…and its posts)",
  },
  { kind: "media", perMinute: 10, what: "`GET /media/:id/feed.webp` through nginx (auth_request; ~75 KB)" },
  { kind: "like", perMinute: 1, what: "`POST /api/v1/posts/:id/likes`" },
  { kind: "comment", perMinute: 0.2, what: "`POST /api/v1/posts/:id/comments`" },
  {
    kind: "chat",
    perMinute: 0.5,
    what: "`POST /api/v1/conversations/:id/messages`, and its frame on the fan's own /ws (timed as `chat → /ws`)",
  },
  { kind: "ping", perMinute: 1, what: "/ws `ping` frame until its `pong`" },
  {
    kind: "unlock",
    perMinute: 0.1,
    what: "`POST /api/v1/posts/:id/unlock` (wallet; a PPV post not yet bought)",
  },
  { kind: "tip", perMinute: 0.1, what: "`POST /api/v1/tips` ($5 from the wallet to a subscribed creator)" },
];
const PER_FAN_PER_S = MIX.reduce((s, m) => s + m.perMinute, 0) / 60;

/** The mix as a repeating sequence of kinds (smooth weighted round robin: each kind spread evenly). */
function mixCycle(): Kind[] {
  const weights = MIX.map((m) => Math.round(m.perMinute * 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const current = weights.map(() => 0);
  const out: Kind[] = [];
  for (let n = 0; n < total; n++) {
    let best = 0;
    for (let k = 0; k < weights.length; k++) {
      current[k]! += weights[k]!;
      if (current[k]! > current[best]!) best = k;
    }
    current[best]! -= total;
    out.push(MIX[best]!.kind);
  }
  return out;
}

interface LoadFan {
  auth: Record<string, string>;
  token: string;
  subs: string[];
  /** Posts this fan may like and comment on, and images it may fetch (its creators'). */
  posts: string[];
  images: string[];
  /** PPV posts this fan has not bought, in the order it buys them. */
  ppv: string[];
  conversationId: string | null;
  bought: number;
}

interface CapacitySite {
  fans: LoadFan[];
  counts: Record<string, number>;
  mediaCount: number;
  imageBytes: number;
}

/** The site: seedSite's data, an image on a share of the posts, funded wallets, conversations. */
async function seedCapacity(dataDir: string, dbEnv: Record<string, string>): Promise<CapacitySite> {
  const { config } = loadConfig({
    file: "/dev/null",
    env: { ...dbEnv, FANZ_DATA_DIR: dataDir, FANZ_PORT: "0", FANZ_LOG__LEVEL: "error" },
  });
  const app = await buildApp(config, { web: null, logger: createLogger("error") });
  const { ctx, services } = app;
  let t = performance.now();
  const took = (what: string) => {
    const now = performance.now();
    process.stdout.write(`    ${what}: ${fmt((now - t) / 1000, 1)} s\n`);
    t = now;
  };
  try {
    const site = await seedSite(app, config, SHAPE);
    took("site (users, posts, subscriptions, likes, sessions)");
    const rnd = prng(7);
    const now = Date.now();

    // One photo through the real image worker; every medium gets a hard link to its feed variant, the
    // one file the mix fetches (the worker's output does not depend on the medium's id; the row lists
    // every variant, and linking them all would only cost seconds of seeding and of removal).
    const template = join(dataDir, "tmp", "capacity-template");
    mkdirSync(template, { recursive: true });
    const input = join(template, "original.jpg");
    const noise = Buffer.alloc(64 * 43 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    writeFileSync(
      input,
      await sharp(noise, { raw: { width: 64, height: 43, channels: 3 } })
        .resize(1600, 1067)
        .blur(2)
        .jpeg()
        .toBuffer(),
    );
    const out = join(template, "out");
    mkdirSync(out);
    const processed = await processImage({ kind: "image", input, outDir: out, watermark: null });
    if (!processed.ok) throw new Error(`image worker failed: ${processed.reason}`);
    const feedFile = processed.files.feed;
    if (!feedFile) throw new Error("the image worker made no feed variant");

    const mediaRows: (typeof media.$inferInsert)[] = [];
    const postMediaRows: (typeof postMedia.$inferInsert)[] = [];
    const imagesOf = new Map<string, string[]>();
    for (const post of site.posts) {
      if (post.visibility === "ppv" || rnd.next() >= MEDIA_SHARE) continue;
      const id = newId();
      mkdirSync(join(dataDir, "media", id));
      linkSync(join(out, feedFile), join(dataDir, "media", id, feedFile));
      mediaRows.push({
        id,
        ownerId: post.creatorId,
        kind: "image",
        mime: "image/jpeg",
        sizeBytes: statSync(input).size,
        originalName: "photo.jpg",
        status: "ready",
        purpose: "post",
        width: processed.width,
        height: processed.height,
        files: processed.files,
        createdAt: post.createdAt,
        updatedAt: post.createdAt,
      });
      postMediaRows.push({ postId: post.id, mediaId: id, position: 0 });
      const list = imagesOf.get(post.creatorId) ?? [];
      list.push(`/media/${id}/${feedFile}`);
      imagesOf.set(post.creatorId, list);
    }
    await ctx.db.write(async (tx) => {
      for (const part of chunks(mediaRows, BATCH)) await tx.insert(media).values(part);
      for (const part of chunks(postMediaRows, BATCH)) await tx.insert(postMedia).values(part);
      await fundWalletsTx(
        tx,
        site.loadFans.map((f) => f.id),
        WALLET_CENTS,
        now,
      );
    });

    took("images and wallets");
    const ppvAll = site.posts.filter((p) => p.visibility === "ppv").map((p) => p.id);
    const fans: LoadFan[] = site.loadFans.map((f, k) => {
      const creators = site.subscribedTo.get(f.id)!;
      const owned = site.unlockedBy.get(f.id);
      // Each fan walks the PPV posts from its own offset, skipping the one it bought at seeding.
      const offset = (k * 7919) % ppvAll.length;
      const ppv = [...ppvAll.slice(offset), ...ppvAll.slice(0, offset)]
        .filter((id) => id !== owned)
        .slice(0, 200);
      return {
        auth: { authorization: `Bearer ${site.tokens[k]!}` },
        token: site.tokens[k]!,
        subs: creators.map((c) => c.username),
        posts: creators.flatMap((c) =>
          site.postsOf
            .get(c.id)!
            .filter((p) => p.visibility !== "ppv")
            .map((p) => p.id),
        ),
        images: creators.flatMap((c) => imagesOf.get(c.id) ?? []),
        ppv,
        conversationId: null,
        bought: 0,
      };
    });
    // Conversations with the fan's first creator, a few at a time (each is a write).
    for (let k = 0; k < Math.min(CHAT_FANS, fans.length); k += 32) {
      await Promise.all(
        site.loadFans.slice(k, Math.min(k + 32, CHAT_FANS)).map(async (f, j) => {
          const fan = fans[k + j]!;
          fan.conversationId = (await services.messages.start(f, fan.subs[0]!)).conversation.id;
        }),
      );
    }
    took("conversations");
    for (const [k, f] of fans.entries())
      if (f.posts.length === 0 || f.images.length === 0) throw new Error(`load fan ${k} has nothing to see`);
    ctx.db.raw?.writer.pragma("optimize");
    return {
      fans,
      counts: { ...site.counts, media: mediaRows.length, conversations: Math.min(CHAT_FANS, fans.length) },
      mediaCount: mediaRows.length,
      imageBytes: statSync(join(out, feedFile)).size,
    };
  } finally {
    await ctx.db.close();
  }
}

/** The plan of the mix for `active` fans, the first `sockets.length` of them with an open /ws. */
function mixPlan(site: CapacitySite, active: () => number, sockets: PacedSocket[]): (i: number) => Action {
  const cycle = mixCycle();
  const counters = new Map<Kind, number>();
  const rnd = prng(42);
  const pick = <T>(list: T[]) => list[rnd.below(list.length)]!;
  let chats = 0;
  return (i) => {
    const kind = cycle[i % cycle.length]!;
    const n = counters.get(kind) ?? 0;
    counters.set(kind, n + 1);
    // Each kind goes round the active fans in turn, so every fan does its share of everything.
    const fan = site.fans[n % active()]!;
    const get = (path: string): Action => ({ kind, method: "GET", path, headers: fan.auth });
    switch (kind) {
      case "feed":
        return get("/api/v1/feed?limit=20");
      case "profile":
        return get(`/api/v1/creators/${pick(fan.subs)}`);
      case "creator posts":
        return get(`/api/v1/creators/${pick(fan.subs)}/posts?limit=20`);
      case "media":
        return get(pick(fan.images));
      case "like":
        return { kind, method: "POST", path: `/api/v1/posts/${pick(fan.posts)}/likes`, headers: fan.auth };
      case "comment":
        return {
          kind,
          method: "POST",
          path: `/api/v1/posts/${pick(fan.posts)}/comments`,
          headers: fan.auth,
          body: JSON.stringify({ text: `Love this one (${i})` }),
        };
      case "chat": {
        const k = n % Math.max(1, Math.min(active(), sockets.length, CHAT_FANS));
        const sender = site.fans[k]!;
        const text = `cap ${++chats} ${i}`;
        return {
          kind,
          method: "POST",
          path: `/api/v1/conversations/${sender.conversationId}/messages`,
          headers: sender.auth,
          body: JSON.stringify({ text }),
          delivery: {
            socket: sockets[k]!,
            kind: "chat → /ws",
            match: (f) => f.type === "message" && (f.message as { text?: string } | undefined)?.text === text,
          },
        };
      }
      case "ping":
        return {
          kind,
          socket: sockets[n % Math.max(1, Math.min(active(), sockets.length))]!,
          send: { type: "ping" },
          match: (f) => f.type === "pong",
        };
      case "unlock": {
        const post = fan.ppv[fan.bought++ % fan.ppv.length]!;
        return {
          kind,
          method: "POST",
          path: `/api/v1/posts/${post}/unlock`,
          headers: fan.auth,
          body: '{"payWith":"wallet"}',
        };
      }
      case "tip":
        return {
          kind,
          method: "POST",
          path: "/api/v1/tips",
          headers: fan.auth,
          body: JSON.stringify({ creator: pick(fan.subs), amountCents: TIP_CENTS, payWith: "wallet" }),
        };
    }
  };
}

interface StepRow {
  rate: number;
  active: number;
  sockets: number;
  pass: boolean;
  r: StepResult;
  /** The app nodes' CPU together, in % of one core. */
  appCpu: number | null;
}

interface SoakFigures {
  rate: number;
  seconds: number;
  errors: number;
  errorKinds: Record<string, number>;
  p50: number;
  p99: number;
  worstChunkP99: number;
  /** Resident memory per node at each sample (MB), with the seconds into the soak. */
  samples: { t: number; rss: (number | null)[] }[];
  drift: (number | null)[];
  pass: boolean;
}

interface ConfigRun {
  label: string;
  steps: StepRow[];
  sustained: StepRow | null;
  firstFail: StepRow | null;
  soak: SoakFigures | null;
  phases: [string, number][];
  site: CapacitySite;
  load: number;
}

/** What an interrupted run must stop (the servers and nginx would outlive it) and remove. */
const stopOnSignal = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void Promise.allSettled([...stopOnSignal].map((f) => f())).finally(() => process.exit(130));
  });

const activeFor = (rate: number, fans: number) =>
  Math.min(fans, Math.max(1, Math.round(rate / PER_FAN_PER_S)));

async function runConfiguration(engine: BenchEngine, nodeCount: number, soakS: number): Promise<ConfigRun> {
  const label =
    engine === "sqlite" ? "SQLite, 1 node" : `PostgreSQL, ${nodeCount} node${nodeCount > 1 ? "s" : ""}`;
  process.stdout.write(`\n== ${label}\n`);
  const phases: [string, number][] = [];
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, (now - t) / 1000]);
    process.stdout.write(`  ${name}: ${fmt((now - t) / 1000, 1)} s\n`);
    t = now;
  };
  const dataDir = mkdtempSync(join(tmpdir(), "fanz-bench-capacity-"));
  const database = await benchDatabase(engine, dataDir);
  const nodes: ChildServer[] = [];
  const sockets: PacedSocket[] = [];
  let nginx: RunningNginx | null = null;
  let driver: OpenLoopDriver | null = null;
  // The servers, nginx and the data go. Open sockets are cut first: nginx's graceful stop waits for them.
  const stopChildren = async () => {
    stopOnSignal.delete(stopChildren);
    for (const s of sockets) s.close();
    await nginx?.stop();
    nginx = null;
    for (const n of nodes.splice(0)) await n.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  };
  stopOnSignal.add(stopChildren);
  try {
    const site = await seedCapacity(dataDir, database.env);
    phase(
      `seed (${fmtInt(site.counts.posts!)} posts, ${fmtInt(site.mediaCount)} images, ${fmtInt(site.fans.length)} sessions)`,
    );

    // A child must not pick up a config.toml or FANZ_* settings of whoever runs the benchmark; the
    // nodes use the default database pool, not the test harness's small one.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries({ ...process.env, ...database.env }).filter(
        ([k]) => !k.startsWith("FANZ_") || (k in database.env && k !== "FANZ_DB__POOL_SIZE"),
      ),
    );
    for (let i = 0; i < nodeCount; i++)
      nodes.push(
        await startFanz({
          dataDir,
          env: { ...env, FANZ_LOG__LEVEL: "error", FANZ_LIVE__RTMP_PORT: "0" },
          cwd: resolve(import.meta.dirname, ".."),
        }),
      );
    const ports = nodes.map((n) => Number(new URL(n.baseUrl).port));
    nginx = await startNginx({
      appPort: ports[0]!,
      moreAppPorts: ports.slice(1),
      mediaDir: join(dataDir, "media"),
      workerConnections: 4 * WS_CAP + 2048,
    });
    driver = new OpenLoopDriver(nginx.base, { connections: 256 });
    const wsUrl = `${nginx.base.replace("http", "ws")}/ws`;
    phase(`start (${nodeCount} fanzctl serve, nginx)`);

    const pids = nodes.map((n) => n.child.pid!);
    let active = activeFor(START_RATE, site.fans.length);
    const plan = mixPlan(site, () => active, sockets);
    const ensureSockets = async (n: number) => {
      const want = Math.min(n, WS_CAP, site.fans.length);
      while (sockets.length < want) {
        const from = sockets.length;
        const batch = site.fans.slice(from, Math.min(want, from + 100));
        sockets.push(...(await Promise.all(batch.map((f) => openPacedSocket(wsUrl, f.token)))));
      }
    };
    const load = loadavg()[0] ?? 0;

    const runStep = async (rate: number, seconds: number, label: string): Promise<StepRow> => {
      active = activeFor(rate, site.fans.length);
      await ensureSockets(active);
      const r = await driver!.run({ rate, seconds, plan, pids });
      const appCpu = r.serverCpu.some((c) => c === null) ? null : r.serverCpu.reduce((a, b) => a! + b!, 0)!;
      const pass = r.errorCount === 0 && r.latency.p99 <= P99_LIMIT_MS;
      process.stdout.write(
        `  ${label} ${fmtInt(rate)}/s (${fmtInt(active)} fans, ${sockets.length} sockets): p50 ${fmt(r.latency.p50, 1)} ms, ` +
          `p90 ${fmt(r.latency.p90, 1)} ms, p99 ${fmt(r.latency.p99, 1)} ms, max ${fmt(r.latency.max, 0)} ms, errors ${r.errorCount}` +
          (r.errorCount ? ` ${JSON.stringify(r.errors)} e.g. ${r.errorSamples.slice(0, 3).join("; ")}` : "") +
          `, app CPU ${appCpu === null ? "n/a" : fmt(appCpu, 0)} %, driver ${fmt(r.driverCpu, 0)} %, ` +
          `send lag p99 ${fmt(r.sendLag.p99, 1)} ms -> ${pass ? "pass" : "FAIL"}\n`,
      );
      if (r.errorCount > 0)
        for (const n of nodes) {
          const out = n.output().trim();
          if (out) process.stdout.write(`    ${n.name} said lately:\n${out.slice(-1500)}\n`);
        }
      await sleep(2000); // what the step left behind (the outbox, cache fills) settles before the next
      return { rate, active, sockets: sockets.length, pass, r, appCpu };
    };

    await ensureSockets(active);
    phase(`sockets (${sockets.length})`);
    if (WARMUP_S > 0) {
      const warm = await runStep(START_RATE, WARMUP_S, "warm-up");
      if (warm.r.errorCount > 0)
        throw new Error(`the mix fails at the warm-up rate: ${warm.r.errorSamples.join("; ")}`);
      phase("warm-up");
    }

    const steps: StepRow[] = [];
    let lastPass: StepRow | null = null;
    let firstFail: StepRow | null = null;
    for (let rate = START_RATE; rate <= MAX_RATE; rate *= 2) {
      const row = await runStep(rate, STEP_S, "step");
      steps.push(row);
      if (row.pass) lastPass = row;
      else {
        firstFail = row;
        break;
      }
    }
    // The start rate already failed: halve until a step passes.
    for (let rate = START_RATE / 2; !lastPass && rate >= 5; rate = Math.round(rate / 2)) {
      const row = await runStep(rate, STEP_S, "step");
      steps.push(row);
      if (row.pass) lastPass = row;
      else firstFail = row;
    }
    for (let b = 0; b < BISECT && lastPass && firstFail; b++) {
      const mid = Math.round((lastPass.rate + firstFail.rate) / 2);
      if (mid - lastPass.rate < Math.max(5, lastPass.rate * 0.05)) break;
      const row = await runStep(mid, STEP_S, "bisect");
      steps.push(row);
      if (row.pass) lastPass = row;
      else firstFail = row;
    }
    phase(`steps (${steps.length} × ${STEP_S} s)`);

    let soak: SoakFigures | null = null;
    if (soakS > 0 && lastPass) {
      soak = await runSoak(driver, plan, Math.round(lastPass.rate * SOAK_SHARE), soakS, nodes, (rate) => {
        active = activeFor(rate, site.fans.length);
        return ensureSockets(active);
      });
      phase(`soak (${soakS} s)`);
    }
    return { label, steps, sustained: lastPass, firstFail, soak, phases, site, load };
  } finally {
    for (const s of sockets.splice(0)) s.close();
    await driver?.close();
    await stopChildren();
    phase("teardown");
  }
}

/** The mix at `rate` for `seconds`, in 10 s chunks with each node's RSS sampled after each. */
async function runSoak(
  driver: OpenLoopDriver,
  plan: (i: number) => Action,
  rate: number,
  seconds: number,
  nodes: ChildServer[],
  prepare: (rate: number) => Promise<void>,
): Promise<SoakFigures> {
  await prepare(rate);
  const all = new LatencyHistogram();
  const errorKinds: Record<string, number> = {};
  const samples: SoakFigures["samples"] = [];
  let worstChunkP99 = 0;
  let errors = 0;
  const rss = () => nodes.map((n) => processRssMb(n.child.pid));
  for (let done = 0; done < seconds;) {
    const chunk = Math.min(SOAK_SAMPLE_S, seconds - done);
    const r = await driver.run({ rate, seconds: chunk, plan });
    done += chunk;
    all.merge(r.histogram);
    errors += r.errorCount;
    for (const [k, v] of Object.entries(r.errors)) errorKinds[k] = (errorKinds[k] ?? 0) + v;
    worstChunkP99 = Math.max(worstChunkP99, r.latency.p99);
    samples.push({ t: done, rss: rss() });
    process.stdout.write(
      `  soak ${done}/${seconds} s at ${fmtInt(rate)}/s: p99 ${fmt(r.latency.p99, 1)} ms, errors ${r.errorCount}, ` +
        `RSS ${samples
          .at(-1)!
          .rss.map((m) => (m === null ? "n/a" : `${fmt(m, 0)} MB`))
          .join(", ")}\n`,
    );
  }
  // Warm-up: the first fifth of the soak (at least one sample) fills caches and pools.
  const warm = Math.max(SOAK_SAMPLE_S, seconds * 0.2);
  const first = samples.find((s) => s.t >= warm) ?? samples[0]!;
  const last = samples.at(-1)!;
  const drift = nodes.map((_, k) => {
    const a = first.rss[k];
    const b = last.rss[k];
    return a == null || b == null ? null : (b - a) / a;
  });
  const s = all.summary();
  return {
    rate,
    seconds,
    errors,
    errorKinds,
    p50: s.p50,
    p99: s.p99,
    worstChunkP99,
    samples,
    drift,
    pass: errors === 0 && drift.every((d) => d !== null && d < DRIFT_LIMIT),
  };
}

function report(runs: ConfigRun[], totalS: number): string {
  const m = machineFacts();
  const site = runs[0]!.site;
  const c = site.counts;
  const ms = (v: number) => (v >= 100 ? fmt(v, 0) : fmt(v, 1));
  const cores = (row: StepRow) => (row.appCpu === null ? null : row.appCpu / 100);
  const lines = [
    `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}, ${m.os}; steps of ${STEP_S} s ` +
      `(from ${START_RATE}/s, doubled until one fails, then ${BISECT} bisections) after a ${WARMUP_S} s warm-up; ` +
      `a step passes with p99 ≤ ${P99_LIMIT_MS} ms over every action and no error. Total ${fmt(totalS / 60, 1)} min.`,
    "",
    `Site: ${fmtInt(c.creators!)} creators, ${fmtInt(c.posts!)} posts (30 % public, 50 % subscribers, 20 % PPV), ` +
      `${fmtInt(c.media!)} images (made by the image worker, ${fmtInt(site.imageBytes)} bytes for the feed variant), ` +
      `${fmtInt(c.fans!)} fans × ${SHAPE.subsPerFan} subscriptions, ${fmtInt(c.sessions!)} of them with a session and ` +
      `a $${fmtInt(WALLET_CENTS / 100)} wallet, ${fmtInt(c.conversations!)} conversations. Everything goes through ` +
      `nginx (the shipped template; ${runs.some((r) => r.label.includes("2 nodes")) ? "two nodes in one upstream" : "one upstream"}); ` +
      `each active fan has an open /ws (at most ${fmtInt(WS_CAP)}).`,
    "",
    `Mix per active fan and minute (${fmt(PER_FAN_PER_S * 60, 1)} actions, ${fmt(PER_FAN_PER_S, 3)} per second; ` +
      `an action is an HTTP request or a /ws ping, and a chat message's delivery on /ws is timed with it, ` +
      `not counted as one more):`,
    "",
    "| per minute | action |",
    "| ---: | --- |",
    ...MIX.map((x) => `| ${x.perMinute} | ${x.kind}: ${x.what} |`),
    "",
    "| configuration | sustained actions/s | active fans | p50 ms | p99 ms | app CPU (cores) | active fans per core | driver CPU | first failing step |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...runs.map((r) => {
      const s = r.sustained;
      const f = r.firstFail;
      const failed = f
        ? `${fmtInt(f.rate)}/s: p99 ${ms(f.r.latency.p99)} ms` +
          (f.r.errorCount ? `, ${f.r.errorCount} errors (${Object.keys(f.r.errors).join(", ")})` : "")
        : `none up to ${fmtInt(r.steps.at(-1)?.rate ?? 0)}/s`;
      if (!s) return `| ${r.label} | — | — | — | — | — | — | — | ${failed} |`;
      const k = cores(s);
      return (
        `| ${r.label} | ${fmtInt(s.rate)} | ${fmtInt(s.active)} | ${ms(s.r.latency.p50)} | ${ms(s.r.latency.p99)} | ` +
        `${k === null ? "n/a" : fmt(k, 2)} | ${k === null ? "n/a" : fmtInt(s.active / k)} | ${fmt(s.r.driverCpu, 0)} % | ${failed} |`
      );
    }),
    "",
  ];
  for (const r of runs) {
    lines.push(
      `- ${r.label}, steps: ` +
        r.steps
          .map(
            (s) =>
              `${fmtInt(s.rate)}/s ${s.pass ? "✓" : "✗"} (p99 ${ms(s.r.latency.p99)} ms` +
              (s.r.errorCount ? `, ${s.r.errorCount} errors` : "") +
              `, app ${s.appCpu === null ? "n/a" : fmt(s.appCpu, 0)} %)`,
          )
          .join(", ") +
        `; 1-min load average at its start ${fmt(r.load, 2)}.`,
    );
    if (r.sustained) {
      const byKind = Object.entries(r.sustained.r.byKind)
        .map(([k, v]) => `${k} ${ms(v.p99)}`)
        .join(", ");
      lines.push(`  p99 ms by action at ${fmtInt(r.sustained.rate)}/s: ${byKind}.`);
      if (r.sustained.active >= r.site.fans.length)
        lines.push(
          `  (Every one of the ${fmtInt(r.site.fans.length)} fans with a session was active: each did more than the mix says.)`,
        );
    }
    if (r.soak) {
      const s = r.soak;
      lines.push(
        `  **Soak**: ${s.seconds} s at ${fmtInt(s.rate)}/s (${Math.round(SOAK_SHARE * 100)} %): ${s.errors} errors` +
          (s.errors ? ` (${JSON.stringify(s.errorKinds)})` : "") +
          `, p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms (worst 10 s: ${ms(s.worstChunkP99)} ms); RSS drift after warm-up ` +
          s.drift.map((d) => (d === null ? "n/a" : `${fmt(d * 100, 1)} %`)).join(", ") +
          ` (RSS MB every ${SOAK_SAMPLE_S} s: ${s.samples.map((x) => x.rss.map((v) => (v === null ? "n/a" : fmt(v, 0))).join("/")).join(", ")}) — ` +
          (s.pass ? "**pass**" : "**FAIL**") +
          ".",
      );
    }
    lines.push(`  Phases: ${r.phases.map(([n, s]) => `${n} ${fmt(s, 0)} s`).join(", ")}.`);
  }
  lines.push(
    "- Active fans = sustained actions/s ÷ what one fan does per second; per core = ÷ the app processes' CPU over " +
      "that step (from /proc; nginx, PostgreSQL and the driver share the same CPUs and are not counted in it).",
    "- Rerun: `npm run bench:capacity -- --all --soak 300` (under 25 minutes; keep the machine otherwise idle).",
  );
  return lines.join("\n");
}

async function main(): Promise<number> {
  const started = performance.now();
  const configs: [BenchEngine, number][] = args.all
    ? [
        ["sqlite", 1],
        ["postgres", 1],
        ["postgres", 2],
      ]
    : [[benchEngine(args.engine), num("nodes", args.nodes, 1, 2)]];
  for (const [engine, nodes] of configs)
    if (nodes > 1 && engine !== "postgres") throw new Error("several nodes need --engine postgres");
  const runs: ConfigRun[] = [];
  for (const [i, [engine, nodes]] of configs.entries())
    runs.push(await runConfiguration(engine, nodes, i === 0 ? SOAK_S : 0));
  const block = report(runs, (performance.now() - started) / 1000);
  process.stdout.write(`\n${block}\n`);
  if (args.all && !args["no-write"]) {
    writeResultsBlock(
      join(import.meta.dirname, "RESULTS.md"),
      "capacity",
      "Capacity: active fans per core (open-loop mix)",
      block,
    );
    process.stdout.write("\nWritten to bench/RESULTS.md\n");
  }
  const soakFailed = runs.some((r) => r.soak && !r.soak.pass);
  return runs.every((r) => r.sustained) && !soakFailed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `bench:capacity failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
