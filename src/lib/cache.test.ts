import { describe, expect, it } from "vitest";
import { createCache } from "./cache.ts";

function clock(t = 1_000) {
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("createCache", () => {
  it("keeps an entry for its TTL, then misses", () => {
    const c = clock();
    const cache = createCache<string, number>({ max: 10, ttlMs: 5_000, now: c.now });
    cache.set("a", 1);
    c.advance(4_999);
    expect(cache.get("a")).toBe(1);
    c.advance(1);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("with spread, entries set together expire apart, each within the TTL's second half", () => {
    const c = clock();
    const cache = createCache<string, number>({ max: 1000, ttlMs: 10_000, now: c.now, spread: true });
    for (let i = 0; i < 400; i++) cache.set(`k${i}`, i);
    c.advance(4_999);
    expect(cache.size).toBe(400);
    const alive = (): number => [...Array(400).keys()].filter((i) => cache.get(`k${i}`) !== undefined).length;
    c.advance(2_501); // 7,500 ms: about half are gone
    const half = alive();
    expect(half).toBeGreaterThan(100);
    expect(half).toBeLessThan(300);
    c.advance(2_500); // 10,000 ms: all gone
    expect(alive()).toBe(0);
  });

  it("evicts the least recently set entry beyond max", () => {
    const cache = createCache<string, number>({ max: 2, ttlMs: 60_000, now: clock().now });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 3); // refreshed: now the newest
    cache.set("c", 4);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(3);
    expect(cache.get("c")).toBe(4);
  });

  it("with weigh, holds at most max weight, evicting the least recently set", () => {
    const cache = createCache<string, string>({
      max: 10,
      weigh: (v) => v.length,
      ttlMs: 60_000,
      now: clock().now,
    });
    cache.set("a", "aaaa");
    cache.set("b", "bbbb");
    cache.set("c", "cccc"); // 12 > 10: "a" goes
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set("b", "b"); // replacing frees its old weight: 4 + 1
    cache.set("d", "dddd");
    expect([cache.get("b"), cache.get("c"), cache.get("d")]).toEqual(["b", "cccc", "dddd"]);
    // One entry heavier than max is still kept on its own (it was just asked for).
    cache.set("big", "x".repeat(50));
    expect(cache.size).toBe(1);
    expect(cache.get("big")).toHaveLength(50);
  });

  it("getMany loads only the missing keys, once each, and keeps them", async () => {
    const cache = createCache<string, string>({ max: 10, ttlMs: 60_000, now: clock().now });
    cache.set("x", "X");
    const asked: string[][] = [];
    const load = (missing: string[]) => {
      asked.push(missing);
      return missing.filter((k) => k !== "gone").map((k) => [k, k.toUpperCase()] as const);
    };
    const got = await cache.getMany(["x", "y", "y", "z", "gone"], load);
    expect(asked).toEqual([["y", "z", "gone"]]);
    expect([...got]).toEqual([
      ["x", "X"],
      ["y", "Y"],
      ["z", "Z"],
    ]);
    await cache.getMany(["y", "z"], load);
    expect(asked).toHaveLength(1);
    // What the loader did not find is not cached: it is asked for again.
    await cache.getMany(["gone"], load);
    expect(asked).toEqual([["y", "z", "gone"], ["gone"]]);
  });

  it("with a TTL of 0 keeps nothing", async () => {
    const cache = createCache<string, number>({ max: 10, ttlMs: 0, now: clock().now });
    cache.set("a", 1);
    expect(cache.get("a")).toBeUndefined();
    expect((await cache.getMany(["a"], () => [["a", 2]])).get("a")).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("does not keep what was forgotten while its load ran (the load may have read the old row)", async () => {
    const cache = createCache<string, string>({ max: 10, ttlMs: 60_000, now: clock().now });
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const loading = cache.getMany(["a", "b"], async (missing) => {
      await gate;
      return missing.map((k) => [k, `old ${k}`] as const);
    });
    cache.delete("a"); // a write to "a" committed while the read was in flight
    release();
    expect([...(await loading)]).toEqual([
      ["a", "old a"],
      ["b", "old b"],
    ]);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe("old b");
    // Once no load is in flight, a later load keeps its rows again.
    await cache.getMany(["a"], () => [["a", "new a"]]);
    expect(cache.get("a")).toBe("new a");
  });
});
