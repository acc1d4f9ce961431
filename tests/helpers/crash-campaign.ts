// The crash campaign: a real `fanzctl serve` is SIGKILLed at seeded random moments while uploads, wallet
// purchases, card webhooks, a renewal run, a mass-message fan-out and a live ingest run against it. After
// each restart it checks what a user would notice: every acknowledged write is there, the un-acknowledged
// ones retried with the same key took effect once, background work finishes (media processed, mass
// messages delivered to all, renewals once per period, no stream left live), `fanzctl doctor` passes and
// no file is left without its row (or a row without its files). Used by scripts/crash-campaign.ts and
// tests/integration/crash-campaign.test.ts.
import { prng } from "./prng.ts";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { loadConfig } from "../../src/config/load.ts";
import { openDb, type Db } from "../../src/db/client.ts";
import { subscriptions } from "../../src/db/schema.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { buildApp } from "../../src/main.ts";
import { freePort, startApp, type AppProcess } from "./app-process.ts";
import {
  acknowledged,
  acknowledgedByKind,
  checkAcknowledged,
  checkFiles,
  checkRenewals,
  leftovers,
  retryUnacknowledged,
  settle,
} from "./crash-checks.ts";
import {
  emptyRecord,
  send,
  WORKLOADS,
  type Fixtures,
  type Person,
  type Recorded,
  type Tally,
  type WorkloadEnv,
  type WorkloadName,
} from "./crash-workloads.ts";
import { rawSql, testDatabase, type TestDatabase, type TestEngine } from "./engine.ts";
import { startFakeStripe } from "./fake-stripe.ts";
import { testFfmpeg } from "./ffmpeg.ts";
import type { Publisher } from "./live.ts";
import { fanzctl } from "./site.ts";
import { fundWalletsTx } from "./seed-renewals.ts";

export interface CampaignOptions {
  kills: number;
  seed: number;
  engine: TestEngine;
  /** Subscribers of the star: the mass message's audience and the renewal run (default 300). */
  subscribers?: number;
  /** A database to use (the test project's); else a fresh one on `engine`. */
  database?: TestDatabase;
  log?: (line: string) => void;
}

export interface CampaignResult {
  engine: TestEngine;
  seed: number;
  kills: number;
  killsSurvived: number;
  /** Writes the server answered 2xx (or, for a stream, showed live) before a kill. */
  writesAcknowledged: number;
  acknowledgedByKind: Record<string, number>;
  /** Acknowledged writes checked after the restart that followed them. */
  writesChecked: number;
  /** Un-acknowledged requests retried after a restart with the same key (or the same event). */
  retriesChecked: number;
  /** Acknowledged requests sent again after a restart (the same key, the same event): no second effect. */
  replaysChecked: number;
  /** Renewals that fell due and were checked to have happened exactly once (per subscription and period). */
  renewalsChecked: number;
  /** Acknowledged writes missing after a restart. */
  lost: number;
  /** Effects applied twice (a retried purchase, a webhook, a renewal, a mass-message copy). */
  doubled: number;
  /** Work left half-done once the deadline passed: stuck jobs, media, mass messages, renewals, streams. */
  halfDone: number;
  /** Files without their row or rows without their files, after the site's own sweep. */
  orphans: number;
  /** What a kill left on disk for the site's sweep (media directories without a row, partial uploads). */
  crashLeftoversSwept: number;
  doctorRuns: number;
  doctorFailures: number;
  /** Answers no workload expected (a 5xx, a refusal), for the record. */
  unexpectedAnswers: number;
  workloadsRun: Record<WorkloadName, number>;
  durationMs: number;
  /** The first findings, in words. */
  problems: string[];
}

const PRICE = 500;
const SECRET_KEY = "sk_test_fanz_crash_campaign";
const WEBHOOK_SECRET = "whsec_fanz_crash_campaign";
const PASSWORD = "password-123";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Small real images (PNG, JPEG, WebP) and a one-second H.264 clip. */
async function makeFixtures(dir: string): Promise<Fixtures> {
  const images = [];
  for (const [w, h, fmt] of [
    [64, 48, "png"],
    [640, 480, "jpeg"],
    [320, 200, "webp"],
  ] as const) {
    const img = sharp({
      create: { width: w, height: h, channels: 3, background: { r: w % 255, g: 90, b: h % 255 } },
    });
    images.push({ name: `fixture.${fmt}`, bytes: await img.toFormat(fmt).toBuffer() });
  }
  const clip = join(dir, "clip.mp4");
  execFileSync(testFfmpeg(), [
    "-hide_banner",
    "-loglevel",
    "error",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=160x120:rate=15",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=330:sample_rate=22050",
    "-t",
    "1",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-shortest",
    "-y",
    clip,
  ]);
  return { images, video: readFileSync(clip) };
}

