// An open-loop load driver: request i of a step is due at t0 + i / rate (evenly paced, not one burst per
// second as autocannon's rate option sends), and is sent when due whether or not earlier ones have
// answered. Latency is measured from the due time, so a server (or a driver) that falls behind shows up
// in the latency instead of quietly lowering the offered load (no coordinated omission). HTTP goes over
// keep-alive connections (an undici Pool); /ws actions go over already open sockets, paced the same way:
// a frame sent and the frame that answers it, or an HTTP request and a frame it causes on a socket (a
// chat message and its delivery). Only 127.0.0.1 is accepted; every loop is bounded by the step's count.
import { Pool } from "undici";
import { WebSocket } from "ws";
import { ownCpuMs, processCpuMs, sleep } from "../lib.ts";

/** A frame received on /ws, parsed. */
export type WsFrame = { type: string } & Record<string, unknown>;

/** An authenticated /ws socket whose frames can be waited for. */
export interface PacedSocket {
  ws: WebSocket;
  /** Resolves with the arrival time (performance.now()) of the first frame that matches, or rejects at `deadline`. */
  waitFor(match: (frame: WsFrame) => boolean, deadline: number): Promise<number>;
  /** Frames received so far (every frame, matched or not). */
  frames(): number;
  close(): void;
}

