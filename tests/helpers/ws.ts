// A /ws client for tests (the `ws` package, as a native app would use): it authenticates with its first
// frame and collects what the server sends, so a test can wait for a frame and look at all of them.
import { WebSocket } from "ws";

export type Frame = { type: string; seq?: number; [k: string]: any };

export interface WsClient {
  frames: Frame[];
  /** Resolves with the first frame (from the start) that matches and was not taken before. */
  next(match?: string | ((f: Frame) => boolean), timeoutMs?: number): Promise<Frame>;
  send(frame: unknown): void;
  close(): Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** The largest seq received (the `after` of a reconnect). */
  lastSeq(): number;
}

export function wsUrl(base: string): string {
  return base.replace(/^http/, "ws") + "/ws";
}

/** Opens a socket; sends `auth` unless `auth: false`. Headers: cookie and origin for the browser path. */
export async function openWs(
  base: string,
  opts: { token?: string; after?: number; auth?: boolean; headers?: Record<string, string> } = {},
): Promise<WsClient> {
  const ws = new WebSocket(wsUrl(base), { headers: opts.headers, perMessageDeflate: false });
  const frames: Frame[] = [];
  const taken = new Set<number>();
  const waiters: (() => void)[] = [];
  ws.on("message", (raw) => {
    frames.push(JSON.parse(raw.toString()) as Frame);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((ok) =>
    ws.on("close", (code, reason) => {
      ok({ code, reason: reason.toString() });
      for (const w of waiters.splice(0)) w();
    }),
  );
  await new Promise<void>((ok, fail) => {
    ws.once("open", () => ok());
    ws.once("error", fail);
  });
  if (opts.auth !== false)
    ws.send(
      JSON.stringify({
        type: "auth",
        ...(opts.token ? { token: opts.token } : {}),
        ...(opts.after !== undefined ? { after: opts.after } : {}),
      }),
    );
  const client: WsClient = {
    frames,
    async next(match, timeoutMs = 5000) {
      const test = typeof match === "string" ? (f: Frame) => f.type === match : (match ?? (() => true));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = frames.findIndex((f, n) => !taken.has(n) && test(f));
        if (i >= 0) {
          taken.add(i);
          return frames[i]!;
        }
        const left = deadline - Date.now();
        if (left <= 0 || ws.readyState === WebSocket.CLOSED)
          throw new Error(
            `no ${typeof match === "string" ? match : "matching"} frame; got ${JSON.stringify(frames)}`,
          );
        await new Promise<void>((ok) => {
          const t = setTimeout(ok, left);
          waiters.push(() => {
            clearTimeout(t);
            ok();
          });
        });
      }
    },
    send: (frame) => ws.send(JSON.stringify(frame)),
    async close() {
      if (ws.readyState !== WebSocket.CLOSED) {
        ws.close();
        await closed;
      }
    },
    closed,
    lastSeq: () => Math.max(0, ...frames.map((f) => f.seq ?? 0)),
  };
  return client;
}
