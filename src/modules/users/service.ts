// Users: identity and roles, and the two public shapes of a person (self and public author card). The
// shapes carry creator facts (avatar, creator profile), so the creators module builds them; passwords and
// sessions belong to auth.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { configuredCache } from "../../lib/cache.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { blocksRepo, usersPrivacyRepo, usersRepo } from "./repo.ts";
import type { Role, UserStatus, UserRow } from "./tables.ts";

export interface SelfUser {
  id: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  /** Has a creator profile (admins keep their role when they become creators). */
  isCreator: boolean;
  /** A creator's uploaded avatar (largest variant, and all for `srcset`); null = generated initials. */
  avatarUrl: string | null;
  avatarSrcset: string | null;
  /** When the person proved the address is theirs; null until then. */
  emailVerifiedAt: number | null;
  /** Log-in asks for a code from an authenticator app. */
  twoFactorEnabled: boolean;
  createdAt: number;
}

/** Who is asking, as every access decision sees them (entitlement, media). */
export interface EntitlementViewer {
  id: string;
  role: Role;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
  avatarSrcset: string | null;
  /** A creator the site verified (the badge). */
  verified: boolean;
}

/**
 * Whether an account is in good standing now: active, or suspended until a time that has passed (a
 * suspension ends by itself). Banned, suspended and deleted accounts cannot sign in, and their content
 * is hidden from everyone else.
 */
export function inGoodStanding(
  u: { status: UserStatus; suspendedUntil: number | null },
  now: number,
): boolean {
  return (
    u.status === "active" ||
    (u.status === "suspended" && u.suspendedUntil !== null && u.suspendedUntil <= now)
  );
}

export interface NewUser {
  email: string;
  username: string;
  displayName?: string | undefined;
  passwordHash: string;
  role: Role;
}

export function toSelf(
  u: UserRow,
  isCreator: boolean,
  avatar?: { url: string; srcset: string } | undefined,
): SelfUser {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    isCreator,
    avatarUrl: avatar?.url ?? null,
    avatarSrcset: avatar?.srcset ?? null,
    emailVerifiedAt: u.emailVerifiedAt,
    twoFactorEnabled: u.twoFactorEnabledAt !== null,
    createdAt: u.createdAt,
  };
}

