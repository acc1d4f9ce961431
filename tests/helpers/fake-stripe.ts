// A local stand-in for api.stripe.com: enough of Stripe's REST wire format (form-encoded requests with
// bracketed keys, JSON objects and lists back, Stripe's error shape) for the real SDK to create Checkout
// Sessions, refunds and invoice-payment look-ups against it. It records every request so tests can see
// what the app asked Stripe for, simulates what happens at Stripe after a checkout (payment intents,
// subscriptions, invoices), and builds the matching webhook events, signed with the real SDK.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface FakeRequest {
  method: string;
  path: string;
  /** Form fields decoded into nested objects and arrays; values stay strings, as on the wire. */
  params: Record<string, any>;
  headers: IncomingHttpHeaders;
}

interface Session {
  id: string;
  object: "checkout.session";
  mode: string;
  url: string;
  status: "open" | "complete";
  payment_status: "unpaid" | "paid";
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  currency: string;
  amount_total: number;
  /** What later invoices bill: the line items' price (a once-only coupon comes off the first only). */
  recurring_amount: number;
  success_url: string;
  cancel_url: string;
  payment_intent: string | null;
  subscription: string | null;
  invoice: string | null;
  /** The request's line items, kept to bill the subscription's later invoices. */
  line_items: any[];
  /** subscription_data.metadata, copied to the subscription and its invoices. */
  subscription_metadata: Record<string, string>;
}

interface Invoice {
  id: string;
  subscription: string;
  paymentIntent: string;
  amount: number;
  currency: string;
  billingReason: string;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const seconds = () => Math.floor(Date.now() / 1000);

/** Decodes `a[b][0][c]=x&…` (the SDK's encoding) into nested objects, with numeric keys as arrays. */
export function decodeForm(text: string): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter((p, i) => i === 0 || p !== "");
    let node: any = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = node[part];
    });
  }
  return root;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

