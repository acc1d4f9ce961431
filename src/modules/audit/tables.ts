import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

/**
 * The audit log: every admin action and every security-sensitive action of a user, append-only. Each
 * entry carries the hash of the one before it (`prev_hash`) and its own hash over its fields, so an edit,
 * a deletion or an insertion anywhere breaks the chain (`fanzctl doctor` walks it). No foreign keys: an
 * entry outlives the account it names.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    /** 1, 2, 3…: the chain's order (taken under a commit-order lock, so it has no gaps). */
    seq: integer("seq").primaryKey(),
    id: text("id").notNull().unique(),
    at: integer("at").notNull(),
    /** Null for the site itself (the scheduler, a CLI command). */
    actorId: text("actor_id"),
    /** e.g. `user.ban`, `auth.2fa.enable`, `payout.approve`. */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** The client's address, as the app saw it. */
    ip: text("ip"),
    /** JSON object of what else matters (reason, amount, before/after). */
    details: text("details").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_actor_idx").on(t.actorId, t.seq),
    index("audit_action_idx").on(t.action, t.seq),
    index("audit_target_idx").on(t.targetId, t.seq),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
