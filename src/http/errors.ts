// Typed errors thrown by services, mapped to HTTP in exactly one place (middleware/errors.ts).
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class Invalid extends AppError {
  constructor(message: string, details?: Record<string, unknown>, code = "invalid_request") {
    super(400, code, message, details);
  }
}
export class Unauthorized extends AppError {
  constructor(message = "You need to log in.", code = "unauthorized") {
    super(401, code, message);
  }
}
export class PaymentRequired extends AppError {
  constructor(message: string, code = "payment_required") {
    super(402, code, message);
  }
}
export class Forbidden extends AppError {
  constructor(message = "You are not allowed to do that.", code = "forbidden") {
    super(403, code, message);
  }
}
export class NotFound extends AppError {
  constructor(what = "Resource", code = "not_found") {
    super(404, code, `${what} not found.`);
  }
}
export class Conflict extends AppError {
  constructor(message: string, code = "conflict", details?: Record<string, unknown>) {
    super(409, code, message, details);
  }
}
export class TooManyRequests extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message, { retryAfterSeconds });
  }
}
export class Unavailable extends AppError {
  constructor(message: string, code = "unavailable") {
    super(503, code, message);
  }
}
