// The platform every service is built on (configuration, database, clock, logs, files, media storage,
// the event bus, the worker pool), created once in main.ts. Services get each other as explicit constructor
// arguments (src/services.ts), never through this.
import type { Config } from "./config/schema.ts";
import type { Db } from "./db/client.ts";
import type { CacheHub } from "./lib/cache.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import type { Metrics } from "./lib/metrics.ts";
import type { Sealer } from "./lib/sealed.ts";
import type { SignalHub } from "./lib/signals.ts";
import type { DataPaths } from "./lib/paths.ts";
import type { MediaStorage } from "./lib/storage/index.ts";
import type { EventBus } from "./events/bus.ts";
import type { GeoLookup } from "./lib/geo.ts";
import type { WorkerPool } from "./workers/pool.ts";

export interface AppContext {
  config: Config;
  /** This process among the site's nodes (leases, the cross-node relay): host, pid and a random part. */
  nodeId: string;
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  /** Where media files live (local disk or an S3 bucket): the only way to their bytes. */
  storage: MediaStorage;
  /** Encrypts sensitive details at rest with the site's secret key. */
  sealer: Sealer;
  /** Domain events: published inside a write, delivered after COMMIT. */
  events: EventBus;
  /** The caches of this node, by name, so that writes on other nodes make them forget (events/relay.ts). */
  caches: CacheHub;
  /** Notices for the other nodes that need no durability (real-time seqs, typing): events/relay.ts. */
  signals: SignalHub;
  /** The country a request comes from ([geo]: a MaxMind database or a trusted proxy's header). */
  geo: GeoLookup;
  /** Worker threads for pure, CPU-heavy work (started lazily). */
  workers: WorkerPool;
  /** This process's figures for Prometheus (GET /metrics). */
  metrics: Metrics;
}
