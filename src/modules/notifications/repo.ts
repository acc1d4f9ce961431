import { and, desc, eq, isNull, count, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow } from "../../db/query.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { notifications } from "./tables.ts";

export const notificationsRepo = {
  insert: async (db: DrizzleDb, row: typeof notifications.$inferInsert): Promise<void> => {
    await prepared(db, "notifications.insert", () =>
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
    all(
      db
        .select()
        .from(notifications)
        .where(
          and(eq(notifications.userId, userId), before(notifications.createdAt, notifications.id, cursor)),
        )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit),
    ),
  unread: async (db: DrizzleDb, userId: string): Promise<number> =>
    (
      await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
        .then(firstRow)
    )?.n ?? 0,
  markAllRead: async (db: DrizzleDb, userId: string, at: number): Promise<void> => {
    await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  },
};
