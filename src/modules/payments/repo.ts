// Every query of the payments module: ledger accounts, transactions, entries, holds, checkouts, webhook events.
import { and, desc, eq, inArray, lt, lte, sql, sum, type Table } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { before } from "../../db/keyset.ts";
import type { Cursor } from "../../lib/cursor.ts";
import type { AccountRef } from "./ledger.ts";
import {
  checkouts,
  earningHolds,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  webhookEvents,
  type AccountRow,
  type CheckoutRow,
  type TxnKind,
  type TxnRow,
} from "./tables.ts";

const TXN_COLUMNS = [
  "id",
  "kind",
  "currency",
  "amountCents",
  "userId",
  "creatorId",
  "postId",
  "subscriptionId",
  "payoutId",
  "relatedTxnId",
  "source",
  "providerRef",
  "memo",
  "reversedAt",
  "idempotencyKey",
  "createdAt",
] as const;

/** An insert's values as named placeholders, for statements prepared once. */
function placeholders<T extends Table>(_table: T, columns: readonly string[]): never {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as never;
}

export const paymentsRepo = {
  accountByRef: (db: DrizzleDb, ref: AccountRef): AccountRow | undefined =>
    prepared(db, "ledger.accountByRef", () =>
      db
        .select()
        .from(ledgerAccounts)
        .where(
          and(
            eq(ledgerAccounts.ownerId, sql.placeholder("ownerId")),
            eq(ledgerAccounts.kind, sql.placeholder("kind")),
            eq(ledgerAccounts.currency, sql.placeholder("currency")),
          ),
        )
        .prepare(),
    ).get({ ownerId: ref.ownerId, kind: ref.kind, currency: ref.currency }),
  accountsOf: (db: DrizzleDb, ownerId: string): AccountRow[] =>
    db.select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerId, ownerId)).all(),
  /** A fan's wallets (one per currency it ever held; purchases check them all). */
  walletsOf: (db: DrizzleDb, ownerId: string): AccountRow[] =>
    prepared(db, "ledger.walletsOf", () =>
      db
        .select()
        .from(ledgerAccounts)
        .where(and(eq(ledgerAccounts.ownerId, sql.placeholder("ownerId")), eq(ledgerAccounts.kind, "wallet")))
        .prepare(),
    ).all({ ownerId }),
  /** Wallets below zero (a chargeback took back a spent top-up): doctor lists them. */
  negativeWallets: (db: DrizzleDb): AccountRow[] =>
    db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, "wallet"), lt(ledgerAccounts.balanceCents, 0)))
      .all(),
  insertAccount: (db: DrizzleDb, row: AccountRow): void => {
    db.insert(ledgerAccounts).values(row).run();
  },
  addToBalance: (db: DrizzleDb, accountId: string, delta: number): void => {
    prepared(db, "ledger.addToBalance", () =>
      db
        .update(ledgerAccounts)
        .set({ balanceCents: sql`${ledgerAccounts.balanceCents} + ${sql.placeholder("delta")}` })
        .where(eq(ledgerAccounts.id, sql.placeholder("id")))
        .prepare(),
    ).run({ id: accountId, delta });
  },

  txnByKey: (db: DrizzleDb, key: string): TxnRow | undefined =>
    prepared(db, "ledger.txnByKey", () =>
      db
        .select()
        .from(ledgerTransactions)
        .where(eq(ledgerTransactions.idempotencyKey, sql.placeholder("key")))
        .prepare(),
    ).get({ key }),
  txnById: (db: DrizzleDb, id: string): TxnRow | undefined =>
    db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id)).get(),
  txnsByProviderRef: (db: DrizzleDb, ref: string): TxnRow[] =>
    db.select().from(ledgerTransactions).where(eq(ledgerTransactions.providerRef, ref)).all(),
  insertTxn: (db: DrizzleDb, row: TxnRow): void => {
    prepared(db, "ledger.insertTxn", () =>
      db.insert(ledgerTransactions).values(placeholders(ledgerTransactions, TXN_COLUMNS)).prepare(),
    ).run(row);
  },
  setTxnSubscription: (db: DrizzleDb, id: string, subscriptionId: string): void => {
    prepared(db, "ledger.setTxnSubscription", () =>
      db
        .update(ledgerTransactions)
        .set({ subscriptionId: sql`${sql.placeholder("subscriptionId")}` })
        .where(eq(ledgerTransactions.id, sql.placeholder("id")))
        .prepare(),
    ).run({ id, subscriptionId });
  },
  /** Cents of a payment already reversed (its refunds and chargebacks, each perhaps a part). */
  reversedCentsOf: (db: DrizzleDb, txnId: string): number =>
    Number(
      db
        .select({ total: sum(ledgerTransactions.amountCents) })
        .from(ledgerTransactions)
        .where(
          and(
            eq(ledgerTransactions.relatedTxnId, txnId),
            inArray(ledgerTransactions.kind, ["refund", "chargeback"]),
          ),
        )
        .get()?.total ?? 0,
    ),
  markReversed: (db: DrizzleDb, id: string, at: number): void => {
    db.update(ledgerTransactions).set({ reversedAt: at }).where(eq(ledgerTransactions.id, id)).run();
  },
  insertEntry: (db: DrizzleDb, row: typeof ledgerEntries.$inferSelect): void => {
    prepared(db, "ledger.insertEntry", () =>
      db
        .insert(ledgerEntries)
        .values(placeholders(ledgerEntries, ["id", "txnId", "accountId", "amountCents", "createdAt"]))
        .prepare(),
    ).run(row);
  },
  entriesOf: (db: DrizzleDb, txnId: string) =>
    db
      .select({ amountCents: ledgerEntries.amountCents, account: ledgerAccounts })
      .from(ledgerEntries)
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
      .where(eq(ledgerEntries.txnId, txnId))
      .all(),
  recentTxns: (db: DrizzleDb, cursor: Cursor | null, limit: number): TxnRow[] =>
    db
      .select()
      .from(ledgerTransactions)
      .where(before(ledgerTransactions.createdAt, ledgerTransactions.id, cursor))
      .orderBy(desc(ledgerTransactions.createdAt), desc(ledgerTransactions.id))
      .limit(limit)
      .all(),
  /** The entries that touched one account, with their transaction (wallet history, statements). */
  accountHistory: (db: DrizzleDb, accountIds: string[], cursor: Cursor | null, limit: number) =>
    accountIds.length === 0
      ? []
      : db
          .select({
            amountCents: ledgerEntries.amountCents,
            accountId: ledgerEntries.accountId,
            txn: ledgerTransactions,
          })
          .from(ledgerEntries)
          .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.txnId))
          .where(
            and(
              inArray(ledgerEntries.accountId, accountIds),
              before(ledgerTransactions.createdAt, ledgerTransactions.id, cursor),
            ),
          )
          .orderBy(desc(ledgerTransactions.createdAt), desc(ledgerTransactions.id))
          .limit(limit)
          .all(),
  /** Creator earnings (their share) of every kind of sale, including reversals. */
  creatorEarningEntries: (db: DrizzleDb, creatorId: string) =>
    db
      .select({
        kind: ledgerTransactions.kind,
        createdAt: ledgerTransactions.createdAt,
        amountCents: ledgerEntries.amountCents,
        txn: ledgerTransactions,
      })
      .from(ledgerEntries)
      .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.txnId))
      .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
      .where(
        and(
          eq(ledgerAccounts.ownerId, creatorId),
          inArray(ledgerAccounts.kind, ["creator_pending", "creator_available"]),
          inArray(ledgerTransactions.kind, [
            "subscription",
            "renewal",
            "ppv",
            "tip",
            "refund",
            "chargeback",
          ] as TxnKind[]),
        ),
      )
      .orderBy(ledgerTransactions.createdAt)
      .all(),

  /** Every account whose cached balance differs from the sum of its entries (should be none). */
  driftedAccounts: (db: DrizzleDb) =>
    db
      .select({
        id: ledgerAccounts.id,
        cached: ledgerAccounts.balanceCents,
        actual: sum(ledgerEntries.amountCents),
      })
      .from(ledgerAccounts)
      .leftJoin(ledgerEntries, eq(ledgerEntries.accountId, ledgerAccounts.id))
      .groupBy(ledgerAccounts.id)
      .all()
      .filter((r) => r.cached !== Number(r.actual ?? 0)),
  /** Transactions whose entries do not sum to zero (should be none). */
  unbalancedTxns: (db: DrizzleDb) =>
    db
      .select({ txnId: ledgerEntries.txnId, total: sum(ledgerEntries.amountCents) })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.txnId)
      .all()
      .filter((r) => Number(r.total) !== 0),

  insertHold: (db: DrizzleDb, row: typeof earningHolds.$inferSelect): void => {
    prepared(db, "ledger.insertHold", () =>
      db
        .insert(earningHolds)
        .values(
          placeholders(earningHolds, [
            "txnId",
            "creatorId",
            "amountCents",
            "currency",
            "releaseAt",
            "status",
          ]),
        )
        .prepare(),
    ).run(row);
  },
  holdOf: (db: DrizzleDb, txnId: string) =>
    db.select().from(earningHolds).where(eq(earningHolds.txnId, txnId)).get(),
  dueHolds: (db: DrizzleDb, now: number, limit: number) =>
    db
      .select()
      .from(earningHolds)
      .where(and(eq(earningHolds.status, "held"), lte(earningHolds.releaseAt, now)))
      .limit(limit)
      .all(),
  setHoldStatus: (db: DrizzleDb, txnId: string, status: "released" | "reversed"): void => {
    db.update(earningHolds).set({ status }).where(eq(earningHolds.txnId, txnId)).run();
  },

  insertCheckout: (db: DrizzleDb, row: CheckoutRow): void => {
    db.insert(checkouts).values(row).run();
  },
  checkoutById: (db: DrizzleDb, id: string): CheckoutRow | undefined =>
    db.select().from(checkouts).where(eq(checkouts.id, id)).get(),
  updateCheckout: (db: DrizzleDb, id: string, patch: Partial<Omit<CheckoutRow, "id">>): void => {
    db.update(checkouts).set(patch).where(eq(checkouts.id, id)).run();
  },

  /** Records a webhook event id; false if it was already recorded (a replay). */
  recordEvent: (db: DrizzleDb, provider: string, eventId: string, type: string, now: number): boolean =>
    db.insert(webhookEvents).values({ provider, eventId, type, receivedAt: now }).onConflictDoNothing().run()
      .changes === 1,
};
