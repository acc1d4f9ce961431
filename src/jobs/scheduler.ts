// Periodic work (publishing scheduled posts, expiring subscriptions, cleaning sessions). Each tick runs
// the tasks one after another, never overlapping itself; every task is idempotent so a crash mid-tick
// or a second node running the same tick changes nothing twice. With a lease, only the node holding it
// runs the tick (the others wait to take over if it lapses).
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import type { Lease } from "./lease.ts";

export interface ScheduledTask {
  name: string;
  /** Run at most this often (ms); default every tick. */
  everyMs?: number;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  /** Runs every task once now (tests and start-up). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(
  tasks: ScheduledTask[],
  tickMs: number,
  logger: Logger,
  clock: Clock,
  lease?: Lease,
): Scheduler {
  const lastRun = new Map<string, number>();
  let running: Promise<void> | null = null;
  let stopped = false;

  async function tick(force: boolean): Promise<void> {
    if (lease) {
      try {
        if (!(await lease.hold())) return;
      } catch (err) {
        logger.error("scheduler lease failed", { err: String(err) });
        return;
      }
    }
    for (const task of tasks) {
      if (stopped) return;
      const now = clock.now();
      if (!force && task.everyMs && now - (lastRun.get(task.name) ?? 0) < task.everyMs) continue;
      lastRun.set(task.name, now);
      try {
        await task.run();
      } catch (err) {
        logger.error("scheduled task failed", { task: task.name, err: String(err) });
      }
    }
  }

  const runTick = (force: boolean) => {
    if (running) return running;
    running = tick(force).finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => void runTick(false), tickMs);
  timer.unref();

  return {
    runOnce: () => runTick(true),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await lease
        ?.release()
        .catch((err: unknown) => logger.warn("lease release failed", { err: String(err) }));
    },
  };
}
