import { describe, expect, it } from "vitest";
import { createWorkerPool } from "./pool.ts";

describe("worker pool check", () => {
  it("answers ok when a thread starts, and names the error when it cannot", async () => {
    const pool = createWorkerPool(1);
    const broken = createWorkerPool(1, {
      workerFile: new URL("./no-such-worker.mjs", import.meta.url).href,
      checkTimeoutMs: 1500,
    });
    try {
      expect(await pool.check()).toEqual({ ok: true });
      const r = await broken.check();
      expect(r.ok).toBe(false);
      expect(r.ok === false && r.error).toMatch(/could not start: Cannot find module .*no-such-worker/);
    } finally {
      await pool.destroy();
      await broken.destroy();
    }
  });
});
