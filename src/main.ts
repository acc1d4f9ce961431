// Composition root: config -> db -> migrate -> platform (ctx) -> services (services.ts) -> http,
// scheduler, jobs; graceful shutdown.
import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import type { Config } from "./config/schema.ts";
import { ConfigError, publicUrl } from "./config/load.ts";
import type { AppContext } from "./context.ts";
import { dbTarget, openDb } from "./db/client.ts";
import { migrateDb } from "./db/migrate.ts";
import { createApp } from "./http/app.ts";
import { attachRealtime } from "./http/ws.ts";
import { startLiveNode, type LiveNode } from "./modules/live/node.ts";
import { createLease } from "./jobs/lease.ts";
import { startScheduler, type Scheduler } from "./jobs/scheduler.ts";
import { loadWebAssets, type Asset } from "./lib/assets.ts";
import { createCacheHub } from "./lib/cache.ts";
import { createSignalHub } from "./lib/signals.ts";
import { createEventBus } from "./events/bus.ts";
import { startRelay } from "./events/relay.ts";
import { DAY, HOUR, MINUTE, systemClock, type Clock } from "./lib/clock.ts";
import { createLogger, type Logger } from "./lib/logger.ts";
import { createMetrics } from "./lib/metrics.ts";
import { dataPaths } from "./lib/paths.ts";
import { createStorage } from "./lib/storage/index.ts";
import { createSealer, loadSecretKey } from "./lib/sealed.ts";
import { createGeoLookup } from "./lib/geo.ts";
import { createServices, jobHandlers, type Services } from "./services.ts";
import { createWorkerPool } from "./workers/pool.ts";

export interface BuildOptions {
  clock?: Clock;
  logger?: Logger;
  web?: Map<string, Asset> | null;
}

