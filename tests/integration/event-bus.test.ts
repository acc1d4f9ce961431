// The domain event bus on the test engine (SQLite, or PostgreSQL in the postgres project).
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { exec, rows } from "../../src/db/query.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { createEventBus, MAX_ATTEMPTS } from "../../src/events/bus.ts";
import type { DomainEvent } from "../../src/events/types.ts";
import { openTestDb } from "../helpers/engine.ts";

const clock = { now: () => 1_000 };
// Failing handlers are logged at error level; the tests that make them fail check the effect instead.
const logger = { ...createLogger("error"), error: () => undefined };
const tip = (n: number) => ({
  txnId: `t${n}`,
  kind: "tip" as const,
  payerId: "fan",
  creatorId: "creator",
  amountCents: n,
  currency: "USD",
  postId: null,
  messageId: null,
  liveStreamId: null,
  subscriptionId: null,
  message: null,
});

describe("event bus", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await openTestDb("events"));
    await db.write((tx) => exec(tx, sql`CREATE TABLE seen (n INTEGER PRIMARY KEY, amount INTEGER NOT NULL)`));
  });
  afterEach(() => close());
  let n = 0;
  const see = (tx: Parameters<Parameters<Db["write"]>[0]>[0], amount: number) =>
    exec(tx, sql`INSERT INTO seen (n, amount) VALUES (${++n}, ${amount})`);
  const seen = async () =>
    (await rows<{ amount: number }>(db.read, sql`SELECT amount FROM seen ORDER BY n`)).map((r) =>
      Number(r.amount),
    );

  it("lets a background write resolve before its reactions, which still happen once", async () => {
    const bus = createEventBus({ db, clock, logger });
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    bus.consume("slow", {
      "payment.completed": async (tx, p) => {
        await gate;
        await see(tx, p.amountCents);
      },
    });
    await db.write(async (tx) => {
      bus.dontWaitForReactions(tx);
      await bus.publish(tx, "payment.completed", tip(7));
    });
    expect(await seen()).toEqual([]); // resolved while the reaction waits
    release();
    for (let i = 0; i < 100 && (await seen()).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await seen()).toEqual([7]);
  });

  it("delivers after COMMIT, before the publishing write resolves, and never after a rollback", async () => {
    const bus = createEventBus({ db, clock, logger });
    const during: number[][] = [];
    bus.consume("test", {
      "payment.completed": (tx, p) => see(tx, p.amountCents),
    });
    await db.write(async (tx) => {
      await bus.publish(tx, "payment.completed", tip(1));
      during.push(await seen()); // the reader must not see the reaction before the commit
    });
    expect(during).toEqual([[]]);
    expect(await seen()).toEqual([1]); // already there when the write's promise resolved
    await expect(
      db.write(async (tx) => {
        await bus.publish(tx, "payment.completed", tip(2));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await bus.deliver();
    expect(await seen()).toEqual([1]);
  });

  it("catches up after a crash between COMMIT and delivery, exactly once", async () => {
    const first = createEventBus({ db, clock, logger });
    // No consumer in this process: as if it died right after committing.
    await db.write(async (tx) => {
      await first.publish(tx, "payment.completed", tip(3));
      await first.publish(tx, "payment.completed", tip(4));
    });
    const restarted = createEventBus({ db, clock, logger });
    restarted.consume("test", { "payment.completed": (tx, p) => see(tx, p.amountCents) });
    await restarted.deliver();
    await restarted.deliver();
    expect(await seen()).toEqual([3, 4]);
  });

  it("retries a failing handler, then skips the event, without losing the ones after it", async () => {
    const bus = createEventBus({ db, clock, logger });
    let calls = 0;
    bus.consume("test", {
      "payment.completed": async (tx, p) => {
        await see(tx, p.amountCents);
        if (p.amountCents === 5) {
          calls++;
          throw new Error("boom"); // its insert above is rolled back with it
        }
      },
    });
    await db.write((tx) => bus.publish(tx, "payment.completed", tip(5)));
    expect(calls).toBe(1);
    await db.write((tx) => bus.publish(tx, "payment.completed", tip(6)));
    expect(await seen()).toEqual([]); // blocked behind the failing event
    for (let i = 0; i < MAX_ATTEMPTS; i++) await bus.deliver();
    expect(calls).toBe(MAX_ATTEMPTS);
    expect(await seen()).toEqual([6]);
  });

  it("parallel publishers: every event handled once, in order", async () => {
    const bus = createEventBus({ db, clock, logger });
    // Recorded in the database: on PostgreSQL a delivery pass may run again after a serialization failure.
    bus.consume("test", { "payment.completed": (tx, _p, e) => see(tx, e.seq) });
    const local: DomainEvent[] = [];
    bus.onCommitted((events) => local.push(...events));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.write((tx) => bus.publish(tx, "payment.completed", tip(i)))),
    );
    // Handled in the order of their seqs (the order their writes committed in), each once.
    const seqs = local.map((e) => e.seq).sort((a, b) => a - b);
    expect(local).toHaveLength(50);
    expect(new Set(seqs).size).toBe(50);
    expect(await seen()).toEqual(seqs);
  });

  it("an event a handler publishes is delivered in the same run, without the run waiting for itself", async () => {
    const bus = createEventBus({ db, clock, logger });
    bus.consume("first", {
      "payment.completed": (tx, p) =>
        bus.publish(tx, "post.published", { postId: `p${p.amountCents}`, creatorId: "creator" }),
    });
    bus.consume("second", {
      "post.published": (tx, p) => see(tx, Number(p.postId.slice(1))),
    });
    await db.write((tx) => bus.publish(tx, "payment.completed", tip(7)));
    await bus.deliver();
    expect(await seen()).toEqual([7]);
  });

  it("under a steady stream of writes, each write waits only for its own events", async () => {
    const bus = createEventBus({ db, clock, logger });
    bus.consume("test", { "payment.completed": () => undefined });
    let stop = false;
    const stream = (async () => {
      for (let i = 0; i < 2000 && !stop; i++)
        await db.write((tx) => bus.publish(tx, "payment.completed", tip(i)));
    })();
    const started = Date.now();
    await db.write((tx) => bus.publish(tx, "payment.completed", tip(-1)));
    const waited = Date.now() - started;
    stop = true;
    await stream;
    expect(waited).toBeLessThan(1000);
  });

  it("prunes only what every consumer handled", async () => {
    const bus = createEventBus({ db, clock, logger });
    bus.consume("quiet", { "post.published": () => undefined });
    await db.write((tx) => bus.publish(tx, "payment.completed", tip(1)));
    await bus.deliver();
    clock.now = () => 10_000;
    expect(await bus.prune(1_000)).toBe(1);
    clock.now = () => 1_000;
  });
});
