import { and, asc, count, desc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow, rowCount, rows, skipLocked } from "../../db/query.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import {
  notificationOutbox,
  notifications,
  notificationSettings,
  pushSubscriptions,
  type NotificationRow,
  type OutboxChannel,
  type OutboxRow,
  type PushSubscriptionRow,
} from "./tables.ts";

export const notificationsRepo = {
  // The consumer writes one or two of these per event (a renewal run: thousands), so they are prepared.
  insert: async (db: DrizzleDb, row: NotificationRow): Promise<void> => {
    await prepared(db, "notifications.insert", () =>
      db
        .insert(notifications)
        .values({
          id: sql.placeholder("id"),
          userId: sql.placeholder("userId"),
          kind: sql.placeholder("kind"),
          text: sql.placeholder("text"),
          data: sql.placeholder("data"),
          link: sql.placeholder("link"),
          groupKey: sql.placeholder("groupKey"),
          actorIds: sql.placeholder("actorIds"),
          actorCount: sql.placeholder("actorCount"),
          count: sql.placeholder("count"),
          readAt: sql.placeholder("readAt"),
          createdAt: sql.placeholder("createdAt"),
        })
        .prepare(),
    ).run(row);
  },
  /** The unread row of a group, if there is one (index notifications_unread_group_idx). */
  unreadInGroup: (db: DrizzleDb, userId: string, groupKey: string): Promise<NotificationRow | undefined> =>
    prepared(db, "notifications.unreadInGroup", () =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, sql.placeholder("userId")),
            eq(notifications.groupKey, sql.placeholder("groupKey")),
            isNull(notifications.readAt),
          ),
        )
        .prepare(),
    ).get({ userId, groupKey }),
  /** A grouped row takes another event. */
  regroup: async (
    db: DrizzleDb,
    id: string,
    v: Pick<NotificationRow, "text" | "data" | "link" | "actorIds" | "actorCount" | "count" | "createdAt">,
  ): Promise<void> => {
    await prepared(db, "notifications.regroup", () =>
      db
        .update(notifications)
        .set({
          text: sql`${sql.placeholder("text")}`,
          // Raw placeholders skip the columns' JSON encoding: the values are sent as JSON text.
          data: sql`${sql.placeholder("data")}`,
          link: sql`${sql.placeholder("link")}`,
          actorIds: sql`${sql.placeholder("actorIds")}`,
          actorCount: sql`${sql.placeholder("actorCount")}`,
          count: sql`${sql.placeholder("count")}`,
          createdAt: sql`${sql.placeholder("createdAt")}`,
        })
        .where(eq(notifications.id, sql.placeholder("id")))
        .prepare(),
    ).run({ ...v, data: JSON.stringify(v.data), actorIds: JSON.stringify(v.actorIds), id });
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
      await prepared(db, "notifications.unread", () =>
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
          .prepare(),
      ).all({ userId })
    )[0]?.n ?? 0,
  markAllRead: async (db: DrizzleDb, userId: string, at: number): Promise<void> => {
    await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  },

  settingsOf: (db: DrizzleDb, userId: string) =>
    prepared(db, "notifications.settingsOf", () =>
      db
        .select()
        .from(notificationSettings)
        .where(eq(notificationSettings.userId, sql.placeholder("userId")))
        .prepare(),
    ).all({ userId }),
  putSetting: async (
    db: DrizzleDb,
    row: { userId: string; kind: string; inApp: boolean; email: boolean; push: boolean; updatedAt: number },
  ): Promise<void> => {
    await db
      .insert(notificationSettings)
      .values(row)
      .onConflictDoUpdate({
        target: [notificationSettings.userId, notificationSettings.kind],
        set: { inApp: row.inApp, email: row.email, push: row.push, updatedAt: row.updatedAt },
      });
  },
};

