// Structured logs: one JSON line per event on stderr (pino), level-filtered. Lines written while a request
// is handled carry its id (`reqId`), taken from an AsyncLocalStorage scope so services log as they always
// do, without knowing about HTTP.
import { AsyncLocalStorage } from "node:async_hooks";
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

const requestScope = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts) as the handling of request `reqId`. */
export function inRequest<T>(reqId: string, fn: () => T): T {
  return requestScope.run(reqId, fn);
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
      mixin: () => {
        const reqId = requestScope.getStore();
        return reqId === undefined ? {} : { reqId };
      },
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
