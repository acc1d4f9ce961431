// The /ws side of live streams: who on this node watches which stream (a room per stream), chat frames
// in, broadcasts out. A broadcast goes to this node's members at once and to the other nodes as a signal
// (lib/signals.ts), which send it to theirs; nothing here is stored (chat lines are, by the service).
import type { AppContext } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import type { Role } from "../users/tables.ts";

export interface LiveClient {
  userId: string;
  role: Role;
  /** Where the socket came from (null: unknown), for the creator's blocked countries. */
  country: string | null;
  send(frame: object): void;
}

type JoinAnswer = { ok: true; muted: boolean } | { error: string; message: string };

const BROADCAST = "live.broadcast";
const EXPEL = "live.expel";
const MUTE = "live.mute";

export function createRooms(
  ctx: AppContext,
  deps: {
    mayJoin(userId: string, role: Role, streamId: string, country: string | null): Promise<JoinAnswer>;
    chat(userId: string, streamId: string, text: string): Promise<unknown>;
  },
) {
  /** streamId -> members on this node (a client is one socket). */
  const rooms = new Map<string, Map<LiveClient, { muted: boolean }>>();
  const lastViewers = new Map<string, number>();

  function sendLocal(streamId: string, frame: object, only?: (c: LiveClient) => boolean): void {
    for (const client of rooms.get(streamId)?.keys() ?? []) if (!only || only(client)) client.send(frame);
  }

  function leave(client: LiveClient, streamId: string): void {
    const room = rooms.get(streamId);
    if (!room) return;
    room.delete(client);
    if (room.size === 0) rooms.delete(streamId);
  }

  function expelLocal(streamId: string, userId: string): void {
    for (const client of [...(rooms.get(streamId)?.keys() ?? [])]) {
      if (client.userId !== userId) continue;
      client.send({ type: "live.removed", streamId });
      leave(client, streamId);
    }
  }
  function muteLocal(streamId: string, userId: string, muted: boolean): void {
    for (const [client, state] of rooms.get(streamId) ?? []) {
      if (client.userId !== userId) continue;
      state.muted = muted;
      client.send({ type: "live.muted", streamId, muted });
    }
  }

  ctx.signals.on(BROADCAST, (data) => {
    const { streamId, frame } = data as { streamId: string; frame: object };
    sendLocal(streamId, frame);
  });
  ctx.signals.on(EXPEL, (data) => {
    const { streamId, userId } = data as { streamId: string; userId: string };
    expelLocal(streamId, userId);
  });
  ctx.signals.on(MUTE, (data) => {
    const { streamId, userId, muted } = data as { streamId: string; userId: string; muted: boolean };
    muteLocal(streamId, userId, muted);
  });

  const errorFrame = (streamId: string, code: string, message: string) => ({
    type: "live.error",
    streamId,
    code,
    message,
  });

  return {
    /** A client frame of type live.* (src/http/ws.ts). */
    async onFrame(client: LiveClient, msg: Record<string, unknown>): Promise<void> {
      const streamId = typeof msg.streamId === "string" ? msg.streamId.slice(0, 40) : "";
      if (!streamId) {
        client.send(errorFrame("", "invalid", "A live frame names its streamId."));
        return;
      }
      if (msg.type === "live.join") {
        const answer = await deps.mayJoin(client.userId, client.role, streamId, client.country);
        if ("error" in answer) {
          client.send(errorFrame(streamId, answer.error, answer.message));
          return;
        }
        let room = rooms.get(streamId);
        if (!room) rooms.set(streamId, (room = new Map()));
        room.set(client, { muted: answer.muted });
        client.send({
          type: "live.joined",
          streamId,
          viewers: lastViewers.get(streamId) ?? room.size,
          muted: answer.muted,
        });
      } else if (msg.type === "live.leave") {
        leave(client, streamId);
      } else if (msg.type === "live.chat") {
        const state = rooms.get(streamId)?.get(client);
        if (!state) {
          client.send(errorFrame(streamId, "not_joined", "Join the stream before chatting."));
          return;
        }
        if (state.muted) {
          client.send(errorFrame(streamId, "muted", "The creator muted you in this stream."));
          return;
        }
        const text = typeof msg.text === "string" ? msg.text : "";
        try {
          await deps.chat(client.userId, streamId, text);
        } catch (err) {
          if (err instanceof AppError) client.send(errorFrame(streamId, err.code, err.message));
          else {
            ctx.logger.warn("live chat failed", { err: String(err) });
            client.send(errorFrame(streamId, "error", "The message was not sent; try again."));
          }
        }
      } else {
        client.send(errorFrame(streamId, "invalid", "Unknown live frame."));
      }
    },
    /** The socket closed: it leaves every room. */
    disconnect(client: LiveClient): void {
      for (const id of [...rooms.keys()]) leave(client, id);
    },
    broadcast(streamId: string, frame: object): void {
      sendLocal(streamId, frame);
      ctx.signals.publish(BROADCAST, { streamId, frame });
    },
    expel(streamId: string, userId: string): void {
      expelLocal(streamId, userId);
      ctx.signals.publish(EXPEL, { streamId, userId });
    },
    setMuted(streamId: string, userId: string, muted: boolean): void {
      muteLocal(streamId, userId, muted);
      ctx.signals.publish(MUTE, { streamId, userId, muted });
    },
    /** People (not sockets) watching each stream through this node. */
    localCounts(): Map<string, number> {
      const out = new Map<string, number>();
      for (const [id, room] of rooms) out.set(id, new Set([...room.keys()].map((c) => c.userId)).size);
      return out;
    },
    streamIds: () => rooms.keys(),
    /** Sends each room its stream's total when it changed. */
    announceViewers(totals: Map<string, number>): void {
      for (const id of rooms.keys()) {
        const n = totals.get(id) ?? 0;
        if (lastViewers.get(id) === n) continue;
        lastViewers.set(id, n);
        sendLocal(id, { type: "live.viewers", streamId: id, viewers: n });
      }
      for (const id of [...lastViewers.keys()]) if (!rooms.has(id)) lastViewers.delete(id);
    },
  };
}

export type LiveRooms = ReturnType<typeof createRooms>;