export const outboxRepo = {
  /** Mails and pushes by state (queued and sending are still to go out; failed gave up). */
  countByStatus: (db: DrizzleDb) =>
    db
      .select({ status: notificationOutbox.status, n: count() })
      .from(notificationOutbox)
      .where(inArray(notificationOutbox.status, ["queued", "sending", "failed"]))
      .groupBy(notificationOutbox.status),
  insert: async (db: DrizzleDb, row: OutboxRow): Promise<void> => {
    await db.insert(notificationOutbox).values(row);
  },
  /** The newest row of a person's group on a channel (index notification_outbox_group_idx). */
  latestInGroup: (
    db: DrizzleDb,
    userId: string,
    channel: OutboxChannel,
    groupKey: string,
  ): Promise<OutboxRow | undefined> =>
    db
      .select()
      .from(notificationOutbox)
      .where(
        and(
          eq(notificationOutbox.userId, userId),
          eq(notificationOutbox.channel, channel),
          eq(notificationOutbox.groupKey, groupKey),
        ),
      )
      .orderBy(desc(notificationOutbox.createdAt))
      .limit(1)
      .then(firstRow),
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<OutboxRow, "id">>): Promise<void> => {
    await db.update(notificationOutbox).set(patch).where(eq(notificationOutbox.id, id));
  },
  /** Anything to send now? A cheap read before taking the write lock (indexes _due_idx, _lock_idx). */
  async anyDue(db: DrizzleDb, now: number): Promise<boolean> {
    const queued = await db
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, "queued"), lte(notificationOutbox.runAt, now)))
      .limit(1);
    if (queued.length > 0) return true;
    const abandoned = await db
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.status, "sending"), lt(notificationOutbox.lockedUntil, now)))
      .limit(1);
    return abandoned.length > 0;
  },
  /**
   * Inside the claiming write: up to `limit` due rows (queued, or sending with a lapsed lock), locked for
   * this transaction; rows another node is claiming right now are skipped, not waited for.
   */
  async claimable(tx: DrizzleDb, now: number, limit: number): Promise<OutboxRow[]> {
    const t = notificationOutbox;
    const queued = await rows<{ id: string }>(
      tx,
      sql`SELECT ${t.id} FROM ${t} WHERE ${t.status} = 'queued' AND ${t.runAt} <= ${now} ORDER BY ${t.runAt} LIMIT ${limit} ${skipLocked(tx)}`,
    );
    const abandoned =
      queued.length < limit
        ? await rows<{ id: string }>(
            tx,
            sql`SELECT ${t.id} FROM ${t} WHERE ${t.status} = 'sending' AND ${t.lockedUntil} < ${now} ORDER BY ${t.lockedUntil} LIMIT ${limit - queued.length} ${skipLocked(tx)}`,
          )
        : [];
    const ids = [...queued, ...abandoned].map((r) => r.id);
    if (ids.length === 0) return [];
    return all(tx.select().from(t).where(inArray(t.id, ids)).orderBy(asc(t.runAt)));
  },
  /** Settles a claimed row only while the claimer still holds it (not taken over after a lapsed lock). */
  settle: (db: DrizzleDb, id: string, attempts: number, patch: Partial<Omit<OutboxRow, "id">>) =>
    db
      .update(notificationOutbox)
      .set(patch)
      .where(
        and(
          eq(notificationOutbox.id, id),
          eq(notificationOutbox.status, "sending"),
          eq(notificationOutbox.attempts, attempts),
        ),
      )
      .then((r) => rowCount(r) === 1),
  /** Removes settled rows (sent, failed, dropped) last changed before `before`. */
  prune: (db: DrizzleDb, before: number) =>
    db
      .delete(notificationOutbox)
      .where(
        and(
          inArray(notificationOutbox.status, ["sent", "failed", "dropped"]),
          lt(notificationOutbox.updatedAt, before),
        ),
      )
      .then(rowCount),
  /** Rows of a person (tests and the admin's view of what was sent). */
  ofUser: (db: DrizzleDb, userId: string) =>
    all(
      db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.userId, userId))
        .orderBy(asc(notificationOutbox.createdAt)),
    ),
};

export const pushRepo = {
  /** One row per endpoint: a browser that subscribes again (or for another account) replaces it. */
  upsert: async (db: DrizzleDb, row: PushSubscriptionRow): Promise<void> => {
    await db
      .insert(pushSubscriptions)
      .values(row)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: row.userId, p256dh: row.p256dh, auth: row.auth },
      });
  },
  remove: (db: DrizzleDb, userId: string, endpoint: string) =>
    db
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .then(rowCount),
  removeById: async (db: DrizzleDb, id: string): Promise<void> => {
    await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
  },
  ofUser: (db: DrizzleDb, userId: string) =>
    all(db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId))),
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, id)).then(firstRow),
};

/** What GDPR export and erasure read and change of a person's notifications. */
export const notificationsPrivacyRepo = {
  of: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(asc(notifications.createdAt)),
  settingsOf: (db: DrizzleDb, userId: string) =>
    db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId)),
  pushOf: (db: DrizzleDb, userId: string) =>
    db
      .select({ id: pushSubscriptions.id, createdAt: pushSubscriptions.createdAt })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, userId)),
  async removeAllOf(db: DrizzleDb, userId: string): Promise<void> {
    await db.delete(notifications).where(eq(notifications.userId, userId));
    await db.delete(notificationSettings).where(eq(notificationSettings.userId, userId));
    await db.delete(notificationOutbox).where(eq(notificationOutbox.userId, userId));
    await db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
  },
};
