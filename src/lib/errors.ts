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
