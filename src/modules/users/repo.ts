// Every query on users.
import { eq, inArray } from "drizzle-orm";
import type { DrizzleDb } from "../../db/client.ts";
import { users, type UserRow } from "./tables.ts";

export const usersRepo = {
  byId: (db: DrizzleDb, id: string): UserRow | undefined =>
    db.select().from(users).where(eq(users.id, id)).get(),
  byEmail: (db: DrizzleDb, email: string): UserRow | undefined =>
    db.select().from(users).where(eq(users.email, email)).get(),
  byUsername: (db: DrizzleDb, username: string): UserRow | undefined =>
    db.select().from(users).where(eq(users.username, username)).get(),
  byIds: (db: DrizzleDb, ids: string[]): UserRow[] =>
    ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids)).all(),
  insert: (db: DrizzleDb, row: UserRow): void => {
    db.insert(users).values(row).run();
  },
  update: (db: DrizzleDb, id: string, patch: Partial<Omit<UserRow, "id">>): void => {
    db.update(users).set(patch).where(eq(users.id, id)).run();
  },
  anyAdmin: (db: DrizzleDb): boolean =>
    db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1).get() !== undefined,
};
