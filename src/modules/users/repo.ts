// Every query on users.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { inList, prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { firstRow, forUpdate, rows } from "../../db/query.ts";
import { users, type Role, type UserRow } from "./tables.ts";

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
  anyAdmin: async (db: DrizzleDb): Promise<boolean> =>
    (await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1).then(firstRow)) !==
    undefined,
};
