// What every service is built from: explicit dependencies, created once in main.ts (no global singletons).
// `services` is filled by createServices; services reach each other through it at call time only.
import type { Config } from "./config/schema.ts";
import type { Db } from "./db/client.ts";
import type { Clock } from "./lib/clock.ts";
import type { Logger } from "./lib/logger.ts";
import type { Sealer } from "./lib/sealed.ts";
import type { DataPaths } from "./lib/paths.ts";
import type { Services } from "./services.ts";
import type { WorkerPool } from "./workers/pool.ts";

export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  /** Encrypts sensitive details at rest with the site's secret key. */
  sealer: Sealer;
  services: Services;
  /** Worker threads for pure, CPU-heavy work (started lazily). */
  workers: WorkerPool;
}
