import { and, desc, eq, isNull, count } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { notifications } from "./tables.ts";

export const notificationsRepo = {
  insert: (db: DrizzleDb, row: typeof notifications.$inferInsert): void => {
    db.insert(notifications).values(row).run();
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
