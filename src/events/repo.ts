// Queries of the event outbox and its consumers' positions. Every publish and every delivery pass runs
// them, so they are prepared once per connection (db/prepared.ts).
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { DrizzleDb } from "../db/client.ts";
import { inList, prepared } from "../db/prepared.ts";
import { commitInOrder, rowCount } from "../db/query.ts";
import { eventConsumers, events, type EventRow } from "./tables.ts";

export const eventsRepo = {
  async insert(
    tx: DrizzleDb,
    name: string,
    payload: Record<string, unknown>,
    createdAt: number,
  ): Promise<number> {
    // Seqs must become visible in order: a consumer that has read up to seq n never looks below n again.
    await commitInOrder(tx, "events");
    const q = prepared(tx, "events.insert", () =>
      tx
        .insert(events)
        .values({
          name: sql.placeholder("name"),
          payload: sql.placeholder("payload"),
          createdAt: sql.placeholder("createdAt"),
        })
        .returning({ seq: events.seq })
        .prepare(),
    );
    return (await q.get({ name, payload, createdAt }))!.seq;
  },

  /** The events of these names after `seq`, oldest first. */
  after(db: DrizzleDb, seq: number, names: string[], limit: number): Promise<EventRow[]> {
    const list = inList(names, "n");
    return prepared(db, `events.after:${list.size}`, () =>
      db
        .select()
        .from(events)
        .where(and(gt(events.seq, sql.placeholder("seq")), inArray(events.name, list.placeholders)))
        .orderBy(asc(events.seq))
        .limit(sql.placeholder("limit"))
        .prepare(),
    ).all({ ...list.params, seq, limit });
  },

  consumer(db: DrizzleDb, name: string) {
    return prepared(db, "events.consumer", () =>
      db
        .select()
        .from(eventConsumers)
        .where(eq(eventConsumers.name, sql.placeholder("name")))
        .prepare(),
    ).get({ name });
  },

  saveConsumer(
    tx: DrizzleDb,
    name: string,
    fields: { lastSeq: number; failures: number; lastError: string | null },
    now: number,
  ): Promise<number> {
    return prepared(tx, "events.saveConsumer", () =>
      tx
        .insert(eventConsumers)
        .values({
          name: sql.placeholder("name"),
          lastSeq: sql.placeholder("lastSeq"),
          failures: sql.placeholder("failures"),
          lastError: sql.placeholder("lastError"),
          updatedAt: sql.placeholder("now"),
        })
        .onConflictDoUpdate({
          target: eventConsumers.name,
          set: {
            lastSeq: sql`excluded.last_seq`,
            failures: sql`excluded.failures`,
            lastError: sql`excluded.last_error`,
            updatedAt: sql`excluded.updated_at`,
          },
        })
        .prepare(),
    ).run({ name, ...fields, now });
  },

  /** Deletes events every consumer has handled that are older than `before`. */
  prune: (tx: DrizzleDb, before: number, handledUpTo: number): Promise<number> =>
    tx
      .delete(events)
      .where(and(lt(events.createdAt, before), sql`${events.seq} <= ${handledUpTo}`))
      .then(rowCount),

  async lastSeq(db: DrizzleDb): Promise<number> {
    const row = await prepared(db, "events.lastSeq", () =>
      db
        .select({ seq: sql<number>`coalesce(max(${events.seq}), 0)`.mapWith(Number) })
        .from(events)
        .prepare(),
    ).get();
    return row!.seq;
  },
};
