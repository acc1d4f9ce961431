// RTMP ingest: node-media-server's RTMP session (protocol and fan-out to players) on a listener of our own,
// so the port can be 0 in tests and a bind failure is reported instead of exiting the process.
//
// Publishing: OBS sends `rtmp://host:1935/live/<stream key>`. The key is checked before anything of the
// stream is used (node-media-server's own events are fire-and-forget): the socket is paused while the
// service looks the key up and goes live, and destroyed when it refuses. The stream is moved to an internal
// path named after the key's hash, `/fanz/<hash>`, so the key never appears in a URL, a process list or a
// log line, and a reconnect with the same key lands on the same broadcast (which node-media-server then
// continues: same timeline). Playing: only our own ffmpeg, from this host, with the per-process token.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import RtmpSession from "node-media-server/src/session/rtmp_session.js";
import BroadcastServer from "node-media-server/src/server/broadcast_server.js";
import Context from "node-media-server/src/core/context.js";
import nmsLogger from "node-media-server/src/core/logger.js";
import type { Logger } from "../../lib/logger.ts";

/** What the ingest knows of a publisher once the service let it in. */
export interface Publisher {
  keyHash: string;
  /** The stream it feeds. */
  streamId: string;
  /** When the service let it in (the stream's `published_at`): its leaving ends only this publish. */
  publishedAt: number;
}

export interface IngestHooks {
  /** A publisher with this key (hashed) arrived: the stream it goes live as, or null to refuse it. */
  publish(keyHash: string): Promise<{ streamId: string; publishedAt: number } | null>;
  /** Its RTMP session is up and readable at `playUrl` (start the transmuxer). */
  started(p: Publisher, playUrl: string): void;
  /** Its connection closed (it may come back within the reconnect window). */
  left(p: Publisher): void;
}

export const hashKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/** The key as logs may show it: its first characters only. */
export const redactKey = (key: string): string => `${key.slice(0, 8)}…`;

const KEY_IN_TEXT = /(\/live\/)([A-Za-z0-9_-]{8})[A-Za-z0-9_-]*/g;

export interface Ingest {
  port: number;
  /** Cuts the publisher of this key (rotation, the creator ended the stream). */
  kick(keyHash: string): boolean;
  publishers(): Publisher[];
  close(): Promise<void>;
}

export async function startIngest(opts: {
  host: string;
  port: number;
  logger: Logger;
  hooks: IngestHooks;
}): Promise<Ingest> {
  const { logger, hooks } = opts;
  // node-media-server logs every session with its stream path (the key): to our log at debug, key cut.
  nmsLogger.level = "trace";
  nmsLogger.log = (message: string, level = "info") => {
    const text = String(message).replace(KEY_IN_TEXT, "$1$2…");
    if (level === "error" || level === "warn") logger.warn("rtmp", { detail: text });
    else logger.debug("rtmp", { detail: text });
  };
  Context.config = { rtmp: { port: opts.port } };
  const token = randomBytes(16).toString("hex");
  const live = new Map<string, { session: RtmpSession; publisher: Publisher }>();
  const sockets = new Set<Socket>();

  function isOurPlayer(session: RtmpSession): boolean {
    const given = session.streamQuery.t;
    const addr = session.socket.remoteAddress ?? "";
    if (session.streamApp !== "fanz" || typeof given !== "string" || given.length !== token.length)
      return false;
    if (!(addr === "127.0.0.1" || addr === "::1" || addr === "::ffff:127.0.0.1")) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(token));
  }

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    const session = new RtmpSession(socket);
    const push = session.onPush;
    const play = session.onPlay;
    session.onPlay = () => {
      if (!isOurPlayer(session)) {
        logger.warn("rtmp play refused", { from: socket.remoteAddress });
        socket.destroy();
        return;
      }
      play();
    };
    session.onPush = () => {
      if (session.streamApp !== "live") {
        socket.destroy();
        return;
      }
      const key = session.streamName;
      const keyHash = hashKey(key);
      // One publisher per key: a second one while the first still sends is refused.
      if (live.has(keyHash)) {
        logger.warn("rtmp publish refused: already publishing", { key: redactKey(key) });
        socket.destroy();
        return;
      }
      // The broadcast made for /live/<key> moves to /fanz/<hash> before any packet reaches it.
      const path = `/fanz/${keyHash.slice(0, 32)}`;
      const made = session.broadcast as BroadcastServer;
      if (Context.broadcasts.get(session.streamPath) === made) Context.broadcasts.delete(session.streamPath);
      const existing = Context.broadcasts.get(path) as BroadcastServer | undefined;
      const broadcast = existing ?? made;
      broadcast.streamPath = path;
      Context.broadcasts.set(path, broadcast);
      session.streamPath = path;
      session.streamName = keyHash.slice(0, 32);
      session.broadcast = broadcast;
      socket.pause();
      hooks
        .publish(keyHash)
        .then((admitted) => {
          if (!admitted || socket.destroyed) {
            logger.warn("rtmp publish refused", { key: redactKey(key), from: socket.remoteAddress });
            socket.destroy();
            return;
          }
          const publisher: Publisher = {
            keyHash,
            ...admitted,
          };
          push();
          if ((broadcast as { publisher: unknown }).publisher !== session) {
            socket.destroy();
            return;
          }
          live.set(keyHash, { session, publisher });
          socket.on("close", () => {
            if (live.get(keyHash)?.session === session) live.delete(keyHash);
            hooks.left(publisher);
          });
          socket.resume();
          hooks.started(publisher, `rtmp://127.0.0.1:${port}${path}?t=${token}`);
        })
        .catch((err: unknown) => {
          logger.error("rtmp publish failed", { err: String(err) });
          socket.destroy();
        });
    };
    session.run();
    Context.sessions.set(session.id, session);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info("rtmp ingest listening", { host: opts.host, port });

  return {
    port,
    kick(keyHash) {
      const entry = live.get(keyHash);
      if (!entry) return false;
      entry.session.socket.destroy();
      return true;
    },
    publishers: () => [...live.values()].map((e) => e.publisher),
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
