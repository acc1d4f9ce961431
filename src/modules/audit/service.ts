// Audit: the append-only, hash-chained record of admin actions and security-sensitive actions of users.
// Other modules write an entry inside the transaction of the action itself (`recordTx`), so an action
// and its entry commit together or not at all. Entries are chained: each holds the hash of the one
// before it and a hash over its own fields; `verifyChain` (run by `fanzctl doctor`) finds any edit.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { commitInOrder } from "../../db/query.ts";
import { sha256Hex } from "../../lib/crypto.ts";
import { newId } from "../../lib/ids.ts";
import { encodeCursor, type Cursor } from "../../lib/cursor.ts";
import type { UsersService } from "../users/service.ts";
import { auditRepo } from "./repo.ts";
import type { AuditRow } from "./tables.ts";

export const GENESIS_HASH = "0".repeat(64);

/** Who did it and from where: the request's viewer and address, or nothing for the site itself. */
export interface AuditActor {
  actorId: string | null;
  ip: string | null;
}

export interface AuditEntry extends AuditActor {
  action: string;
  target?: { type: string; id: string } | undefined;
  details?: Record<string, unknown> | undefined;
}

/** The hash over an entry's fields and the hash before it. */
export function entryHash(row: Omit<AuditRow, "hash">): string {
  return sha256Hex(
    JSON.stringify([
      row.prevHash,
      row.seq,
      row.id,
      row.at,
      row.actorId,
      row.action,
      row.targetType,
      row.targetId,
      row.ip,
      row.details,
    ]),
  );
}

export interface ChainReport {
  entries: number;
  /** The first entry whose link or hash does not match, or null when the chain is whole. */
  brokenAt: { seq: number; reason: string } | null;
}

export function createAuditService(
  ctx: AppContext,
  deps: { users: Pick<UsersService, "byUsername" | "namesByIds"> },
) {
  return {
    /** Appends an entry inside the caller's transaction. */
    async recordTx(tx: DrizzleDb, e: AuditEntry): Promise<void> {
      // One chain: on PostgreSQL appenders take turns to COMMIT (SQLite has one writer anyway).
      await commitInOrder(tx, "audit_log");
      const last = await auditRepo.last(tx);
      const row: Omit<AuditRow, "hash"> = {
        seq: (last?.seq ?? 0) + 1,
        id: newId(),
        at: ctx.clock.now(),
        actorId: e.actorId,
        action: e.action,
        targetType: e.target?.type ?? null,
        targetId: e.target?.id ?? null,
        ip: e.ip,
        details: JSON.stringify(e.details ?? {}),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      await auditRepo.insert(tx, { ...row, hash: entryHash(row) });
    },

    /** Appends an entry in its own transaction (actions that wrote nothing else). */
    record(e: AuditEntry): Promise<void> {
      return ctx.db.write((tx) => this.recordTx(tx, e));
    },

    /** Newest first; `actor` is a username. */
    async list(
      filter: { actor?: string | undefined; action?: string | undefined; targetId?: string | undefined },
      cursor: Cursor | null,
      limit: number,
    ) {
      let actorId: string | undefined;
      if (filter.actor) {
        const u = await deps.users.byUsername(filter.actor.replace(/^@/, ""));
        if (!u) return { items: [], nextCursor: null };
        actorId = u.id;
      }
      const rows = await auditRepo.page(
        ctx.db.read,
        { actorId, action: filter.action, targetId: filter.targetId },
        cursor ? cursor.key : null,
        limit + 1,
      );
      const items = rows.slice(0, limit);
      const names = await deps.users.namesByIds([
        ...new Set(items.flatMap((r) => (r.actorId ? [r.actorId] : []))),
      ]);
      const cards = new Map(names.map((n) => [n.id, n]));
      return {
        items: items.map((r) => ({
          id: r.id,
          seq: r.seq,
          at: r.at,
          actor: r.actorId ? { id: r.actorId, username: cards.get(r.actorId)?.username ?? null } : null,
          action: r.action,
          target: r.targetType && r.targetId ? { type: r.targetType, id: r.targetId } : null,
          ip: r.ip,
          details: JSON.parse(r.details) as Record<string, unknown>,
          hash: r.hash,
        })),
        nextCursor:
          rows.length > limit
            ? encodeCursor(items[items.length - 1]!.seq, items[items.length - 1]!.id)
            : null,
      };
    },

    /** Walks the whole chain in order: every link names the hash before it, every hash matches its entry. */
    async verifyChain(): Promise<ChainReport> {
      let prev = GENESIS_HASH;
      let expectSeq = 1;
      let entries = 0;
      for (;;) {
        const batch = await auditRepo.batch(ctx.db.read, expectSeq - 1, 1000);
        if (batch.length === 0) return { entries, brokenAt: null };
        for (const r of batch) {
          const { hash, ...rest } = r;
          if (r.seq !== expectSeq) return { entries, brokenAt: { seq: expectSeq, reason: "entry missing" } };
          if (r.prevHash !== prev)
            return { entries, brokenAt: { seq: r.seq, reason: "does not link to the entry before it" } };
          if (entryHash(rest) !== hash)
            return { entries, brokenAt: { seq: r.seq, reason: "its fields do not match its hash" } };
          prev = hash;
          expectSeq++;
          entries++;
        }
      }
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
