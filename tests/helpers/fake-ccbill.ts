// A local stand-in for CCBill: it "shows" a FlexForms payment form from the checkout URL Fanz gave the
// fan (checking the URL's formDigest the way CCBill's documentation says CCBill does, with its own MD5,
// not the app's code), keeps the subscriptions a paid form starts, and builds the webhook events CCBill
// sends afterwards, with the field names of CCBill's Webhooks User Guide (all values strings, the form's
// X- fields echoed on the sale). `deliver` posts one to the app from a CCBill address, URL-encoded (CCBill's
// original format) or as JSON.
import { createHash, randomInt } from "node:crypto";

export interface CcbillEvent {
  eventType: string;
  fields: Record<string, string>;
}

export type Deliver = (
  path: string,
  raw: string,
  headers: Record<string, string>,
) => Promise<{ status: number; body: any }>;

/** One of CCBill's published webhook addresses (64.38.212.0/24). */
export const CCBILL_ADDRESS = "64.38.212.17";

const ISO: Record<string, string> = { "840": "USD", "978": "EUR", "826": "GBP" };
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
/** CCBill's timestamp format: "2012-08-05 15:18:17". */
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
const md5 = (s: string) => createHash("md5").update(s).digest("hex");

export function createFakeCcbill(opts: {
  account: string;
  subaccount: string;
  flexformId: string;
  salt: string;
  deliver: Deliver;
  now: () => number;
}) {
  const subscriptions = new Map<
    string,
    { price: string; period: string; currencyCode: string; email: string }
  >();
  const transactions = new Map<string, { subscriptionId: string; amount: string; currencyCode: string }>();

  const base = () => ({
    clientAccnum: opts.account,
    clientSubacc: opts.subaccount,
    timestamp: stamp(opts.now()),
  });

  function transaction(subscriptionId: string, amount: string, currencyCode: string): string {
    const id = `0${digits(18)}`;
    transactions.set(id, { subscriptionId, amount, currencyCode });
    return id;
  }

  function txn(transactionId: string) {
    const t = transactions.get(transactionId);
    if (!t) throw new Error(`fake ccbill: no transaction ${transactionId}`);
    return t;
  }

  const fake = {
    subscriptions,

    /** The form's query as CCBill receives it, and the Flex ID from the path. */
    form(url: string) {
      const u = new URL(url);
      const prefix = "/wap-frontflex/flexforms/";
      if (u.origin !== "https://api.ccbill.com" || !u.pathname.startsWith(prefix))
        throw new Error(`fake ccbill: not a FlexForms URL: ${url}`);
      return { flexId: decodeURIComponent(u.pathname.slice(prefix.length)), params: u.searchParams };
    },

    /** The digest CCBill expects for the form's prices (documented field order, then the salt). */
    expectedDigest(params: URLSearchParams): string {
      const v = (k: string) => params.get(k) ?? "";
      const recurring = params.has("recurringPrice");
      const parts = recurring
        ? [
            v("initialPrice"),
            v("initialPeriod"),
            v("recurringPrice"),
            v("recurringPeriod"),
            v("numRebills"),
            v("currencyCode"),
          ]
        : [v("initialPrice"), v("initialPeriod"), v("currencyCode")];
      return md5(parts.join("") + opts.salt);
    },

    /**
     * The fan pays on the form: refused like CCBill does when the digest does not match the prices;
     * otherwise a subscription and its first transaction, and the NewSaleSuccess event. `billed` overrides
     * what CCBill reports as billed (a tampered or repriced sale).
     */
    pay(url: string, billed: { price?: string; currencyCode?: string } = {}): CcbillEvent {
      const { flexId, params } = fake.form(url);
      if (flexId !== opts.flexformId) throw new Error(`fake ccbill: unknown Flex ID ${flexId}`);
      if (params.get("formDigest") !== fake.expectedDigest(params))
        throw new Error("fake ccbill: formDigest does not match the prices (CCBill refuses the form)");
      const price = billed.price ?? params.get("initialPrice")!;
      const currencyCode = billed.currencyCode ?? params.get("currencyCode")!;
      const subscriptionId = digits(10);
      const recurring = params.has("recurringPrice");
      subscriptions.set(subscriptionId, {
        price: params.get("recurringPrice") ?? price,
        period: params.get("recurringPeriod") ?? params.get("initialPeriod")!,
        currencyCode,
        email: params.get("email") ?? "",
      });
      const transactionId = transaction(subscriptionId, price, currencyCode);
      const passedThrough = Object.fromEntries([...params].filter(([k]) => k.startsWith("X-")));
      return {
        eventType: "NewSaleSuccess",
        fields: {
          subscriptionId,
          transactionId,
          ...base(),
          email: params.get("email") ?? "",
          flexId,
          formName: "",
          priceDescription: `${price}(${ISO[currencyCode]}) for ${params.get("initialPeriod")} days`,
          recurringPriceDescription: recurring
            ? `${params.get("recurringPrice")}(${ISO[currencyCode]}) recurring every ${params.get("recurringPeriod")} days`
            : "",
          billedInitialPrice: price,
          billedRecurringPrice: recurring ? params.get("recurringPrice")! : "0.00",
          billedCurrencyCode: currencyCode,
          billedCurrency: ISO[currencyCode] ?? "",
          subscriptionInitialPrice: price,
          subscriptionCurrencyCode: currencyCode,
          accountingInitialPrice: price,
          accountingCurrencyCode: "840",
          accountingCurrency: "USD",
          initialPeriod: params.get("initialPeriod")!,
          recurringPeriod: recurring ? params.get("recurringPeriod")! : "0",
          rebills: recurring ? params.get("numRebills")! : "0",
          paymentType: "CREDIT",
          cardType: "VISA",
          last4: "1111",
          ...passedThrough,
        },
      };
    },

    /** The form was submitted and the card declined. */
    declined(url: string, reason = "Transaction Denied by Bank"): CcbillEvent {
      const { params } = fake.form(url);
      const passedThrough = Object.fromEntries([...params].filter(([k]) => k.startsWith("X-")));
      return {
        eventType: "NewSaleFailure",
        fields: {
          transactionId: `0${digits(18)}`,
          ...base(),
          failureReason: reason,
          failureCode: "BE-140",
          ...passedThrough,
        },
      };
    },

    /** CCBill rebilled the subscription: RenewalSuccess with a new transaction. */
    renewed(subscriptionId: string): CcbillEvent {
      const s = subscriptions.get(subscriptionId);
      if (!s) throw new Error(`fake ccbill: no subscription ${subscriptionId}`);
      const transactionId = transaction(subscriptionId, s.price, s.currencyCode);
      const next = opts.now() + Number(s.period) * 86_400_000;
      return {
        eventType: "RenewalSuccess",
        fields: {
          subscriptionId,
          transactionId,
          ...base(),
          billedAmount: s.price,
          billedCurrency: ISO[s.currencyCode] ?? "",
          billedCurrencyCode: s.currencyCode,
          accountingAmount: s.price,
          accountingCurrency: "USD",
          accountingCurrencyCode: "840",
          renewalDate: stamp(opts.now()).slice(0, 10),
          nextRenewalDate: stamp(next).slice(0, 10),
          paymentType: "CREDIT",
          cardType: "VISA",
          last4: "1111",
        },
      };
    },

    renewalFailed(subscriptionId: string): CcbillEvent {
      return {
        eventType: "RenewalFailure",
        fields: {
          subscriptionId,
          transactionId: `0${digits(18)}`,
          ...base(),
          failureReason: "Insufficient funds",
          failureCode: "BE-120",
          renewalDate: stamp(opts.now()).slice(0, 10),
          nextRetryDate: stamp(opts.now() + 86_400_000).slice(0, 10),
        },
      };
    },

    cancelled(subscriptionId: string): CcbillEvent {
      return {
        eventType: "Cancellation",
        fields: { subscriptionId, ...base(), reason: "Customer cancelled", source: "WEB" },
      };
    },

    /** Refund, Void or Chargeback of a transaction: the whole of it unless `amount` says. */
    reversal(
      eventType: "Refund" | "Void" | "Chargeback",
      transactionId: string,
      amount?: string,
    ): CcbillEvent {
      const t = txn(transactionId);
      return {
        eventType,
        fields: {
          transactionId,
          subscriptionId: t.subscriptionId,
          ...base(),
          amount: amount ?? t.amount,
          currency: ISO[t.currencyCode] ?? "",
          currencyCode: t.currencyCode,
          accountingAmount: amount ?? t.amount,
          accountingCurrency: "USD",
          accountingCurrencyCode: "840",
          reason: eventType === "Chargeback" ? "Fraud" : "Customer Refunded",
          cardType: "VISA",
          last4: "1111",
        },
      };
    },

    /** Posts an event to the app as CCBill does: to the webhook URL with its eventType, from `from`. */
    deliver(e: CcbillEvent, o: { format?: "form" | "json"; from?: string | null } = {}) {
      const json = o.format === "json";
      const raw = json ? JSON.stringify(e.fields) : new URLSearchParams(e.fields).toString();
      const headers: Record<string, string> = {
        "content-type": json ? "application/json" : "application/x-www-form-urlencoded",
      };
      const from = o.from === undefined ? CCBILL_ADDRESS : o.from;
      if (from !== null) headers["x-forwarded-for"] = from;
      // CCBill appends the account, the event's type and its group to the configured URL.
      const query = new URLSearchParams({
        clientAccnum: opts.account,
        clientSubacc: opts.subaccount,
        eventType: e.eventType,
        eventGroupType: e.eventType.startsWith("NewSale") ? "Subscription" : "Transaction",
      });
      return opts.deliver(`/api/v1/webhooks/ccbill?${query.toString()}`, raw, headers);
    },
  };
  return fake;
}

export type FakeCcbill = ReturnType<typeof createFakeCcbill>;
