// What a creator's analytics and fans list read of the ledger, in the creator's one currency (money left
// in another currency is not added; the earnings page lists it apart).
import type { AppContext } from "../../context.ts";
import type { CreatorsService } from "../creators/service.ts";
import { SALE_KINDS } from "./kinds.ts";
import { paymentsAnalyticsRepo } from "./repo.ts";
import type { TxnKind } from "./tables.ts";

export type SaleKind = "subscription" | "renewal" | "ppv" | "message" | "tip" | "ticket";

export interface DayEarnings {
  /** Days since the epoch (UTC). */
  day: number;
  kind: SaleKind;
  /** Net of refunds and chargebacks of sales of this kind made that day or before. */
  cents: number;
  /** Sales of this kind that day. */
  sales: number;
}

export function createPaymentsAnalytics(
  ctx: AppContext,
  deps: { creators: Pick<CreatorsService, "currencies"> },
) {
  const db = () => ctx.db.read;
  const currencyOf = async (creatorId: string) =>
    (await deps.creators.currencies([creatorId])).get(creatorId) ?? ctx.config.payments.currency;
  const isSale = (k: string): k is SaleKind => SALE_KINDS.includes(k as TxnKind);

  return {
    currencyOf,
    /** The creator's earning entries since `since`, summed per UTC day and sale kind. */
    async earningsByDay(creatorId: string, since: number): Promise<DayEarnings[]> {
      const rows = await paymentsAnalyticsRepo.earningsByDay(
        db(),
        creatorId,
        await currencyOf(creatorId),
        since,
      );
      return rows.flatMap((r) =>
        isSale(r.kind)
          ? [{ day: Number(r.day), kind: r.kind, cents: Number(r.cents), sales: Number(r.sales) }]
          : [],
      );
    },
    /** The posts that earned the creator most since `since` (PPV unlocks, tips on a post), net. */
    async postEarnings(creatorId: string, since: number, limit: number) {
      const rows = await paymentsAnalyticsRepo.postEarnings(
        db(),
        creatorId,
        await currencyOf(creatorId),
        since,
        limit,
      );
      return rows.map((r) => ({ postId: r.postId, cents: Number(r.cents) }));
    },
    /** Lifetime spend of each paying fan with this creator, net of refunds, by fan id. */
    async spendByFan(creatorId: string): Promise<Map<string, number>> {
      const rows = await paymentsAnalyticsRepo.spendByFan(db(), creatorId, await currencyOf(creatorId));
      return new Map(rows.map((r) => [r.fanId, Number(r.cents)]));
    },
  };
}
