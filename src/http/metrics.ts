// GET /metrics (Prometheus text) and what feeds it from the HTTP side: the per-request middleware
// (duration by route pattern, in flight), the gauges read at scrape time from the services (job queue,
// mail outbox, live streams) and the sales counter fed by committed payment events.
//
// Who may read it: a request from this machine, or one carrying `[metrics] token`. "From this machine" is
// the socket's address, never a header alone; and because nginx proxies every outside request from
// 127.0.0.1, a loopback socket whose request names another client in X-Forwarded-For, X-Real-IP or
// Forwarded came through the proxy from outside and is refused (whether or not trust_proxy is set).
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { RequestTracker } from "./middleware/request-id.ts";
import { matchedRoutes } from "hono/route";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext } from "../context.ts";
import type { DomainEvents } from "../events/types.ts";
import { Forbidden } from "../lib/errors.ts";
import type { Metrics } from "../lib/metrics.ts";
import type { Services } from "../services.ts";
import type { AppEnv } from "./types.ts";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * The route pattern that answered (`/api/v1/posts/:id`), never the raw path, so the label's values are
 * bounded by the app's routes. Middleware and catch-alls are registered for every method; the first
 * route of the request's own method is the handler. Without one (a 404, a refusal by middleware) it is
 * the catch-all's pattern (`/api/v1/*`, `/*`).
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  for (const r of routes) if (r.method !== "ALL") return r.path;
  return routes.at(c.req.routeIndex)?.path ?? "unmatched";
}

/**
 * Records every request's duration and the requests in flight. Called by the request-id middleware, which
 * times each request anyway: no middleware layer of its own (a layer costs a feed request more than the
 * figures themselves).
 */
export function httpMetrics(metrics: Metrics): RequestTracker {
  const { duration, started, finished } = metrics.http;
  // prom-client validates and hashes labels on every observe; a child per label set is looked up once.
  const children = new Map<string, { observe(v: number): void }>();
  return {
    start: started,
    done(c, seconds) {
      finished();
      const method = METHODS.has(c.req.method) ? c.req.method : "OTHER";
      const route = routeOf(c);
      const status = c.res.status;
      const key = `${method} ${status} ${route}`;
      let child = children.get(key);
      if (!child) children.set(key, (child = duration.labels(method, route, String(status))));
      child.observe(seconds);
    },
  };
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** An address as proxies write it (`[::1]:80`, `"127.0.0.1"`, `::ffff:127.0.0.1`) is this machine's. */
export function isLoopback(address: string): boolean {
  let a = address.trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.toLowerCase().replace(/^::ffff:/, "");
  return a === "::1" || LOOPBACK_V4.test(a);
}

/** Every client a proxy header names (empty when none is sent). */
function proxiedClients(c: Context): string[] {
  const out: string[] = [];
  for (const name of ["x-forwarded-for", "x-real-ip"]) {
    const v = c.req.header(name);
    if (v !== undefined) out.push(...v.split(","));
  }
  const forwarded = c.req.header("forwarded");
  if (forwarded !== undefined) {
    for (const part of forwarded.split(/[,;]/)) {
      const m = /^\s*for=(.*)$/i.exec(part);
      if (m) out.push(m[1]!);
    }
    // A Forwarded header that names no client is not evidence of a local one.
    if (!/for=/i.test(forwarded)) out.push("unknown");
  }
  return out;
}

function fromThisMachine(c: Context): boolean {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    return false; // no socket (app.request): nothing proves where it came from
  }
  if (!remote || !isLoopback(remote)) return false;
  return proxiedClients(c).every(isLoopback);
}

const digest = (s: string) => createHash("sha256").update(s).digest();

function hasToken(c: Context, token: string): boolean {
  if (token === "") return false;
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}

/** Registers the scrape-time gauges and the sales counter; serves GET /metrics. */
export function metricsRoutes(
  app: OpenAPIHono<AppEnv>,
  ctx: AppContext,
  s: Pick<Services, "jobs" | "notifications" | "live">,
): void {
  const { metrics } = ctx;
  metrics.scrapeGauge(
    "fanz_jobs",
    "Jobs of the site's persistent queue by status (queued = its depth; read from the database).",
    ["status"],
    async () => {
      const counts = await s.jobs.counts();
      return ["queued", "running", "failed"].map((status) => ({
        labels: { status },
        value: counts[status] ?? 0,
      }));
    },
  );
  metrics.scrapeGauge(
    "fanz_mail_outbox",
    "Mails and pushes of the site still to go out (pending) and failed for good.",
    ["status"],
    async () => {
      const d = await s.notifications.outboxDepth();
      return [
        { labels: { status: "pending" }, value: d.pending },
        { labels: { status: "failed" }, value: d.failed },
      ];
    },
  );
  metrics.scrapeGauge("fanz_live_streams", "Live streams of the site that are live now.", [], async () => [
    { labels: {}, value: await s.live.liveCount() },
  ]);

  // Only this process's commits: each node counts its own, so the site's sum counts every sale once.
  ctx.events.onCommitted((events) => {
    for (const e of events) {
      if (e.name === "payment.completed") {
        const p = e.payload as DomainEvents["payment.completed"];
        metrics.sale(p.kind, p.amountCents, p.currency);
      } else if (e.name === "subscription.renewed") {
        const p = e.payload as DomainEvents["subscription.renewed"];
        if (p.txnId !== null && p.priceCents > 0) metrics.sale("renewal", p.priceCents, p.currency);
      }
    }
  });

  app.get("/metrics", async (c) => {
    if (!fromThisMachine(c) && !hasToken(c, ctx.config.metrics.token)) {
      throw new Forbidden(
        "Metrics are readable from this machine only, or with the [metrics] token as a bearer token.",
      );
    }
    const text = await metrics.render();
    return c.body(text, 200, { "content-type": metrics.contentType, "cache-control": "no-store" });
  });
}
