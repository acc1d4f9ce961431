// The persistent job queue: retries with exponential backoff, failure after the last attempt with the
// error kept, and permanent failures that skip retrying.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PermanentJobError } from "../../src/jobs/registry.ts";
import { startTestApp, TestClock, type TestApp } from "../helpers/api.ts";

describe("job queue", () => {
  let app: TestApp;
  const clock = new TestClock();
  const failedWith: string[] = [];
  const doneWith: unknown[] = [];
  let flakyRuns = 0;

  beforeAll(async () => {
    app = await startTestApp({
      clock,
      env: { FANZ_JOBS__POLL_MS: "50", FANZ_JOBS__BACKOFF_SECONDS: "10", FANZ_JOBS__MAX_ATTEMPTS: "3" },
    });
    app.services.jobs.start(
      {
        flaky: {
          run: async () => {
            flakyRuns++;
            if (flakyRuns < 3) throw new Error(`boom ${flakyRuns}`);
            return { ok: flakyRuns };
          },
          onDone: async (_tx, _p, result) => void doneWith.push(result),
        },
        broken: {
          run: async () => {
            throw new Error("always broken");
          },
          onFailed: async (_tx, _p, reason) => void failedWith.push(reason),
        },
        corrupt: {
          run: async () => {
            throw new PermanentJobError("the file is damaged");
          },
          onFailed: async (_tx, _p, reason) => void failedWith.push(reason),
        },
      },
      2,
    );
  });
  afterAll(async () => {
    await app.services.jobs.stop(1000);
    await app.close();
  });

  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > deadline) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const enqueue = (name: string) => app.ctx.db.write((tx) => app.services.jobs.enqueue(tx, name, { n: 1 }));
  const job = async (id: string) => (await app.services.jobs.get(id))!;

  it("retries with exponential backoff, then succeeds", async () => {
    const t0 = clock.now();
    const id = await enqueue("flaky");
    let j = await until(
      () => job(id),
      (v) => v.attempts === 1 && v.status === "queued",
    );
    expect(j).toMatchObject({ status: "queued", lastError: "boom 1", runAt: t0 + 10_000 });
    clock.advance(10_000);
    j = await until(
      () => job(id),
      (v) => v.attempts === 2 && v.status === "queued",
    );
    expect(j).toMatchObject({ lastError: "boom 2", runAt: t0 + 10_000 + 20_000 });
    clock.advance(15_000);
    await new Promise((r) => setTimeout(r, 200));
    expect((await job(id)).status).toBe("queued"); // not due yet
    clock.advance(5_000);
    j = await until(
      () => job(id),
      (v) => v.status === "done",
    );
    expect(j).toMatchObject({ status: "done", attempts: 3, result: { ok: 3 }, progress: 100 });
    expect(doneWith).toEqual([{ ok: 3 }]);
  });

  it("fails after max attempts with the last error kept; permanent errors fail at once", async () => {
    const id = await enqueue("broken");
    for (let i = 0; i < 3; i++) {
      await until(
        () => job(id),
        (v) => v.attempts === i + 1 && v.status !== "running",
      );
      clock.advance(60_000);
    }
    const j = await until(
      () => job(id),
      (v) => v.status === "failed",
    );
    expect(j).toMatchObject({ status: "failed", attempts: 3, lastError: "always broken" });

    const c = await enqueue("corrupt");
    expect(
      await until(
        () => job(c),
        (v) => v.status === "failed",
      ),
    ).toMatchObject({ status: "failed", attempts: 1, lastError: "the file is damaged" });
    expect(failedWith).toEqual(["always broken", "the file is damaged"]);

    const listed = (await app.services.jobs.list("failed", null, 10)).items.map((x) => x.id);
    expect(listed).toEqual([c, id]);
  });
});
