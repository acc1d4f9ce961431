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
  /** Whether a worker thread starts and answers; a success is remembered for a minute. */
  check(): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Tasks running now (at most `size`) and tasks waiting for a thread. */
  stats(): { size: number; busy: number; queued: number };
  destroy(): Promise<void>;
}

const CHECK_VALID_MS = 60_000;

/**
 * In development tsx is registered programmatically in the main thread (cli/bin.mjs), which worker
 * threads do not inherit, so the pool starts a small .mjs bootstrap that registers tsx and imports the
 * real worker. The single executable ships the worker pre-bundled as worker.cjs.
 */
const WORKER_FILE = isSingleExecutable
  ? pathToFileURL(join(runtimeRoot, "worker.cjs")).href
  : new URL("./worker.mjs", import.meta.url).href;

/** The options are for tests that need a pool whose worker cannot start. */
export function createWorkerPool(
  configured: number,
  { workerFile = WORKER_FILE, checkTimeoutMs = 10_000 } = {},
): WorkerPool {
  const size = configured > 0 ? configured : availableParallelism();
  let pool: Piscina | null = null;
  let checkedAt = -Infinity;
  /** A worker that fails to start is reported by the pool as an event, not through the task. */
  let startError: Error | null = null;
  let inFlight = 0;
  const run = <T extends WorkerTask>(
    task: T,
    opts: { transferList?: TransferListItem[]; signal?: AbortSignal } = {},
  ) => {
    if (!pool) {
      pool = new Piscina({ filename: workerFile, minThreads: 0, maxThreads: size, idleTimeout: 30_000 });
      pool.on("error", (err: Error) => (startError = err));
    }
    inFlight++;
    return (pool.run(task, opts) as Promise<WorkerResult<T>>).finally(() => inFlight--);
  };
  return {
    size,
    run: (task, transfer) => run(task, transfer ? { transferList: transfer } : {}),
    async check() {
      if (performance.now() - checkedAt < CHECK_VALID_MS) return { ok: true };
      try {
        await run({ kind: "ping" }, { signal: AbortSignal.timeout(checkTimeoutMs) });
        checkedAt = performance.now();
        return { ok: true };
      } catch (err) {
        const timedOut = (err as Error).name === "AbortError" || /aborted/i.test((err as Error).message);
        const error = startError
          ? `a worker thread could not start: ${startError.message}`
          : timedOut
            ? `no worker thread answered within ${checkTimeoutMs} ms`
            : (err as Error).message;
        return { ok: false, error };
      }
    },
    stats: () => ({ size, busy: Math.min(inFlight, size), queued: Math.max(0, inFlight - size) }),
    async destroy() {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}
