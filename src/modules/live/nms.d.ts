// The parts of node-media-server 4.x (no types of its own) the RTMP ingest uses: its RTMP session and the
// process-wide context that holds the broadcasts (one per stream path) and their events.
declare module "node-media-server/src/session/rtmp_session.js" {
  import type { Socket } from "node:net";
  export default class RtmpSession {
    constructor(socket: Socket);
    id: string;
    ip: string;
    socket: Socket;
    streamApp: string;
    streamName: string;
    streamPath: string;
    streamQuery: Record<string, string | string[] | undefined>;
    broadcast: unknown;
    run(): void;
    onPush: () => void;
    onPlay: () => void;
  }
}
declare module "node-media-server/src/server/broadcast_server.js" {
  export default class BroadcastServer {
    constructor(streamPath: string);
    streamPath: string;
    publisher: unknown;
    subscribers: Map<string, unknown>;
  }
}
declare module "node-media-server/src/core/context.js" {
  const Context: {
    config: Record<string, unknown>;
    sessions: Map<string, unknown>;
    broadcasts: Map<string, unknown>;
  };
  export default Context;
}
declare module "node-media-server/src/core/logger.js" {
  const logger: { level: string; log(message: string, level?: string): void };
  export default logger;
}
