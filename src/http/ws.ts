// /ws: the real-time channel, on the same HTTP server and port as the API (the `ws` package,
// permessage-deflate off: zlib contexts fragment memory, ws #1202). A client's first frame is
// {"type":"auth","token":"…","after"?:seq}; a browser may leave the token out when the upgrade carried the
// session cookie from this site's Origin (the API's CSRF rule). The server answers {"type":"ready","seq"}
// (then what came after `after`, or {"type":"resync"}) or closes with 4401. The realtime module owns what
// is sent; this file owns sockets: authentication, heartbeats, client frames (ping, typing, and live.*
// handed to the live module's rooms), slow consumers and shutdown.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import type { AppContext } from "../context.ts";
import type { LiveClient } from "../modules/live/rooms.ts";
import type { Services } from "../services.ts";
import { originAllowed, SESSION_COOKIE } from "./middleware/session.ts";
import { clientOrigin } from "./client-address.ts";

const AUTH_TIMEOUT_MS = 10_000;
/** Sessions are checked again this often on open sockets (a logout or a ban ends the socket). */
const REVALIDATE_MS = 5 * 60_000;
/** A socket whose unsent frames pass this is dropped; its client reconnects and replays. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** Client frames per second before the socket is closed. */
const MAX_FRAMES_PER_SECOND = 20;
/** Typing indicators per conversation and socket. */
const TYPING_EVERY_MS = 2000;

export const WS_CLOSE = { unauthorized: 4401, badFrame: 4400, tooFast: 4429, slow: 4408, shutdown: 1001 };

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

interface Socket {
  ws: WebSocket;
  alive: boolean;
  token: string | null;
  userId: string | null;
  validatedAt: number;
}

export function attachRealtime(
  server: Server,
  ctx: AppContext,
  s: Pick<Services, "auth" | "realtime" | "messages" | "live">,
) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 });
  const sockets = new Set<Socket>();

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/ws") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    // The cookie counts only from this site's pages (a cross-site page's socket must bring a token).
    const viaCookie = originAllowed(ctx, req.headers.origin, {
      host: req.headers.host,
      forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
      protocol: "encrypted" in req.socket && req.socket.encrypted ? "https" : "http",
    })
      ? cookieToken(req)
      : null;
    // The country, as for HTTP requests: live rooms are refused where their creator blocks it.
    const { country } = clientOrigin(
      ctx,
      (name) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v.join(", ") : v;
      },
      () => req.socket.remoteAddress,
    );
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, viaCookie, country));
  }
  server.on("upgrade", onUpgrade);

  function onSocket(ws: WebSocket, cookie: string | null, country: string | null): void {
    const sock: Socket = { ws, alive: true, token: null, userId: null, validatedAt: 0 };
    sockets.add(sock);
    ctx.metrics.ws.opened();
    let state: "auth" | "joining" | "ready" | "closed" = "auth";
    let disconnect: (() => void) | null = null;
    let liveClient: LiveClient | null = null;
    let frames = 0;
    let second = Date.now();
    const lastTyping = new Map<string, number>();
    const authTimer = setTimeout(() => {
      if (state === "auth" || state === "joining") ws.close(WS_CLOSE.unauthorized, "authenticate first");
    }, AUTH_TIMEOUT_MS);
    const send = (frame: object) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(WS_CLOSE.slow, "too far behind; reconnect with after");
        return;
      }
      ws.send(JSON.stringify(frame));
    };

    ws.on("pong", () => {
      sock.alive = true;
    });
    ws.on("message", (raw, isBinary) => {
      const t = Date.now();
      if (t - second >= 1000) {
        second = t;
        frames = 0;
      }
      if (++frames > MAX_FRAMES_PER_SECOND) {
        ws.close(WS_CLOSE.tooFast, "too many frames");
        return;
      }
      let msg: Record<string, unknown>;
      try {
        msg = isBinary ? {} : (JSON.parse(raw.toString()) as Record<string, unknown>);
      } catch {
        msg = {};
      }
      if (typeof msg !== "object" || msg === null || typeof msg.type !== "string") {
        ws.close(WS_CLOSE.badFrame, "frames are JSON objects with a type");
        return;
      }
      if (state === "auth") {
        if (msg.type !== "auth") {
          ws.close(WS_CLOSE.unauthorized, "authenticate first");
          return;
        }
        state = "joining";
        const token = typeof msg.token === "string" && msg.token.length < 500 ? msg.token : cookie;
        const after =
          typeof msg.after === "number" && Number.isSafeInteger(msg.after) && msg.after >= 0
            ? msg.after
            : undefined;
        void join(token, after);
        return;
      }
      if (state !== "ready") return;
      if (msg.type === "ping") send({ type: "pong" });
      else if (msg.type === "typing" && typeof msg.conversationId === "string") {
        const id = msg.conversationId.slice(0, 40);
        if (t - (lastTyping.get(id) ?? 0) < TYPING_EVERY_MS) return;
        lastTyping.set(id, t);
        s.messages
          .typing(sock.userId!, id)
          .catch((err: unknown) => ctx.logger.warn("typing frame failed", { err: String(err) }));
      } else if (msg.type.startsWith("live.") && liveClient) {
        s.live.rooms
          .onFrame(liveClient, msg)
          .catch((err: unknown) => ctx.logger.warn("live frame failed", { err: String(err) }));
      }
    });
    ws.on("close", () => {
      state = "closed";
      clearTimeout(authTimer);
      if (sockets.delete(sock)) ctx.metrics.ws.closed();
      disconnect?.();
      if (liveClient) s.live.rooms.disconnect(liveClient);
    });
    ws.on("error", () => ws.terminate());

    async function join(token: string | null, after: number | undefined): Promise<void> {
      try {
        const viewer = token ? await s.auth.validate(token) : null;
        if (!viewer) {
          ws.close(WS_CLOSE.unauthorized, "invalid or missing token");
          return;
        }
        sock.token = token;
        sock.userId = viewer.user.id;
        sock.validatedAt = Date.now();
        liveClient = { userId: viewer.user.id, role: viewer.user.role, country, send };
        const done = await s.realtime.connect({ userId: viewer.user.id, send }, after);
        // The socket may have closed while we looked the person up.
        if (state === "closed") done();
        else {
          disconnect = done;
          state = "ready";
          clearTimeout(authTimer);
        }
      } catch (err) {
        ctx.logger.warn("ws join failed", { err: String(err) });
        ws.close(1011, "try again");
      }
    }
  }

  // Heartbeats: a socket that did not answer the last ping is dead (a vanished phone, a cut cable).
  const heartbeat = setInterval(() => {
    const t = Date.now();
    for (const sock of sockets) {
      if (!sock.alive) {
        sock.ws.terminate();
        continue;
      }
      sock.alive = false;
      sock.ws.ping();
      if (sock.token && t - sock.validatedAt > REVALIDATE_MS) {
        sock.validatedAt = t;
        s.auth
          .validate(sock.token)
          .then((v) => {
            if (!v) sock.ws.close(WS_CLOSE.unauthorized, "session ended");
          })
          .catch(() => undefined);
      }
    }
  }, ctx.config.messages.heartbeat_seconds * 1000);
  heartbeat.unref();

  return {
    connections: () => sockets.size,
    /** Closes every socket (1001: clients reconnect elsewhere or later) and stops taking new ones. */
    async close(): Promise<void> {
      clearInterval(heartbeat);
      server.off("upgrade", onUpgrade);
      for (const sock of sockets) sock.ws.close(WS_CLOSE.shutdown, "server shutting down");
      const deadline = Date.now() + 2000;
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const sock of sockets) sock.ws.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
    },
  };
}
