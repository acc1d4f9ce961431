// Webhook chaos: genuine provider events delivered duplicated, reordered, delayed and concurrently, mixed
// with forged ones, through the sandbox provider, the Stripe fake and the CCBill fake. A provider
// redelivers what was not answered 2xx (a refund before its sale is told to retry later), so the site must
// end exactly where delivering each genuine event once, in order, leaves it; every forgery is refused
// with a 4xx. Seeded and bounded: over 1,000 deliveries per engine.
import { afterEach, describe, expect, it } from "vitest";
import {
  sign as sandboxSign,
  SANDBOX_SIGNATURE_HEADER,
} from "../../src/modules/payments/providers/sandbox/provider.ts";
import { startTestApp, type TestApp } from "../helpers/api.ts";
import { prng, type Rng } from "../helpers/prng.ts";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe.ts";
import { CCBILL_ADDRESS, createFakeCcbill, type CcbillEvent } from "../helpers/fake-ccbill.ts";

const SEED = 20261202;
const FANS = 8;
/** Deliveries per provider (genuine copies plus forgeries): three providers pass 1,000 together. */
const DELIVERIES = 350;
/** Redeliveries of one event the site asked to retry, before the campaign gives up on it. */
const MAX_REDELIVERIES = 40;

type Answer = { status: number; body: any };
interface Delivery {
  label: string;
  send: () => Promise<Answer>;
}
interface Campaign {
  app: TestApp;
  /** The genuine events in the order the provider produced them. */
  genuine: Delivery[];
  /** Makes a forgery (a different one each call, drawn with `rnd`). */
  forge: (rnd: Rng) => Delivery;
  close: () => Promise<void>;
}

/** The fans and the creator every campaign sells to: the same people (by name) in every run. */
async function people(app: TestApp) {
  const creator = await app.creator("chaoscreator", { priceCents: 1000 });
  const ppv = await app.postAs(creator, { text: "paid set", visibility: "ppv", priceCents: 700 });
  const fans = [];
  for (let i = 0; i < FANS; i++) fans.push(await app.signup(`chaosfan${i}`));
  return { creator, ppv, fans };
}

/** Starts a card payment; 202 with the checkout and where the provider's page is. */
async function startCard(app: TestApp, path: string, body: Record<string, unknown>, token: string) {
  const r = await app.post(path, body, token);
  if (r.status !== 202) throw new Error(`card payment did not start: ${r.status} ${JSON.stringify(r.body)}`);
  return { checkoutId: r.body.checkoutId as string, url: r.body.checkoutUrl as string };
}

/** The card purchases every campaign makes for fan `i`: a top-up, a subscription, and for some a PPV unlock. */
function purchases(i: number, ppvId: string) {
  const out: [string, Record<string, unknown>][] = [
    ["/api/v1/wallet/topups", { amountCents: 1000 + 100 * i }],
    ["/api/v1/subscriptions", { creator: "chaoscreator", payWith: "card" }],
  ];
  if (i % 2 === 0) out.push([`/api/v1/posts/${ppvId}/unlock`, { payWith: "card" }]);
  return out;
}

async function sandboxCampaign(): Promise<Campaign> {
  const app = await startTestApp();
  const { ppv, fans } = await people(app);
  const secret = await app.services.site.generatedSecret("sandbox_webhook");
  const post = (raw: string, signature: string | null) =>
    app.call("POST", "/api/v1/webhooks/sandbox", {
      raw,
      headers: signature === null ? {} : { [SANDBOX_SIGNATURE_HEADER]: signature },
    });
  const genuineBodies: string[] = [];
  for (const [i, fan] of fans.entries()) {
    for (const [path, body] of purchases(i, ppv.id)) {
      const { checkoutId } = await startCard(app, path, body, fan.token);
      genuineBodies.push(
        JSON.stringify({
          id: `evt_sbx_${checkoutId}`,
          type: "checkout.completed",
          data: { checkoutId, providerRef: `sbx_${checkoutId}` },
        }),
      );
    }
  }
  const genuine = genuineBodies.map((raw, n) => ({
    label: `sandbox #${n}`,
    send: () => post(raw, sandboxSign(secret, raw, Date.now())),
  }));
  const forgeries: ((rnd: Rng) => Delivery)[] = [
    (rnd) => {
      const raw = rnd.pick(genuineBodies);
      return {
        label: "sandbox wrong secret",
        send: () => post(raw, sandboxSign("not-the-secret", raw, Date.now())),
      };
    },
    (rnd) => {
      // A genuine signature over another body: the id of a different checkout.
      const a = rnd.pick(genuineBodies);
      const b = rnd.pick(genuineBodies);
      const forged = a.replace(
        /"checkoutId":"[^"]+"/,
        JSON.parse(b).data.checkoutId === JSON.parse(a).data.checkoutId
          ? '"checkoutId":"forged0000000000000000"'
          : `"checkoutId":"${JSON.parse(b).data.checkoutId}"`,
      );
      return { label: "sandbox tampered body", send: () => post(forged, sandboxSign(secret, a, Date.now())) };
    },
    (rnd) => {
      const raw = rnd.pick(genuineBodies);
      return {
        label: "sandbox replayed capture",
        send: () => post(raw, sandboxSign(secret, raw, Date.now() - 3_600_000)),
      };
    },
    (rnd) => {
      const raw = rnd.pick(genuineBodies);
      return { label: "sandbox unsigned", send: () => post(raw, null) };
    },
  ];
  return { app, genuine, forge: (rnd) => rnd.pick(forgeries)(rnd), close: () => app.close() };
}

