// What a creator has earned, in their one currency: pending, available, lifetime, by type and by month.
// Money earned in another currency (before a currency change, or left there by a later refund) is
// listed apart, one line per currency, and never added to these figures.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { REVERSAL_KINDS } from "./kinds.ts";
import { paymentsRepo } from "./repo.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { SiteService } from "../site/service.ts";
import type { AccountKind, TxnKind, TxnRow } from "./tables.ts";

export interface CurrencyEarnings {
  currency: string;
  pendingCents: number;
  availableCents: number;
  lifetimeCents: number;
}

export async function creatorEarnings(
  ctx: AppContext,
  deps: { creators: Pick<CreatorsService, "currencies">; site: Pick<SiteService, "settings"> },
  creatorId: string,
) {
  const db = ctx.db.read;
  const currency =
    (await deps.creators.currencies([creatorId])).get(creatorId) ?? ctx.config.payments.currency;
  const totals = new Map<string, CurrencyEarnings>();
  const totalsOf = (c: string): CurrencyEarnings => {
    let t = totals.get(c);
    if (!t) totals.set(c, (t = { currency: c, pendingCents: 0, availableCents: 0, lifetimeCents: 0 }));
    return t;
  };
  for (const a of await paymentsRepo.accountsOf(db, creatorId)) {
    if (a.kind === "creator_pending") totalsOf(a.currency).pendingCents = a.balanceCents;
    if (a.kind === "creator_available") totalsOf(a.currency).availableCents = a.balanceCents;
  }

  const reversedKind = async (t: TxnRow): Promise<TxnKind> =>
    t.relatedTxnId ? ((await paymentsRepo.txnById(db, t.relatedTxnId))?.kind ?? t.kind) : t.kind;
  const byType = { subscription: 0, ppv: 0, message: 0, tip: 0, ticket: 0, referral: 0 };
  const byMonth = new Map<string, number>();
  for (const r of await paymentsRepo.creatorEarningEntries(db, creatorId)) {
    totalsOf(r.txn.currency).lifetimeCents += r.amountCents;
    if (r.txn.currency !== currency) continue;
    const kind = REVERSAL_KINDS.includes(r.kind) ? await reversedKind(r.txn) : r.kind;
    const bucket = kind === "renewal" ? "subscription" : kind === "referral_reversal" ? "referral" : kind;
    if (bucket in byType) byType[bucket as keyof typeof byType] += r.amountCents;
    const month = new Date(r.createdAt).toISOString().slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + r.amountCents);
  }

  const mine = totalsOf(currency);
  return {
    currency,
    holdDays: ctx.config.payments.hold_days,
    payoutMinimumCents: (await deps.site.settings()).payoutMinimumCents,
    pendingCents: mine.pendingCents,
    availableCents: mine.availableCents,
    lifetimeCents: mine.lifetimeCents,
    byType,
    byMonth: [...byMonth].map(([month, cents]) => ({ month, cents })),
    otherCurrencies: [...totals.values()]
      .filter((t) => t.currency !== currency && (t.pendingCents || t.availableCents || t.lifetimeCents))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** Where a creator's money sits: held, available, and requested for payout. */
const CREATOR_ACCOUNTS: AccountKind[] = ["creator_pending", "creator_available", "payouts_payable"];

/** A creator's non-zero earnings and payout balances, in every currency (the currency lock). */
export async function creatorBalancesTx(
  tx: DrizzleDb,
  creatorId: string,
): Promise<{ kind: AccountKind; currency: string; balanceCents: number }[]> {
  return (await paymentsRepo.accountsOf(tx, creatorId))
    .filter((a) => CREATOR_ACCOUNTS.includes(a.kind) && a.balanceCents !== 0)
    .map((a) => ({ kind: a.kind, currency: a.currency, balanceCents: a.balanceCents }));
}
