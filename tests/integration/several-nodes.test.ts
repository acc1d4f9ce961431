// Several app nodes on one PostgreSQL database (the postgres project only: SQLite is the one-node
// engine, its synchronous driver cannot share a file between two apps in one process): the scheduler's lease has one holder at a time and passes on
// when it lapses or is released; queued jobs are claimed by exactly one node each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { createLease } from "../../src/jobs/lease.ts";
import { buildApp } from "../../src/main.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { startTestApp, TestClock, type TestApp } from "../helpers/api.ts";

describe("several nodes on one database", () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof buildApp>>;
  const clock = new TestClock();

  beforeAll(async () => {
    a = await startTestApp({ clock, env: { FANZ_JOBS__POLL_MS: "50" } });
    const { config } = loadConfig({
      file: "/dev/null",
      env: { ...a.dbEnv, FANZ_DATA_DIR: a.dir, FANZ_JOBS__POLL_MS: "50" },
    });
    b = await buildApp(config, { web: null, logger: createLogger("error"), clock });
  });
  afterAll(async () => {
    await b.services.jobs.stop(1000);
    await b.ctx.db.close();
    await a.services.jobs.stop(1000);
    await a.close();
  });

  it("one scheduler lease holder at a time; it passes on when the holder lapses or lets go", async () => {
    const onA = createLease(a.ctx, "test-lease", 10_000);
    const onB = createLease(b.ctx, "test-lease", 10_000);
    expect(a.ctx.nodeId).not.toBe(b.ctx.nodeId);
    const both = await Promise.all([onA.hold(), onB.hold()]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const [first, second] = both[0] ? [onA, onB] : [onB, onA];
    expect(await first.hold()).toBe(true); // renewing
    expect(await second.hold()).toBe(false);
    clock.advance(10_001); // the holder stopped renewing
    expect(await second.hold()).toBe(true);
    expect(await first.hold()).toBe(false);
    await second.release();
    expect(await first.hold()).toBe(true);
    await first.release();
  });

  it("every queued job runs exactly once across both nodes", async () => {
    const ran: { job: string; node: string }[] = [];
    const handler = (node: string) => ({
      "test.count": {
        run: async (payload: unknown) => {
          await new Promise((r) => setTimeout(r, 5));
          ran.push({ job: (payload as { n: string }).n, node });
          return null;
        },
      },
    });
    const N = 40;
    await a.ctx.db.write(async (tx) => {
      for (let i = 0; i < N; i++) await a.services.jobs.enqueue(tx, "test.count", { n: String(i) });
    });
    a.services.jobs.start(handler("a"), 3);
    b.services.jobs.start(handler("b"), 3);
    const deadline = Date.now() + 20_000;
    while (ran.length < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // a duplicate run would show up by now
    expect(ran.map((r) => r.job).sort((x, y) => Number(x) - Number(y))).toEqual(
      Array.from({ length: N }, (_, i) => String(i)),
    );
    // Both nodes took part (claims skip what the other holds instead of waiting for it).
    expect(new Set(ran.map((r) => r.node)).size).toBe(2);
    const counts = await a.services.jobs.counts();
    expect(counts.done).toBe(N);
  });
});
