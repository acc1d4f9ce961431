// A request id per request: answered as X-Request-Id and carried by every log line written while the
// request is handled. An incoming X-Request-Id is kept only from the trusted proxy (and only if it looks
// like an id), so a client cannot plant ids or garbage in the logs.
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { inRequest, type Logger } from "../../lib/logger.ts";

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Requests slower than this get an info line even when the per-request line is at debug. */
export const SLOW_REQUEST_MS = 1000;

export function requestId(opts: { trustProxy: boolean; logger: Logger }): MiddlewareHandler {
  const { logger } = opts;
  return (c, next) => {
    const incoming = opts.trustProxy ? c.req.header("x-request-id") : undefined;
    const id = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
    return inRequest(id, async () => {
      const started = performance.now();
      await next();
      c.res.headers.set("X-Request-Id", id);
      const ms = Math.round(performance.now() - started);
      const fields = { method: c.req.method, path: c.req.path, status: c.res.status, ms };
      if (ms >= SLOW_REQUEST_MS) logger.info("slow request", fields);
      else logger.debug("request", fields);
    });
  };
}
