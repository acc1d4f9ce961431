// A fan's wallet: its balance and history, card top-ups, and the wallets a chargeback left below zero.
import type { AppContext } from "../../context.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { Checkouts } from "./checkout.ts";
import { account, balanceOf } from "./ledger.ts";
import { paymentsRepo } from "./repo.ts";
import type { presentTxn } from "./transactions.ts";

export function createWallet(
  ctx: AppContext,
  deps: {
    purchase: Checkouts["purchase"];
    presentTxn: typeof presentTxn;
    creators: Pick<CreatorsService, "cards">;
  },
) {
  const { purchase, presentTxn, creators: people } = deps;

  return {
    /** GET /wallet: balance and history (signed from the wallet's point of view). */
    async wallet(userId: string, cursor: Cursor | null, limit: number) {
      const currency = ctx.config.payments.currency;
      const accounts = await paymentsRepo.walletsOf(ctx.db.read, userId);
      const rows = await paymentsRepo.accountHistory(
        ctx.db.read,
        accounts.map((a) => a.id),
        cursor,
        limit + 1,
      );
      const p = page(rows, limit, (r) => ({ key: r.txn.createdAt, id: r.txn.id }));
      const creators = await people.cards(p.items.flatMap((r) => (r.txn.creatorId ? [r.txn.creatorId] : [])));
      return {
        balanceCents: await balanceOf(ctx.db.read, account("wallet", userId, currency)),
        currency,
        transactions: p.items.map((r) => ({
          ...presentTxn(r.txn, r.amountCents),
          creator: r.txn.creatorId ? (creators.get(r.txn.creatorId) ?? null) : null,
        })),
        nextCursor: p.nextCursor,
      };
    },

    /** Top-ups are always by card. */
    async topup(userId: string, amountCents: number) {
      const currency = ctx.config.payments.currency;
      return purchase(
        { purpose: "topup", payerId: userId, amountCents, currency, details: {} },
        "card",
        `Wallet top-up`,
        () => null,
      );
    },
    /** Fan wallets below zero (a chargeback took back a spent top-up); doctor warns about them. */
    async negativeWallets() {
      const rows = await paymentsRepo.negativeWallets(ctx.db.read);
      const owners = await people.cards(rows.map((r) => r.ownerId));
      return rows.map((r) => ({
        userId: r.ownerId,
        username: owners.get(r.ownerId)?.username ?? null,
        currency: r.currency,
        balanceCents: r.balanceCents,
      }));
    },
  };
}
