// GET /metrics as Prometheus scrapes it: requests by route pattern (bounded labels), in flight, the job
// queue and job durations, /ws sockets, live streams, the mail outbox, sales by kind, the process; readable
// from this machine only (not through the proxy from outside) or with the [metrics] token.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { photo } from "../helpers/compliance.ts";
import { openWs } from "../helpers/ws.ts";
import { until } from "../helpers/until.ts";
import { isLoopback } from "../../src/http/metrics.ts";
import { newId } from "../../src/lib/ids.ts";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of one sample (`name{labels} value`), null when the text has no such line. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries(
      [...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return null;
}

describe("GET /metrics", () => {
  let app: TestApp;
  let creator: Actor;
  let fan: Actor;
  const scrape = async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.base}/metrics`, { headers });
    return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
  };

  beforeAll(async () => {
    app = await startTestApp({ jobs: true, env: { FANZ_METRICS__TOKEN: TOKEN } });
    creator = await app.creator("metricsstar", { priceCents: 500 });
    fan = await app.signup("metricsfan");
  });
  afterAll(() => app?.close());

  it("counts requests by route pattern and status, never by raw path", async () => {
    const post = await app.postAs(creator, { text: "hello", visibility: "public" });
    for (let i = 0; i < 3; i++) expect((await app.get(`/api/v1/posts/${post.id}`)).status).toBe(200);
    const missing = newId();
    expect((await app.get(`/api/v1/posts/${missing}`)).status).toBe(404);
    expect((await app.get("/api/v1/nothing/here")).status).toBe(404);

    const m = await scrape();
    expect(m.status).toBe(200);
    expect(m.type).toContain("text/plain");
    const count = (route: string, status: string) =>
      sample(m.text, "fanz_http_request_duration_seconds_count", { method: "GET", route, status });
    expect(count("/api/v1/posts/:id", "200")).toBe(3);
    expect(count("/api/v1/posts/:id", "404")).toBe(1);
    // A path no route knows falls under the API's catch-all, not under its own label.
    expect(count("/api/v1/*", "404")).toBe(1);
    expect(m.text).not.toContain(post.id);
    expect(m.text).not.toContain(missing);
    expect(m.text).not.toContain("nothing/here");
    expect(
      sample(m.text, "fanz_http_request_duration_seconds_bucket", {
        route: "/api/v1/posts/:id",
        status: "200",
        le: "+Inf",
      }),
    ).toBe(3);
    // The scrape itself is in flight while it renders.
    expect(sample(m.text, "fanz_http_requests_in_flight")).toBe(1);
    // The process figures (collectDefaultMetrics).
    expect(sample(m.text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sample(m.text, "nodejs_eventloop_lag_seconds")).not.toBeNull();
  });

  it("reports sales by kind, /ws sockets, job durations and the queue, the outbox and live streams", async () => {
    await app.topup(fan, 2000);
    expect(
      (await app.post("/api/v1/subscriptions", { creator: "metricsstar", payWith: "wallet" }, fan.token))
        .status,
    ).toBe(201);
    const ws = await openWs(app.base, { token: fan.token });
    await ws.next("ready");

    const upload = await app.upload(creator, await photo(), "a.png");
    expect(upload.status).toBe(201);
    await until("the image processed", async () => {
      const r = await app.get(`/api/v1/media/${upload.body.media.id}`, creator.token);
      return r.body.media?.status === "ready";
    });

    const m = (await scrape()).text;
    expect(sample(m, "fanz_sales_total", { kind: "topup" })).toBe(1);
    expect(sample(m, "fanz_sales_cents_total", { kind: "topup", currency: "USD" })).toBe(2000);
    expect(sample(m, "fanz_sales_total", { kind: "subscription" })).toBe(1);
    expect(sample(m, "fanz_sales_cents_total", { kind: "subscription", currency: "USD" })).toBe(500);
    expect(sample(m, "fanz_ws_connections")).toBe(1);
    expect(sample(m, "fanz_job_duration_seconds_count", { name: "media.process", outcome: "done" })).toBe(1);
    expect(sample(m, "fanz_jobs", { status: "queued" })).toBe(0);
    expect(sample(m, "fanz_jobs", { status: "failed" })).toBe(0);
    expect(sample(m, "fanz_live_streams")).toBe(0);
    // Sign-up mails (address verification) wait in the outbox or went out: both counted states exist.
    expect(sample(m, "fanz_mail_outbox", { status: "pending" })).not.toBeNull();
    expect(sample(m, "fanz_mail_outbox", { status: "failed" })).toBe(0);

    await ws.close();
    await until("the socket counted closed", async () =>
      sample((await scrape()).text, "fanz_ws_connections") === 0 ? true : null,
    );
  });

  it("refuses requests that came through the proxy from another machine, unless they carry the token", async () => {
    // nginx proxies from 127.0.0.1 and names the real client: that request is from outside.
    const outside: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "127.0.0.1, 203.0.113.9" },
      { "x-real-ip": "198.51.100.7" },
      { forwarded: 'for="[2001:db8::1]:4711"' },
      { forwarded: "proto=https" },
    ];
    for (const headers of outside) {
      const r = await scrape(headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.text)).toMatchObject({ error: { code: "forbidden" } });
    }
    // A local client through the local proxy is still local.
    expect((await scrape({ "x-forwarded-for": "127.0.0.1", "x-real-ip": "::1" })).status).toBe(200);
    // The token opens it from anywhere; a wrong one does not.
    expect(
      (await scrape({ "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${TOKEN}` })).status,
    ).toBe(200);
    expect(
      (await scrape({ "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${TOKEN}x` })).status,
    ).toBe(403);
    // No socket at all (an in-process request) proves nothing about where it came from.
    expect((await app.http.request("/metrics")).status).toBe(403);
    expect(
      (await app.http.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
  });

  it("serves every series the Grafana dashboard in ops/ queries", async () => {
    const dashboard = JSON.parse(readFileSync("ops/grafana-dashboard.json", "utf8")) as {
      panels: { targets: { expr: string }[] }[];
    };
    const names = new Set(
      dashboard.panels.flatMap((p) =>
        p.targets.flatMap((t) => t.expr.match(/\b(?:fanz|process|nodejs)_\w+/g) ?? []),
      ),
    );
    expect(names.size).toBeGreaterThan(10);
    const text = (await scrape()).text;
    for (const name of names) expect(text, name).toMatch(new RegExp(`^${name}[{ ]`, "m"));
  });

  it("knows loopback addresses in the forms proxies write them", () => {
    for (const a of [
      "127.0.0.1",
      "127.1.2.3",
      "::1",
      "[::1]:80",
      "::ffff:127.0.0.1",
      '"127.0.0.1"',
      "127.0.0.1:8080",
    ])
      expect(isLoopback(a), a).toBe(true);
    for (const a of ["10.0.0.1", "203.0.113.9", "[2001:db8::1]:4711", "unknown", "", "127.0.0.1.evil", "::2"])
      expect(isLoopback(a), a).toBe(false);
  });
});

describe("GET /metrics with [metrics] enabled = false", () => {
  it("answers 404 (not the web UI's page), and requests are not measured", async () => {
    const index = { body: Buffer.from("<!doctype html>"), type: "text/html", etag: '"i"' };
    const app = await startTestApp({
      env: { FANZ_METRICS__ENABLED: "false" },
      web: new Map([["/index.html", index]]),
    });
    try {
      expect((await app.get("/api/v1/site")).status).toBe(200);
      expect((await fetch(`${app.base}/some/page`)).status).toBe(200); // the web UI is there
      // A scraper pointed at a site with metrics off is told so, instead of getting the web UI's HTML.
      const res = await fetch(`${app.base}/metrics`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
      expect(await app.ctx.metrics.render()).not.toContain('route="/api/v1/site"');
    } finally {
      await app.close();
    }
  });
});
