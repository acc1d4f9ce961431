// The double-entry ledger: every money movement is one transaction whose entries sum to zero; an
// account's balance is the sum of its entries (cached on the account row in the same transaction).
// Everything here runs inside the caller's db.write transaction.
import type { DrizzleDb } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import { beforeCommit, txState } from "../../db/tx.ts";
import { paymentsRepo } from "./repo.ts";
import type { AccountKind, AccountRow, TxnKind, TxnRow } from "./tables.ts";

export interface AccountRef {
  kind: AccountKind;
  /** A user id, or "" for the site's own accounts. */
  ownerId: string;
  currency: string;
}

export interface Leg {
  account: AccountRef;
  amountCents: number;
}

export type NewTxn = Omit<
  TxnRow,
  "id" | "createdAt" | "reversedAt" | "currency" | "amountCents" | "messageId" | "liveStreamId"
> & {
  currency: string;
  amountCents: number;
  /** Only `message` sales (and their reversals) carry one. */
  messageId?: string | null;
  /** Only tickets and tips during a stream carry one. */
  liveStreamId?: string | null;
  legs: Leg[];
};

export const SITE = "";

export function account(kind: AccountKind, ownerId: string, currency: string): AccountRef {
  return { kind, ownerId, currency };
}

export async function getAccount(tx: DrizzleDb, ref: AccountRef, now: number): Promise<AccountRow> {
  const found = await paymentsRepo.accountByRef(tx, ref);
  if (found) return found;
  const row: AccountRow = { id: newId(), ...ref, balanceCents: 0, createdAt: now };
  await paymentsRepo.insertAccount(tx, row);
  // A concurrent transaction may have created it first (PostgreSQL, row-locked writes): use theirs.
  return (await paymentsRepo.accountByRef(tx, ref)) ?? row;
}

// Balance changes are applied when the transaction is about to commit, all in one statement (db/tx.ts
// beforeCommit): every sale changes the same few shared rows (the creator's pending earnings, the site's
// revenue), and their row locks are then held only for the end of the transaction. Until then a balance
// read inside the transaction adds what is pending.
const PENDING = {};
const pendingDeltas = (tx: DrizzleDb) =>
  txState(
    tx,
    PENDING,
    () => new Map<string, number>(),
    (m) => new Map(m),
  );

function addPending(tx: DrizzleDb, accountId: string, delta: number): void {
  const pending = pendingDeltas(tx);
  if (pending.size === 0)
    beforeCommit(tx, async () => {
      const deltas = [...pendingDeltas(tx)];
      pendingDeltas(tx).clear();
      await paymentsRepo.addToBalances(tx, deltas);
    });
  pending.set(accountId, (pending.get(accountId) ?? 0) + delta);
}

/** What the open transaction `tx` has added to an account's balance so far, not yet written. */
export const pendingBalance = (tx: DrizzleDb, accountId: string): number =>
  pendingDeltas(tx).get(accountId) ?? 0;

export async function balanceOf(tx: DrizzleDb, ref: AccountRef): Promise<number> {
  const acct = await paymentsRepo.accountByRef(tx, ref);
  return acct ? acct.balanceCents + pendingBalance(tx, acct.id) : 0;
}

/**
 * Records a transaction and its entries. Returns the existing transaction, unchanged, when one with
 * the same idempotency key is already recorded (a retried webhook, a second scheduler run).
 */
export async function postTransaction(
  tx: DrizzleDb,
  t: NewTxn,
  now: number,
): Promise<{ txn: TxnRow; created: boolean }> {
  const existing = await paymentsRepo.txnByKey(tx, t.idempotencyKey);
  if (existing) return { txn: existing, created: false };
  let sum = 0;
  for (const leg of t.legs) {
    if (!Number.isSafeInteger(leg.amountCents))
      throw new Error(`ledger: non-integer amount ${leg.amountCents}`);
    if (leg.account.currency !== t.currency) throw new Error("ledger: mixed currencies in one transaction");
    sum += leg.amountCents;
  }
  if (sum !== 0) throw new Error(`ledger: entries of ${t.kind} sum to ${sum}, not 0`);
  const { legs, ...fields } = t;
  const txn: TxnRow = {
    ...fields,
    messageId: fields.messageId ?? null,
    liveStreamId: fields.liveStreamId ?? null,
    id: newId(),
    reversedAt: null,
    createdAt: now,
  };
  if (!(await paymentsRepo.insertTxn(tx, txn))) {
    // Another node recorded the same key between our check and insert: same outcome as above.
    const raced = await paymentsRepo.txnByKey(tx, t.idempotencyKey);
    if (raced) return { txn: raced, created: false };
    throw new Error("ledger: idempotency key taken but not readable");
  }
  for (const leg of legs) {
    if (leg.amountCents === 0) continue;
    const acct = await getAccount(tx, leg.account, now);
    await paymentsRepo.insertEntry(tx, {
      id: newId(),
      txnId: txn.id,
      accountId: acct.id,
      amountCents: leg.amountCents,
      createdAt: now,
    });
    addPending(tx, acct.id, leg.amountCents);
  }
  return { txn, created: true };
}

/** Splits a sale into the creator's share and the platform fee (basis points); the two always add up. */
export function splitSale(
  grossCents: number,
  feeBasisPoints: number,
): { creatorCents: number; feeCents: number } {
  const feeCents = Math.floor((grossCents * feeBasisPoints + 5000) / 10000);
  return { creatorCents: grossCents - feeCents, feeCents };
}

export type { TxnKind };