/** Everything but the listening socket: used by `serve`, by CLI commands and by integration tests. */
export async function buildApp(config: Config, opts: BuildOptions = {}) {
  const paths = dataPaths(config.data.dir);
  mkdirSync(paths.root, { recursive: true, mode: 0o750 });
  mkdirSync(paths.tmp, { recursive: true });
  mkdirSync(paths.media, { recursive: true });
  const db = await openDb(dbTarget(config, paths));
  let applied: string[];
  try {
    applied = await migrateDb(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const logger = opts.logger ?? createLogger(config.log.level);
  const clock = opts.clock ?? systemClock;
  const ctx: AppContext = {
    config,
    nodeId: `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
    db,
    clock,
    logger,
    paths,
    storage: await createStorage(config.storage, paths, logger),
    sealer: createSealer(loadSecretKey(config.security.secret_key, paths.secretKey)),
    events: createEventBus({ db, clock, logger }),
    workers: createWorkerPool(config.jobs.workers),
    geo: createGeoLookup(config.geo, logger),
    caches: createCacheHub(),
    metrics: createMetrics({ enabled: config.metrics.enabled }),
    signals: createSignalHub((topic, err) =>
      logger.error("signal handler failed", { topic, err: String(err) }),
    ),
  };
  const services = createServices(ctx);
  // After the services: their caches are registered with the hub the relay connects.
  startRelay(ctx);
  const app = createApp(ctx, services, opts.web === undefined ? loadWebAssets() : opts.web);
  return { ctx, services, app, applied };
}

/** How long delivered events stay in the outbox (replay for reconnecting clients and other nodes). */
const EVENT_RETENTION_MS = 7 * DAY;

export function schedulerTasks(ctx: AppContext, s: Services) {
  return [
    // Events whose delivery failed (or that a crash left undelivered) are retried every tick.
    { name: "deliver-events", run: () => ctx.events.deliver() },
    { name: "publish-scheduled-posts", run: () => s.posts.publishDue() },
    // Live streams whose ingest node stopped reporting (it died) are ended, their recording queued.
    { name: "live-stale", run: () => s.live.endStale() },
    { name: "subscription-renewals-and-expiry", run: () => s.subscriptions.processDue() },
    { name: "release-held-earnings", run: () => s.payments.releaseDue() },
    { name: "expired-sessions", everyMs: HOUR, run: () => s.auth.removeExpiredSessions() },
    { name: "expired-sso-flows", everyMs: HOUR, run: () => s.sso.removeExpiredFlows() },
    { name: "expired-rate-limits", everyMs: HOUR, run: () => s.rateLimit.pruneExpired() },
    { name: "stale-uploads", everyMs: HOUR, run: () => s.media.cleanStaleUploads() },
    { name: "orphan-media", everyMs: 15 * MINUTE, run: () => s.media.removeOrphanDirs() },
    { name: "old-events", everyMs: HOUR, run: () => ctx.events.prune(EVENT_RETENTION_MS) },
    { name: "old-realtime-events", everyMs: HOUR, run: () => s.realtime.prune() },
    // Mails and pushes: due ones (delayed message mails, retries after backoff, rows a dead node held).
    { name: "notification-outbox", run: () => s.notifications.outbox.runDue() },
    { name: "old-notification-outbox", everyMs: HOUR, run: () => s.notifications.outbox.prune() },
    // KYC and 2257 records whose retention after a closed account ran out, and partial document uploads.
    { name: "compliance-retention", everyMs: HOUR, run: () => s.compliance.purgeExpired() },
    // Data exports past their download time lose their file.
    { name: "expired-exports", everyMs: HOUR, run: () => s.privacy.expireExports() },
  ];
}

/** Starts running queued jobs on the worker pool; the returned stop lets in-flight jobs finish (up to graceMs). */
export function startJobs(ctx: AppContext, s: Services) {
  s.jobs.start(jobHandlers(s), ctx.workers.size);
  return async (graceMs: number) => {
    await s.jobs.stop(graceMs);
    await ctx.workers.destroy();
  };
}

export interface RunningServer {
  ctx: AppContext;
  services: Services;
  url: string;
  port: number;
  setupToken: string | null;
  scheduler: Scheduler;
  live: LiveNode;
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: BuildOptions = {}): Promise<RunningServer> {
  const { ctx, services, app, applied } = await buildApp(config, opts);
  const log = ctx.logger;
  // A misconfigured payment provider (e.g. Stripe without keys) stops start-up, not the first payment.
  try {
    services.payments.provider();
  } catch (err) {
    await ctx.db.close();
    throw new ConfigError([`payments: ${(err as Error).message}`]);
  }
  if (applied.length > 0) log.info("migrations applied", { applied });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.server.port, hostname: config.server.host }, () =>
      resolve(s as Server),
    ) as Server;
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const sockets = attachRealtime(server, ctx, services);
  const live = await startLiveNode(ctx, services.live);
  const url = config.server.public_url ? publicUrl(config) : `http://localhost:${port}`;

  const setupToken = await services.setup.issueTokenIfNeeded();
  // On a multi-node (PostgreSQL) site one node at a time runs the tick; the lease outlives a few missed
  // ticks before another takes over. A SQLite site has one node, which must not wait after a crash for
  // the lease its previous run left behind.
  const lease =
    ctx.db.dialect === "postgres"
      ? createLease(ctx, "scheduler", Math.max(10_000, 5 * config.scheduler.tick_ms))
      : undefined;
  const scheduler = startScheduler(
    schedulerTasks(ctx, services),
    config.scheduler.tick_ms,
    log,
    ctx.clock,
    lease,
  );
  await scheduler.runOnce();
  const stopJobs = startJobs(ctx, services);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      log.info("shutting down");
      await sockets.close();
      // Publishers are cut and their streams ended (written before the database closes).
      await live.close();
      const drained = new Promise<void>((ok) => server.close(() => ok()));
      // Keep-alive connections become idle as their last request finishes: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.closeIdleConnections();
      const grace = setTimeout(
        () => server.closeAllConnections(),
        config.server.shutdown_grace_seconds * 1000,
      );
      await drained;
      clearInterval(sweep);
      clearTimeout(grace);
      await scheduler.stop();
      await services.notifications.outbox.stop();
      // Jobs still running after the grace period are left to their lapsing lock and retried on restart.
      await stopJobs(config.server.shutdown_grace_seconds * 1000);
      ctx.geo.close();
      await ctx.db.close();
      log.info("stopped");
      await log.flush();
    })());

  return { ctx, services, url, port, setupToken, scheduler, live, close };
}
