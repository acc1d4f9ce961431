// Every query on users.
import { and, asc, count, desc, eq, inArray, or, sql, type SQLWrapper } from "drizzle-orm";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow, forUpdate, rows } from "../../db/query.ts";
import { userBlocks, users, type Role, type UserRow, type UserStatus } from "./tables.ts";

/** Substring match with the user's % and _ taken literally (lower() on both sides: PostgreSQL's LIKE minds case). */
const contains = (column: SQLWrapper, pattern: string) =>
  sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;

export const usersRepo = {
  byId: (db: DrizzleDb, id: string): Promise<UserRow | undefined> =>
    prepared(db, "users.byId", () =>
      db
        .select()
        .from(users)
        .where(eq(users.id, sql.placeholder("id")))
        .prepare(),
    ).get({ id }),
  /** Every account, oldest first (operator listings; sites have thousands, not millions, of rows here). */
  all: (db: DrizzleDb, role?: Role): Promise<UserRow[]> =>
    db
      .select()
      .from(users)
      .where(role ? eq(users.role, role) : undefined)
      .orderBy(asc(users.createdAt), asc(users.id)),
  byEmail: (db: DrizzleDb, email: string): Promise<UserRow | undefined> =>
    db.select().from(users).where(eq(users.email, email)).then(firstRow),
  byUsername: (db: DrizzleDb, username: string): Promise<UserRow | undefined> =>
    prepared(db, "users.byUsername", () =>
      db
        .select()
        .from(users)
        .where(eq(users.username, sql.placeholder("username")))
        .prepare(),
    ).get({ username }),
  /** The public columns of a set of users (author cards). */
  async cardsByIds(db: DrizzleDb, ids: string[]) {
    if (ids.length === 0) return [];
    const list = inList(ids);
    return prepared(db, `users.cardsByIds:${list.size}`, () =>
      db
        .select({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, list.placeholders))
        .prepare(),
    ).all(list.params);
  },
  rolesByIds: async (db: DrizzleDb, ids: string[]): Promise<Map<string, Role>> =>
    ids.length === 0
      ? new Map()
      : new Map(
          (await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, ids))).map(
            (r) => [r.id, r.role],
          ),
        ),
  insert: async (db: DrizzleDb, row: UserRow): Promise<void> => {
    await db.insert(users).values(row);
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<UserRow, "id">>): Promise<void> => {
    await db.update(users).set(patch).where(eq(users.id, id));
  },
  /** Locks these users' rows until the transaction ends, in id order (no deadlock between two lockers). */
  async lock(tx: DrizzleDb, ids: string[]): Promise<void> {
    const sorted = [...new Set(ids)].sort();
    if (sorted.length === 0) return;
    await rows(
      tx,
      sql`SELECT ${users.id} FROM ${users} WHERE ${inArray(users.id, sorted)} ORDER BY ${users.id} ${forUpdate(tx)}`,
    );
  },
  /** How many admins the site has (the last one may not be demoted or banned). */
  adminCount: async (db: DrizzleDb): Promise<number> =>
    (await db.select({ n: count() }).from(users).where(eq(users.role, "admin")).then(firstRow))!.n,
  /** The standing columns of a set of users (whether their content may be shown). */
  standings: (db: DrizzleDb, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: users.id, status: users.status, suspendedUntil: users.suspendedUntil })
          .from(users)
          .where(inArray(users.id, ids)),
  /**
   * The admin's people search, newest accounts first, keyset over (created_at, id). `query` matches the
   * username, the display name or the e-mail address.
   */
  search: (
    db: DrizzleDb,
    f: { query: string | null; role: Role | null; status: UserStatus | null },
    cursor: Cursor | null,
    limit: number,
  ): Promise<UserRow[]> => {
    const pattern = f.query ? `%${f.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return all(
      db
        .select()
        .from(users)
        .where(
          and(
            before(users.createdAt, users.id, cursor),
            f.role ? eq(users.role, f.role) : undefined,
            f.status ? eq(users.status, f.status) : undefined,
            pattern
              ? or(
                  contains(users.username, pattern),
                  contains(users.displayName, pattern),
                  contains(users.email, pattern),
                )
              : undefined,
          ),
        )
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(limit),
    );
  },
  anyAdmin: async (db: DrizzleDb): Promise<boolean> =>
    (await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1).then(firstRow)) !==
    undefined,
};

export const blocksRepo = {
  insert: async (db: DrizzleDb, blockerId: string, blockedId: string, now: number): Promise<void> => {
    await db.insert(userBlocks).values({ blockerId, blockedId, createdAt: now }).onConflictDoNothing();
  },
  remove: async (db: DrizzleDb, blockerId: string, blockedId: string): Promise<void> => {
    await db
      .delete(userBlocks)
      .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
  },
  /** Who blocked whom between two people (0, 1 or 2 rows). */
  between: (db: DrizzleDb, a: string, b: string) =>
    db
      .select({ blockerId: userBlocks.blockerId })
      .from(userBlocks)
      .where(
        or(
          and(eq(userBlocks.blockerId, a), eq(userBlocks.blockedId, b)),
          and(eq(userBlocks.blockerId, b), eq(userBlocks.blockedId, a)),
        ),
      ),
  /** The people `userId` blocked, newest first. */
  byBlocker: (db: DrizzleDb, userId: string) =>
    db
      .select({ blockedId: userBlocks.blockedId, createdAt: userBlocks.createdAt })
      .from(userBlocks)
      .where(eq(userBlocks.blockerId, userId))
      .orderBy(desc(userBlocks.createdAt))
      .limit(1000),
  /** Of these people, the ones who blocked `userId` or whom `userId` blocked (mass messages skip them). */
  async blockedAmong(db: DrizzleDb, userId: string, others: string[]): Promise<Set<string>> {
    if (others.length === 0) return new Set();
    const rows = await db
      .select({ blockerId: userBlocks.blockerId, blockedId: userBlocks.blockedId })
      .from(userBlocks)
      .where(
        or(
          and(eq(userBlocks.blockerId, userId), inArray(userBlocks.blockedId, others)),
          and(eq(userBlocks.blockedId, userId), inArray(userBlocks.blockerId, others)),
        ),
      );
    return new Set(rows.map((r) => (r.blockerId === userId ? r.blockedId : r.blockerId)));
  },
};

/** What GDPR export and erasure read and change of a person's account. */
export const usersPrivacyRepo = {
  /** The people this person blocked, with their usernames. */
  blockedBy: (db: DrizzleDb, userId: string) =>
    db
      .select({ username: users.username, blockedAt: userBlocks.createdAt })
      .from(userBlocks)
      .innerJoin(users, eq(users.id, userBlocks.blockedId))
      .where(eq(userBlocks.blockerId, userId))
      .orderBy(asc(userBlocks.createdAt)),
  /** Blocks either way: they are about this person. */
  removeBlocks: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(userBlocks).where(or(eq(userBlocks.blockerId, userId), eq(userBlocks.blockedId, userId)));
  },
};
