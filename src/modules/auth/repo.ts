import { eq, lt, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { rowCount } from "../../db/query.ts";
import { users } from "../users/tables.ts";
import { sessions, type SessionRow } from "./tables.ts";

export const sessionsRepo = {
  insert: async (db: DrizzleDb, row: SessionRow): Promise<void> => {
    await db.insert(sessions).values(row);
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
  extend: async (db: DrizzleDb, id: string, expiresAt: number): Promise<void> => {
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  },
  remove: async (db: DrizzleDb, id: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  removeAllOf: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  removeExpired: (db: DrizzleDb, now: number): Promise<number> =>
    db.delete(sessions).where(lt(sessions.expiresAt, now)).then(rowCount),
};

export const sessionsPrivacyRepo = {
  /** A person's sessions, oldest first (what an export lists; never the secret's hash). */
  ofUser: (db: DrizzleDb, userId: string) =>
    db
      .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(sessions.createdAt),
};
