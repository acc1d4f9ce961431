// db.write is the one way to write: parallel callers must never interleave inside a transaction, a failed
// transaction must leave nothing behind, and readers see only committed data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { rateLimits } from "../../src/db/schema.ts";
import { startTestApp, type TestApp } from "../helpers/api.ts";

describe("db.write", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ setup: false });
  });
  afterAll(() => app.close());

  const read = (key: string) =>
    app.ctx.db.read.select().from(rateLimits).where(eq(rateLimits.key, key)).get();

  it("serialises 50 parallel read-modify-write transactions that yield mid-way", async () => {
    const { db } = app.ctx;
    await db.write((tx) => tx.insert(rateLimits).values({ key: "counter", windowStart: 0, count: 0 }).run());
    const log: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.write(async (tx) => {
          log.push(`begin ${i}`);
          const row = tx.select().from(rateLimits).where(eq(rateLimits.key, "counter")).get()!;
          // Yield to the event loop inside the transaction: another writer would interleave here.
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          tx.update(rateLimits)
            .set({ count: row.count + 1 })
            .where(eq(rateLimits.key, "counter"))
            .run();
          log.push(`end ${i}`);
        }),
      ),
    );
    expect(read("counter")!.count).toBe(50);
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]!.replace("begin", "")).toBe(log[i + 1]!.replace("end", ""));
    }
  });

  it("rolls back everything a failing transaction wrote, and the next writer proceeds", async () => {
    const { db } = app.ctx;
    const failing = db.write(async (tx) => {
      tx.insert(rateLimits).values({ key: "ghost", windowStart: 0, count: 1 }).run();
      await Promise.resolve();
      throw new Error("boom");
    });
    const next = db.write((tx) =>
      tx.insert(rateLimits).values({ key: "after", windowStart: 0, count: 1 }).run(),
    );
    await expect(failing).rejects.toThrow("boom");
    await next;
    expect(read("ghost")).toBeUndefined();
    expect(read("after")).toBeDefined();
  });

  it("readers never see uncommitted rows", async () => {
    const { db } = app.ctx;
    let seenInside: unknown = "unset";
    await db.write(async (tx) => {
      tx.insert(rateLimits).values({ key: "pending", windowStart: 0, count: 1 }).run();
      await new Promise((r) => setTimeout(r, 5));
      seenInside = read("pending");
    });
    expect(seenInside).toBeUndefined();
    expect(read("pending")).toBeDefined();
  });

  it("runs onTxEnd hooks after the commit (a read in the hook sees the row), after a rollback, and at once outside a transaction", async () => {
    const { db } = app.ctx;
    const seen: string[] = [];
    await db.write(async (tx) => {
      db.onTxEnd(() => seen.push(`committed:${read("hooked")?.count ?? "missing"}`));
      tx.insert(rateLimits).values({ key: "hooked", windowStart: 0, count: 7 }).run();
      await new Promise((r) => setTimeout(r, 2));
      seen.push("body done");
    });
    await expect(
      db.write((tx) => {
        db.onTxEnd(() => seen.push(`rolled back:${read("never") ? "present" : "missing"}`));
        tx.insert(rateLimits).values({ key: "never", windowStart: 0, count: 1 }).run();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    db.onTxEnd(() => seen.push("no transaction"));
    expect(seen).toEqual(["body done", "committed:7", "rolled back:missing", "no transaction"]);
  });
});
