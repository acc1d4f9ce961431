// This process's figures for Prometheus (prom-client): the instruments code updates as it works (request
// durations, job durations, /ws sockets, sales) and gauges read at scrape time (queue depths). The
// platform holds one per app; GET /metrics (src/http/metrics.ts) renders it with the process figures.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds; a request's buckets are finer than a job's (a video transcode takes minutes). */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 180, 600, 1800];

export type JobOutcome = "done" | "retry" | "failed";

/**
 * The process figures (CPU, memory, event loop, GC) are one set per process: tests and CLI commands
 * build several apps in one process, and each set would start its own event-loop monitor.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(opts: { enabled: boolean }) {
  const registry = new Registry();
  const registers = [registry];

  const httpDuration = new Histogram({
    name: "fanz_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status, with their duration.",
    labelNames: ["method", "route", "status"] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  // A plain number read at scrape time: prom-client's inc/dec hash their labels on every call.
  let inFlight = 0;
  new Gauge({
    name: "fanz_http_requests_in_flight",
    help: "HTTP requests being handled now.",
    registers,
    collect() {
      this.set(inFlight);
    },
  });
  const jobDuration = new Histogram({
    name: "fanz_job_duration_seconds",
    help: "Job runs on this node by job name and outcome (done, retry, failed), with their duration.",
    labelNames: ["name", "outcome"] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  const wsConnections = new Gauge({
    name: "fanz_ws_connections",
    help: "Open /ws sockets on this node.",
    registers,
  });
  const sales = new Counter({
    name: "fanz_sales_total",
    help: "Payments committed on this node by kind (topup, subscription, renewal, ppv, message, tip, ticket).",
    labelNames: ["kind"] as const,
    registers,
  });
  const salesCents = new Counter({
    name: "fanz_sales_cents_total",
    help: "Amounts of the payments committed on this node, in minor units, by kind and currency.",
    labelNames: ["kind", "currency"] as const,
    registers,
  });

  /**
   * A gauge whose values are read when Prometheus scrapes (a database count). `read` returns a value per
   * label set; a failed read keeps the last values (a busy database must not fail the whole scrape).
   */
  function scrapeGauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Promise<{ labels: Partial<Record<L, string>>; value: number }[]>,
  ): void {
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        try {
          for (const { labels, value } of await read()) this.set(labels, value);
        } catch {
          /* keep the last values */
        }
      },
    });
  }

  return {
    enabled: opts.enabled,
    http: {
      duration: httpDuration,
      started: () => void inFlight++,
      finished: () => void inFlight--,
    },
    jobs: {
      /** One finished run of a job handler. */
      observe(name: string, outcome: JobOutcome, seconds: number): void {
        if (opts.enabled) jobDuration.observe({ name, outcome }, seconds);
      },
    },
    ws: {
      opened: () => wsConnections.inc(),
      closed: () => wsConnections.dec(),
    },
    /** A committed payment (a sale, a renewal or a top-up). */
    sale(kind: string, cents: number, currency: string): void {
      if (!opts.enabled) return;
      sales.inc({ kind });
      salesCents.inc({ kind, currency }, cents);
    },
    scrapeGauge,
    contentType: registry.contentType,
    /** The Prometheus text of this app and of the process. */
    async render(): Promise<string> {
      const own = await registry.metrics();
      return `${own}\n${await processMetrics().metrics()}`;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
