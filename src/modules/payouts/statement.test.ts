import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "../../../tests/helpers/csv.ts";
import { statementCsv, type StatementLine } from "./statement.ts";

const line = (over: Partial<StatementLine>): StatementLine => ({
  at: Date.UTC(2025, 4, 1),
  transaction: "txn1",
  type: "payout_paid",
  grossCents: 2500,
  shareCents: 0,
  currency: "USD",
  source: null,
  destination: "Bank •••• 5432 (N. Reyes)",
  reference: null,
  ...over,
});

describe("statement CSV", () => {
  it("quotes commas, quotes and line breaks so every row reads back with its own fields", () => {
    const tricky = 'Batch 7, "May"\nsecond line';
    const csv = statementCsv([
      line({ reference: tricky }),
      line({ type: "payout_request", shareCents: -2500, destination: 'O\'Neil, "Jo"' }),
    ]);
    const rows = parseCsvRecords(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      date: "2025-05-01T00:00:00.000Z",
      type: "payout_paid",
      reference: tricky,
      source: "",
    });
    expect(rows[1]).toMatchObject({ your_share_cents: "-2500", destination: 'O\'Neil, "Jo"', reference: "" });
  });

  it("keeps formula-like text from running in a spreadsheet, but not negative amounts", () => {
    const [, row] = parseCsv(statementCsv([line({ reference: '=HYPERLINK("x")', shareCents: -100 })]));
    expect(row![4]).toBe("-100");
    expect(row![8]).toBe('\'=HYPERLINK("x")');
  });

  it("an empty statement is just the header", () => {
    expect(statementCsv([])).toBe(
      "date,transaction,type,gross_cents,your_share_cents,currency,source,destination,reference\n",
    );
  });
});
