// The capacity benchmark's open-loop driver (bench/lib/open-loop.ts) against a local Hono server whose
// answers can be slowed down, stalled, failed or withheld, in this process (one clock for both sides):
// requests arrive evenly paced whatever the answers do, and a slow server shows up in the latency,
// measured from when each request was due (no coordinated omission).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { OpenLoopDriver, openPacedSocket, LatencyHistogram } from "../../bench/lib/open-loop.ts";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("open-loop load driver", () => {
  let server: Server;
  let origin: string;
  /** Arrival times (performance.now()) of `/slow` requests. */
  let arrivals: number[] = [];
  /** `/slow` requests arriving in [stallFrom, stallUntil) are answered at stallUntil, else after `delayMs`. */
  let stallFrom = 0;
  let stallUntil = 0;
  let delayMs = 0;

  beforeAll(async () => {
    const app = new Hono()
      .get("/slow", async (c) => {
        const at = performance.now();
        arrivals.push(at);
        await wait(at >= stallFrom && at < stallUntil ? stallUntil - at : delayMs);
        return c.json({ ok: true });
      })
      .get("/fail", (c) => c.json({ error: { code: "boom", message: "boom" } }, 500))
      .get("/hang", () => new Promise<Response>(() => undefined));
    server = await new Promise<Server>((ok) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s as Server)) as Server;
    });
    // The /ws side: `ready` after auth, a `pong` 20 ms after each `ping`.
    const wss = new WebSocketServer({ server, path: "/ws" });
    wss.on("connection", (ws) =>
      ws.on("message", (raw) => {
        const f = JSON.parse(raw.toString()) as { type: string };
        if (f.type === "auth") ws.send(JSON.stringify({ type: "ready" }));
        if (f.type === "ping") setTimeout(() => ws.send(JSON.stringify({ type: "pong" })), 20);
      }),
    );
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  });

  it("sends evenly paced, each request when due, and measures from then", async () => {
    arrivals = [];
    delayMs = 50;
    stallUntil = 0;
    const driver = new OpenLoopDriver(origin, { connections: 64 });
    const r = await driver.run({
      rate: 200,
      seconds: 2,
      plan: () => ({ kind: "slow", method: "GET", path: "/slow" }),
      trace: true,
    });
    await driver.close();
    expect(r.offered).toBe(400);
    expect(r.ok).toBe(400);
    expect(r.errorCount).toBe(0);
    expect(arrivals).toHaveLength(400);
    // Due times are 5 ms apart; the driver sends each close to it (a timer tick on an idle machine; the
    // bound leaves room for a busy one), not after the answers to earlier ones (50 ms each)...
    const due = r.trace!.map((t) => t.due);
    expect(due[1]! - due[0]!).toBeCloseTo(5, 6);
    expect(r.sendLag.p50).toBeLessThan(25);
    // ...so the server sees an even stream: every half second gets about 100 (a per-second burst would put
    // all 200 of a second into its first few milliseconds: 200, 0, 200, 0).
    const first = arrivals[0]!;
    const windows = Array.from(
      { length: 4 },
      (_, w) => arrivals.filter((a) => a - first >= w * 500 && a - first < (w + 1) * 500).length,
    );
    for (const n of windows) expect(n, `arrivals per 500 ms: ${windows.join(", ")}`).toBeGreaterThan(50);
    for (const n of windows) expect(n, `arrivals per 500 ms: ${windows.join(", ")}`).toBeLessThan(150);
    // Latency includes the server's 50 ms.
    expect(r.latency.p50).toBeGreaterThanOrEqual(50);
    expect(r.latency.p50).toBeLessThan(150);
    expect(r.byKind.slow!.count).toBe(400);
  });

  it("keeps sending while the server stalls; the stall shows in the latency", async () => {
    arrivals = [];
    delayMs = 5;
    const driver = new OpenLoopDriver(origin, { connections: 128 });
    const started = performance.now();
    // Everything that arrives between 0.8 s and 1.4 s into the step is answered at 1.4 s.
    stallFrom = started + 800;
    stallUntil = started + 1400;
    const r = await driver.run({
      rate: 100,
      seconds: 2,
      plan: () => ({ kind: "slow", method: "GET", path: "/slow" }),
    });
    await driver.close();
    expect(r.ok).toBe(200);
    // A closed-loop driver would have waited for answers; this one went on sending when due.
    const duringStall = arrivals.filter((a) => a >= stallFrom && a < stallUntil).length;
    expect(duringStall).toBeGreaterThan(40);
    // About 30 % of the requests waited up to 600 ms for the stall to end: p90 and the max show it.
    expect(r.latency.p50).toBeLessThan(100);
    expect(r.latency.p90).toBeGreaterThan(200);
    expect(r.latency.max).toBeGreaterThan(450);
  });

  it("counts a queue behind too few connections as latency, not as a lower offered load", async () => {
    arrivals = [];
    delayMs = 100;
    stallUntil = 0;
    // 4 connections answer at most 40 requests a second; 80 a second are due.
    const driver = new OpenLoopDriver(origin, { connections: 4 });
    const r = await driver.run({
      rate: 80,
      seconds: 2,
      plan: () => ({ kind: "slow", method: "GET", path: "/slow" }),
      timeoutMs: 10_000,
    });
    await driver.close();
    expect(r.ok).toBe(160);
    // Sent when due, not when a connection came free (that would be up to 2 s late).
    expect(r.sendLag.p99).toBeLessThan(250);
    // The last request was due at 2 s and answered near 4 s: ~2 s of queueing, not the 100 ms service time.
    expect(r.latency.max).toBeGreaterThan(1500);
    expect(r.latency.p99).toBeGreaterThan(1000);
  });

  it("reports errors by cause: unexpected status, timeouts, the in-flight cap", async () => {
    delayMs = 300;
    stallUntil = 0;
    const driver = new OpenLoopDriver(origin, { connections: 8, maxInFlight: 10 });
    const paths = ["/fail", "/hang", "/slow", "/slow"];
    const r = await driver.run({
      rate: 100,
      seconds: 1,
      plan: (i) => ({ kind: paths[i % 4]!.slice(1), method: "GET", path: paths[i % 4]! }),
      timeoutMs: 500,
    });
    await driver.close();
    expect(r.errors["status:500"]).toBeGreaterThan(0);
    expect(r.errors.timeout).toBeGreaterThan(0);
    expect(r.errors.inflight_cap).toBeGreaterThan(0);
    expect(r.errorCount).toBe(Object.values(r.errors).reduce((a, b) => a + b, 0));
    expect(r.byKind.fail!.errors).toBeGreaterThan(0);
    expect(r.byKind.fail!.count).toBe(0);
    expect(r.ok + r.errorCount).toBe(100);
  });

  it("paces /ws frames the same way and times each from when it was due", async () => {
    const sockets = await Promise.all(
      [1, 2, 3].map((n) => openPacedSocket(`${origin.replace("http", "ws")}/ws`, `t${n}`)),
    );
    const driver = new OpenLoopDriver(origin);
    const r = await driver.run({
      rate: 100,
      seconds: 1,
      plan: (i) => ({
        kind: "ping",
        socket: sockets[i % 3]!,
        send: { type: "ping" },
        match: (f) => f.type === "pong",
      }),
    });
    await driver.close();
    for (const s of sockets) s.close();
    expect(r.ok).toBe(100);
    expect(r.errorCount).toBe(0);
    expect(r.byKind.ping!.p50).toBeGreaterThanOrEqual(20);
    expect(r.byKind.ping!.p50).toBeLessThan(100);
    expect(sockets.reduce((n, s) => n + s.frames(), 0)).toBe(103); // 3 ready + 100 pongs
  });

  it("summarises latencies within 1 %", () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 10_000; i++) h.record(i / 10); // 0.1 .. 1000 ms
    const s = h.summary();
    expect(s.count).toBe(10_000);
    expect(s.p50).toBeGreaterThan(500 * 0.99);
    expect(s.p50).toBeLessThan(500 * 1.01);
    expect(s.p99).toBeGreaterThan(990 * 0.99);
    expect(s.p99).toBeLessThan(990 * 1.01);
    expect(s.max).toBeCloseTo(1000, 6);
    expect(s.mean).toBeCloseTo(500.05, 6);
  });
});
