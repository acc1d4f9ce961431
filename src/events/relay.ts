// The cross-node relay (PostgreSQL sites): what one node's writes change reaches the other nodes over
// LISTEN/NOTIFY on one channel. Two kinds of notice, both ids and names only (far below NOTIFY's
// 8,000-byte limit, split when a burst is bigger): cache keys a write made this node forget (the others
// forget them too), and the seq and name of each committed domain event (the bus hands them to its
// `onRemote` listeners, the seam for /ws fan-out). A dropped LISTEN connection is re-made; since notices
// sent meanwhile are lost, every cache is then cleared. Durable consumers need none of this: they read
// the outbox table, and the node that published delivers (or the scheduler's catch-up does).
import type { AppContext } from "../context.ts";

const CHANNEL = "fanz";
/** Payload budget per NOTIFY (PostgreSQL refuses 8,000 bytes and more). */
const MAX_PAYLOAD = 7000;

interface Notice {
  /** The sending node: its own notices come back to it and are ignored. */
  n: string;
  /** Cache name and key pairs to forget. */
  c?: [string, string][];
  /** Committed domain events: seq and name. */
  e?: [number, string][];
  /** Signals (lib/signals.ts): topic and data. */
  s?: [string, unknown][];
}

export function startRelay(
  ctx: Pick<AppContext, "db" | "nodeId" | "caches" | "events" | "signals" | "logger">,
): void {
  const channel = ctx.db.channel;
  if (!channel) return;
  let keys: [string, string][] = [];
  let events: [number, string][] = [];
  let signals: [string, unknown][] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const notices: Notice[] = [];
    let current: Notice = { n: ctx.nodeId };
    let size = JSON.stringify(current).length;
    const add = (field: "c" | "e" | "s", item: [string, string] | [number, string] | [string, unknown]) => {
      const cost = JSON.stringify(item).length + 8;
      if (size + cost > MAX_PAYLOAD) {
        notices.push(current);
        current = { n: ctx.nodeId };
        size = JSON.stringify(current).length;
      }
      ((current[field] ??= []) as unknown[]).push(item);
      size += cost;
    };
    for (const k of keys) add("c", k);
    for (const e of events) add("e", e);
    for (const s of signals) add("s", s);
    keys = [];
    events = [];
    signals = [];
    if (current.c || current.e || current.s) notices.push(current);
    for (const notice of notices) {
      channel!.notify(CHANNEL, JSON.stringify(notice)).catch((err: unknown) =>
        ctx.logger.warn("cross-node notice not sent (other nodes rely on their cache TTL)", {
          err: String(err),
        }),
      );
    }
  }
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  ctx.caches.send = (name, key) => {
    keys.push([name, key]);
    schedule();
  };
  ctx.signals.send = (topic, data) => {
    signals.push([topic, data]);
    schedule();
  };
  ctx.events.onCommitted((batch) => {
    for (const e of batch) events.push([e.seq, e.name]);
    schedule();
  });

  channel.listen(
    CHANNEL,
    (payload) => {
      let notice: Notice;
      try {
        notice = JSON.parse(payload) as Notice;
      } catch {
        return;
      }
      if (notice.n === ctx.nodeId) return;
      for (const [name, key] of notice.c ?? []) ctx.caches.forgetLocal(name, key);
      if (notice.e?.length) ctx.events.receivedRemote(notice.e.map(([seq, name]) => ({ seq, name })));
      for (const [topic, data] of notice.s ?? []) ctx.signals.received(topic, data);
    },
    () => {
      ctx.logger.warn("cross-node channel re-connected; caches cleared");
      ctx.caches.forgetLocal(null);
    },
  );
}
