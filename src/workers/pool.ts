// The worker-thread pool (piscina) for CPU-heavy, pure work: image variants now, video later. Workers
// read input files and write output files; they never touch the DB. Threads start on first use, so CLI
// commands that build the app never spawn them.
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isSingleExecutable, runtimeRoot } from "../lib/runtime.ts";
import { Piscina } from "piscina";
import type { TransferListItem } from "node:worker_threads";
import type { WorkerResult, WorkerTask } from "./tasks.ts";

export interface WorkerPool {
  size: number;
  /** `transfer`: objects moved to the worker (a MessagePort for progress). */
  run<T extends WorkerTask>(task: T, transfer?: TransferListItem[]): Promise<WorkerResult<T>>;
  destroy(): Promise<void>;
}

/**
 * In development tsx is registered programmatically in the main thread (cli/bin.mjs), which worker
 * threads do not inherit, so the pool starts a small .mjs bootstrap that registers tsx and imports the
 * real worker. The single executable ships the worker pre-bundled as worker.cjs.
 */
const WORKER_FILE = isSingleExecutable
  ? pathToFileURL(join(runtimeRoot, "worker.cjs")).href
  : new URL("./worker.mjs", import.meta.url).href;

export function createWorkerPool(configured: number): WorkerPool {
  const size = configured > 0 ? configured : availableParallelism();
  let pool: Piscina | null = null;
  return {
    size,
    run<T extends WorkerTask>(task: T, transfer?: TransferListItem[]) {
      pool ??= new Piscina({ filename: WORKER_FILE, minThreads: 0, maxThreads: size, idleTimeout: 30_000 });
      return pool.run(task, transfer ? { transferList: transfer } : {}) as Promise<WorkerResult<T>>;
    },
    async destroy() {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}
