// Every query of the messages module.
import { and, count, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import { all, exec, firstRow, forUpdate, rowCount, rows } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import {
  conversationMembers,
  conversations,
  massMessages,
  messages,
  type ConversationRow,
  type MassMessageRow,
  type MemberRow,
  type MessageRow,
} from "./tables.ts";

/** A message's place in its conversation's order, (created_at, id). */
const laterThan = (m: Pick<MessageRow, "createdAt" | "id">) =>
  sql`(${messages.createdAt}, ${messages.id}) > (${m.createdAt}, ${m.id})`;

export const messagesRepo = {
  conversationByPair: (db: DrizzleDb, a: string, b: string) =>
    db
      .select()
      .from(conversations)
      .where(and(eq(conversations.userA, a), eq(conversations.userB, b)))
      .then(firstRow),
  conversationById: (db: DrizzleDb, id: string) =>
    db.select().from(conversations).where(eq(conversations.id, id)).then(firstRow),
  member: (db: DrizzleDb, conversationId: string, userId: string) =>
    db
      .select()
      .from(conversationMembers)
      .where(
        and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId)),
      )
      .then(firstRow),
  /** A person's conversations, latest activity first (keyset over (activity_at, conversation_id)). */
  membersOf: (db: DrizzleDb, userId: string, cursor: Cursor | null, limit: number): Promise<MemberRow[]> =>
    all(
      db
        .select()
        .from(conversationMembers)
        .where(
          and(
            eq(conversationMembers.userId, userId),
            before(conversationMembers.activityAt, conversationMembers.conversationId, cursor),
          ),
        )
        .orderBy(desc(conversationMembers.activityAt), desc(conversationMembers.conversationId))
        .limit(limit),
    ),
  unreadTotal: async (db: DrizzleDb, userId: string): Promise<{ unread: number; conversations: number }> => {
    const r = await db
      .select({ unread: sql<number>`coalesce(sum(${conversationMembers.unread}), 0)`, n: count() })
      .from(conversationMembers)
      .where(and(eq(conversationMembers.userId, userId), gt(conversationMembers.unread, 0)))
      .then(firstRow);
    return { unread: Number(r?.unread ?? 0), conversations: r?.n ?? 0 };
  },
  /**
   * The time of a new message: now, or 1 ms after the conversation's newest when that is not earlier
   * (same-millisecond sends keep their order). Locks the conversation row until the write ends.
   */
  stamp: async (db: DrizzleDb, conversationId: string, now: number): Promise<number> =>
    (await db
      .update(conversations)
      .set({
        lastMessageAt: sql`CASE WHEN ${conversations.lastMessageAt} IS NOT NULL AND ${conversations.lastMessageAt} >= ${now} THEN ${conversations.lastMessageAt} + 1 ELSE ${now} END`,
      })
      .where(eq(conversations.id, conversationId))
      .returning({ at: conversations.lastMessageAt })
      .then(firstRow))!.at!,
  /** The sender's side moves up the list; the recipient's too, one more unread. */
  async touch(db: DrizzleDb, m: MessageRow, recipientId: string): Promise<void> {
    await db.update(conversations).set({ lastMessageId: m.id }).where(eq(conversations.id, m.conversationId));
    await db
      .update(conversationMembers)
      .set({
        activityAt: m.createdAt,
        unread: sql`${conversationMembers.unread} + 1`,
      })
      .where(
        and(
          eq(conversationMembers.conversationId, m.conversationId),
          eq(conversationMembers.userId, recipientId),
        ),
      );
    await db
      .update(conversationMembers)
      .set({ activityAt: m.createdAt })
      .where(
        and(
          eq(conversationMembers.conversationId, m.conversationId),
          eq(conversationMembers.userId, m.senderId),
        ),
      );
  },
  setMember: async (
    db: DrizzleDb,
    conversationId: string,
    userId: string,
    patch: Partial<Omit<MemberRow, "conversationId" | "userId">>,
  ): Promise<void> => {
    await db
      .update(conversationMembers)
      .set(patch)
      .where(
        and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId)),
      );
  },
  setLastMessage: async (db: DrizzleDb, conversationId: string, messageId: string | null): Promise<void> => {
    await db
      .update(conversations)
      .set({ lastMessageId: messageId })
      .where(eq(conversations.id, conversationId));
  },

  insertMessage: async (db: DrizzleDb, row: MessageRow): Promise<boolean> =>
    (await db.insert(messages).values(row).onConflictDoNothing().then(rowCount)) === 1,
  messageById: (db: DrizzleDb, id: string) =>
    db.select().from(messages).where(eq(messages.id, id)).then(firstRow),
  messagesByIds: (db: DrizzleDb, ids: string[]): Promise<MessageRow[]> =>
    ids.length === 0 ? Promise.resolve([]) : all(db.select().from(messages).where(inArray(messages.id, ids))),
  byClientId: (db: DrizzleDb, senderId: string, clientId: string) =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.senderId, senderId), eq(messages.clientId, clientId)))
      .then(firstRow),
  /** A conversation's messages, newest first, unsent ones left out. */
  page: (
    db: DrizzleDb,
    conversationId: string,
    cursor: Cursor | null,
    limit: number,
  ): Promise<MessageRow[]> =>
    all(
      db
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            isNull(messages.unsentAt),
            before(messages.createdAt, messages.id, cursor),
          ),
        )
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(limit),
    ),
  latest: (db: DrizzleDb, conversationId: string) =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), isNull(messages.unsentAt)))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(1)
      .then(firstRow),
  /** Messages from the other side after `after` (all of them when null): the reader's unread count. */
  unreadAfter: async (
    db: DrizzleDb,
    conversationId: string,
    readerId: string,
    after: Pick<MessageRow, "createdAt" | "id"> | null,
  ): Promise<number> =>
    (await db
      .select({ n: count() })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          ne(messages.senderId, readerId),
          isNull(messages.unsentAt),
          after ? laterThan(after) : undefined,
        ),
      )
      .then(firstRow))!.n,
  /** Whether `userId` has a message (not unsent) in the conversation. */
  hasWritten: async (db: DrizzleDb, conversationId: string, userId: string): Promise<boolean> =>
    (
      await db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, conversationId),
            eq(messages.senderId, userId),
            isNull(messages.unsentAt),
          ),
        )
        .limit(1)
    ).length > 0,
  unsend: async (db: DrizzleDb, id: string, at: number): Promise<boolean> =>
    (await db
      .update(messages)
      .set({ unsentAt: at })
      .where(and(eq(messages.id, id), isNull(messages.unsentAt)))
      .then(rowCount)) === 1,

  /** A creator's conversations with each of `others`, locked until the write ends (PostgreSQL). */
  pairsOf: (db: DrizzleDb, a: string, others: string[]): Promise<ConversationRow[]> => {
    if (others.length === 0) return Promise.resolve([]);
    const list = sql.join(
      others.map((o) => sql`${o}`),
      sql`, `,
    );
    return rows<ConversationRow>(
      db,
      sql`SELECT id, user_a AS "userA", user_b AS "userB", last_message_id AS "lastMessageId",
            last_message_at AS "lastMessageAt", created_at AS "createdAt"
          FROM conversations
          WHERE (user_a = ${a} AND user_b IN (${list})) OR (user_b = ${a} AND user_a IN (${list}))
          ${forUpdate(db)}`,
    );
  },
  insertConversations: async (
    db: DrizzleDb,
    convs: ConversationRow[],
    members: MemberRow[],
  ): Promise<void> => {
    if (convs.length === 0) return;
    await db.insert(conversations).values(convs).onConflictDoNothing();
    await db.insert(conversationMembers).values(members).onConflictDoNothing();
  },
  /** Inserts many messages; returns the ids of those made (a clientId seen before makes none). */
  insertMessages: async (db: DrizzleDb, list: MessageRow[]): Promise<Set<string>> => {
    if (list.length === 0) return new Set();
    const made = await db.insert(messages).values(list).onConflictDoNothing().returning({ id: messages.id });
    return new Set(made.map((r) => r.id));
  },
  /**
   * One new message in each of many conversations (a mass message's batch): each conversation's newest,
   * and on the recipient's side one more unread, on the sender's its activity.
   */
  async touchMany(db: DrizzleDb, senderId: string, list: MessageRow[]): Promise<void> {
    if (list.length === 0) return;
    const values = sql.join(
      list.map((m) => sql`(${m.conversationId}, ${m.id}, CAST(${m.createdAt} AS bigint))`),
      sql`, `,
    );
    await exec(
      db,
      sql`UPDATE conversations SET last_message_id = v.column2, last_message_at = v.column3
          FROM (VALUES ${values}) AS v WHERE conversations.id = v.column1`,
    );
    await exec(
      db,
      sql`UPDATE conversation_members SET unread = unread + 1, activity_at = v.column3
          FROM (VALUES ${values}) AS v
          WHERE conversation_members.conversation_id = v.column1 AND conversation_members.user_id <> ${senderId}`,
    );
    await db
      .update(conversationMembers)
      .set({ activityAt: Math.max(...list.map((m) => m.createdAt)) })
      .where(
        and(
          eq(conversationMembers.userId, senderId),
          inArray(
            conversationMembers.conversationId,
            list.map((m) => m.conversationId),
          ),
        ),
      );
  },
  insertMass: async (db: DrizzleDb, row: MassMessageRow): Promise<void> => {
    await db.insert(massMessages).values(row);
  },
  massById: (db: DrizzleDb, id: string) =>
    db.select().from(massMessages).where(eq(massMessages.id, id)).then(firstRow),
  massOf: (
    db: DrizzleDb,
    creatorId: string,
    cursor: Cursor | null,
    limit: number,
  ): Promise<MassMessageRow[]> =>
    all(
      db
        .select()
        .from(massMessages)
        .where(
          and(eq(massMessages.creatorId, creatorId), before(massMessages.createdAt, massMessages.id, cursor)),
        )
        .orderBy(desc(massMessages.createdAt), desc(massMessages.id))
        .limit(limit),
    ),
  updateMass: async (
    db: DrizzleDb,
    id: string,
    patch: Partial<Omit<MassMessageRow, "id">>,
  ): Promise<void> => {
    await db.update(massMessages).set(patch).where(eq(massMessages.id, id));
  },
};