const STRIPE_KEY = "sk_test_fanz_chaos_key";
const STRIPE_SECRET = "whsec_fanz_chaos_secret";

async function stripeCampaign(): Promise<Campaign> {
  const fake: FakeStripe = await startFakeStripe({ secretKey: STRIPE_KEY, webhookSecret: STRIPE_SECRET });
  const app = await startTestApp({
    env: {
      FANZ_PAYMENTS__PROVIDER: "stripe",
      FANZ_PAYMENTS__STRIPE_SECRET_KEY: STRIPE_KEY,
      FANZ_PAYMENTS__STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
      FANZ_PAYMENTS__STRIPE_API_BASE: fake.url,
    },
  });
  const { ppv, fans } = await people(app);
  const post = (raw: string, signature: string | null) =>
    app.call("POST", "/api/v1/webhooks/stripe", {
      raw,
      headers: signature === null ? {} : { "stripe-signature": signature },
    });
  const events: Record<string, unknown>[] = [];
  for (const [i, fan] of fans.entries()) {
    for (const [path, body] of purchases(i, ppv.id)) {
      const { checkoutId } = await startCard(app, path, body, fan.token);
      const session = fake.sessionFor(checkoutId);
      events.push(fake.pay(session.id));
      // After some sales, what the provider does next: a partial refund of a top-up, a renewal.
      if (path.endsWith("/topups") && i % 3 === 0)
        events.push(fake.chargeRefunded(session.payment_intent!, { amountRefunded: 300 }));
      if (session.subscription && i % 3 === 1) events.push(fake.invoicePaid(session.subscription).event);
    }
  }
  const raws = events.map((e) => JSON.stringify(e));
  const genuine = raws.map((raw, n) => ({
    label: `stripe #${n} ${(events[n] as { type: string }).type}`,
    send: () => post(raw, fake.sign(raw)),
  }));
  const forgeries: ((rnd: Rng) => Delivery)[] = [
    (rnd) => {
      const raw = rnd.pick(raws);
      return {
        label: "stripe wrong secret",
        send: () => post(raw, fake.sign(raw, { secret: "whsec_someone_else" })),
      };
    },
    (rnd) => {
      const raw = rnd.pick(raws);
      const forged = raw
        .replace(/"amount_total":\d+/, '"amount_total":999999')
        .replace(/"id":"evt_[^"]+"/, '"id":"evt_forged"');
      return { label: "stripe tampered body", send: () => post(forged, fake.sign(raw)) };
    },
    (rnd) => {
      const raw = rnd.pick(raws);
      return {
        label: "stripe replayed capture",
        send: () => post(raw, fake.sign(raw, { timestamp: Math.floor(Date.now() / 1000) - 3600 })),
      };
    },
    (rnd) => {
      const raw = rnd.pick(raws);
      return { label: "stripe unsigned", send: () => post(raw, null) };
    },
  ];
  return {
    app,
    genuine,
    forge: (rnd) => rnd.pick(forgeries)(rnd),
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}

async function ccbillCampaign(): Promise<Campaign> {
  const app = await startTestApp({
    env: {
      FANZ_PAYMENTS__PROVIDER: "ccbill",
      FANZ_PAYMENTS__CCBILL_ACCOUNT: "900123",
      FANZ_PAYMENTS__CCBILL_SUBACCOUNT: "0001",
      FANZ_PAYMENTS__CCBILL_FLEXFORM_ID: "687fa3e0-e60d-4466-88e2-181fa56dd6a9",
      FANZ_PAYMENTS__CCBILL_SALT: "7d901dad245fd0ff6bc20d06",
      FANZ_SERVER__TRUST_PROXY: "true",
    },
  });
  const ccbill = createFakeCcbill({
    account: "900123",
    subaccount: "0001",
    flexformId: "687fa3e0-e60d-4466-88e2-181fa56dd6a9",
    salt: "7d901dad245fd0ff6bc20d06",
    now: () => Date.now(),
    deliver: (path, raw, headers) => app.call("POST", path, { raw, headers }),
  });
  const { ppv, fans } = await people(app);
  const events: CcbillEvent[] = [];
  for (const [i, fan] of fans.entries()) {
    for (const [path, body] of purchases(i, ppv.id)) {
      const { url } = await startCard(app, path, body, fan.token);
      const sale = ccbill.pay(url);
      events.push(sale);
      if (path.endsWith("/topups") && i % 3 === 0)
        events.push(ccbill.reversal("Refund", sale.fields.transactionId!, "3.00"));
      if (path.endsWith("/subscriptions") && i % 3 === 1)
        events.push(ccbill.renewed(sale.fields.subscriptionId!));
    }
  }
  const genuine = events.map((e, n) => ({
    label: `ccbill #${n} ${e.eventType}`,
    send: () => ccbill.deliver(e, { format: n % 2 ? "json" : "form" }),
  }));
  const forgeries: ((rnd: Rng) => Delivery)[] = [
    (rnd) => {
      const e = rnd.pick(events);
      return {
        label: "ccbill from another address",
        send: () => ccbill.deliver(e, { from: `203.0.113.${1 + rnd.below(250)}` }),
      };
    },
    (rnd) => {
      const e = rnd.pick(events);
      // Straight to the app, not through the proxy: the socket (127.0.0.1) is not CCBill.
      return { label: "ccbill without the proxy", send: () => ccbill.deliver(e, { from: null }) };
    },
    (rnd) => {
      const e = rnd.pick(events);
      // A CCBill address planted before the proxy's own entry, which is the one that counts.
      return {
        label: "ccbill planted address",
        send: () => ccbill.deliver(e, { from: `${CCBILL_ADDRESS}, 198.51.100.${1 + rnd.below(250)}` }),
      };
    },
  ];
  return { app, genuine, forge: (rnd) => rnd.pick(forgeries)(rnd), close: () => app.close() };
}

/** Where the money and what it bought stand, by the people's names (ids differ between runs). */
async function siteState(app: TestApp): Promise<Record<string, string[]>> {
  const rows = async (q: string) =>
    ((await app.raw.prepare(q).all()) as Record<string, unknown>[])
      .map((r) => JSON.stringify(Object.values(r)))
      .sort();
  return {
    transactions: await rows(
      `SELECT t.kind, t.amount_cents, t.currency, t.source, u.username, c.username AS creator,
              CASE WHEN t.reversed_at IS NULL THEN 0 ELSE 1 END AS reversed
         FROM ledger_transactions t LEFT JOIN users u ON u.id = t.user_id LEFT JOIN users c ON c.id = t.creator_id`,
    ),
    accounts: await rows(
      `SELECT a.kind, coalesce(u.username, a.owner_id) AS owner, a.currency, a.balance_cents
         FROM ledger_accounts a LEFT JOIN users u ON u.id = a.owner_id`,
    ),
    entries: await rows(
      `SELECT t.kind, a.kind AS account, e.amount_cents FROM ledger_entries e
         JOIN ledger_transactions t ON t.id = e.txn_id JOIN ledger_accounts a ON a.id = e.account_id`,
    ),
    subscriptions: await rows(
      `SELECT f.username, c.username AS creator, s.status FROM subscriptions s
         JOIN users f ON f.id = s.fan_id JOIN users c ON c.id = s.creator_id`,
    ),
    unlocks: await rows(
      "SELECT u.username, p.text FROM post_unlocks pu JOIN users u ON u.id = pu.user_id JOIN posts p ON p.id = pu.post_id",
    ),
    checkouts: await rows("SELECT c.purpose, c.amount_cents, c.status FROM checkouts c"),
  };
}

/** Each genuine event once, in order: the reference. */
async function deliverInOrder(c: Campaign): Promise<void> {
  for (const d of c.genuine) {
    const r = await d.send();
    if (r.status !== 200) throw new Error(`${d.label} in order: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

interface ChaosFigures {
  deliveries: number;
  genuineCopies: number;
  forged: number;
  retried: number;
  concurrentBatches: number;
}

/**
 * The same events as chaos: each 1–8 times, shuffled, sent in concurrent batches of 1–6, with forgeries
 * in between, each after a random delay of up to 15 ms; what the site asks to retry goes back into the queue at a random later place (delayed).
 */
async function deliverChaos(c: Campaign, rnd: Rng): Promise<ChaosFigures> {
  type Item = { d: Delivery; genuine: number | null; tries: number };
  const queue: Item[] = [];
  c.genuine.forEach((d, n) => {
    for (let k = 1 + rnd.below(8); k > 0; k--) queue.push({ d, genuine: n, tries: 0 });
  });
  const genuineCopies = queue.length;
  const forged = Math.max(0, DELIVERIES - genuineCopies);
  for (let k = 0; k < forged; k++) queue.push({ d: c.forge(rnd), genuine: null, tries: 0 });
  for (let i = queue.length - 1; i > 0; i--) {
    const j = rnd.below(i + 1);
    [queue[i], queue[j]] = [queue[j]!, queue[i]!];
  }
  const accepted = new Set<number>();
  const refusals: string[] = [];
  let deliveries = 0;
  let retried = 0;
  let concurrentBatches = 0;
  for (let round = 0; queue.length > 0; round++) {
    if (round > 10_000) throw new Error("the campaign did not settle");
    const batch = queue.splice(0, 1 + rnd.below(6));
    if (batch.length > 1) concurrentBatches++;
    // Each starts after its own small delay, so a batch's deliveries overlap in varying ways.
    const answers = await Promise.all(
      batch.map((it) => new Promise((ok) => setTimeout(ok, rnd.below(15))).then(() => it.d.send())),
    );
    deliveries += batch.length;
    batch.forEach((it, n) => {
      const a = answers[n]!;
      if (it.genuine === null) {
        // A forgery: refused as the client's fault, never a server error, never accepted.
        if (a.status < 400 || a.status >= 500)
          refusals.push(`${it.d.label}: ${a.status} ${JSON.stringify(a.body)}`);
        return;
      }
      if (a.status === 200) return void accepted.add(it.genuine);
      // Not yet (a refund before its sale): the provider sends it again later.
      if (a.status === 503 && a.body?.error?.code === "retry_later" && it.tries < MAX_REDELIVERIES) {
        retried++;
        const later = Math.min(queue.length, 1 + rnd.below(Math.max(1, queue.length)));
        queue.splice(later, 0, { ...it, tries: it.tries + 1 });
        return;
      }
      refusals.push(`${it.d.label}: ${a.status} ${JSON.stringify(a.body)}`);
    });
  }
  expect(refusals).toEqual([]);
  expect(accepted.size).toBe(c.genuine.length);
  return { deliveries, genuineCopies, forged, retried, concurrentBatches };
}

describe("webhook chaos", () => {
  const open: Campaign[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });

  it.each([
    ["sandbox", sandboxCampaign],
    ["stripe", stripeCampaign],
    ["ccbill", ccbillCampaign],
  ] as const)(
    "%s: duplicated, reordered, delayed and forged deliveries leave the ledger as each genuine event once, in order",
    async (name, campaign) => {
      // Two sites, set up side by side: the reference and the one the chaos goes to.
      const [reference, chaos] = await Promise.all([campaign(), campaign()]);
      open.push(reference, chaos);
      await deliverInOrder(reference);
      const expected = await siteState(reference.app);
      expect(await reference.app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });

      const started = performance.now();
      const figures = await deliverChaos(chaos, prng(SEED + name.length));
      const ms = performance.now() - started;
      expect(await siteState(chaos.app)).toEqual(expected);
      expect(await chaos.app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
      expect(expected.transactions!.length).toBeGreaterThan(FANS * 2);
      expect(figures.deliveries).toBeGreaterThanOrEqual(DELIVERIES);
      console.info(
        `webhook chaos ${name}: ${figures.deliveries} deliveries (${chaos.genuine.length} genuine events as ${figures.genuineCopies} copies, ` +
          `${figures.forged} forged, ${figures.retried} redelivered after retry_later, ${figures.concurrentBatches} concurrent batches) in ${Math.round(ms)} ms`,
      );
    },
    90_000,
  );
});
