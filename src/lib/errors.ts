// What went wrong, in domain terms: a kind, a stable code the API sends, a message for people and
// optional details. Nothing here knows HTTP: src/http/middleware/errors.ts maps each kind to a status.
import type { z } from "zod";

export type ErrorKind =
  | "invalid"
  | "unauthorized"
  | "payment_required"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "upstream_failed"
  | "unavailable"
  | "insufficient_storage"
  | "unavailable_for_legal_reasons";

export type ErrorDetails = Record<string, unknown>;

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

export class Invalid extends AppError {
  constructor(message: string, details?: ErrorDetails, code = "invalid_request") {
    super("invalid", code, message, details);
  }
}
export class Unauthorized extends AppError {
  constructor(message = "You need to log in.", code = "unauthorized") {
    super("unauthorized", code, message);
  }
}
export class PaymentRequired extends AppError {
  constructor(message: string, code = "payment_required") {
    super("payment_required", code, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = "You are not allowed to do that.", code = "forbidden") {
    super("forbidden", code, message);
  }
}
export class NotFound extends AppError {
  /** `what` names the missing thing ("Post" → "Post not found."); without it the message is "Not found.". */
  constructor(what?: string, code = "not_found") {
    super("not_found", code, what ? `${what} not found.` : "Not found.");
  }
}
export class Conflict extends AppError {
  constructor(message: string, code = "conflict", details?: ErrorDetails) {
    super("conflict", code, message, details);
  }
}
export class TooLarge extends AppError {
  constructor(message: string, code = "payload_too_large") {
    super("too_large", code, message);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor(message: string, code = "unsupported_media_type") {
    super("unsupported_media_type", code, message);
  }
}
export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("too_many_requests", "rate_limited", message, { retryAfterSeconds });
  }
}
/** A server we depend on (an SMTP server) failed; the message carries its own words. */
export class UpstreamFailed extends AppError {
  constructor(message: string, code = "upstream_failed") {
    super("upstream_failed", code, message);
  }
}
export class Unavailable extends AppError {
  constructor(message: string, code = "unavailable") {
    super("unavailable", code, message);
  }
}

/** Unavailable for a moment (the database is locked by someone else): the answer says when to try again. */
export class Busy extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = "database_busy",
  ) {
    super("unavailable", code, message, { retryAfterSeconds });
  }
}

/** The disk (or the database's) is full: nothing was stored; the same request works once space returns. */
export class InsufficientStorage extends AppError {
  constructor(
    message = "The server has no space left to store this. Nothing was saved; try again later.",
    code = "insufficient_storage",
  ) {
    super("insufficient_storage", code, message);
  }
}

/** Seconds a client is told to wait after the database was too busy to take its write. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

// Error codes of the file system and the two database drivers that mean a resource ran out, not a bug.
const FULL = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL", "53100"]);
const BUSY = new Set([
  "SQLITE_BUSY",
  "SQLITE_BUSY_RECOVERY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
  "55P03", // lock_not_available: lock_timeout ran out
  "57014", // query_canceled: statement_timeout ran out
  "53300", // too_many_connections
]);

/**
 * A full disk or a locked database behind `err` (also when a driver error is wrapped as a cause), as the
 * error to answer with; null for anything else.
 */
export function resourceFault(err: unknown): AppError | null {
  for (
    let e = err as { code?: unknown; cause?: unknown; message?: unknown } | undefined, i = 0;
    e && i < 5;
    i++
  ) {
    if (e instanceof InsufficientStorage || e instanceof Busy) return e;
    const code = typeof e.code === "string" ? e.code : "";
    if (FULL.has(code)) return new InsufficientStorage();
    // node-postgres' pool gives up waiting for a free connection with this message and no code.
    if (BUSY.has(code) || e.message === "timeout exceeded when trying to connect")
      return new Busy("The database is busy; try again in a moment.", BUSY_RETRY_AFTER_SECONDS);
    e = e.cause as typeof e;
  }
  return null;
}

/** The content may not be shown where the viewer is (a creator's blocked countries): HTTP 451. */
export class LegallyUnavailable extends AppError {
  constructor(message: string, code = "geo_blocked", details?: ErrorDetails) {
    super("unavailable_for_legal_reasons", code, message, details);
  }
}

/** A zod failure as `{ "path.to.field": "first message" }`, the `fields` detail of an Invalid. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "(body)";
    fields[key] ??= issue.message;
  }
  return fields;
}
