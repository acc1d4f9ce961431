// The referral share: on each sale by a creator someone referred (in the referral year; referrals
// module), that share of the sale's platform fee moves from platform revenue to the referrer's pending
// earnings, as its own ledger transaction (kind `referral`, related to the sale) in the sale's
// transaction and held like the sale. Rounding: floor(fee × share), so the site never pays out more
// than the share and the referrer is never short by a whole cent. A refund or chargeback of the sale
// reverses it (kind `referral_reversal`) from wherever it sits now, pending or available; a dispute the
// site then wins pays it again (a new `referral`, once per reversal), back where the reversal took it from.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { ReferralsService } from "../referrals/service.ts";
import { account, postTransaction, SITE, type Leg } from "./ledger.ts";
import { paymentsRepo } from "./repo.ts";
import type { TxnRow } from "./tables.ts";

export const referralShareCents = (feeCents: number, shareBasisPoints: number): number =>
  Math.floor((feeCents * shareBasisPoints) / 10_000);

export function createReferralShares(
  ctx: AppContext,
  deps: { referrals: Pick<ReferralsService, "shareTx"> },
) {
  const now = () => ctx.clock.now();

  return {
    /** After a sale is posted (its legs), in its transaction: the referrer's share, once per sale. */
    async shareTx(tx: DrizzleDb, sale: TxnRow, legs: Leg[], releaseAt: number): Promise<void> {
      const feeCents = legs.find((l) => l.account.kind === "platform_revenue")?.amountCents ?? 0;
      if (feeCents <= 0 || !sale.creatorId) return;
      const who = await deps.referrals.shareTx(tx, sale.creatorId, sale.createdAt);
      if (!who) return;
      const cents = referralShareCents(feeCents, who.shareBasisPoints);
      if (cents <= 0) return;
      const { txn, created } = await postTransaction(
        tx,
        {
          kind: "referral",
          currency: sale.currency,
          amountCents: cents,
          userId: who.referrerId,
          creatorId: sale.creatorId,
          postId: null,
          subscriptionId: null,
          payoutId: null,
          relatedTxnId: sale.id,
          source: null,
          providerRef: null,
          memo: null,
          idempotencyKey: `referral:${sale.id}`,
          legs: [
            { account: account("platform_revenue", SITE, sale.currency), amountCents: -cents },
            { account: account("creator_pending", who.referrerId, sale.currency), amountCents: cents },
          ],
        },
        now(),
      );
      if (!created) return;
      await paymentsRepo.insertHold(tx, {
        txnId: txn.id,
        creatorId: who.referrerId,
        amountCents: cents,
        currency: sale.currency,
        releaseAt,
        status: "held",
      });
    },

    /** In a sale's reversal: takes the referral share of that sale back, once. */
    async reverseTx(tx: DrizzleDb, saleId: string): Promise<void> {
      for (const share of await paymentsRepo.relatedTxns(tx, saleId, "referral")) {
        if (share.reversedAt !== null || !share.userId) continue;
        const hold = await paymentsRepo.holdOf(tx, share.id);
        const from = hold?.status === "released" ? "creator_available" : "creator_pending";
        await postTransaction(
          tx,
          {
            kind: "referral_reversal",
            currency: share.currency,
            amountCents: share.amountCents,
            userId: share.userId,
            creatorId: share.creatorId,
            postId: null,
            subscriptionId: null,
            payoutId: null,
            relatedTxnId: share.id,
            source: null,
            providerRef: null,
            memo: null,
            idempotencyKey: `referral_reversal:${share.id}`,
            legs: [
              { account: account(from, share.userId, share.currency), amountCents: -share.amountCents },
              { account: account("platform_revenue", SITE, share.currency), amountCents: share.amountCents },
            ],
          },
          now(),
        );
        await paymentsRepo.markReversed(tx, share.id, now());
        if (hold?.status === "held") await paymentsRepo.setHoldStatus(tx, share.id, "reversed");
      }
    },

    /** In a won dispute's restoration of a sale: each share its chargeback took back is paid again, once. */
    async restoreTx(tx: DrizzleDb, saleId: string): Promise<void> {
      for (const share of await paymentsRepo.relatedTxns(tx, saleId, "referral")) {
        if (share.reversedAt === null || !share.userId) continue;
        const [reversal] = await paymentsRepo.relatedTxns(tx, share.id, "referral_reversal");
        if (!reversal) continue;
        const hold = await paymentsRepo.holdOf(tx, share.id);
        // Taken back while held: pending again until the original release date; else available again.
        const pending = hold?.status === "reversed";
        const { txn, created } = await postTransaction(
          tx,
          {
            kind: "referral",
            currency: share.currency,
            amountCents: share.amountCents,
            userId: share.userId,
            creatorId: share.creatorId,
            postId: null,
            subscriptionId: null,
            payoutId: null,
            relatedTxnId: saleId,
            source: null,
            providerRef: null,
            memo: null,
            idempotencyKey: `referral_restored:${reversal.id}`,
            legs: [
              { account: account("platform_revenue", SITE, share.currency), amountCents: -share.amountCents },
              {
                account: account(
                  pending ? "creator_pending" : "creator_available",
                  share.userId,
                  share.currency,
                ),
                amountCents: share.amountCents,
              },
            ],
          },
          now(),
        );
        if (created && pending && hold)
          await paymentsRepo.insertHold(tx, { ...hold, txnId: txn.id, status: "held" });
      }
    },
  };
}

export type ReferralShares = ReturnType<typeof createReferralShares>;
