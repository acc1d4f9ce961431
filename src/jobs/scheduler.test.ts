import { describe, expect, it } from "vitest";
import { HOUR } from "../lib/clock.ts";
import { createLogger } from "../lib/logger.ts";
import { startScheduler } from "./scheduler.ts";

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("scheduler", () => {
  it("spaces tasks by the injected clock, not the wall clock", async () => {
    let t = Date.now();
    const clock = { now: () => t };
    const runs: string[] = [];
    const scheduler = startScheduler(
      [
        { name: "hourly", everyMs: HOUR, run: async () => void runs.push("hourly") },
        { name: "every-tick", run: async () => void runs.push("tick") },
      ],
      20,
      createLogger("error"),
      clock,
    );
    try {
      await scheduler.runOnce();
      await sleep(100);
      expect(runs.filter((r) => r === "hourly")).toHaveLength(1);
      expect(runs.filter((r) => r === "tick").length).toBeGreaterThan(1);
      t += HOUR; // an hour passes for the clock the services use, instantly for the wall clock
      await sleep(100);
      expect(runs.filter((r) => r === "hourly")).toHaveLength(2);
    } finally {
      await scheduler.stop();
    }
  });
});
