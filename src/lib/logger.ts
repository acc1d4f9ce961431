// Structured logs: one JSON line per event on stderr (pino), level-filtered. The HTTP layer's lines (the
// request line, slow requests, errors answered 5xx) carry the request's id (`reqId`); service lines carry
// the ids of what they concern. Not through an AsyncLocalStorage scope: on Node 20 a live one runs a hook
// for every promise, which cost a feed request about a seventh of its CPU (bench/RESULTS.md).
import pino from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Resolves once every line so far has been written out. */
  flush(): Promise<void>;
}

/**
 * `sink` receives each line (tests capture them). Without it lines go to fd 2 through pino's
 * asynchronous writer, which pino itself flushes synchronously when the process exits, crashes included.
 * No transports: they run in worker threads, which the single-executable bundle does not carry.
 */
export function createLogger(level: LogLevel, sink?: (line: string) => void): Logger {
  const dest = sink ? { write: sink } : pino.destination({ dest: 2, sync: false });
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: () => `,"t":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    dest,
  );
  const at = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) =>
    fields ? log[lvl](fields, msg) : log[lvl](msg);
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    flush: () => new Promise<void>((ok) => log.flush(() => ok())),
  };
}