interface Waiter {
  match: (frame: WsFrame) => boolean;
  resolve: (at: number) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Opens a /ws socket, authenticates with `token` (the first frame) and resolves once the server says
 * `ready`. Frames are handed to waiters in the order they were registered (a ping's pong goes to the
 * oldest waiting ping).
 */
export async function openPacedSocket(url: string, token: string, timeoutMs = 30_000): Promise<PacedSocket> {
  assertLoopback(url);
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const waiters: Waiter[] = [];
  let received = 0;
  const failAll = (why: string) => {
    for (const w of waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new DriverError("ws_closed", why));
    }
  };
  ws.on("message", (raw) => {
    const at = performance.now();
    received++;
    let frame: WsFrame;
    try {
      frame = JSON.parse(raw.toString()) as WsFrame;
    } catch {
      return;
    }
    const i = waiters.findIndex((w) => w.match(frame));
    if (i < 0) return;
    const [w] = waiters.splice(i, 1);
    clearTimeout(w!.timer);
    w!.resolve(at);
  });
  ws.on("close", (code) => failAll(`socket closed (${code})`));
  ws.on("error", () => undefined); // the close that follows fails the waiters
  await new Promise<void>((ok, fail) => {
    const t = setTimeout(() => {
      ws.terminate();
      fail(new Error(`/ws not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.once("open", () => ws.send(JSON.stringify({ type: "auth", token })));
    ws.once("close", (code, reason) => {
      clearTimeout(t);
      fail(new Error(`/ws closed before ready: ${code} ${reason.toString()}`));
    });
    const onReady = (raw: Buffer) => {
      if ((JSON.parse(raw.toString()) as WsFrame).type !== "ready") return;
      clearTimeout(t);
      ws.off("message", onReady);
      ok();
    };
    ws.on("message", onReady);
  });
  ws.removeAllListeners("close");
  ws.on("close", (code) => failAll(`socket closed (${code})`));
  return {
    ws,
    frames: () => received,
    waitFor(match, deadline) {
      if (ws.readyState !== WebSocket.OPEN) return Promise.reject(new DriverError("ws_closed", "not open"));
      return new Promise<number>((resolve, reject) => {
        const w: Waiter = {
          match,
          resolve,
          reject,
          timer: setTimeout(
            () => {
              const i = waiters.indexOf(w);
              if (i >= 0) waiters.splice(i, 1);
              reject(new DriverError("timeout", "no frame"));
            },
            Math.max(0, deadline - performance.now()),
          ),
        };
        waiters.push(w);
      });
    },
    close: () => ws.terminate(),
  };
}

/** A frame this socket must receive after an HTTP answer (e.g. the sent message's own delivery). */
export interface Delivery {
  socket: PacedSocket;
  match: (frame: WsFrame) => boolean;
  /** The kind its latency is counted under (from the due time of the request that caused it). */
  kind: string;
}

export interface HttpAction {
  kind: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  delivery?: Delivery;
}

export interface WsAction {
  kind: string;
  socket: PacedSocket;
  /** The frame to send (JSON-encoded). */
  send: object;
  /** The answer that completes it (a ping's pong). */
  match: (frame: WsFrame) => boolean;
}

export type Action = HttpAction | WsAction;

export interface StepOptions {
  /** Actions per second, HTTP and /ws together. */
  rate: number;
  seconds: number;
  /** The i-th action of the step (called when it is due). */
  plan: (i: number) => Action;
  /** Server processes whose CPU is measured over the step. */
  pids?: number[];
  /** An action with no answer by due + timeoutMs is a timeout. */
  timeoutMs?: number;
  /** Keep each action's due and send time (the pacing test reads them). */
  trace?: boolean;
}

/** Percentiles of one latency histogram, in milliseconds. */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface StepResult {
  rate: number;
  seconds: number;
  /** Actions due in the step. */
  offered: number;
  /** Actions answered without error. */
  ok: number;
  /** Actions per second that were answered without error, over the step's wall time. */
  achieved: number;
  latency: Summary;
  /** The latencies behind `latency`, to merge steps (a soak's chunks). */
  histogram: LatencyHistogram;
  byKind: Record<string, Summary & { errors: number }>;
  /** Errors by cause: `status:<code>`, `timeout`, `socket:<code>`, `ws_closed`, `inflight_cap`. */
  errors: Record<string, number>;
  errorCount: number;
  /** A few error samples (kind, cause, path), for the report. */
  errorSamples: string[];
  /** How late the driver sent actions after they were due: its own lag, a bound on its accuracy. */
  sendLag: Summary;
  /** CPU over the step in % of one core: each server process, then the driver. */
  serverCpu: (number | null)[];
  driverCpu: number;
  wallMs: number;
  bytes: number;
  trace?: { due: number; sent: number }[];
}

export class DriverError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Log-linear histogram of latencies in microseconds with buckets 1 % wide (an HDR histogram's idea at a
 * fixed precision): recording is O(1), memory is a few thousand counters whatever the count.
 */
export class LatencyHistogram {
  private static readonly LOG_BASE = Math.log(1.01);
  private readonly counts = new Float64Array(2400); // 1.01^2400 µs ≈ 2.3e10 µs: any latency fits
  private n = 0;
  private sum = 0;
  private maxUs = 0;

  record(ms: number): void {
    const us = Math.max(1, ms * 1000);
    const i = Math.min(this.counts.length - 1, Math.ceil(Math.log(us) / LatencyHistogram.LOG_BASE));
    this.counts[i]!++;
    this.n++;
    this.sum += ms;
    if (us > this.maxUs) this.maxUs = us;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.n += other.n;
    this.sum += other.sum;
    this.maxUs = Math.max(this.maxUs, other.maxUs);
  }

  /** The latency (ms) below which `p` % of the recorded values lie (the bucket's upper edge). */
  percentile(p: number): number {
    if (this.n === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(Math.pow(1.01, i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  summary(): Summary {
    return {
      count: this.n,
      mean: this.n ? this.sum / this.n : NaN,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p99: this.percentile(99),
      max: this.n ? this.maxUs / 1000 : NaN,
    };
  }
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== "127.0.0.1") throw new Error(`refusing to load ${url}: benchmarks only target 127.0.0.1`);
}

export interface DriverOptions {
  /** Keep-alive HTTP connections to the origin. */
  connections?: number;
  /** Actions awaiting an answer at most; one due beyond it is not sent and counts as an error. */
  maxInFlight?: number;
}

/** The open-loop driver for one origin (`http://127.0.0.1:port`); run steps one after another. */
export class OpenLoopDriver {
  private readonly pool: Pool;
  private readonly maxInFlight: number;

  constructor(
    readonly origin: string,
    opts: DriverOptions = {},
  ) {
    assertLoopback(origin);
    this.pool = new Pool(origin, {
      connections: opts.connections ?? 256,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      // The driver's own deadline (due + timeoutMs) decides what is a timeout.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    this.maxInFlight = opts.maxInFlight ?? 4096;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** One step: `rate × seconds` actions, each sent when due; resolves when every one has answered or timed out. */
  async run(step: StepOptions): Promise<StepResult> {
    if (!(step.rate > 0) || !(step.seconds > 0) || step.rate * step.seconds > 5_000_000)
      throw new Error(`step of ${step.rate}/s for ${step.seconds} s is out of bounds`);
    const timeoutMs = step.timeoutMs ?? 5_000;
    const total = Math.round(step.rate * step.seconds);
    const interval = 1000 / step.rate;
    const all = new LatencyHistogram();
    const lag = new LatencyHistogram();
    const byKind = new Map<string, { h: LatencyHistogram; errors: number }>();
    const errors: Record<string, number> = {};
    const errorSamples: string[] = [];
    const trace: { due: number; sent: number }[] | undefined = step.trace ? [] : undefined;
    let inFlight = 0;
    let ok = 0;
    let bytes = 0;
    const pending = new Set<Promise<void>>();

    const kindOf = (kind: string) => {
      let k = byKind.get(kind);
      if (!k) byKind.set(kind, (k = { h: new LatencyHistogram(), errors: 0 }));
      return k;
    };
    const succeed = (kind: string, due: number, at: number) => {
      const ms = at - due;
      all.record(ms);
      kindOf(kind).h.record(ms);
    };
    const fail = (kind: string, cause: string, what: string) => {
      errors[cause] = (errors[cause] ?? 0) + 1;
      kindOf(kind).errors++;
      if (errorSamples.length < 10) errorSamples.push(`${kind} ${what}: ${cause}`);
    };
    const causeOf = (err: unknown): string => {
      if (err instanceof DriverError) return err.code;
      const e = err as { name?: string; code?: string };
      if (e.name === "TimeoutError" || e.name === "AbortError") return "timeout";
      return `socket:${e.code ?? e.name ?? "error"}`;
    };

    const fire = async (action: Action, due: number): Promise<void> => {
      const deadline = due + timeoutMs;
      if ("socket" in action) {
        const answered = action.socket.waitFor(action.match, deadline);
        try {
          action.socket.ws.send(JSON.stringify(action.send));
          succeed(action.kind, due, await answered);
          ok++;
        } catch (err) {
          fail(action.kind, causeOf(err), "frame");
        }
        return;
      }
      // Registered before the request leaves: the frame may come before the HTTP answer.
      const delivered = action.delivery?.socket.waitFor(action.delivery.match, deadline);
      delivered?.catch(() => undefined);
      try {
        const res = await this.pool.request({
          method: action.method,
          path: action.path,
          headers:
            action.body === undefined
              ? action.headers
              : { "content-type": "application/json", ...action.headers },
          body: action.body,
          signal: AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now()))),
        });
        for await (const chunk of res.body) bytes += (chunk as Buffer).length;
        const at = performance.now();
        if (res.statusCode >= 400) {
          fail(action.kind, `status:${res.statusCode}`, `${action.method} ${action.path}`);
          return;
        }
        succeed(action.kind, due, at);
      } catch (err) {
        fail(action.kind, causeOf(err), `${action.method} ${action.path}`);
        return;
      }
      if (action.delivery && delivered) {
        try {
          succeed(action.delivery.kind, due, await delivered);
        } catch (err) {
          fail(action.delivery.kind, causeOf(err), "delivery");
          return;
        }
      }
      ok++;
    };

    const pids = step.pids ?? [];
    const cpu0 = pids.map((p) => processCpuMs(p));
    // The driver's CPU from /proc like the servers' (all its threads), else from the process itself.
    const driverCpuMs = () => processCpuMs(process.pid) ?? ownCpuMs();
    const driver0 = driverCpuMs();
    const t0 = performance.now() + 5;
    let i = 0;
    while (i < total) {
      const now = performance.now();
      // Everything due by now leaves now: after a late timer the backlog goes out at once, and its
      // lateness is in the latency (measured from the due time).
      while (i < total && t0 + i * interval <= now) {
        const due = t0 + i * interval;
        const action = step.plan(i);
        i++;
        lag.record(now - due);
        trace?.push({ due, sent: now });
        if (inFlight >= this.maxInFlight) {
          fail(action.kind, "inflight_cap", "not sent");
          continue;
        }
        inFlight++;
        // A bug in an action (not the server's answer) is still counted, never left unhandled.
        const p: Promise<void> = fire(action, due)
          .catch((err: unknown) => fail(action.kind, causeOf(err), "driver"))
          .finally(() => {
            inFlight--;
            pending.delete(p);
          });
        pending.add(p);
      }
      if (i < total) await sleep(Math.max(0, t0 + i * interval - performance.now()));
    }
    // Bounded: every action ends by its deadline (the request's abort signal, the waiter's timer).
    await Promise.all([...pending]);
    const wallMs = performance.now() - t0;
    const cpu1 = pids.map((p) => processCpuMs(p));
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    return {
      rate: step.rate,
      seconds: step.seconds,
      offered: total,
      ok,
      achieved: (ok * 1000) / wallMs,
      latency: all.summary(),
      histogram: all,
      byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { ...v.h.summary(), errors: v.errors }])),
      errors,
      errorCount,
      errorSamples,
      sendLag: lag.summary(),
      serverCpu: pids.map((_, k) => {
        const a = cpu0[k];
        const b = cpu1[k];
        return a == null || b == null ? null : ((b - a) / wallMs) * 100;
      }),
      driverCpu: ((driverCpuMs() - driver0) / wallMs) * 100,
      wallMs,
      bytes,
      trace,
    };
  }
}