/**
 * The site before the first start, through the real services: an admin, the star (a creator), four fans
 * with full wallets who buy and tip, and `n` subscribers of the star whose wallets cover many renewals.
 */
async function seedSite(dataDir: string, dbEnv: Record<string, string>, n: number) {
  const { config } = loadConfig({ file: "/dev/null", env: { ...dbEnv, FANZ_DATA_DIR: dataDir } });
  const { ctx, services: s } = await buildApp(config, { web: null, logger: createLogger("error") });
  try {
    const hash = await s.auth.hashPassword(PASSWORD);
    await s.setup.createAdmin({
      email: "admin@example.com",
      username: "admin",
      password: "admin-password-1",
    });
    const star = await ctx.db.write((tx) =>
      s.users.insert(tx, { email: "star@example.com", username: "star", passwordHash: hash, role: "fan" }),
    );
    await s.profiles.upsertMine(star.id, { priceCents: PRICE });
    const buyers = await ctx.db.write(async (tx) => {
      const ids = [];
      for (let i = 1; i <= 4; i++)
        ids.push(
          (
            await s.users.insert(tx, {
              email: `buyer${i}@example.com`,
              username: `buyer${i}`,
              passwordHash: hash,
              role: "fan",
            })
          ).id,
        );
      await fundWalletsTx(tx, ids, 5_000_000, ctx.clock.now());
      return ids;
    });
    const subscriberIds: string[] = [];
    for (let done = 0; done < n; done += 500) {
      await ctx.db.write(async (tx) => {
        const ids = [];
        for (let i = done; i < Math.min(n, done + 500); i++) {
          const u = await s.users.insert(tx, {
            email: `sub${i}@example.com`,
            username: `sub${i}`,
            passwordHash: hash,
            role: "fan",
          });
          ids.push(u.id);
          await s.subscriptions.grantTx(tx, {
            fanId: u.id,
            creatorId: star.id,
            months: 1,
            priceCents: PRICE,
            currency: "USD",
            autoRenew: true,
          });
        }
        // Enough for far more renewals than a campaign makes due.
        await fundWalletsTx(tx, ids, PRICE * 400, ctx.clock.now());
        subscriberIds.push(...ids);
      });
    }
    return { starId: star.id, buyerIds: buyers, subscriberIds };
  } finally {
    await ctx.db.close();
  }
}

