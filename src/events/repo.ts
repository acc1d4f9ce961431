// Queries of the event outbox and its consumers' positions.
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { DrizzleDb } from "../db/client.ts";
import { eventConsumers, events, type EventRow } from "./tables.ts";

export const eventsRepo = {
  insert(tx: DrizzleDb, name: string, payload: Record<string, unknown>, createdAt: number): number {
    return Number(tx.insert(events).values({ name, payload, createdAt }).run().lastInsertRowid);
  },

  after(db: DrizzleDb, seq: number, names: string[], limit: number): EventRow[] {
    return db
      .select()
      .from(events)
      .where(and(gt(events.seq, seq), inArray(events.name, names)))
      .orderBy(asc(events.seq))
      .limit(limit)
      .all();
  },

  consumer(db: DrizzleDb, name: string) {
    return db.select().from(eventConsumers).where(eq(eventConsumers.name, name)).get();
  },

  saveConsumer(
    tx: DrizzleDb,
    name: string,
    fields: { lastSeq: number; failures: number; lastError: string | null },
    now: number,
  ): void {
    tx.insert(eventConsumers)
      .values({ name, ...fields, updatedAt: now })
      .onConflictDoUpdate({ target: eventConsumers.name, set: { ...fields, updatedAt: now } })
      .run();
  },

  /** Deletes events every consumer has handled that are older than `before`. */
  prune(tx: DrizzleDb, before: number, handledUpTo: number): number {
    return tx
      .delete(events)
      .where(and(lt(events.createdAt, before), sql`${events.seq} <= ${handledUpTo}`))
      .run().changes;
  },

  lastSeq(db: DrizzleDb): number {
    return db
      .select({ seq: sql<number>`coalesce(max(${events.seq}), 0)` })
      .from(events)
      .get()!.seq;
  },
};
