// The domain event bus. `publish` writes the event into the outbox inside the caller's transaction;
// after COMMIT the bus hands it to the durable consumers and to local listeners, so nothing ever sees an
// event whose transaction rolled back.
//
// Durable consumers (notifications, reactions of other modules) handle each event inside their own
// transaction, which also advances their position: a consumer's writes happen exactly once, and a crash
// between COMMIT and delivery is made good by `deliver()` at start-up and on every scheduler tick.
// The publishing write's promise resolves only after its events were delivered, so a request sees the
// reactions to what it did. Local listeners (`onCommitted`) get the events of each commit in this
// process: the seam for the cross-node relay (Postgres NOTIFY of the seq) and for /ws.
import type { Db, DrizzleDb } from "../db/client.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { eventsRepo } from "./repo.ts";
import type { DomainEvent, DomainEvents, EventName } from "./types.ts";

export type EventHandlers = {
  [N in EventName]?: (tx: DrizzleDb, payload: DomainEvents[N], event: DomainEvent<N>) => void;
};

/** After this many failed attempts an event is skipped by that consumer (and logged), not retried forever. */
export const MAX_ATTEMPTS = 5;
const BATCH = 100;

interface Consumer {
  name: string;
  handlers: EventHandlers;
  names: string[];
  running: Promise<void> | null;
  again: boolean;
}

export function createEventBus(deps: { db: Db; clock: Clock; logger: Logger }) {
  const { db, clock, logger } = deps;
  const consumers = new Map<string, Consumer>();
  const listeners: ((events: DomainEvent[]) => void)[] = [];
  /** Events published in the open transaction (one transaction at a time holds the writer). */
  let pending: DomainEvent[] | null = null;

  /** Handles what is new for one consumer, one transaction per batch; true if there may be more. */
  async function step(c: Consumer): Promise<boolean> {
    return db.write((tx) => {
      const pos = eventsRepo.consumer(tx, c.name) ?? { lastSeq: 0, failures: 0, lastError: null };
      const rows = eventsRepo.after(tx, pos.lastSeq, c.names, BATCH);
      let lastSeq = pos.lastSeq;
      let failures = pos.failures;
      let lastError = pos.lastError;
      let blocked = false;
      for (const row of rows) {
        const handler = c.handlers[row.name as EventName] as
          ((tx: DrizzleDb, payload: unknown, event: DomainEvent) => void) | undefined;
        db.raw.writer.exec("SAVEPOINT event_handler");
        try {
          handler?.(tx, row.payload, row as DomainEvent);
          db.raw.writer.exec("RELEASE event_handler");
          lastSeq = row.seq;
          failures = 0;
          lastError = null;
        } catch (err) {
          db.raw.writer.exec("ROLLBACK TO event_handler");
          db.raw.writer.exec("RELEASE event_handler");
          failures++;
          lastError = String(err);
          const skip = failures >= MAX_ATTEMPTS;
          logger.error("event consumer failed", {
            consumer: c.name,
            seq: row.seq,
            event: row.name,
            attempt: failures,
            skipped: skip,
            err: lastError,
          });
          if (!skip) {
            blocked = true;
            break;
          }
          lastSeq = row.seq;
          failures = 0;
        }
      }
      // Caught up: move past events of other names too, so pruning is not held back by a quiet consumer.
      // (Safe with one writer; with concurrent writers a later seq can commit first — see ARCHITECTURE.md.)
      if (!blocked && rows.length < BATCH) lastSeq = Math.max(lastSeq, eventsRepo.lastSeq(tx));
      if (lastSeq !== pos.lastSeq || failures !== pos.failures)
        eventsRepo.saveConsumer(tx, c.name, { lastSeq, failures, lastError }, clock.now());
      return !blocked && rows.length === BATCH;
    });
  }

  /** Runs one consumer until it has caught up; concurrent callers share the run (and one more pass). */
  function drain(c: Consumer): Promise<void> {
    if (c.running) {
      c.again = true;
      return c.running;
    }
    c.running = (async () => {
      try {
        do {
          c.again = false;
          while (await step(c));
        } while (c.again);
      } finally {
        c.running = null;
      }
    })();
    return c.running;
  }

  async function committed(batch: DomainEvent[]): Promise<void> {
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (err) {
        logger.error("event listener failed", { err: String(err) });
      }
    }
    const names = new Set(batch.map((e) => e.name));
    const due = [...consumers.values()].filter((c) => c.names.some((n) => names.has(n as EventName)));
    for (const c of due) await drain(c);
  }

  return {
    /** Records an event inside the caller's write; it is delivered after that write commits. */
    publish<N extends EventName>(tx: DrizzleDb, name: N, payload: DomainEvents[N]): void {
      const createdAt = clock.now();
      const seq = eventsRepo.insert(tx, name, payload as Record<string, unknown>, createdAt);
      if (!pending) {
        const batch: DomainEvent[] = (pending = []);
        db.onTxEnd(() => (pending = null));
        db.afterCommit(() => committed(batch));
      }
      pending.push({ seq, name, payload, createdAt } as DomainEvent);
    },

    /** Registers a durable consumer; `name` is its stored position, so it must never change. */
    consume(name: string, handlers: EventHandlers): void {
      if (consumers.has(name)) throw new Error(`event consumer ${name} registered twice`);
      consumers.set(name, { name, handlers, names: Object.keys(handlers), running: null, again: false });
    },

    /** Called with the events of every commit in this process, in order (no durability). */
    onCommitted(fn: (events: DomainEvent[]) => void): void {
      listeners.push(fn);
    },

    /** Brings every consumer up to date (start-up, scheduler tick). */
    async deliver(): Promise<void> {
      for (const c of consumers.values()) await drain(c);
    },

    /** Forgets events older than `keepMs` that every consumer has handled. */
    async prune(keepMs: number): Promise<number> {
      return db.write((tx) => {
        let upTo = eventsRepo.lastSeq(tx);
        for (const c of consumers.values())
          upTo = Math.min(upTo, eventsRepo.consumer(tx, c.name)?.lastSeq ?? 0);
        return eventsRepo.prune(tx, clock.now() - keepMs, upTo);
      });
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
