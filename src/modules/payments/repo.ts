// Every query of the payments module: ledger accounts, transactions, entries, holds, checkouts, webhook events.
import { REVERSAL_KINDS, SALE_KINDS } from "./kinds.ts";
import { and, desc, eq, inArray, lt, lte, sql, sum, type Table } from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { dayOfEpochMs, firstRow, rowCount, rows } from "../../db/query.ts";
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
  "messageId",
  "liveStreamId",
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
  accountByRef: (db: DrizzleDb, ref: AccountRef): Promise<AccountRow | undefined> =>
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
  accountsOf: (db: DrizzleDb, ownerId: string): Promise<AccountRow[]> =>
    db.select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerId, ownerId)),
  /** A fan's wallets (one per currency it ever held; purchases check them all). */
  walletsOf: (db: DrizzleDb, ownerId: string): Promise<AccountRow[]> =>
    prepared(db, "ledger.walletsOf", () =>
      db
        .select()
        .from(ledgerAccounts)
        .where(and(eq(ledgerAccounts.ownerId, sql.placeholder("ownerId")), eq(ledgerAccounts.kind, "wallet")))
        .prepare(),
    ).all({ ownerId }),
  /** Wallets below zero (a chargeback took back a spent top-up): doctor lists them. */
  negativeWallets: (db: DrizzleDb): Promise<AccountRow[]> =>
    db
      .select()
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.kind, "wallet"), lt(ledgerAccounts.balanceCents, 0))),
  /** Creates the account unless another transaction just did (its row then stands). */
  insertAccount: async (db: DrizzleDb, row: AccountRow): Promise<void> => {
    await db.insert(ledgerAccounts).values(row).onConflictDoNothing();
  },
  /** Adds each delta to its account's cached balance in one statement, locking the rows in id order. */
  async addToBalances(db: DrizzleDb, deltas: [string, number][]): Promise<void> {
    const sorted = deltas.filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (sorted.length === 0) return;
    const cases = sql.join(
      sorted.map(([id, d]) => sql`WHEN ${id} THEN CAST(${d} AS BIGINT)`),
      sql` `,
    );
    await db
      .update(ledgerAccounts)
      .set({ balanceCents: sql`${ledgerAccounts.balanceCents} + CASE ${ledgerAccounts.id} ${cases} END` })
      .where(
        inArray(
          ledgerAccounts.id,
          sorted.map(([id]) => id),
        ),
      );
  },

  txnByKey: (db: DrizzleDb, key: string): Promise<TxnRow | undefined> =>
    prepared(db, "ledger.txnByKey", () =>
      db
        .select()
        .from(ledgerTransactions)
        .where(eq(ledgerTransactions.idempotencyKey, sql.placeholder("key")))
        .prepare(),
    ).get({ key }),
  txnById: (db: DrizzleDb, id: string): Promise<TxnRow | undefined> =>
    db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id)).then(firstRow),
  txnsByProviderRef: (db: DrizzleDb, ref: string): Promise<TxnRow[]> =>
    db.select().from(ledgerTransactions).where(eq(ledgerTransactions.providerRef, ref)),
  /** Inserts the transaction unless one with its idempotency key exists; true when inserted. */
  insertTxn: async (db: DrizzleDb, row: TxnRow): Promise<boolean> =>
    (await prepared(db, "ledger.insertTxn", () =>
      db
        .insert(ledgerTransactions)
        .values(placeholders(ledgerTransactions, TXN_COLUMNS))
        .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
        .prepare(),
    ).run(row)) === 1,
  setTxnSubscription: async (db: DrizzleDb, id: string, subscriptionId: string): Promise<void> => {
    await prepared(db, "ledger.setTxnSubscription", () =>
      db
        .update(ledgerTransactions)
        .set({ subscriptionId: sql`${sql.placeholder("subscriptionId")}` })
        .where(eq(ledgerTransactions.id, sql.placeholder("id")))
        .prepare(),
    ).run({ id, subscriptionId });
  },
  /** Transactions of one kind related to a payment (e.g. the referral share of a sale). */
  relatedTxns: (db: DrizzleDb, txnId: string, kind: TxnRow["kind"]): Promise<TxnRow[]> =>
    db
      .select()
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.relatedTxnId, txnId), eq(ledgerTransactions.kind, kind))),
  /**
   * Cents of a payment reversed now: its refunds and chargebacks (each perhaps a part), less what won
   * disputes gave back.
   */
  reversedCentsOf: async (db: DrizzleDb, txnId: string): Promise<number> =>
    Number(
      (
        await db
          .select({
            total: sql<
              string | number | null
            >`sum(case when ${ledgerTransactions.kind} = 'chargeback_reversal' then -${ledgerTransactions.amountCents} else ${ledgerTransactions.amountCents} end)`,
          })
          .from(ledgerTransactions)
          .where(
            and(eq(ledgerTransactions.relatedTxnId, txnId), inArray(ledgerTransactions.kind, REVERSAL_KINDS)),
          )
          .then(firstRow)
      )?.total ?? 0,
    ),
  /** A payment's refunds, chargebacks and chargeback reversals, oldest first. */
  reversalsOf: (db: DrizzleDb, txnId: string): Promise<TxnRow[]> =>
    db
      .select()
      .from(ledgerTransactions)
      .where(
        and(eq(ledgerTransactions.relatedTxnId, txnId), inArray(ledgerTransactions.kind, REVERSAL_KINDS)),
      )
      .orderBy(ledgerTransactions.createdAt),
  /** Sets (or, with null, clears: a won dispute) when a payment was reversed in full. */
  markReversed: async (db: DrizzleDb, id: string, at: number | null): Promise<void> => {
    await db.update(ledgerTransactions).set({ reversedAt: at }).where(eq(ledgerTransactions.id, id));
  },
  insertEntry: async (db: DrizzleDb, row: typeof ledgerEntries.$inferSelect): Promise<void> => {
    await prepared(db, "ledger.insertEntry", () =>
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
      .where(eq(ledgerEntries.txnId, txnId)),
  recentTxns: (db: DrizzleDb, cursor: Cursor | null, limit: number): Promise<TxnRow[]> =>
    db
      .select()
      .from(ledgerTransactions)
      .where(before(ledgerTransactions.createdAt, ledgerTransactions.id, cursor))
      .orderBy(desc(ledgerTransactions.createdAt), desc(ledgerTransactions.id))
      .limit(limit),
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
          .limit(limit),
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
            ...SALE_KINDS,
            ...REVERSAL_KINDS,
            "referral",
            "referral_reversal",
          ]),
        ),
      )
      .orderBy(ledgerTransactions.createdAt),

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
      .then((rows) => rows.filter((r) => r.cached !== Number(r.actual ?? 0))),
  /** Transactions whose entries do not sum to zero (should be none). */
  unbalancedTxns: (db: DrizzleDb) =>
    db
      .select({ txnId: ledgerEntries.txnId, total: sum(ledgerEntries.amountCents) })
      .from(ledgerEntries)
      .groupBy(ledgerEntries.txnId)
      .then((rows) => rows.filter((r) => Number(r.total) !== 0)),

  insertHold: async (db: DrizzleDb, row: typeof earningHolds.$inferSelect): Promise<void> => {
    await prepared(db, "ledger.insertHold", () =>
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
    db.select().from(earningHolds).where(eq(earningHolds.txnId, txnId)).then(firstRow),
  dueHolds: (db: DrizzleDb, now: number, limit: number) =>
    db
      .select()
      .from(earningHolds)
      .where(and(eq(earningHolds.status, "held"), lte(earningHolds.releaseAt, now)))
      .limit(limit),
  setHoldStatus: async (
    db: DrizzleDb,
    txnId: string,
    status: "held" | "released" | "reversed",
  ): Promise<void> => {
    await db.update(earningHolds).set({ status }).where(eq(earningHolds.txnId, txnId));
  },

  insertCheckout: async (db: DrizzleDb, row: CheckoutRow): Promise<void> => {
    await db.insert(checkouts).values(row);
  },
  checkoutById: (db: DrizzleDb, id: string): Promise<CheckoutRow | undefined> =>
    db.select().from(checkouts).where(eq(checkouts.id, id)).then(firstRow),
  updateCheckout: async (
    db: DrizzleDb,
    id: string,
    patch: Partial<Omit<CheckoutRow, "id">>,
  ): Promise<void> => {
    await db.update(checkouts).set(patch).where(eq(checkouts.id, id));
  },

  /** Records a webhook event id; false if it was already recorded (a replay). */
  recordEvent: (
    db: DrizzleDb,
    provider: string,
    eventId: string,
    type: string,
    now: number,
  ): Promise<boolean> =>
    db
      .insert(webhookEvents)
      .values({ provider, eventId, type, receivedAt: now })
      .onConflictDoNothing()
      .then((r) => rowCount(r) === 1),
};

/** What GDPR export and erasure read and change of a person's money records. */
export const paymentsPrivacyRepo = {
  /** Transactions the person paid or started (purchases, tips, top-ups, their payouts), oldest first. */
  txnsBy: (db: DrizzleDb, userId: string) =>
    db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.userId, userId))
      .orderBy(ledgerTransactions.createdAt, ledgerTransactions.id),
  /** Every entry on the person's own accounts, with its transaction's kind and time. */
  entriesOn: (db: DrizzleDb, accountIds: string[]) =>
    accountIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: ledgerEntries.id,
            accountId: ledgerEntries.accountId,
            txnId: ledgerEntries.txnId,
            amountCents: ledgerEntries.amountCents,
            kind: ledgerTransactions.kind,
            payerId: ledgerTransactions.userId,
            memo: ledgerTransactions.memo,
            createdAt: ledgerEntries.createdAt,
          })
          .from(ledgerEntries)
          .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.txnId))
          .where(inArray(ledgerEntries.accountId, accountIds))
          .orderBy(ledgerEntries.createdAt, ledgerEntries.id),
  /** The erased person's old handle in memos becomes the pseudonym (memos name people as @username). */
  renameInMemos: async (db: DrizzleDb, userId: string, from: string, to: string): Promise<void> => {
    await db
      .update(ledgerTransactions)
      .set({ memo: sql`replace(${ledgerTransactions.memo}, ${`@${from}`}, ${`@${to}`})` })
      .where(
        sql`(${ledgerTransactions.userId} = ${userId} or ${ledgerTransactions.creatorId} = ${userId}) and ${ledgerTransactions.memo} is not null`,
      );
  },
};

