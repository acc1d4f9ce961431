// The one place errors become HTTP responses: {"error":{"code","message","details"?}}; never a stack or SQL.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../../lib/logger.ts";
import { AppError, Busy, resourceFault, TooManyRequests, type ErrorKind } from "../../lib/errors.ts";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  upstream_failed: 502,
  unavailable: 503,
  insufficient_storage: 507,
  unavailable_for_legal_reasons: 451,
};

/** The request's id (request-id middleware), for the lines logged here. */
const reqIdOf = (c: Context): string | undefined => (c.get as (k: string) => unknown)("requestId") as string;

export function errorHandler(logger: Logger) {
  return (thrown: Error, c: Context) => {
    // A full disk or a locked database is the machine's state, not a bug: 507 / 503, logged as a warning.
    let err = thrown;
    if (!(err instanceof AppError)) {
      const fault = resourceFault(err);
      if (fault) {
        logger.warn("request refused: resource fault", {
          reqId: reqIdOf(c),
          path: c.req.path,
          method: c.req.method,
          code: fault.code,
          err: String(thrown),
        });
        err = fault;
      }
    }
    if (err instanceof AppError) {
      if (err instanceof TooManyRequests || err instanceof Busy)
        c.header("Retry-After", String(err.retryAfterSeconds));
      // A provider or the database failing is the operator's business: logged with the request's id.
      if (err === thrown && (err.kind === "upstream_failed" || err.kind === "unavailable"))
        logger.warn("request failed", {
          reqId: reqIdOf(c),
          path: c.req.path,
          method: c.req.method,
          code: err.code,
          err: err.message,
        });
      const body = {
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      };
      return c.json(body, STATUS[err.kind]);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      // 415: a declared JSON body sent as something else (the route's content-type check).
      const known: Partial<Record<number, [string, string]>> = {
        400: ["invalid_request", "Malformed request body."],
        413: ["payload_too_large", err.message || "Request failed."],
        415: ["unsupported_media_type", "Send the body as JSON (Content-Type: application/json)."],
      };
      const [code, message] = known[status] ?? ["http_error", err.message || "Request failed."];
      return c.json({ error: { code, message } }, status);
    }
    logger.error("unhandled error", {
      reqId: reqIdOf(c),
      path: c.req.path,
      method: c.req.method,
      err: String(err),
      stack: err.stack,
    });
    return c.json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
  };
}
