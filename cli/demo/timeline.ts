// The seed's own time: it starts weeks ago and moves forward through the demo's events, so everything the
// services stamp (posts, sales, renewals, releases of held earnings, notifications) gets a realistic past
// time. Between events the server's scheduled steps run, as the server would have run them.
import type { AppContext } from "../../src/context.ts";
import type { Services } from "../../src/services.ts";
import { HOUR, type Clock } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";

export class SeedClock implements Clock {
  private live = false;
  constructor(private t: number) {}
  now(): number {
    return this.live ? Date.now() : this.t;
  }
  /** Moves forward to `t` (whole milliseconds, as stored): never back, and never past the real now. */
  moveTo(t: number): void {
    if (!this.live) this.t = Math.max(this.t, Math.min(Math.round(t), Date.now()));
  }
  /** From here on the clock is the real one (media processing, the last scheduler run). */
  goLive(): void {
    this.live = true;
  }
}

interface Event {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

export function createTimeline(ctx: AppContext, services: Services, clock: SeedClock) {
  const queue: Event[] = [];
  let seq = 0;
  let lastTick = -Infinity;
  // The hourly housekeeping steps (sessions, stale uploads) have nothing to do on a fresh demo.
  const tasks = schedulerTasks(ctx, services).filter((t) => !("everyMs" in t));

  async function tick(): Promise<void> {
    for (const t of tasks) await t.run();
    lastTick = clock.now();
  }

  return {
    tick,

    /** Runs `run` at time `at` (events at the same time keep their order). */
    at(at: number, run: () => Promise<void>): void {
      const e = { at, seq: seq++, run };
      // Later events are pushed most often, so searching from the end is cheap.
      let i = queue.length;
      while (i > 0 && (queue[i - 1]!.at > at || (queue[i - 1]!.at === at && queue[i - 1]!.seq > e.seq))) i--;
      queue.splice(i, 0, e);
    },

    /** Plays every event in time order; the scheduler runs at most once per simulated hour, before an event. */
    async play(): Promise<number> {
      let played = 0;
      for (let e = queue.shift(); e; e = queue.shift()) {
        clock.moveTo(e.at);
        if (clock.now() - lastTick >= HOUR) await tick();
        await e.run();
        played++;
      }
      return played;
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;