async function login(baseUrl: string, username: string, id: string): Promise<Person> {
  const r = await send({ baseUrl }, "POST", "/api/v1/auth/login", {
    json: { email: `${username}@example.com`, password: PASSWORD },
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return { id, username, token: r.body.token };
}

/** Media directories without a row, and partial uploads in data_dir/tmp (the server must be down). */
export async function runCampaign(opts: CampaignOptions): Promise<CampaignResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  // Kill moments and mixes come from the seed alone; the workloads draw from their own source, whose
  // order depends on timing.
  const rng = prng(opts.seed);
  const workRng = prng(opts.seed ^ 0x5eed);
  const work = mkdtempSync(join(tmpdir(), "fanz-crash-"));
  const dataDir = join(work, "data");
  const n = opts.subscribers ?? 300;
  mkdirSync(dataDir);
  const database = opts.database ?? (await testDatabase(dataDir, "crash", opts.engine));
  const ownDatabase = !opts.database;
  const stripe = await startFakeStripe({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  const rtmpPort = await freePort();
  const env = {
    ...database.env,
    FANZ_PAYMENTS__PROVIDER: "stripe",
    FANZ_PAYMENTS__STRIPE_SECRET_KEY: SECRET_KEY,
    FANZ_PAYMENTS__STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    FANZ_PAYMENTS__STRIPE_API_BASE: stripe.url,
    FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "1000000",
    FANZ_MEDIA__UPLOADS_PER_HOUR: "1000000",
    FANZ_MESSAGES__MASS_PER_DAY: "1000",
    FANZ_MESSAGES__MASS_BATCH: "25",
    FANZ_JOBS__WORKERS: "1",
    FANZ_JOBS__LOCK_SECONDS: "2",
    FANZ_JOBS__POLL_MS: "200",
    FANZ_SCHEDULER__TICK_MS: "200",
    FANZ_LIVE__RTMP_PORT: String(rtmpPort),
    FANZ_LIVE__RTMP_HOST: "127.0.0.1",
    // A stream cut by a kill is finished (its files removed) this long after, unless its publisher returns.
    FANZ_LIVE__RECONNECT_SECONDS: "2",
  };
  const result: CampaignResult = {
    engine: opts.engine,
    seed: opts.seed,
    kills: 0,
    killsSurvived: 0,
    writesAcknowledged: 0,
    acknowledgedByKind: {},
    writesChecked: 0,
    retriesChecked: 0,
    replaysChecked: 0,
    renewalsChecked: 0,
    lost: 0,
    doubled: 0,
    halfDone: 0,
    orphans: 0,
    crashLeftoversSwept: 0,
    doctorRuns: 0,
    doctorFailures: 0,
    unexpectedAnswers: 0,
    workloadsRun: { uploads: 0, purchases: 0, cardTopups: 0, massMessage: 0, renewalRun: 0, liveIngest: 0 },
    durationMs: 0,
    problems: [],
  };
  const problem = (kind: "lost" | "doubled" | "halfDone" | "orphans" | "doctorFailures", what: string) => {
    result[kind]++;
    if (result.problems.length < 100) result.problems.push(`kill ${result.kills}: ${kind}: ${what}`);
    log(`  ! ${kind}: ${what}`);
  };

  let app: AppProcess | null = null;
  let db: Db | null = null;
  const publishers: Publisher[] = [];
  try {
    const fixtures = await makeFixtures(work);
    const seeded = await seedSite(dataDir, database.env, n);
    db = await openDb(database.target);
    const raw = rawSql(db);
    app = await startApp({ dataDir, env });
    const star = await login(app.baseUrl, "star", seeded.starId);
    const fans = await Promise.all(seeded.buyerIds.map((id, i) => login(app!.baseUrl, `buyer${i + 1}`, id)));
    const key = await send(app, "GET", "/api/v1/live/key", { token: star.token });
    if (key.status !== 200) throw new Error(`live key: ${key.status} ${JSON.stringify(key.body)}`);
    const streamKey = key.body.streamKey as string;

    const rec: Recorded = emptyRecord();
    const tally: Tally = { unexpected: [] };
    /** Renewals each subscription should have had so far (one per time it was made due). */
    const renewalsDue = new Map<string, number>(seeded.subscriberIds.map((id) => [id, 0]));
    const subIdOf = new Map<string, string>();
    for (const row of (await raw
      .prepare("SELECT id, fan_id FROM subscriptions WHERE creator_id = ?")
      .all(seeded.starId)) as { id: string; fan_id: string }[])
      subIdOf.set(row.fan_id, row.id);

    const makeRenewalsDue = async () => {
      const at = Date.now() - 1000;
      await db!.write((tx) =>
        tx
          .update(subscriptions)
          .set({ currentPeriodEnd: at })
          .where(and(eq(subscriptions.creatorId, seeded.starId), eq(subscriptions.status, "active"))),
      );
      for (const [id, k] of renewalsDue) renewalsDue.set(id, k + 1);
    };

    for (let k = 1; k <= opts.kills; k++) {
      result.kills = k;
      const mark = Object.fromEntries(
        Object.entries(rec).map(([name, list]) => [name, list.length]),
      ) as Record<keyof Recorded, number>;
      let dead = false;
      const target = { baseUrl: app.baseUrl, dead: () => dead };
      const mix = (Object.keys(WORKLOADS) as WorkloadName[]).filter(
        (name) => rng.next() < (name === "liveIngest" ? 0.35 : 0.55),
      );
      if (mix.length === 0) mix.push(rng.pick(Object.keys(WORKLOADS) as WorkloadName[]));
      for (const name of mix) result.workloadsRun[name]++;
      const w: WorkloadEnv = {
        target,
        rng: workRng,
        rec,
        tally,
        star,
        fans,
        fixtures,
        stripe,
        makeRenewalsDue,
        rtmpUrl: `rtmp://127.0.0.1:${rtmpPort}/live`,
        streamKey,
        liveStreamIds: async () =>
          (
            (await raw.prepare("SELECT id FROM live_streams WHERE status = 'live'").all()) as { id: string }[]
          ).map((r) => r.id),
        publishers,
      };
      // Two clients at once for the quick request loops.
      const clients = mix.flatMap((name) =>
        name === "purchases" || name === "cardTopups" ? [name, name] : [name],
      );
      const running = clients.map((name) =>
        WORKLOADS[name](w).catch((err: unknown) => tally.unexpected.push(`${name} threw: ${String(err)}`)),
      );
      const killAfter = rng.int(50, 1500);
      await sleep(killAfter);
      app.child.kill("SIGKILL");
      await app.exited;
      dead = true;
      await Promise.race([Promise.all(running), sleep(30_000)]);
      for (const p of publishers.splice(0)) await p.stop();

      // While the server is down: what the kill left on disk, aged past the sweep's grace periods (as if
      // the restart came later), so the restarted site's own sweep must remove every bit of it.
      const left = await leftovers(dataDir, raw);
      const hourAgo = new Date(Date.now() - 3600_000);
      const daysAgo = new Date(Date.now() - 3 * 86_400_000);
      for (const d of left.dirs) utimesSync(d, hourAgo, hourAgo);
      for (const f of left.tmp) utimesSync(f, daysAgo, daysAgo);
      const leftCount = left.dirs.length + left.tmp.length;
      result.crashLeftoversSwept += leftCount;

      const t0 = Date.now();
      try {
        app = await startApp({ dataDir, env });
      } catch (err) {
        // The site did not come back: the campaign ends here, and says so.
        result.problems.push(`kill ${k}: the server did not restart: ${String(err).slice(0, 2000)}`);
        log(`  ! the server did not restart after kill ${k}`);
        break;
      }
      result.killsSurvived++;
      const t1 = Date.now();
      await retryUnacknowledged(app, rec, mark, star, stripe, raw, result, problem);
      const settled = await settle(raw, seeded.starId, dataDir);
      for (const s of settled.failed) problem("halfDone", s);
      const t2 = Date.now();
      await checkAcknowledged(rec, mark, raw, dataDir, result, problem);
      result.renewalsChecked = await checkRenewals(raw, subIdOf, renewalsDue, problem);
      await checkFiles(raw, dataDir, problem);
      const t3 = Date.now();
      const doc = await fanzctl(["doctor", "--data-dir", dataDir], env);
      result.doctorRuns++;
      for (const title of ["Ledger balanced", "Fan wallets", "Media files", "Background jobs"]) {
        const line = doc.stdout.split("\n").find((l) => l.includes(`${title}:`)) ?? "(missing)";
        if (!line.startsWith("[pass]")) problem("doctorFailures", `doctor: ${line}`);
      }
      if (doc.status !== 0)
        problem("doctorFailures", `doctor exited ${doc.status}: ${doc.stdout.slice(-400)}`);
      log(
        `kill ${k}/${opts.kills} after ${killAfter} ms [${mix.join(",")}]: acked so far ${acknowledged(rec)}, ` +
          `left on disk ${leftCount}, problems ${result.problems.length} ` +
          `(restart ${t1 - t0} ms, settle ${t2 - t1} ms ${settled.waitedFor}, checks ${t3 - t2} ms, doctor ${Date.now() - t3} ms)`,
      );
    }

    // A last pass over every acknowledged write of the whole campaign (none may have gone since).
    const none = Object.fromEntries(Object.keys(rec).map((name) => [name, 0])) as Record<
      keyof Recorded,
      number
    >;
    const before = result.writesChecked;
    await checkAcknowledged(rec, none, raw, dataDir, result, problem);
    result.writesChecked = before;
    result.writesAcknowledged = acknowledged(rec);
    result.acknowledgedByKind = acknowledgedByKind(rec);
    result.unexpectedAnswers = tally.unexpected.length;
    for (const u of tally.unexpected.slice(0, 10)) log(`  unexpected answer: ${u}`);
  } finally {
    for (const p of publishers) await p.stop();
    if (app) await app.stop("SIGTERM");
    await db?.close();
    await stripe.close();
    if (ownDatabase) await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
  result.durationMs = Date.now() - started;
  return result;
}