export async function startFakeStripe(opts: { secretKey: string; webhookSecret: string }) {
  const requests: FakeRequest[] = [];
  const sessions = new Map<string, Session>();
  const subscriptions = new Map<string, { id: string; metadata: Record<string, string>; session: Session }>();
  const invoices = new Map<string, Invoice>();
  /** Payment intent id -> amount and currency, and whether it was refunded. */
  const payments = new Map<string, { amount: number; currency: string; refunded: boolean }>();
  const coupons = new Map<string, { id: string; amount_off: number; currency: string; duration: string }>();
  const failures = new Map<string, { status: number; type: string; message: string; code?: string }>();

  function stripeError(res: ServerResponse, status: number, type: string, message: string, code?: string) {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
    res.end(JSON.stringify({ error: { type, message, ...(code ? { code } : {}) } }));
  }

  function createSession(p: Record<string, any>): Session {
    const items: any[] = p.line_items ?? [];
    const amount = items.reduce(
      (sum, li) => sum + Number(li.price_data?.unit_amount ?? 0) * Number(li.quantity ?? 1),
      0,
    );
    const off = Number(coupons.get(p.discounts?.[0]?.coupon)?.amount_off ?? 0);
    const sid = id("cs");
    const session: Session = {
      id: sid,
      object: "checkout.session",
      mode: p.mode,
      url: `${fake.url}/c/pay/${sid}`,
      status: "open",
      payment_status: "unpaid",
      client_reference_id: p.client_reference_id ?? null,
      customer_email: p.customer_email ?? null,
      metadata: p.metadata ?? {},
      currency: items[0]?.price_data?.currency ?? "usd",
      amount_total: amount - off,
      recurring_amount: amount,
      success_url: p.success_url,
      cancel_url: p.cancel_url,
      payment_intent: null,
      subscription: null,
      invoice: null,
      line_items: items,
      subscription_metadata: p.subscription_data?.metadata ?? {},
    };
    sessions.set(sid, session);
    return session;
  }

  /** A session as Stripe shows it (without what the fake keeps for itself). */
  function publicSession(s: Session): Record<string, unknown> {
    const { line_items: _items, subscription_metadata: _meta, recurring_amount: _rec, ...shown } = s;
    return shown;
  }

  function route(method: string, path: string, p: Record<string, any>, res: ServerResponse): unknown {
    if (method === "POST" && path === "/v1/coupons") {
      const coupon = {
        id: id("co"),
        object: "coupon",
        amount_off: Number(p.amount_off),
        currency: p.currency,
        duration: p.duration,
      };
      coupons.set(coupon.id, coupon);
      return coupon;
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      if (p.mode !== "payment" && p.mode !== "subscription") {
        return stripeError(res, 400, "invalid_request_error", "Invalid mode.", "parameter_invalid");
      }
      return publicSession(createSession(p));
    }
    const subMatch = /^\/v1\/subscriptions\/(sub_[A-Za-z0-9_]+)$/.exec(path);
    if (subMatch && (method === "POST" || method === "DELETE")) {
      const canceled = method === "DELETE";
      return {
        id: subMatch[1],
        object: "subscription",
        status: canceled ? "canceled" : "active",
        cancel_at_period_end: !canceled && String(p.cancel_at_period_end) === "true",
      };
    }
    if (method === "POST" && path === "/v1/refunds") {
      const pi: string | undefined = p.payment_intent;
      const paid = pi ? payments.get(pi) : undefined;
      if (!pi || !paid) {
        return stripeError(
          res,
          400,
          "invalid_request_error",
          `No such payment_intent: '${pi}'`,
          "resource_missing",
        );
      }
      if (paid.refunded) {
        return stripeError(
          res,
          400,
          "invalid_request_error",
          `Charge for ${pi} has already been refunded.`,
          "charge_already_refunded",
        );
      }
      paid.refunded = true;
      return {
        id: id("re"),
        object: "refund",
        amount: p.amount ? Number(p.amount) : paid.amount,
        currency: paid.currency,
        payment_intent: pi,
        status: "succeeded",
        metadata: p.metadata ?? {},
      };
    }
    if (method === "GET" && path === "/v1/invoice_payments") {
      const byPi: string | undefined = p.payment?.payment_intent;
      const found = [...invoices.values()].filter((i) =>
        byPi ? i.paymentIntent === byPi : i.id === p.invoice,
      );
      return {
        object: "list",
        url: "/v1/invoice_payments",
        has_more: false,
        data: found.map((i) => ({
          id: id("inpay"),
          object: "invoice_payment",
          invoice: i.id,
          amount_paid: i.amount,
          currency: i.currency,
          status: "paid",
          is_default: true,
          payment: { type: "payment_intent", payment_intent: i.paymentIntent },
        })),
      };
    }
    return stripeError(res, 404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const text = req.method === "GET" ? url.search.slice(1) : await readBody(req);
      const params = decodeForm(text);
      const method = req.method ?? "GET";
      requests.push({ method, path: url.pathname, params, headers: req.headers });
      if (req.headers.authorization !== `Bearer ${opts.secretKey}`) {
        return stripeError(res, 401, "invalid_request_error", "Invalid API Key provided.");
      }
      const failure = failures.get(`${method} ${url.pathname}`);
      if (failure) {
        failures.delete(`${method} ${url.pathname}`);
        return stripeError(res, failure.status, failure.type, failure.message, failure.code);
      }
      const out = route(method, url.pathname, params, res);
      if (out !== undefined) {
        res.writeHead(200, { "content-type": "application/json", "request-id": id("req") });
        res.end(JSON.stringify(out));
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));

  /** A subscription's invoice (first or later cycle) with its own payment intent. */
  function bill(subscriptionId: string, billingReason: string, amount?: number): Invoice {
    const sub = subscriptions.get(subscriptionId);
    if (!sub) throw new Error(`fake stripe: no subscription ${subscriptionId}`);
    const inv: Invoice = {
      id: id("in"),
      subscription: subscriptionId,
      paymentIntent: id("pi"),
      amount:
        amount ??
        (billingReason === "subscription_create" ? sub.session.amount_total : sub.session.recurring_amount),
      currency: sub.session.currency,
      billingReason,
    };
    invoices.set(inv.id, inv);
    payments.set(inv.paymentIntent, { amount: inv.amount, currency: inv.currency, refunded: false });
    return inv;
  }

  function invoiceObject(inv: Invoice, paid: boolean) {
    const sub = subscriptions.get(inv.subscription)!;
    return {
      id: inv.id,
      object: "invoice",
      billing_reason: inv.billingReason,
      currency: inv.currency,
      amount_due: inv.amount,
      amount_paid: paid ? inv.amount : 0,
      amount_remaining: paid ? 0 : inv.amount,
      status: paid ? "paid" : "open",
      customer_email: sub.session.customer_email,
      parent: {
        type: "subscription_details",
        quote_details: null,
        subscription_details: { subscription: inv.subscription, metadata: sub.metadata },
      },
    };
  }

  const fake = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,

    /** The requests to one endpoint, e.g. "POST /v1/checkout/sessions", oldest first. */
    calls(endpoint: string): FakeRequest[] {
      return requests.filter((r) => `${r.method} ${r.path}` === endpoint);
    },

    /** The next request to this endpoint fails with Stripe's error shape. */
    failNext(
      endpoint: string,
      status = 400,
      message = "Something is wrong.",
      type = "invalid_request_error",
    ) {
      failures.set(endpoint, { status, type, message });
    },

    session(sessionId: string): Session {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`fake stripe: no session ${sessionId}`);
      return s;
    },

    /** The session created for our checkout (found by its client_reference_id). */
    sessionFor(checkoutId: string): Session {
      const s = [...sessions.values()].find((x) => x.client_reference_id === checkoutId);
      if (!s) throw new Error(`fake stripe: no session for checkout ${checkoutId}`);
      return s;
    },

    /**
     * The fan pays on the hosted page: a one-off payment gets a payment intent; a subscription gets a
     * Stripe subscription and its first invoice. Returns the checkout.session.completed event.
     */
    pay(sessionId: string) {
      const s = fake.session(sessionId);
      if (s.status !== "complete") {
        s.status = "complete";
        s.payment_status = "paid";
        if (s.mode === "subscription") {
          const subId = id("sub");
          subscriptions.set(subId, { id: subId, metadata: s.subscription_metadata, session: s });
          s.subscription = subId;
          s.invoice = bill(subId, "subscription_create").id;
        } else {
          s.payment_intent = id("pi");
          payments.set(s.payment_intent, { amount: s.amount_total, currency: s.currency, refunded: false });
        }
      }
      return fake.event("checkout.session.completed", publicSession(s));
    },

    /** A new invoice of a subscription, paid: { event: invoice.paid, invoice }. */
    invoicePaid(subscriptionId: string, o: { billingReason?: string; amountCents?: number } = {}) {
      const inv = bill(subscriptionId, o.billingReason ?? "subscription_cycle", o.amountCents);
      return { event: fake.event("invoice.paid", invoiceObject(inv, true)), invoice: inv };
    },

    /** The first invoice of a subscription (created by its checkout), as invoice.paid. */
    firstInvoicePaid(subscriptionId: string) {
      const inv = [...invoices.values()].find(
        (i) => i.subscription === subscriptionId && i.billingReason === "subscription_create",
      );
      if (!inv) throw new Error(`fake stripe: no first invoice for ${subscriptionId}`);
      return fake.event("invoice.paid", invoiceObject(inv, true));
    },

    invoicePaymentFailed(subscriptionId: string) {
      const inv = bill(subscriptionId, "subscription_cycle");
      return fake.event("invoice.payment_failed", invoiceObject(inv, false));
    },

    subscriptionDeleted(subscriptionId: string) {
      const sub = subscriptions.get(subscriptionId);
      if (!sub) throw new Error(`fake stripe: no subscription ${subscriptionId}`);
      return fake.event("customer.subscription.deleted", {
        id: sub.id,
        object: "subscription",
        status: "canceled",
        cancel_at_period_end: false,
        metadata: sub.metadata,
      });
    },

    /** The payment intent of a subscription invoice. */
    paymentIntentOf(invoiceId: string): string {
      const inv = invoices.get(invoiceId);
      if (!inv) throw new Error(`fake stripe: no invoice ${invoiceId}`);
      return inv.paymentIntent;
    },

    /** charge.refunded for a payment intent: whole, or partial with `amountRefunded`. */
    chargeRefunded(paymentIntent: string, o: { amountRefunded?: number } = {}) {
      const paid = payments.get(paymentIntent);
      if (!paid) throw new Error(`fake stripe: no payment ${paymentIntent}`);
      const refunded = o.amountRefunded ?? paid.amount;
      if (refunded === paid.amount) paid.refunded = true;
      return fake.event("charge.refunded", {
        id: id("ch"),
        object: "charge",
        amount: paid.amount,
        amount_refunded: refunded,
        currency: paid.currency,
        payment_intent: paymentIntent,
        paid: true,
        refunded: refunded === paid.amount,
        status: "succeeded",
      });
    },

    disputeCreated(paymentIntent: string) {
      const paid = payments.get(paymentIntent);
      if (!paid) throw new Error(`fake stripe: no payment ${paymentIntent}`);
      return fake.event("charge.dispute.created", {
        id: id("dp"),
        object: "dispute",
        amount: paid.amount,
        currency: paid.currency,
        charge: id("ch"),
        payment_intent: paymentIntent,
        reason: "fraudulent",
        status: "needs_response",
      });
    },

    /** The dispute a charge.dispute.created event opened, decided: charge.dispute.closed. */
    disputeClosed(created: { data: { object: Record<string, unknown> } }, status: "won" | "lost") {
      return fake.event("charge.dispute.closed", { ...created.data.object, status });
    },

    /** A v1 event as Stripe's webhooks deliver it. */
    event(type: string, object: Record<string, unknown>) {
      return {
        id: id("evt"),
        object: "event",
        api_version: Stripe.API_VERSION,
        created: seconds(),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object },
      };
    },

    /** The Stripe-Signature header for a payload, made by the SDK itself. */
    sign(payload: string, o: { secret?: string; timestamp?: number } = {}): string {
      return Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: o.secret ?? opts.webhookSecret,
        ...(o.timestamp !== undefined ? { timestamp: o.timestamp } : {}),
      });
    },

    close(): Promise<void> {
      return new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
