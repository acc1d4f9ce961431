import { and, desc, eq, isNull, count, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { notifications } from "./tables.ts";

export const notificationsRepo = {
  insert: (db: DrizzleDb, row: typeof notifications.$inferInsert): void => {
    prepared(db, "notifications.insert", () =>
      db
        .insert(notifications)
        .values({
          id: sql.placeholder("id"),
          userId: sql.placeholder("userId"),
          kind: sql.placeholder("kind"),
          text: sql.placeholder("text"),
          data: sql.placeholder("data"),
          readAt: sql.placeholder("readAt"),
          createdAt: sql.placeholder("createdAt"),
        })
        .prepare(),
    ).run({ ...row, readAt: row.readAt ?? null });
  },
  list: (db: DrizzleDb, userId: string, cursor: Cursor | null, limit: number) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), before(notifications.createdAt, notifications.id, cursor)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .all(),
  unread: (db: DrizzleDb, userId: string): number =>
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0,
  markAllRead: (db: DrizzleDb, userId: string, at: number): void => {
    db.update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .run();
  },
};
