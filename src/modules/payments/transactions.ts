// Ledger transactions as people see them, the admin console's list with what each may still refund,
// admin refunds, and the ledger's own integrity check.
import type { CreatorsService } from "../creators/service.ts";
import type { AppContext } from "../../context.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { TXN_LABELS } from "./kinds.ts";
import type { createRefunds } from "./refunds.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { paymentsRepo } from "./repo.ts";
import type { TxnRow } from "./tables.ts";

export function presentTxn(t: TxnRow, signedCents?: number) {
  return {
    id: t.id,
    kind: t.kind,
    label: TXN_LABELS[t.kind],
    amountCents: signedCents ?? t.amountCents,
    currency: t.currency,
    source: t.source,
    creatorId: t.creatorId,
    postId: t.postId,
    subscriptionId: t.subscriptionId,
    memo: t.memo,
    refunded: t.reversedAt !== null,
    createdAt: t.createdAt,
  };
}

export function createTransactions(
  ctx: AppContext,
  deps: {
    refunds: Pick<ReturnType<typeof createRefunds>, "refund" | "refundableCents">;
    creators: Pick<CreatorsService, "cards">;
  },
) {
  const { refunds, creators } = deps;

  /** Whether the admin console offers a refund, and of how much (a top-up: what its wallet still holds). */
  async function refundability(t: TxnRow) {
    const refundableCents = await refunds.refundableCents(ctx.db.read, t);
    // A top-up may have been refunded in part already: the admin sees what was given back so far.
    const refundedCents = t.kind === "topup" ? await paymentsRepo.reversedCentsOf(ctx.db.read, t.id) : 0;
    return { refundable: refundableCents > 0, refundableCents, refundedCents };
  }

  return {
    /** Every transaction, newest first, with the people involved (admin console). */
    async allTransactions(cursor: Cursor | null, limit: number) {
      const rows = await paymentsRepo.recentTxns(ctx.db.read, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      const people = await creators.cards(
        p.items.flatMap((t) => [t.userId, t.creatorId].filter((x): x is string => !!x)),
      );
      const items = [];
      for (const t of p.items)
        items.push({
          ...presentTxn(t),
          user: t.userId ? (people.get(t.userId) ?? null) : null,
          creator: t.creatorId ? (people.get(t.creatorId) ?? null) : null,
          ...(await refundability(t)),
        });
      return {
        items,
        nextCursor: p.nextCursor,
      };
    },

    /** Admin refund (refunds.ts); `amountCents` refunds part of a top-up. */
    async refund(
      txnId: string,
      amountCents?: number,
      inTx?: (tx: DrizzleDb, refund: TxnRow, original: TxnRow) => Promise<void>,
    ) {
      return presentTxn(await refunds.refund(txnId, amountCents, inTx));
    },

    /** Ledger integrity: unbalanced transactions and cached balances that differ from their entries. */
    async ledgerHealth() {
      return {
        unbalanced: await paymentsRepo.unbalancedTxns(ctx.db.read),
        drifted: await paymentsRepo.driftedAccounts(ctx.db.read),
      };
    },
  };
}
