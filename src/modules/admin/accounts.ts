// The admin console's people: search, a person's page (with the counts that help decide), ban, suspend,
// unban, roles, the creator badge, and resolving reports (which may ban). A ban or suspension ends the
// person's sessions at once, hides their content from everyone else (users' standing, read by posts,
// profiles, discovery and live), holds their renewals (subscriptions) and payouts (payouts) until they are
// released, and ends their live stream. Every action writes its audit entry in its own transaction.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import type { AuditActor, AuditService } from "../audit/service.ts";
import type { AuthService } from "../auth/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { LiveService } from "../live/service.ts";
import type { ModerationService } from "../moderation/service.ts";
import type { ReportAction } from "../moderation/tables.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { PostsService } from "../posts/service.ts";
import type { SubscriptionsService } from "../subscriptions/service.ts";
import { inGoodStanding, type UsersService } from "../users/service.ts";
import type { Role, UserRow, UserStatus } from "../users/tables.ts";

export interface AccountsDeps {
  users: Pick<UsersService, "byId" | "search" | "setStatusTx" | "update" | "adminCount">;
  auth: Pick<AuthService, "revokeAllTx">;
  creators: Pick<CreatorsService, "byUserId" | "setVerifiedTx" | "cards">;
  posts: Pick<PostsService, "profileCounts">;
  subscriptions: Pick<SubscriptionsService, "audienceCount">;
  payments: Pick<PaymentsService, "creatorBalancesTx">;
  live: Pick<LiveService, "endLiveOf" | "endStream">;
  moderation: Pick<ModerationService, "byId" | "resolveTx" | "present" | "openAgainst">;
  audit: Pick<AuditService, "recordTx">;
}

const BALANCE_KINDS = { creator_pending: "pendingCents", creator_available: "availableCents" } as const;