export function createUsersService(ctx: AppContext) {
  // Every page asks whether its creators are in good standing; forgotten (on every node) when a status
  // changes, and evaluated against the clock at each read, so a suspension's end needs no write.
  const standing = configuredCache<{ status: UserStatus; suspendedUntil: number | null }>(
    ctx,
    "users.standing",
    100_000,
  );

  // Each signed-in request reads its person's row (auth's session check): cached, and forgotten (on every
  // node) when a write to the row ends. Every write to a user row goes through `updateTx`.
  const rowCache = configuredCache<UserRow>(ctx, "users.rows", 100_000);
  function updateTx(tx: DrizzleDb, id: string, patch: Partial<Omit<UserRow, "id">>): Promise<void> {
    ctx.db.onTxEnd(tx, () => rowCache.delete(id));
    return usersRepo.update(tx, id, patch);
  }

  /** Of these people, those NOT in good standing now (banned, suspended, deleted). */
  async function heldAmong(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const found = await standing.getMany(unique, async (missing) =>
      (await usersRepo.standings(ctx.db.read, missing)).map((r) => [r.id, r] as const),
    );
    const now = ctx.clock.now();
    return new Set(
      unique.filter((id) => {
        const s = found.get(id);
        return s !== undefined && !inGoodStanding(s, now);
      }),
    );
  }

  return {
    heldAmong,
    /** Whether this one person's account is held (banned, suspended, deleted) now. */
    isHeld: async (id: string): Promise<boolean> => (await heldAmong([id])).has(id),
    /** The same question inside a write, answered by its transaction. */
    isHeldTx: async (tx: DrizzleDb, id: string): Promise<boolean> => {
      const u = await usersRepo.byId(tx, id);
      return u !== undefined && !inGoodStanding(u, ctx.clock.now());
    },
    /** The admin console's people search (query: username, display name or e-mail). */
    search: (
      f: { query: string | null; role: Role | null; status: UserStatus | null },
      cursor: Cursor | null,
      limit: number,
    ) => usersRepo.search(ctx.db.read, f, cursor, limit),
    adminCount: (db: DrizzleDb = ctx.db.read) => usersRepo.adminCount(db),
    byId: (id: string) => usersRepo.byId(ctx.db.read, id),
    /**
     * The same row from the cache (every signed-in request's). A change made outside the app (a fanzctl
     * command) is seen within `[cache] ttl_seconds`; the app's own writes, on any node, at once.
     */
    current: (id: string): Promise<UserRow | undefined> =>
      rowCache.getOne(id, () => usersRepo.byId(ctx.db.read, id)),
    /** Accounts for the operator (`fanzctl user list`), oldest first. */
    list: (role?: Role) => usersRepo.all(ctx.db.read, role),
    byUsername: (username: string) => usersRepo.byUsername(ctx.db.read, username.toLowerCase()),
    byEmail: (email: string) => usersRepo.byEmail(ctx.db.read, email.toLowerCase()),
    anyAdmin: (db: DrizzleDb = ctx.db.read) => usersRepo.anyAdmin(db),
    /** The public columns (id, username, display name) of a set of users; creators adds the avatar. */
    namesByIds: (ids: string[]) => usersRepo.cardsByIds(ctx.db.read, ids),

    /**
     * Inside a ROW_LOCKED write (db/tx.ts): holds these people until it ends, so their money is read,
     * checked and changed by one transaction at a time (what SQLite's single writer gives anyway).
     */
    lockTx: (tx: DrizzleDb, ids: string[]) => usersRepo.lock(tx, ids),
    rolesByIds: (ids: string[], db: DrizzleDb = ctx.db.read) => usersRepo.rolesByIds(db, ids),

    /**
     * Inside the caller's transaction: bans, suspends (until a time) or reinstates an account. Sessions of
     * an account that is not active stop validating at once (auth's `accountBlock`).
     */
    setStatusTx: (
      tx: DrizzleDb,
      id: string,
      s: { status: UserStatus; reason: string | null; until: number | null },
    ): Promise<void> => {
      ctx.db.onTxEnd(tx, () => standing.delete(id));
      return updateTx(tx, id, {
        status: s.status,
        statusReason: s.reason,
        suspendedUntil: s.status === "suspended" ? s.until : null,
        updatedAt: ctx.clock.now(),
      });
    },

    /** Inserts a user inside the caller's transaction; the Conflict names the field that is taken. */
    async insert(tx: DrizzleDb, input: NewUser): Promise<UserRow> {
      const email = input.email.toLowerCase();
      const username = input.username.toLowerCase();
      const fields: Record<string, string> = {};
      if (await usersRepo.byEmail(tx, email)) fields.email = "This email is already registered.";
      if (await usersRepo.byUsername(tx, username)) fields.username = "This username is taken.";
      if (Object.keys(fields).length > 0) {
        throw new Conflict(Object.values(fields).join(" "), fields.email ? "email_taken" : "username_taken", {
          fields,
        });
      }
      const now = ctx.clock.now();
      const row: UserRow = {
        id: newId(),
        email,
        username,
        displayName: input.displayName?.trim() || username,
        passwordHash: input.passwordHash,
        role: input.role,
        ageConfirmedAt: now,
        status: "active",
        statusReason: null,
        suspendedUntil: null,
        emailVerifiedAt: null,
        twoFactorEnabledAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await usersRepo.insert(tx, row);
      return row;
    },

    /** `blockerId` blocks the person called `username`: from now on neither can write to the other. */
    async block(blockerId: string, username: string): Promise<void> {
      const other = await usersRepo.byUsername(ctx.db.read, username.toLowerCase());
      if (!other) throw new NotFound("User");
      if (other.id === blockerId) throw new Invalid("You cannot block yourself.", undefined, "self_block");
      await ctx.db.write((tx) => blocksRepo.insert(tx, blockerId, other.id, ctx.clock.now()));
    },
    async unblock(blockerId: string, username: string): Promise<void> {
      const other = await usersRepo.byUsername(ctx.db.read, username.toLowerCase());
      if (!other) throw new NotFound("User");
      await ctx.db.write((tx) => blocksRepo.remove(tx, blockerId, other.id));
    },
    /** The people this person blocked, newest first, with when. */
    async blocked(
      userId: string,
    ): Promise<{ user: Pick<UserRow, "id" | "username" | "displayName">; blockedAt: number }[]> {
      const rows = await blocksRepo.byBlocker(ctx.db.read, userId);
      const cards = new Map(
        (
          await usersRepo.cardsByIds(
            ctx.db.read,
            rows.map((r) => r.blockedId),
          )
        ).map((c) => [c.id, c]),
      );
      return rows.flatMap((r) => {
        const user = cards.get(r.blockedId);
        return user ? [{ user, blockedAt: r.createdAt }] : [];
      });
    },
    /** Whether a block stands between two people: "you" (a blocked b), "them" (b blocked a), or null. */
    async blockBetween(a: string, b: string, db: DrizzleDb = ctx.db.read): Promise<"you" | "them" | null> {
      const rows = await blocksRepo.between(db, a, b);
      if (rows.some((r) => r.blockerId === a)) return "you";
      return rows.length > 0 ? "them" : null;
    },
    blockedAmong: (userId: string, others: string[], db: DrizzleDb = ctx.db.read) =>
      blocksRepo.blockedAmong(db, userId, others),

    /** Inside the caller's transaction: the address was proved (a mailed link), or no longer (changed). */
    setEmailVerifiedTx: (tx: DrizzleDb, id: string, at: number | null): Promise<void> =>
      updateTx(tx, id, { emailVerifiedAt: at, updatedAt: ctx.clock.now() }),
    /** Inside auth's transaction that turns two-factor sign-in on (a time) or off (null). */
    setTwoFactorTx: (tx: DrizzleDb, id: string, at: number | null): Promise<void> =>
      updateTx(tx, id, { twoFactorEnabledAt: at, updatedAt: ctx.clock.now() }),
    /** GDPR export: the account as stored (never the password hash) and whom the person blocked. */
    async personalData(userId: string) {
      const u = await usersRepo.byId(ctx.db.read, userId);
      if (!u) throw new NotFound("User");
      return {
        account: {
          id: u.id,
          email: u.email,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          status: u.status,
          emailVerifiedAt: u.emailVerifiedAt,
          ageConfirmedAt: u.ageConfirmedAt,
          createdAt: u.createdAt,
          updatedAt: u.updatedAt,
        },
        blocked: await usersPrivacyRepo.blockedBy(ctx.db.read, userId),
      };
    },

    /**
     * GDPR erasure, inside the erasing write: the account stays (the ledger's lines and the kept compliance
     * records point at its id) but becomes a pseudonym: e-mail and username are replaced by ones made
     * from the id (so the unique constraints hold and the person can sign up again with the same
     * address), the name goes, the password can match nothing, the status is `deleted` (log-in refused,
     * sessions stop validating) and blocks either way are removed. Returns the old and new usernames.
     */
    async eraseTx(tx: DrizzleDb, userId: string): Promise<{ from: string; to: string }> {
      const u = await usersRepo.byId(tx, userId);
      if (!u) throw new NotFound("User");
      const to = `deleted_${userId}`;
      await updateTx(tx, userId, {
        email: `${to}@deleted.invalid`,
        username: to,
        displayName: "Deleted account",
        passwordHash: "!erased",
        status: "deleted",
        statusReason: "Erased at the person's request (GDPR).",
        suspendedUntil: null,
        emailVerifiedAt: null,
        updatedAt: ctx.clock.now(),
      });
      await usersPrivacyRepo.removeBlocks(tx, userId);
      return { from: u.username, to };
    },

    /** A change of the display name goes through creators.saveProfileTx, which forgets the cached card. */
    async update(
      tx: DrizzleDb,
      id: string,
      patch: { displayName?: string; role?: Role; passwordHash?: string },
    ): Promise<void> {
      await updateTx(tx, id, { ...patch, updatedAt: ctx.clock.now() });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
