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
import { savepoint } from "../db/query.ts";
import { mustRetryTransaction } from "../db/tx.ts";
import { eventsRepo } from "./repo.ts";
import type { DomainEvent, DomainEvents, EventName } from "./types.ts";

export type EventHandlers = {
  [N in EventName]?: (tx: DrizzleDb, payload: DomainEvents[N], event: DomainEvent<N>) => Promise<void> | void;
};

/** An event another node committed, as the relay tells of it (the payload is in the outbox by seq). */
export interface RemoteEvent {
  seq: number;
  name: string;
}

/** After this many failed attempts an event is skipped by that consumer (and logged), not retried forever. */
export const MAX_ATTEMPTS = 5;
const BATCH = 100;

interface Consumer {
  name: string;
  handlers: EventHandlers;
  names: string[];
}

export function createEventBus(deps: { db: Db; clock: Clock; logger: Logger }) {
  const { db, clock, logger } = deps;
  const consumers: Consumer[] = [];
  const listeners: ((events: DomainEvent[]) => void)[] = [];
  const remoteListeners: ((events: RemoteEvent[]) => void)[] = [];
  /** Events published in each open transaction, by its handle. */
  const pending = new WeakMap<DrizzleDb, DomainEvent[]>();
  /** Handles of the delivery passes running their handlers. */
  const delivering = new WeakSet<DrizzleDb>();
  /** Writes whose caller does not wait for the reactions (background work: a mass message's batches). */
  const unawaited = new WeakSet<DrizzleDb>();

  /**
   * One consumer's share of a delivery transaction: what is new for it, each event in a savepoint.
   * Returns the seq up to which it has had its attempt (all of it, unless its batch was full).
   */
  async function stepTx(tx: DrizzleDb, c: Consumer, newest: number): Promise<number> {
    const pos = (await eventsRepo.consumer(tx, c.name)) ?? { lastSeq: 0, failures: 0, lastError: null };
    const rows = await eventsRepo.after(tx, pos.lastSeq, c.names, BATCH);
    let { lastSeq, failures, lastError } = pos;
    let blocked = false;
    for (const row of rows) {
      const handler = c.handlers[row.name as EventName] as
        ((tx: DrizzleDb, payload: unknown, event: DomainEvent) => Promise<void> | void) | undefined;
      try {
        await savepoint(tx, "event_handler", async () => {
          await handler?.(tx, row.payload, row as DomainEvent);
        });
        lastSeq = row.seq;
        failures = 0;
        lastError = null;
      } catch (err) {
        // A conflict with another transaction is not the handler's failure: the whole pass runs again.
        if (mustRetryTransaction(err)) throw err;
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
    const full = !blocked && rows.length === BATCH;
    if (lastSeq !== pos.lastSeq || failures !== pos.failures)
      await eventsRepo.saveConsumer(tx, c.name, { lastSeq, failures, lastError }, clock.now());
    // A failing consumer had its attempt; the scheduler retries it, nobody waits for it meanwhile.
    return full ? lastSeq : newest;
  }

  // Delivery runs in one loop for the whole bus: each pass is one transaction over every consumer.
  // A caller waits only until its own events had their turn, never for a queue that keeps filling.
  let running = false;
  let wanted = 0;
  let reached = 0;
  let waiters: { seq: number; done: () => void }[] = [];
  /** Consumers with events they have not had their turn at. */
  const dirty = new Set<Consumer>();

  async function loop(): Promise<void> {
    try {
      while (wanted > reached) {
        // Only consumers of what was published since their last pass; every event up to `wanted` has
        // committed, so a consumer that read less than a full batch has had its turn at all of them.
        const newest = wanted;
        const due = [...dirty];
        dirty.clear();
        const upTo = await db.write(async (tx) => {
          delivering.add(tx);
          try {
            let covered = newest;
            for (const c of due) {
              const at = await stepTx(tx, c, newest);
              if (at < newest) dirty.add(c);
              covered = Math.min(covered, at);
            }
            return covered;
          } finally {
            delivering.delete(tx);
          }
        });
        reached = Math.max(reached, upTo);
        const released = waiters.filter((w) => w.seq <= reached);
        waiters = waiters.filter((w) => w.seq > reached);
        for (const w of released) w.done();
      }
    } catch (err) {
      logger.error("event delivery failed", { err: String(err) });
      // The events stay in the outbox; the scheduler's next tick delivers them.
      reached = Math.max(reached, wanted);
      const all = waiters;
      waiters = [];
      for (const w of all) w.done();
    } finally {
      running = false;
      if (wanted > reached) start();
    }
  }
  function start(): void {
    running = true;
    void loop();
  }

  /** Resolves once every consumer has had its turn at the events up to `seq`. */
  function deliverUpTo(seq: number): Promise<void> {
    if (consumers.length === 0 || seq <= reached) return Promise.resolve();
    wanted = Math.max(wanted, seq);
    const done = new Promise<void>((ok) => waiters.push({ seq, done: ok }));
    if (!running) start();
    return done;
  }

  function committed(batch: DomainEvent[], byHandler: boolean, wait: boolean): Promise<void> {
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (err) {
        logger.error("event listener failed", { err: String(err) });
      }
    }
    const names = new Set<string>(batch.map((e) => e.name));
    const concerned = consumers.filter((c) => c.names.some((n) => names.has(n)));
    if (concerned.length === 0) return Promise.resolve();
    for (const c of concerned) dirty.add(c);
    // Events a handler published: the running delivery loop takes them next; waiting here would make
    // that loop wait for itself.
    if (byHandler) {
      wanted = Math.max(wanted, batch.at(-1)!.seq);
      return Promise.resolve();
    }
    const delivered = deliverUpTo(batch.at(-1)!.seq);
    return wait ? delivered : Promise.resolve();
  }

  return {
    /** Records an event inside the caller's write; it is delivered after that write commits. */
    async publish<N extends EventName>(tx: DrizzleDb, name: N, payload: DomainEvents[N]): Promise<void> {
      const createdAt = clock.now();
      const seq = await eventsRepo.insert(tx, name, payload as Record<string, unknown>, createdAt);
      let batch = pending.get(tx);
      if (!batch) {
        const events: DomainEvent[] = (batch = []);
        pending.set(tx, events);
        const byHandler = delivering.has(tx);
        db.onTxEnd(tx, () => pending.delete(tx));
        db.afterCommit(tx, () => committed(events, byHandler, !unawaited.has(tx)));
      }
      batch.push({ seq, name, payload, createdAt } as DomainEvent);
    },

    /**
     * Inside a write: its events are delivered as usual, but the write's promise does not wait for the
     * reactions (background work whose next step should not queue behind them).
     */
    dontWaitForReactions(tx: DrizzleDb): void {
      unawaited.add(tx);
    },

    /** Registers a durable consumer; `name` is its stored position, so it must never change. */
    consume(name: string, handlers: EventHandlers): void {
      if (consumers.some((c) => c.name === name)) throw new Error(`event consumer ${name} registered twice`);
      consumers.push({ name, handlers, names: Object.keys(handlers) });
    },

    /** Called with the events of every commit in this process, in order (no durability). */
    onCommitted(fn: (events: DomainEvent[]) => void): void {
      listeners.push(fn);
    },

    /** Called with the seq and name of events other nodes committed (events/relay.ts; no durability). */
    onRemote(fn: (events: RemoteEvent[]) => void): void {
      remoteListeners.push(fn);
    },

    /** The relay's entry: events another node committed. */
    receivedRemote(events: RemoteEvent[]): void {
      for (const listener of remoteListeners) {
        try {
          listener(events);
        } catch (err) {
          logger.error("remote event listener failed", { err: String(err) });
        }
      }
    },

    /** Brings every consumer up to date (start-up, scheduler tick). */
    async deliver(): Promise<void> {
      // What an earlier process (or a failed pass) left: start over from the stored positions.
      reached = 0;
      for (const c of consumers) dirty.add(c);
      await deliverUpTo(await eventsRepo.lastSeq(db.read));
    },

    /** Forgets events older than `keepMs` that every consumer has handled. */
    async prune(keepMs: number): Promise<number> {
      return db.write(async (tx) => {
        const newest = await eventsRepo.lastSeq(tx);
        let upTo = newest;
        for (const c of consumers) {
          const pos = (await eventsRepo.consumer(tx, c.name)) ?? { lastSeq: 0, failures: 0, lastError: null };
          // A consumer with nothing left of its own names has passed everything up to the newest.
          // (Seqs commit in order: eventsRepo.insert.)
          if (pos.lastSeq < newest && (await eventsRepo.after(tx, pos.lastSeq, c.names, 1)).length === 0)
            await eventsRepo.saveConsumer(tx, c.name, { ...pos, lastSeq: newest }, clock.now());
          else upTo = Math.min(upTo, pos.lastSeq);
        }
        return await eventsRepo.prune(tx, clock.now() - keepMs, upTo);
      });
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