/** The sale kinds and their reversals as SQL literals (analytics' raw queries). */
const kindsSql = (kinds: readonly string[]) => sql.raw(kinds.map((k) => `'${k}'`).join(", "));
/** Sales and what reverses them (refunds, chargebacks, won disputes): what a creator earned, net. */
const EARNING_KINDS_SQL = kindsSql([...SALE_KINDS, ...REVERSAL_KINDS]);
const REVERSAL_KINDS_SQL = kindsSql(REVERSAL_KINDS);

/**
 * What analytics and the fans list read of a creator's money: their earning entries (net of refunds and
 * chargebacks, which count against the kind of the sale they reverse) by UTC day, by post, and what each
 * fan paid them. One currency at a time: amounts of two currencies are never added.
 */
export const paymentsAnalyticsRepo = {
  earningsByDay: (db: DrizzleDb, creatorId: string, currency: string, since: number) =>
    rows<{ day: number; kind: string; cents: number | string; sales: number | string }>(
      db,
      sql`SELECT ${dayOfEpochMs(sql`e.created_at`)} AS day,
          CASE WHEN t.kind IN (${REVERSAL_KINDS_SQL}) THEN COALESCE(o.kind, t.kind) ELSE t.kind END AS kind,
          SUM(e.amount_cents) AS cents,
          SUM(CASE WHEN t.kind IN (${REVERSAL_KINDS_SQL}) THEN 0 ELSE 1 END) AS sales
        FROM ledger_entries e
        JOIN ledger_accounts a ON a.id = e.account_id
        JOIN ledger_transactions t ON t.id = e.txn_id
        LEFT JOIN ledger_transactions o ON o.id = t.related_txn_id
        WHERE a.owner_id = ${creatorId} AND a.kind IN ('creator_pending', 'creator_available')
          AND a.currency = ${currency} AND t.kind IN (${EARNING_KINDS_SQL}) AND e.created_at >= ${since}
        GROUP BY 1, 2`,
    ),
  postEarnings: (db: DrizzleDb, creatorId: string, currency: string, since: number, limit: number) =>
    rows<{ postId: string; cents: number | string }>(
      db,
      sql`SELECT COALESCE(o.post_id, t.post_id) AS "postId", SUM(e.amount_cents) AS cents
        FROM ledger_entries e
        JOIN ledger_accounts a ON a.id = e.account_id
        JOIN ledger_transactions t ON t.id = e.txn_id
        LEFT JOIN ledger_transactions o ON o.id = t.related_txn_id
        WHERE a.owner_id = ${creatorId} AND a.kind IN ('creator_pending', 'creator_available')
          AND a.currency = ${currency} AND t.kind IN (${EARNING_KINDS_SQL}) AND e.created_at >= ${since}
          AND COALESCE(o.post_id, t.post_id) IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`,
    ),
  /** What each fan paid this creator, less what was refunded or charged back (and back again: a won dispute). */
  spendByFan: (db: DrizzleDb, creatorId: string, currency: string) =>
    rows<{ fanId: string; cents: number | string }>(
      db,
      sql`SELECT t.user_id AS "fanId",
          SUM(CASE WHEN t.kind IN ('refund', 'chargeback') THEN -t.amount_cents ELSE t.amount_cents END) AS cents
        FROM ledger_transactions t
        WHERE t.creator_id = ${creatorId} AND t.currency = ${currency} AND t.kind IN (${EARNING_KINDS_SQL})
          AND t.user_id IS NOT NULL
        GROUP BY t.user_id`,
    ),
};