/** What GDPR export and erasure read and change of a person's conversations. */
export const messagesPrivacyRepo = {
  conversationsOf: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(conversations)
      .where(or(eq(conversations.userA, userId), eq(conversations.userB, userId)))
      .orderBy(conversations.createdAt),
  /** The messages of these conversations (the person's own), unsent ones left out, in order. */
  messagesIn: (db: DrizzleDb, conversationIds: string[]) =>
    conversationIds.length === 0
      ? Promise.resolve([] as MessageRow[])
      : db
          .select()
          .from(messages)
          .where(and(inArray(messages.conversationId, conversationIds), isNull(messages.unsentAt)))
          .orderBy(messages.conversationId, messages.createdAt, messages.id),
  massMessagesOf: (db: DrizzleDb, creatorId: string) =>
    db
      .select()
      .from(massMessages)
      .where(eq(massMessages.creatorId, creatorId))
      .orderBy(massMessages.createdAt),
  /** Erasure: the text of every message the person sent goes, and each is hidden as if unsent. */
  emptySentBy: async (db: DrizzleDb, senderId: string, now: number): Promise<void> => {
    await db
      .update(messages)
      .set({ text: "", unsentAt: sql`coalesce(${messages.unsentAt}, ${now})` })
      .where(eq(messages.senderId, senderId));
  },
  /** Mass messages not sent yet are cancelled; their text goes. */
  emptyMassOf: async (db: DrizzleDb, creatorId: string): Promise<void> => {
    await db
      .update(massMessages)
      .set({
        text: "",
        status: sql`case when ${massMessages.status} in ('scheduled', 'sending') then 'canceled' else ${massMessages.status} end`,
      })
      .where(eq(massMessages.creatorId, creatorId));
  },
};

/** Analytics: what a creator sent for pay (each copy of a mass message is one message). */
export const messagesAnalyticsRepo = {
  ppvSentSince: async (db: DrizzleDb, senderId: string, since: number): Promise<number> =>
    Number(
      (
        await rows<{ n: number | string }>(
          db,
          sql`SELECT COUNT(*) AS n FROM messages
            WHERE sender_id = ${senderId} AND price_cents > 0 AND created_at >= ${since} AND unsent_at IS NULL`,
        )
      )[0]?.n ?? 0,
    ),
};
