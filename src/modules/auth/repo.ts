import { eq, lt, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { users } from "../users/tables.ts";
import { sessions, type SessionRow } from "./tables.ts";

export const sessionsRepo = {
  insert: (db: DrizzleDb, row: SessionRow): void => {
    db.insert(sessions).values(row).run();
  },
  /** The session with its user in one indexed lookup (hot path of every authenticated request). */
  withUser: (db: DrizzleDb, id: string) =>
    prepared(db, "sessions.withUser", () =>
      db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id }),
  extend: (db: DrizzleDb, id: string, expiresAt: number): void => {
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
  },
  remove: (db: DrizzleDb, id: string): void => {
    db.delete(sessions).where(eq(sessions.id, id)).run();
  },
  removeAllOf: (db: DrizzleDb, userId: string): void => {
    db.delete(sessions).where(eq(sessions.userId, userId)).run();
  },
  removeExpired: (db: DrizzleDb, now: number): number =>
    db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes,
};
