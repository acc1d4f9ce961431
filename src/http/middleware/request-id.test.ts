import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { AppError } from "../../lib/errors.ts";
import { createLogger } from "../../lib/logger.ts";
import { errorHandler } from "./errors.ts";
import { requestId } from "./request-id.ts";

/** A small app with the real middleware and error handler; log lines are captured as parsed JSON. */
function appWith(trustProxy: boolean) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("debug", (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const app = new Hono();
  app.onError(errorHandler(logger));
  app.use("*", requestId({ trustProxy, logger }));
  app.get("/work", async (c) => {
    await new Promise((r) => setTimeout(r, 5));
    logger.info("did the work", { items: 3 }); // as a service would, knowing nothing of the request
    return c.json({ ok: true });
  });
  app.get("/down", () => {
    throw new AppError("unavailable", "db_busy", "The database is busy; try again.");
  });
  app.get("/boom", () => {
    throw new Error("kaboom at the database");
  });
  return { app, lines };
}

describe("request ids and structured logs", () => {
  it("answers X-Request-Id and puts it on the request's own line (service lines carry their own ids)", async () => {
    const { app, lines } = appWith(false);
    const [a, b] = await Promise.all([app.request("/work"), app.request("/work")]);
    const idA = a.headers.get("x-request-id")!;
    const idB = b.headers.get("x-request-id")!;
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).not.toBe(idA);
    // The service line is written, without a request scope (none is kept: see lib/logger.ts).
    expect(lines.filter((l) => l.msg === "did the work")).toHaveLength(2);
    for (const id of [idA, idB]) {
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: "debug",
          msg: "request",
          method: "GET",
          path: "/work",
          status: 200,
          reqId: id,
        }),
      );
    }
    expect(typeof lines[0]!.t).toBe("string");
  });

  it("logs a 500 with the request id and the stack, and sends neither stack nor message to the client", async () => {
    const { app, lines } = appWith(false);
    const res = await app.request("/boom");
    expect(res.status).toBe(500);
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    const body = await res.text();
    expect(body).not.toContain("kaboom");
    expect(body).not.toContain("request-id.test");
    const line = lines.find((l) => l.level === "error")!;
    expect(line).toMatchObject({ msg: "unhandled error", reqId: id, path: "/boom" });
    expect(String(line.stack)).toContain("kaboom at the database");
    expect(String(line.stack)).toContain("request-id.test.ts");
  });

  it("logs an answer of 503 (or 502) with the request id, and not a client's mistake", async () => {
    const { app, lines } = appWith(false);
    const down = await app.request("/down");
    expect(down.status).toBe(503);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        msg: "request failed",
        code: "db_busy",
        reqId: down.headers.get("x-request-id"),
      }),
    );
    const before = lines.length;
    expect((await app.request("/missing")).status).toBe(404);
    expect(lines.slice(before).filter((l) => l.level !== "debug")).toEqual([]);
  });

  it("keeps a sane incoming id only from the trusted proxy", async () => {
    const direct = appWith(false).app;
    expect(
      (await direct.request("/work", { headers: { "x-request-id": "proxy-123" } })).headers.get(
        "x-request-id",
      ),
    ).not.toBe("proxy-123");
    const proxied = appWith(true).app;
    const kept = await proxied.request("/work", { headers: { "x-request-id": "proxy-123" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-123");
    for (const bad of ["a b", "x".repeat(200), "<script>", '{"level":"error"}']) {
      const r = await proxied.request("/work", { headers: { "x-request-id": bad } });
      expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