export function createAccounts(ctx: AppContext, deps: AccountsDeps) {
  const { users, auth, creators, posts, subscriptions, payments, live, moderation, audit } = deps;
  const now = () => ctx.clock.now();

  /** What the admin sees of a person in lists. */
  async function summaries(rows: UserRow[]) {
    const cards = await creators.cards(rows.map((r) => r.id));
    const t = now();
    return Promise.all(
      rows.map(async (u) => {
        const profile = await creators.byUserId(u.id);
        return {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          email: u.email,
          role: u.role,
          // A suspension whose time has passed is over: the person is active again.
          status: (u.status === "suspended" && inGoodStanding(u, t) ? "active" : u.status) as UserStatus,
          statusReason: u.statusReason,
          suspendedUntil: u.status === "suspended" ? u.suspendedUntil : null,
          emailVerified: u.emailVerifiedAt !== null,
          isCreator: profile !== undefined,
          verified: profile?.verifiedAt != null,
          avatarUrl: cards.get(u.id)?.avatarUrl ?? null,
          createdAt: u.createdAt,
        };
      }),
    );
  }

  async function person(id: string): Promise<UserRow> {
    const u = await users.byId(id);
    if (!u || u.status === "deleted") throw new NotFound("User");
    return u;
  }

  /** The rules every hold and role change obeys: not yourself, and never the site's last admin. */
  async function assertMayAct(
    tx: DrizzleDb,
    actor: AuditActor,
    target: UserRow,
    what: string,
  ): Promise<void> {
    if (target.id === actor.actorId) throw new Forbidden(`You cannot ${what} yourself.`, "self_action");
    if (target.role === "admin" && (await users.adminCount(tx)) <= 1)
      throw new Forbidden(`You cannot ${what} the site's last admin.`, "last_admin");
  }

  /** Inside a write: bans (or suspends until `until`) and ends every session of the person. */
  async function holdTx(
    tx: DrizzleDb,
    actor: AuditActor,
    target: UserRow,
    hold: { status: "banned" | "suspended"; reason: string; until: number | null; via?: string },
  ): Promise<void> {
    await assertMayAct(tx, actor, target, hold.status === "banned" ? "ban" : "suspend");
    await users.setStatusTx(tx, target.id, { status: hold.status, reason: hold.reason, until: hold.until });
    await auth.revokeAllTx(tx, target.id);
    await audit.recordTx(tx, {
      ...actor,
      action: hold.status === "banned" ? "user.ban" : "user.suspend",
      target: { type: "user", id: target.id },
      details: {
        username: target.username,
        reason: hold.reason,
        ...(hold.until !== null ? { until: hold.until } : {}),
        ...(hold.via ? { via: hold.via } : {}),
      },
    });
  }

  /** After a hold commits: a live stream of theirs ends (outside the write: it cuts the publisher). */
  async function afterHold(userId: string): Promise<void> {
    await live.endLiveOf(userId);
  }

  async function detail(id: string) {
    const u = await person(id);
    const [summary] = await summaries([u]);
    const isCreator = summary!.isCreator;
    const [counts, subscribers, balances, openReports] = await Promise.all([
      isCreator ? posts.profileCounts([u.id]) : Promise.resolve(new Map<string, { posts: number }>()),
      isCreator ? subscriptions.audienceCount(u.id, "subscribers") : Promise.resolve(0),
      isCreator ? payments.creatorBalancesTx(ctx.db.read, u.id) : Promise.resolve([]),
      moderation.openAgainst(u.id),
    ]);
    const earnings = new Map<string, { currency: string; pendingCents: number; availableCents: number }>();
    for (const b of balances) {
      const field = BALANCE_KINDS[b.kind as keyof typeof BALANCE_KINDS];
      if (!field) continue;
      const e = earnings.get(b.currency) ?? { currency: b.currency, pendingCents: 0, availableCents: 0 };
      e[field] += b.balanceCents;
      earnings.set(b.currency, e);
    }
    return {
      ...summary!,
      posts: counts.get(u.id)?.posts ?? 0,
      subscribers,
      earnings: [...earnings.values()],
      openReports,
    };
  }

  return {
    async search(
      f: { query: string | null; role: Role | null; status: UserStatus | null },
      cursor: Cursor | null,
      limit: number,
    ) {
      const rows = await users.search(f, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await summaries(p.items), nextCursor: p.nextCursor };
    },

    detail,

    async ban(actor: AuditActor, id: string, reason: string) {
      const target = await person(id);
      await ctx.db.write((tx) => holdTx(tx, actor, target, { status: "banned", reason, until: null }));
      await afterHold(id);
      return detail(id);
    },

    async suspend(actor: AuditActor, id: string, until: number, reason: string) {
      if (until <= now())
        throw new Invalid("A suspension ends in the future.", { fields: { until: "Must be in the future" } });
      const target = await person(id);
      await ctx.db.write((tx) => holdTx(tx, actor, target, { status: "suspended", reason, until }));
      await afterHold(id);
      return detail(id);
    },

    /** Lifts a ban or a suspension: content shows again; renewals resume from now (nothing owed for the gap). */
    async unban(actor: AuditActor, id: string) {
      const target = await person(id);
      await ctx.db.write(async (tx) => {
        await users.setStatusTx(tx, id, { status: "active", reason: null, until: null });
        await audit.recordTx(tx, {
          ...actor,
          action: "user.unban",
          target: { type: "user", id },
          details: { username: target.username, was: target.status, reason: target.statusReason },
        });
      });
      return detail(id);
    },

    async setRole(actor: AuditActor, id: string, role: Role) {
      const target = await person(id);
      await ctx.db.write(async (tx) => {
        if (target.role === role) return;
        if (target.role === "admin") await assertMayAct(tx, actor, target, "demote");
        await users.update(tx, id, { role });
        await audit.recordTx(tx, {
          ...actor,
          action: "user.role",
          target: { type: "user", id },
          details: { username: target.username, from: target.role, to: role },
        });
      });
      return detail(id);
    },

    /** The creator badge (verify) or its removal (unverify). */
    async setVerified(actor: AuditActor, id: string, verified: boolean) {
      const target = await person(id);
      await ctx.db.write(async (tx) => {
        const profile = await creators.byUserId(id, tx);
        if (!profile) throw new NotFound("Creator");
        await creators.setVerifiedTx(tx, id, verified);
        await audit.recordTx(tx, {
          ...actor,
          action: verified ? "creator.verify" : "creator.unverify",
          target: { type: "user", id },
          details: { username: target.username },
        });
      });
      return detail(id);
    },

    /**
     * Resolves a report: dismiss, remove the content (through its owner), or ban its author. One write:
     * the report, the removal, the notices, the ban and the audit entry commit together.
     */
    async resolveReport(actor: AuditActor, id: string, action: ReportAction, note: string | null) {
      const r = await moderation.byId(id);
      if (r.status !== "open") throw new Conflict("This report was already resolved.", "already_resolved");
      if (action === "remove_content" && r.targetType === "user")
        throw new Invalid(
          "A profile cannot be removed; ban the person instead.",
          { fields: { action: "Not for a profile" } },
          "not_removable",
        );
      const author = action === "ban_user" ? await person(r.targetAuthorId) : null;
      // A stream is ended by live first (it cuts the publisher; nothing to undo if the write fails).
      const streamEnded =
        action === "remove_content" && r.targetType === "stream" ? await live.endStream(r.targetId) : false;
      const { removed } = await ctx.db.write(async (tx) => {
        const res = await moderation.resolveTx(tx, r, { action, note, by: actor.actorId! });
        if (author)
          await holdTx(tx, actor, author, {
            status: "banned",
            reason: note ?? `Report: ${r.reason}`,
            until: null,
            via: `report:${r.id}`,
          });
        await audit.recordTx(tx, {
          ...actor,
          action: "report.resolve",
          target: { type: "report", id: r.id },
          details: {
            action,
            note,
            reason: r.reason,
            target: { type: r.targetType, id: r.targetId },
            author: r.targetAuthorId,
            removed: res.removed || streamEnded,
          },
        });
        return res;
      });
      if (author) await afterHold(author.id);
      return { ...(await moderation.present((await moderation.byId(id))!)), removed: removed || streamEnded };
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
