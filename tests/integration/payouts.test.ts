// Payout methods and payouts over real HTTP on a real SQLite file: a creator keeps where their money goes
// (PayPal or a bank account, validated, sealed at rest, shown masked), a payout request copies it as the
// destination, the admin sees the full details, marks the payout paid with a transfer reference, and the
// creator sees that reference in their payouts and in the statement CSV.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { DAY } from "../../src/lib/clock.ts";
import { createSealer } from "../../src/lib/sealed.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { parseCsvRecords } from "../helpers/csv.ts";

describe("payout methods and payouts", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor, fan: Actor;

  const earnings = async (a: Actor) => (await app.get("/api/v1/earnings", a.token)).body;
  const putMethod = (body: unknown, a: Actor = creator) => app.put("/api/v1/payouts/method", body, a.token);
  const rawMethodRow = async (creatorId: string) =>
    (await app.raw.prepare("SELECT * FROM payout_methods WHERE creator_id = ?").get(creatorId)) as
      Record<string, unknown> | undefined;

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    creator = await app.creator("payee");
    fan = await app.signup("patron");
    // 50.00 in tips, 40.00 the creator's share after the 20 % fee, available once the hold is over.
    await app.topup(fan, 10_000);
    for (let i = 0; i < 2; i++) {
      const tip = await app.post("/api/v1/tips", { creator: "payee", amountCents: 2500 }, fan.token);
      expect(tip.status).toBe(201);
    }
    clock.advance(7 * DAY + 1000);
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
    const e = await earnings(creator);
    expect(e).toMatchObject({ availableCents: 4000, payoutMinimumCents: 2000, holdDays: 7 });
  });
  afterEach(async () => {
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
  });
  afterAll(() => app.close());

  it("a payout request without a payout method is refused with 409 and moves nothing", async () => {
    expect((await app.get("/api/v1/payouts/method", creator.token)).body).toEqual({ method: null });
    const r = await app.post("/api/v1/payouts", { amountCents: 2000 }, creator.token);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("payout_method_required");
    expect((await earnings(creator)).availableCents).toBe(4000);
    expect((await app.get("/api/v1/payouts", creator.token)).body.items).toEqual([]);
  });

  it("PayPal: a valid email is stored sealed and returned masked; a bad one is a 400 on the field", async () => {
    const bad = await putMethod({ kind: "paypal", email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields)).toEqual(["email"]);
    expect(await rawMethodRow(creator.user.id)).toBeUndefined();

    const r = await putMethod({ kind: "paypal", email: "Nova.Payee@Example.com" });
    expect(r.status).toBe(200);
    expect(r.body.method).toMatchObject({ kind: "paypal", masked: "PayPal n***@example.com" });
    expect(JSON.stringify(r.body)).not.toContain("nova.payee");
    expect((await app.get("/api/v1/payouts/method", creator.token)).body.method.masked).toBe(
      "PayPal n***@example.com",
    );
    const raw = (await rawMethodRow(creator.user.id))!;
    expect(JSON.stringify(raw).toLowerCase()).not.toContain("nova.payee");
    expect(JSON.parse(app.ctx.sealer.open(raw.details_enc as string))).toEqual({
      kind: "paypal",
      email: "nova.payee@example.com",
    });
  });

  it("bank by IBAN: spaces and case do not matter, the checksum and the country's length do", async () => {
    const cases: [string, boolean][] = [
      ["GB82WEST12345698765432", true],
      ["de89 3704 0044 0532 0130 00", true],
      ["GB82WEST12345698765431", false], // one digit off: mod-97 fails
      ["DE8937040044053201300", false], // a digit short for Germany
      ["XX89370400440532013000", false], // no such country
      ["GB82-WEST-1234", false],
    ];
    for (const [iban, ok] of cases) {
      const r = await putMethod({ kind: "bank", accountHolder: "Nova Reyes", iban });
      expect({ iban, status: r.status }).toEqual({ iban, status: ok ? 200 : 400 });
      if (!ok) expect(Object.keys(r.body.error.details.fields)).toEqual(["iban"]);
    }
    // The last valid one stands.
    const shown = await app.get("/api/v1/payouts/method", creator.token);
    expect(shown.body.method).toMatchObject({ kind: "bank", masked: "Bank •••• 3000 (N. Reyes)" });
    expect(JSON.stringify(shown.body)).not.toContain("370400440532013000");
    const raw = (await rawMethodRow(creator.user.id))!;
    expect(JSON.stringify(raw)).not.toContain("DE89370400440532013000");
    expect(JSON.stringify(raw)).not.toContain("370400440532013000");
    expect(JSON.parse(app.ctx.sealer.open(raw.details_enc as string))).toEqual({
      kind: "bank",
      accountHolder: "Nova Reyes",
      iban: "DE89370400440532013000",
    });

    const holder = await putMethod({ kind: "bank", accountHolder: "N", iban: "GB82WEST12345698765432" });
    expect(holder.status).toBe(400);
    expect(Object.keys(holder.body.error.details.fields)).toEqual(["accountHolder"]);
  });

  it("bank by US account: the ABA routing checksum and a 4–17 digit account number", async () => {
    const ok = await putMethod({
      kind: "bank",
      accountHolder: "Nova Reyes",
      accountNumber: "000123456789",
      routingNumber: "021000021",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.method.masked).toBe("Bank •••• 6789 (N. Reyes)");
    expect(JSON.stringify(await rawMethodRow(creator.user.id))).not.toContain("000123456789");

    const bad = await putMethod({
      kind: "bank",
      accountHolder: "Nova Reyes",
      accountNumber: "123",
      routingNumber: "021000022",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(["accountNumber", "routingNumber"]);
    const letters = await putMethod({
      kind: "bank",
      accountHolder: "Nova Reyes",
      accountNumber: "12345x",
      routingNumber: "02100002",
    });
    expect(Object.keys(letters.body.error.details.fields).sort()).toEqual(["accountNumber", "routingNumber"]);
    // Both kinds of bank account at once, or neither, is not one account.
    const both = await putMethod({
      kind: "bank",
      accountHolder: "Nova Reyes",
      iban: "GB82WEST12345698765432",
      accountNumber: "000123456789",
      routingNumber: "021000021",
    });
    expect(both.status).toBe(400);
    expect((await putMethod({ kind: "bank", accountHolder: "Nova Reyes" })).status).toBe(400);
    expect((await putMethod({ kind: "cheque", accountHolder: "Nova Reyes" })).status).toBe(400);
    // The refused attempts left the stored method as it was.
    expect((await app.get("/api/v1/payouts/method", creator.token)).body.method.masked).toBe(
      "Bank •••• 6789 (N. Reyes)",
    );
  });

  it("only creators keep a payout method", async () => {
    const r = await putMethod({ kind: "paypal", email: "fan@example.com" }, fan);
    expect(r.status).toBe(403);
    expect((await app.get("/api/v1/payouts/method", fan.token)).status).toBe(403);
  });

  it("request → admin sees the full details → mark paid needs a reference → the creator sees it", async () => {
    await putMethod({ kind: "bank", accountHolder: "Nova Reyes", iban: "GB82 WEST 1234 5698 7654 32" });
    const req = await app.post("/api/v1/payouts", { amountCents: 2500 }, creator.token);
    expect(req.status).toBe(201);
    expect(req.body.payout).toMatchObject({ destination: "Bank •••• 5432 (N. Reyes)", reference: null });
    expect(req.body.payout.method).toBeUndefined();
    const id = req.body.payout.id;

    const queue = await app.get("/api/v1/admin/payouts?status=requested", admin.token);
    const seen = queue.body.items.find((p: { id: string }) => p.id === id);
    expect(seen.destination).toBe("Bank •••• 5432 (N. Reyes)");
    expect(seen.method).toEqual({
      kind: "bank",
      masked: "Bank •••• 5432 (N. Reyes)",
      details: { kind: "bank", accountHolder: "Nova Reyes", iban: "GB82WEST12345698765432" },
      updatedAt: expect.any(Number),
    });
    // Creators never see the full details, not even their own.
    expect(JSON.stringify((await app.get("/api/v1/payouts", creator.token)).body)).not.toContain(
      "GB82WEST12345698765432",
    );

    // A method edited after the request does not change where this payout was asked to go.
    await putMethod({ kind: "paypal", email: "nova@example.com" });
    const after = (await app.get("/api/v1/admin/payouts?status=requested", admin.token)).body.items[0];
    expect(after).toMatchObject({ destination: "Bank •••• 5432 (N. Reyes)" });
    expect(after.method.masked).toBe("PayPal n***@example.com");

    expect((await app.post(`/api/v1/admin/payouts/${id}/approve`, undefined, admin.token)).status).toBe(200);
    const path = `/api/v1/admin/payouts/${id}/mark-paid`;
    for (const body of [undefined, {}, { reference: "   " }, { reference: "x".repeat(101) }]) {
      const r = await app.post(path, body, admin.token);
      expect(r.status).toBe(400);
    }
    const noRef = await app.post(path, {}, admin.token);
    expect(Object.keys(noRef.body.error.details.fields)).toEqual(["reference"]);
    expect((await app.get("/api/v1/payouts", creator.token)).body.items[0].status).toBe("approved");
    expect((await app.post(path, { reference: "TR-1" }, creator.token)).status).toBe(403);

    const reference = 'WISE 48213, "May" batch';
    const paid = await app.post(path, { reference: `  ${reference} ` }, admin.token);
    expect(paid.status).toBe(200);
    expect(paid.body.payout).toMatchObject({ status: "paid", reference });
    // A repeated click keeps the first reference.
    const again = await app.post(path, { reference: "OTHER-1" }, admin.token);
    expect(again.body.payout.reference).toBe(reference);

    const mine = (await app.get("/api/v1/payouts", creator.token)).body.items[0];
    expect(mine).toMatchObject({ id, status: "paid", reference, destination: "Bank •••• 5432 (N. Reyes)" });
    const note = (await app.get("/api/v1/notifications", creator.token)).body.items.find(
      (n: { kind: string }) => n.kind === "payout_paid",
    );
    expect(note.data).toMatchObject({ payoutId: id, reference, amountCents: 2500, currency: "USD" });
    expect(note).toMatchObject({
      text: `Your payout of 25.00 USD was sent (reference ${reference}).`,
      link: "/earnings",
    });
    const approved = (await app.get("/api/v1/notifications", creator.token)).body.items.find(
      (n: { kind: string }) => n.kind === "payout_approved",
    );
    expect(approved.text).toBe("Your payout of 25.00 USD was approved.");
  });

  it("the statement CSV lists each payout with its destination and reference, quoted where needed", async () => {
    const csv = await app.call("GET", "/api/v1/earnings/statement.csv", { token: creator.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsvRecords(csv.body);
    expect(Object.keys(rows[0]!)).toEqual([
      "date",
      "transaction",
      "type",
      "gross_cents",
      "your_share_cents",
      "currency",
      "source",
      "destination",
      "reference",
    ]);
    expect(rows.filter((r) => r.type === "tip").map((r) => r.your_share_cents)).toEqual(["2000", "2000"]);
    const payoutRows = rows.filter((r) => r.type!.startsWith("payout"));
    expect(payoutRows.map((r) => [r.type, r.gross_cents, r.your_share_cents])).toEqual([
      ["payout_request", "2500", "-2500"],
      ["payout_paid", "2500", "0"],
    ]);
    expect(payoutRows[1]).toMatchObject({
      destination: "Bank •••• 5432 (N. Reyes)",
      reference: 'WISE 48213, "May" batch',
      currency: "USD",
    });
    // Rows are in time order and the share column sums to what the creator still holds.
    const dates = rows.map((r) => r.date);
    expect([...dates].sort()).toEqual(dates);
    const e = await earnings(creator);
    const sum = rows.reduce((s, r) => s + Number(r.your_share_cents), 0);
    expect(sum).toBe(e.availableCents + e.pendingCents);
  });

  it("removing the method: refused while a payout is open, then 204 and gone", async () => {
    const open = await app.post("/api/v1/payouts", { amountCents: 1500 }, creator.token);
    expect(open.status).toBe(400); // below the 20.00 minimum: nothing is open
    await app.put("/api/v1/admin/settings", { payoutMinimumCents: 1000 }, admin.token);
    const p = await app.post("/api/v1/payouts", { amountCents: 1500 }, creator.token);
    expect(p.status).toBe(201);
    const refused = await app.del("/api/v1/payouts/method", creator.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("payout_in_progress");
    await app.post(`/api/v1/admin/payouts/${p.body.payout.id}/reject`, { note: "try later" }, admin.token);

    expect((await app.del("/api/v1/payouts/method", creator.token)).status).toBe(204);
    expect((await app.get("/api/v1/payouts/method", creator.token)).body).toEqual({ method: null });
    expect(await rawMethodRow(creator.user.id)).toBeUndefined();
    expect((await app.post("/api/v1/payouts", { amountCents: 1500 }, creator.token)).body.error.code).toBe(
      "payout_method_required",
    );
  });

  it("details sealed with another key (a restore without secret.key) leave the admin's queue working", async () => {
    await putMethod({ kind: "paypal", email: "nova@example.com" });
    expect((await app.post("/api/v1/payouts", { amountCents: 1500 }, creator.token)).status).toBe(201);
    const other = createSealer(randomBytes(32)).seal(
      JSON.stringify({ kind: "paypal", email: "x@example.com" }),
    );
    await app.raw
      .prepare("UPDATE payout_methods SET details_enc = ? WHERE creator_id = ?")
      .run(other, creator.user.id);
    const queue = await app.get("/api/v1/admin/payouts?status=requested", admin.token);
    expect(queue.status).toBe(200);
    expect(queue.body.items[0]).toMatchObject({
      destination: "PayPal n***@example.com",
      method: { kind: "paypal", masked: "PayPal n***@example.com", details: null },
    });
  });
});
