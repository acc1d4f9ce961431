// A request id per request: answered as X-Request-Id, kept in the context (`requestId`) and written on
// the HTTP layer's log lines for the request (this one's, the error handler's). An incoming X-Request-Id is kept only from the trusted proxy (and only if it looks
// like an id), so a client cannot plant ids or garbage in the logs.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "../../lib/logger.ts";

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Requests slower than this get an info line even when the per-request line is at debug. */
export const SLOW_REQUEST_MS = 1000;

/** What else wants each request's start and duration (the metrics), told by this middleware. */
export interface RequestTracker {
  start(): void;
  done(c: Context, seconds: number): void;
}

export function requestId(opts: {
  trustProxy: boolean;
  logger: Logger;
  track?: RequestTracker | null;
}): MiddlewareHandler<{ Variables: { requestId: string } }> {
  const { logger, track } = opts;
  return async (c, next) => {
    const incoming = opts.trustProxy ? c.req.header("x-request-id") : undefined;
    const id = incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
    c.set("requestId", id);
    const started = performance.now();
    track?.start();
    try {
      await next();
    } finally {
      track?.done(c, (performance.now() - started) / 1000);
    }
    c.res.headers.set("X-Request-Id", id);
    const ms = Math.round(performance.now() - started);
    const fields = { reqId: id, method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (ms >= SLOW_REQUEST_MS) logger.info("slow request", fields);
    else logger.debug("request", fields);
  };
}
