// A creator's statement as CSV: every earning and reversal from the ledger, and each payout's steps
// (requested, rejected, paid) with where it went and the transfer's reference, in time order. The share
// column adds up to what the creator still holds (pending + available). Written with csv-stringify so
// any text (a reference, a name) is quoted as needed, and formula-like text cannot run in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import type { PaymentsService } from "../payments/service.ts";
import type { PayoutRow } from "./tables.ts";

export interface StatementLine {
  at: number;
  /** The ledger transaction's id; for a payout's steps, the payout's id. */
  transaction: string;
  type: string;
  grossCents: number;
  shareCents: number;
  currency: string;
  source: string | null;
  destination: string | null;
  reference: string | null;
}

const COLUMNS = [
  "date",
  "transaction",
  "type",
  "gross_cents",
  "your_share_cents",
  "currency",
  "source",
  "destination",
  "reference",
];

/** The CSV text of the lines, in the order given. */
export function statementCsv(lines: StatementLine[]): string {
  return stringify(
    lines.map((l) => [
      new Date(l.at).toISOString(),
      l.transaction,
      l.type,
      l.grossCents,
      l.shareCents,
      l.currency,
      l.source ?? "",
      l.destination ?? "",
      l.reference ?? "",
    ]),
    { header: true, columns: COLUMNS, escape_formulas: true },
  );
}

/** The creator's statement lines, oldest first. */
export function statementLines(
  earnings: Awaited<ReturnType<PaymentsService["earningEntries"]>>,
  payouts: PayoutRow[],
): StatementLine[] {
  const lines: StatementLine[] = earnings.map((r) => ({
    at: r.createdAt,
    transaction: r.txn.id,
    type: r.kind,
    grossCents: r.txn.amountCents,
    shareCents: r.amountCents,
    currency: r.txn.currency,
    source: r.txn.source,
    destination: null,
    reference: null,
  }));
  for (const p of payouts) {
    const step = (at: number, type: string, shareCents: number): StatementLine => ({
      at,
      transaction: p.id,
      type,
      grossCents: p.amountCents,
      shareCents,
      currency: p.currency,
      source: null,
      destination: p.destination,
      reference: type === "payout_paid" ? p.reference : null,
    });
    lines.push(step(p.createdAt, "payout_request", -p.amountCents));
    if (p.status === "rejected" && p.decidedAt !== null)
      lines.push(step(p.decidedAt, "payout_reject", p.amountCents));
    // Paying moves nothing the creator holds (it was set aside at the request); the row carries the reference.
    if (p.status === "paid" && p.paidAt !== null) lines.push(step(p.paidAt, "payout_paid", 0));
  }
  // Stable: lines of the same instant keep the order above.
  return lines.sort((a, b) => a.at - b.at);
}
