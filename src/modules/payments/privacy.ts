// A person's money records for a GDPR export (purchases, tips, top-ups, payouts, the lines of their own
// ledger accounts), and what erasure does to them: nothing is deleted (the ledger must keep balancing and
// the site keeps its books); memos naming the person by @username get the pseudonym, and a wallet
// balance the person chose to forfeit moves to the site's revenue in one balanced transaction.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { CreatorsService } from "../creators/service.ts";
import { account, balanceOf, postTransaction, SITE } from "./ledger.ts";
import { paymentsPrivacyRepo, paymentsRepo } from "./repo.ts";
import type { AccountKind } from "./tables.ts";

const CREATOR_ACCOUNTS: AccountKind[] = ["creator_pending", "creator_available", "payouts_payable"];

export function createPaymentsPrivacy(ctx: AppContext, deps: { creators: Pick<CreatorsService, "cards"> }) {
  /** What erasure must settle first: money owed to a creator, and wallet balances (per currency). */
  async function moneyHeldTx(tx: DrizzleDb, userId: string) {
    const accounts = await paymentsRepo.accountsOf(tx, userId);
    const held = await Promise.all(
      accounts.map(async (a) => ({
        kind: a.kind,
        currency: a.currency,
        balanceCents: await balanceOf(tx, a),
      })),
    );
    return {
      due: held.filter((a) => CREATOR_ACCOUNTS.includes(a.kind) && a.balanceCents !== 0),
      wallets: held.filter((a) => a.kind === "wallet" && a.balanceCents > 0),
    };
  }

  return {
    async personalData(userId: string) {
      const db = ctx.db.read;
      const [txns, accounts] = await Promise.all([
        paymentsPrivacyRepo.txnsBy(db, userId),
        paymentsRepo.accountsOf(db, userId),
      ]);
      const cards = await deps.creators.cards([
        ...new Set(txns.flatMap((t) => (t.creatorId && t.creatorId !== userId ? [t.creatorId] : []))),
      ]);
      const kindOf = new Map(accounts.map((a) => [a.id, a.kind]));
      const entries = await paymentsPrivacyRepo.entriesOn(
        db,
        accounts.map((a) => a.id),
      );
      return {
        // What the person paid for or started; the creator by username, never another person's id.
        transactions: txns.map((t) => ({
          id: t.id,
          kind: t.kind,
          amountCents: t.amountCents,
          currency: t.currency,
          creator: t.creatorId
            ? t.creatorId === userId
              ? "me"
              : (cards.get(t.creatorId)?.username ?? "deleted")
            : null,
          postId: t.postId,
          messageId: t.messageId,
          liveStreamId: t.liveStreamId,
          subscriptionId: t.subscriptionId,
          payoutId: t.payoutId,
          source: t.source,
          memo: t.memo,
          reversedAt: t.reversedAt,
          createdAt: t.createdAt,
        })),
        accounts: accounts.map((a) => ({
          id: a.id,
          kind: a.kind,
          currency: a.currency,
          balanceCents: a.balanceCents,
          createdAt: a.createdAt,
        })),
        // Every line on those accounts; a sale paid by someone else shows its kind and amount only.
        ledgerLines: entries.map((e) => ({
          id: e.id,
          account: kindOf.get(e.accountId),
          txnId: e.txnId,
          kind: e.kind,
          amountCents: e.amountCents,
          memo: e.payerId === userId ? e.memo : null,
          createdAt: e.createdAt,
        })),
      };
    },

    moneyHeldTx,

    /**
     * GDPR erasure inside the erasing write (after `moneyHeldTx` was settled with the person): wallet
     * balances go to the site's revenue (`forfeit`), and memos naming the person carry the pseudonym.
     */
    async eraseTx(tx: DrizzleDb, userId: string, names: { from: string; to: string }): Promise<void> {
      const now = ctx.clock.now();
      for (const w of (await moneyHeldTx(tx, userId)).wallets) {
        await postTransaction(
          tx,
          {
            kind: "forfeit",
            currency: w.currency,
            amountCents: w.balanceCents,
            userId,
            creatorId: null,
            postId: null,
            subscriptionId: null,
            payoutId: null,
            relatedTxnId: null,
            source: null,
            providerRef: null,
            memo: "Wallet balance forfeited when the account was deleted",
            idempotencyKey: `forfeit:${userId}:${w.currency}`,
            legs: [
              { account: account("wallet", userId, w.currency), amountCents: -w.balanceCents },
              { account: account("platform_revenue", SITE, w.currency), amountCents: w.balanceCents },
            ],
          },
          now,
        );
      }
      await paymentsPrivacyRepo.renameInMemos(tx, userId, names.from, names.to);
    },
  };
}
