import { and, desc, eq, inArray, isNotNull, lte, notExists, or, sql, type SQLWrapper } from "drizzle-orm";
import { inList, prepared } from "../../db/prepared.ts";
import { before } from "../../db/keyset.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { all, firstRow } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { users } from "../users/tables.ts";
import { creatorBlockedCountries, creatorProfiles, type CreatorProfileRow } from "./tables.ts";

const withUser = { profile: creatorProfiles, user: users };

/** Substring match with the user's % and _ taken literally. */
// lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
const contains = (column: SQLWrapper, pattern: string) =>
  sql`lower(${column}) LIKE lower(${pattern}) ESCAPE '\\'`;

export const creatorsRepo = {
  byUserId: (db: DrizzleDb, userId: string) =>
    prepared(db, "creators.byUserId", () =>
      db
        .select()
        .from(creatorProfiles)
        .where(eq(creatorProfiles.userId, sql.placeholder("id")))
        .prepare(),
    ).get({ id: userId }),
  async currencies(db: DrizzleDb, userIds: string[]) {
    if (userIds.length === 0) return [];
    const list = inList(userIds);
    return prepared(db, `creators.currencies:${list.size}`, () =>
      db
        .select({ userId: creatorProfiles.userId, currency: creatorProfiles.currency })
        .from(creatorProfiles)
        .where(inArray(creatorProfiles.userId, list.placeholders))
        .prepare(),
    ).all(list.params);
  },
  /** Uploaded avatars by user id (creators without one are left out). */
  async avatarIds(db: DrizzleDb, userIds: string[]) {
    if (userIds.length === 0) return [];
    const list = inList(userIds);
    return prepared(db, `creators.avatarIds:${list.size}`, () =>
      db
        .select({ userId: creatorProfiles.userId, mediaId: creatorProfiles.avatarMediaId })
        .from(creatorProfiles)
        .where(
          and(inArray(creatorProfiles.userId, list.placeholders), isNotNull(creatorProfiles.avatarMediaId)),
        )
        .prepare(),
    ).all(list.params);
  },
  /** Verified creators among these ids (author cards carry the badge). */
  async verifiedAmong(db: DrizzleDb, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const list = inList(userIds);
    const rows = await prepared(db, `creators.verifiedAmong:${list.size}`, () =>
      db
        .select({ userId: creatorProfiles.userId })
        .from(creatorProfiles)
        .where(and(inArray(creatorProfiles.userId, list.placeholders), isNotNull(creatorProfiles.verifiedAt)))
        .prepare(),
    ).all(list.params);
    return new Set(rows.map((r) => r.userId));
  },
  async setVerified(db: DrizzleDb, userId: string, verifiedAt: number | null, now: number): Promise<void> {
    await db
      .update(creatorProfiles)
      .set({ verifiedAt, updatedAt: now })
      .where(eq(creatorProfiles.userId, userId));
  },
  async setImage(
    db: DrizzleDb,
    userId: string,
    patch: { avatarMediaId?: string | null; bannerMediaId?: string | null },
    now: number,
  ): Promise<void> {
    await db
      .update(creatorProfiles)
      .set({ ...patch, updatedAt: now })
      .where(eq(creatorProfiles.userId, userId));
  },
  byUsername: (db: DrizzleDb, username: string) =>
    db
      .select(withUser)
      .from(creatorProfiles)
      .innerJoin(users, eq(users.id, creatorProfiles.userId))
      .where(eq(users.username, username))
      .then(firstRow),
  upsert: async (db: DrizzleDb, row: CreatorProfileRow): Promise<void> => {
    // The badge is the site's to give (setVerified), never changed by the creator's own save.
    const { userId: _id, createdAt: _c, verifiedAt: _v, ...set } = row;
    await db.insert(creatorProfiles).values(row).onConflictDoUpdate({ target: creatorProfiles.userId, set });
  },
  /** The countries each of these creators blocks (creators blocking none are left out). */
  async blockedCountries(db: DrizzleDb, creatorIds: string[]) {
    if (creatorIds.length === 0) return [];
    const list = inList(creatorIds);
    return prepared(db, `creators.blockedCountries:${list.size}`, () =>
      db
        .select()
        .from(creatorBlockedCountries)
        .where(inArray(creatorBlockedCountries.creatorId, list.placeholders))
        .prepare(),
    ).all(list.params);
  },
  async setBlockedCountries(db: DrizzleDb, creatorId: string, countries: string[]): Promise<void> {
    await db.delete(creatorBlockedCountries).where(eq(creatorBlockedCountries.creatorId, creatorId));
    if (countries.length > 0)
      await db.insert(creatorBlockedCountries).values(countries.map((country) => ({ creatorId, country })));
  },
  /** Erasure: the profile row goes (its blocked countries with it, by the foreign key). */
  remove: async (db: DrizzleDb, userId: string): Promise<void> => {
    await db.delete(creatorProfiles).where(eq(creatorProfiles.userId, userId));
  },
  /**
   * Newest creators first, keyset over (created_at, user_id); `query` matches username or display name.
   * Creators whose account is held (banned, suspended, deleted) are left out: discovery never shows them.
   * `hidden`: leave out creators who block this country (except the viewer's own profile).
   * `among`: only these creators (a ranking's candidates).
   */
  list: (
    db: DrizzleDb,
    query: string | null,
    cursor: Cursor | null,
    limit: number,
    now: number,
    hidden: { country: string; exceptId: string | null } | null = null,
    among: string[] | null = null,
  ) => {
    const pattern = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return all(
      db
        .select(withUser)
        .from(creatorProfiles)
        .innerJoin(users, eq(users.id, creatorProfiles.userId))
        .where(
          and(
            before(creatorProfiles.createdAt, creatorProfiles.userId, cursor),
            among ? inArray(creatorProfiles.userId, among) : undefined,
            or(
              eq(users.status, "active"),
              and(eq(users.status, "suspended"), lte(users.suspendedUntil, now)),
            ),
            pattern ? or(contains(users.username, pattern), contains(users.displayName, pattern)) : undefined,
            hidden
              ? or(
                  hidden.exceptId ? eq(creatorProfiles.userId, hidden.exceptId) : undefined,
                  notExists(
                    db
                      .select({ one: sql`1` })
                      .from(creatorBlockedCountries)
                      .where(
                        and(
                          eq(creatorBlockedCountries.creatorId, creatorProfiles.userId),
                          eq(creatorBlockedCountries.country, hidden.country),
                        ),
                      ),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(creatorProfiles.createdAt), desc(creatorProfiles.userId))
        .limit(limit),
    );
  },
};
