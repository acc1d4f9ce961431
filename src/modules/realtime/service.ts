// Real time: each person's stream of events for /ws (new messages, read receipts, notifications...).
// Another module adds to a person's stream inside its own write (`pushTx`); the event is stored with
// the person's next seq, so a client that reconnects with the last seq it saw gets exactly what it
// missed, also after a restart, and the events of one person commit in seq order (the seq is taken
// under their stream row's lock). After COMMIT the events go to this node's sockets at once and, as
// (person, seq) signals, to the other nodes, which read them from the table. Typing indicators are
// ephemeral: sent, never stored or replayed. The module knows nothing of what its events mean.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { HOUR } from "../../lib/clock.ts";
import { realtimeRepo } from "./repo.ts";
import type { UserEventRow } from "./tables.ts";

/** A frame as a client receives it: its type, the person's seq, and the event's own fields. */
export type Frame = { type: string; seq: number } & Record<string, unknown>;

/** One connected socket of one person, as the ws layer gives it. */
export interface RealtimeClient {
  userId: string;
  send(frame: Frame | { type: string }): void;
}

export interface Push {
  userId: string;
  type: string;
  data: Record<string, unknown>;
}

interface Connection {
  client: RealtimeClient;
  /** The last seq this socket was sent. */
  lastSeq: number;
  /** Reading missed events from the table; live ones wait in `queue` meanwhile. */
  syncing: boolean;
  again: boolean;
  queue: Frame[];
}

const STORED = "rt";
const EPHEMERAL = "rt.x";
const REPLAY_BATCH = 200;
/** A client further behind than this is told to resync rather than replayed. */
const MAX_REPLAY = 5000;

const frameOf = (r: Pick<UserEventRow, "type" | "seq" | "data">): Frame => ({
  ...r.data,
  type: r.type,
  seq: r.seq,
});

export function createRealtimeService(ctx: AppContext) {
  const byUser = new Map<string, Set<Connection>>();

  function offer(c: Connection, frames: Frame[]): void {
    if (c.syncing) {
      c.queue.push(...frames);
      return;
    }
    for (const f of frames) {
      if (f.seq <= c.lastSeq) continue;
      if (f.seq !== c.lastSeq + 1) {
        // One of this person's events is not here yet (it reached the table first): read them in order.
        void catchUp(c);
        return;
      }
      c.client.send(f);
      c.lastSeq = f.seq;
    }
  }

  async function catchUp(c: Connection): Promise<void> {
    if (c.syncing) {
      c.again = true;
      return;
    }
    c.syncing = true;
    try {
      do {
        c.again = false;
        for (;;) {
          const rows = await realtimeRepo.after(ctx.db.read, c.client.userId, c.lastSeq, REPLAY_BATCH);
          for (const r of rows) {
            if (r.seq <= c.lastSeq) continue;
            c.client.send(frameOf(r));
            c.lastSeq = r.seq;
          }
          if (rows.length < REPLAY_BATCH) break;
        }
      } while (c.again);
    } catch (err) {
      ctx.logger.warn("real-time catch-up failed", { err: String(err) });
    } finally {
      c.syncing = false;
    }
    const queued = c.queue;
    c.queue = [];
    if (queued.length) offer(c, queued);
  }

  function deliver(frames: Map<string, Frame[]>): void {
    for (const [userId, list] of frames) for (const c of byUser.get(userId) ?? []) offer(c, list);
  }

  ctx.signals.on(STORED, (data) => {
    const [userId, seq] = data as [string, number];
    for (const c of byUser.get(userId) ?? []) if (seq > c.lastSeq) void catchUp(c);
  });
  ctx.signals.on(EPHEMERAL, (data) => {
    const { users, frame } = data as { users: string[]; frame: Record<string, unknown> };
    sendEphemeral(users, frame);
  });

  function sendEphemeral(userIds: string[], frame: Record<string, unknown>): void {
    for (const id of userIds)
      for (const c of byUser.get(id) ?? [])
        c.client.send({ ...frame, type: String(frame.type), seq: c.lastSeq });
  }

  return {
    /** Adds events to people's streams inside the caller's write; they go out after it commits. */
    async pushTx(tx: DrizzleDb, items: Push[]): Promise<void> {
      if (items.length === 0) return;
      const counts = new Map<string, number>();
      for (const i of items) counts.set(i.userId, (counts.get(i.userId) ?? 0) + 1);
      const last = await realtimeRepo.takeSeqs(tx, counts);
      const next = new Map([...counts].map(([u, n]) => [u, last.get(u)! - n + 1]));
      const now = ctx.clock.now();
      const rows: UserEventRow[] = items.map((i) => {
        const seq = next.get(i.userId)!;
        next.set(i.userId, seq + 1);
        return { userId: i.userId, seq, type: i.type, data: i.data, createdAt: now };
      });
      await realtimeRepo.insertEvents(tx, rows);
      ctx.db.afterCommit(tx, () => {
        const frames = new Map<string, Frame[]>();
        for (const r of rows) {
          const list = frames.get(r.userId);
          if (list) list.push(frameOf(r));
          else frames.set(r.userId, [frameOf(r)]);
        }
        deliver(frames);
        for (const [userId, seq] of last) ctx.signals.publish(STORED, [userId, seq]);
      });
    },

    /** A frame that is not stored (typing): to these people's sockets on every node, now or never. */
    ephemeral(userIds: string[], frame: { type: string } & Record<string, unknown>): void {
      sendEphemeral(userIds, frame);
      ctx.signals.publish(EPHEMERAL, { users: userIds, frame });
    },

    /**
     * A socket authenticated as `client.userId`: it is sent `ready` with the person's newest seq, then,
     * if it asked for what came after `after`, those events in order — or `resync` when they are no
     * longer kept (the client reloads instead) — then live events. Returns the disconnect function.
     */
    async connect(client: RealtimeClient, after?: number): Promise<() => void> {
      const newest = await realtimeRepo.lastSeq(ctx.db.read, client.userId);
      let start = newest;
      let resync = false;
      if (after !== undefined && after !== newest) {
        const oldest = await realtimeRepo.oldestSeq(ctx.db.read, client.userId);
        resync = after > newest || newest - after > MAX_REPLAY || oldest === null || oldest > after + 1;
        if (!resync) start = after;
      }
      const c: Connection = { client, lastSeq: start, syncing: false, again: false, queue: [] };
      let set = byUser.get(client.userId);
      if (!set) byUser.set(client.userId, (set = new Set()));
      set.add(c);
      client.send({ type: "ready", seq: newest });
      if (resync) client.send({ type: "resync" });
      else if (start < newest) void catchUp(c);
      return () => {
        const s = byUser.get(client.userId);
        s?.delete(c);
        if (s?.size === 0) byUser.delete(client.userId);
      };
    },

    /** Whether the person has a socket open on this node. */
    connectedHere: (userId: string): boolean => byUser.has(userId),
    /** Open sockets on this node. */
    connections: (): number => {
      let n = 0;
      for (const s of byUser.values()) n += s.size;
      return n;
    },

    /** Scheduler step: forgets events older than the replay window. */
    prune: (): Promise<number> =>
      ctx.db.write((tx) => realtimeRepo.prune(tx, ctx.clock.now() - ctx.config.messages.replay_hours * HOUR)),
  };
}

export type RealtimeService = ReturnType<typeof createRealtimeService>;
