// db.write is the one way to write: parallel read-modify-write transactions all count (SQLite runs them
// one at a time; PostgreSQL runs them SERIALIZABLE and retries the ones it aborts), a failed transaction
// leaves nothing behind, and readers see only committed data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { rateLimits } from "../../src/db/schema.ts";
import { firstRow } from "../../src/db/query.ts";
import { startTestApp, type TestApp } from "../helpers/api.ts";
import { testEngine } from "../helpers/engine.ts";

describe("db.write", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ setup: false });
  });
  afterAll(() => app.close());

  const read = (key: string) =>
    app.ctx.db.read.select().from(rateLimits).where(eq(rateLimits.key, key)).then(firstRow);

  it("counts every one of 50 parallel read-modify-write transactions that yield mid-way", async () => {
    const { db } = app.ctx;
    await db.write(async (tx) => {
      await tx.insert(rateLimits).values({ key: "counter", windowStart: 0, count: 0 });
    });
    const log: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.write(async (tx) => {
          log.push(`begin ${i}`);
          const row = (await tx
            .select()
            .from(rateLimits)
            .where(eq(rateLimits.key, "counter"))
            .then(firstRow))!;
          // Yield to the event loop inside the transaction: another writer would interleave here.
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          await tx
            .update(rateLimits)
            .set({ count: row.count + 1 })
            .where(eq(rateLimits.key, "counter"));
          log.push(`end ${i}`);
        }),
      ),
    );
    expect((await read("counter"))!.count).toBe(50);
    if (testEngine === "sqlite") {
      // One writer at a time: every transaction ends before the next begins.
      for (let i = 0; i < log.length; i += 2) {
        expect(log[i]!.replace("begin", "")).toBe(log[i + 1]!.replace("end", ""));
      }
    } else {
      // Concurrent, and some were aborted and run again: still each counted exactly once.
      expect(log.filter((l) => l.startsWith("end")).length).toBeGreaterThanOrEqual(50);
    }
  });

  it("rolls back everything a failing transaction wrote, and the next writer proceeds", async () => {
    const { db } = app.ctx;
    const failing = db.write(async (tx) => {
      await tx.insert(rateLimits).values({ key: "ghost", windowStart: 0, count: 1 });
      await Promise.resolve();
      throw new Error("boom");
    });
    const next = db.write(async (tx) => {
      await tx.insert(rateLimits).values({ key: "after", windowStart: 0, count: 1 });
    });
    await expect(failing).rejects.toThrow("boom");
    await next;
    expect(await read("ghost")).toBeUndefined();
    expect(await read("after")).toBeDefined();
  });

  it("readers never see uncommitted rows", async () => {
    const { db } = app.ctx;
    let seenInside: unknown = "unset";
    await db.write(async (tx) => {
      await tx.insert(rateLimits).values({ key: "pending", windowStart: 0, count: 1 });
      await new Promise((r) => setTimeout(r, 5));
      seenInside = await read("pending");
    });
    expect(seenInside).toBeUndefined();
    expect(await read("pending")).toBeDefined();
  });

  it("runs onTxEnd hooks after the commit (a read in the hook sees the row), after a rollback, and at once outside a transaction", async () => {
    const { db } = app.ctx;
    const seen: string[] = [];
    const hooks: Promise<void>[] = [];
    await db.write(async (tx) => {
      db.onTxEnd(tx, () =>
        hooks.push(read("hooked").then((r) => void seen.push(`committed:${r?.count ?? "missing"}`))),
      );
      await tx.insert(rateLimits).values({ key: "hooked", windowStart: 0, count: 7 });
      await new Promise((r) => setTimeout(r, 2));
      seen.push("body done");
    });
    await Promise.all(hooks);
    await expect(
      db.write(async (tx) => {
        db.onTxEnd(tx, () =>
          hooks.push(read("never").then((r) => void seen.push(`rolled back:${r ? "present" : "missing"}`))),
        );
        await tx.insert(rateLimits).values({ key: "never", windowStart: 0, count: 1 });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await Promise.all(hooks);
    db.onTxEnd(db.read, () => seen.push("no transaction"));
    expect(seen).toEqual(["body done", "committed:7", "rolled back:missing", "no transaction"]);
  });

  it("keeps each transaction's hooks with it when writes overlap: a rolled-back write's afterCommit never runs", async () => {
    const { db } = app.ctx;
    const ran: string[] = [];
    const one = async (name: string, fail: boolean) => {
      await db.write(async (tx) => {
        db.afterCommit(tx, () => void ran.push(`commit:${name}`));
        db.onTxEnd(tx, () => void ran.push(`end:${name}`));
        // Yield mid-way so that, on PostgreSQL, the other writes' bodies run meanwhile.
        await new Promise((r) => setTimeout(r, 5));
        await tx.insert(rateLimits).values({ key: `overlap-${name}`, windowStart: 0, count: 1 });
        if (fail) throw new Error(`fail ${name}`);
      });
    };
    const results = await Promise.allSettled([one("a", false), one("b", true), one("c", false)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect([...ran].sort()).toEqual(["commit:a", "commit:c", "end:a", "end:b", "end:c"]);
    expect(await read("overlap-b")).toBeUndefined();
    // A write inside a write (which would wait for itself on SQLite) is refused in tests.
    await expect(db.write(() => db.write(async () => undefined))).rejects.toThrow("db.write inside a write");
    // Outside any write the hooks have no transaction to wait for.
    expect(() => db.afterCommit(db.read, () => undefined)).toThrow("afterCommit outside a write");
  });
});
