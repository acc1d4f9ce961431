// A creator's earnings: pending / available / lifetime, a chart by month, the split by type, the CSV
// statement, the payout method, payout requests and their history (where each went, its reference).
// All in the creator's currency; money earned in an earlier currency is listed apart.
import { createSignal, For, lazy, onMount, Show, Suspense } from "solid-js";
import { api, ApiError, errorMessage, STATEMENT_URL } from "../api/client";
import type { Earnings as EarningsData, Payout, PayoutMethod } from "../api/schema.gen";
import Dialog from "../components/Dialog";
import EmptyState from "../components/EmptyState";
import { FormError } from "../components/Field";
import { RequireCreator } from "../components/Guards";
import Icon from "../components/Icon";
import PayoutMethodCard from "../components/PayoutMethodCard";
import RelTime from "../components/RelTime";
import Sentinel from "../components/Sentinel";
import { LineSkeleton } from "../components/Skeleton";
import { centsToInput, currencySymbol, formatMoney, parseMoneyToCents } from "../lib/format";
import { createPager } from "../lib/pager";
import { PAYOUT_STATUS } from "../lib/payouts";
import { toast } from "../stores/toasts";
import KycNotice from "../components/compliance/KycNotice";

const EarningsChart = lazy(() => import("../components/EarningsChart"));

const TYPES: { key: keyof EarningsData["byType"]; label: string }[] = [
  { key: "subscription", label: "Subscriptions" },
  { key: "ppv", label: "Pay-per-view posts" },
  { key: "message", label: "Paid messages" },
  { key: "tip", label: "Tips" },
];

function StatSkeletons() {
  return (
    <div class="stat-grid" aria-busy="true" aria-label="Loading earnings">
      <For each={[1, 2, 3]}>
        {() => (
          <div class="card stat" aria-hidden="true">
            <LineSkeleton width="50%" />
            <span class="sk stat-sk" />
            <LineSkeleton width="80%" />
          </div>
        )}
      </For>
    </div>
  );
}

function EarningsPage() {
  const [data, setData] = createSignal<EarningsData | null>(null);
  const [loadError, setLoadError] = createSignal<ApiError | Error | null>(null);
  const payouts = createPager<Payout>((cursor) => api.payouts(cursor));
  const [amount, setAmount] = createSignal("");
  const [amountError, setAmountError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // undefined while loading, null when the creator has none yet.
  const [method, setMethod] = createSignal<PayoutMethod | null | undefined>(undefined);

  async function load() {
    setLoadError(null);
    try {
      const [e, m] = await Promise.all([api.earnings(), api.payoutMethod()]);
      setData(e);
      setMethod(m.method);
      if (!amount() && e.availableCents >= e.payoutMinimumCents) setAmount(centsToInput(e.availableCents));
    } catch (err) {
      setLoadError(err instanceof Error ? err : new Error(errorMessage(err)));
    }
  }

  onMount(() => {
    void load();
    void payouts.reset();
  });

  const currency = () => data()?.currency ?? "USD";
  const money = (c: number) => formatMoney(c, currency());
  const cents = () => parseMoneyToCents(amount());
  const typeTotal = () => {
    const d = data();
    return d ? Object.values(d.byType).reduce((sum, v) => sum + Math.max(0, v), 0) : 0;
  };

  function review(e: Event) {
    e.preventDefault();
    setError(null);
    const c = cents();
    if (c === null || c <= 0) {
      setAmountError("Enter the amount to pay out, for example 50.00.");
      return;
    }
    const d = data();
    if (d && c > d.availableCents) {
      setAmountError(`You can request up to ${money(d.availableCents)} (your available earnings).`);
      return;
    }
    if (d && c < d.payoutMinimumCents) {
      setAmountError(`The smallest payout is ${money(d.payoutMinimumCents)}.`);
      return;
    }
    if (!method()) {
      setAmountError("Add a payout method above first, so the site knows where to send the money.");
      return;
    }
    setAmountError(null);
    setConfirming(true);
  }

  async function requestPayout() {
    const c = cents();
    if (c === null) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.requestPayout(c);
      payouts.prepend(res.payout);
      setConfirming(false);
      setAmount("");
      toast(`Payout of ${money(c)} requested`, "success");
      void load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <div class="page-head page-head-split">
        <h1 class="page-title">Earnings</h1>
        <a href={STATEMENT_URL} class="btn btn-secondary btn-sm" download="statement.csv">
          <Icon name="download" size={16} /> Statement (CSV)
        </a>
      </div>
      <KycNotice action="request payouts" />

      <Show
        when={!loadError()}
        fallback={
          <EmptyState icon="chart" title="Couldn't load your earnings">
            <p class="muted">{loadError()?.message}</p>
            <button type="button" class="btn btn-primary" onClick={() => void load()}>
              Try again
            </button>
          </EmptyState>
        }
      >
        <Show when={data()} fallback={<StatSkeletons />}>
          {(d) => (
            <>
              <div class="stat-grid">
                <section class="card stat stat-available" aria-labelledby="stat-available">
                  <h2 id="stat-available" class="stat-label">
                    Available
                  </h2>
                  <p class="stat-value" data-testid="earnings-available">
                    {money(d().availableCents)}
                  </p>
                  <p class="stat-help">Ready to pay out. Request it below.</p>
                </section>
                <section class="card stat" aria-labelledby="stat-pending">
                  <h2 id="stat-pending" class="stat-label">
                    Pending
                  </h2>
                  <p class="stat-value" data-testid="earnings-pending">
                    {money(d().pendingCents)}
                  </p>
                  <p class="stat-help">
                    Each sale is held for {d().holdDays} {d().holdDays === 1 ? "day" : "days"} (it covers
                    refunds and chargebacks), then it becomes available.
                  </p>
                </section>
                <section class="card stat" aria-labelledby="stat-lifetime">
                  <h2 id="stat-lifetime" class="stat-label">
                    Lifetime
                  </h2>
                  <p class="stat-value" data-testid="earnings-lifetime">
                    {money(d().lifetimeCents)}
                  </p>
                  <p class="stat-help">Your share of every sale, after the platform fee and refunds.</p>
                </section>
              </div>

              <Show when={d().otherCurrencies.length > 0}>
                <section class="card form-card" aria-labelledby="other-title">
                  <h2 id="other-title">Other currencies</h2>
                  <p class="muted small">
                    Earned while your page was priced in another currency. It is kept apart and never added to
                    the {d().currency} figures above; payouts are in {d().currency}.
                  </p>
                  <dl class="summary" data-testid="earnings-other-currencies">
                    <For each={d().otherCurrencies}>
                      {(o) => (
                        <div>
                          <dt>{o.currency}</dt>
                          <dd>
                            {formatMoney(o.lifetimeCents, o.currency)} lifetime ·{" "}
                            {formatMoney(o.availableCents, o.currency)} available ·{" "}
                            {formatMoney(o.pendingCents, o.currency)} pending
                          </dd>
                        </div>
                      )}
                    </For>
                  </dl>
                </section>
              </Show>

              <section class="card form-card" aria-labelledby="chart-title">
                <h2 id="chart-title">By month</h2>
                <Suspense fallback={<span class="sk chart-sk" aria-hidden="true" />}>
                  <EarningsChart byMonth={d().byMonth} currency={d().currency} />
                </Suspense>
              </section>

              <section class="card form-card" aria-labelledby="types-title">
                <h2 id="types-title">By type</h2>
                <ul class="type-list">
                  <For each={TYPES}>
                    {(t) => {
                      const v = () => d().byType[t.key];
                      const share = () => (typeTotal() > 0 ? Math.max(0, v()) / typeTotal() : 0);
                      return (
                        <li class="type-row">
                          <span class="type-name">{t.label}</span>
                          <span class="type-bar" aria-hidden="true">
                            <span class={`type-fill type-${t.key}`} style={{ width: `${share() * 100}%` }} />
                          </span>
                          <span class="type-amount">
                            {money(v())}
                            <span class="muted small"> · {Math.round(share() * 100)} %</span>
                          </span>
                        </li>
                      );
                    }}
                  </For>
                </ul>
              </section>

              <Show when={method() !== undefined}>
                <PayoutMethodCard
                  method={method() ?? null}
                  onChange={(m) => {
                    setMethod(m);
                    if (m && amountError()?.startsWith("Add a payout method")) setAmountError(null);
                  }}
                />
              </Show>

              <section class="card form-card" aria-labelledby="payout-title">
                <h2 id="payout-title">Request a payout</h2>
                <dl class="payout-facts">
                  <div>
                    <dt>Available now</dt>
                    <dd data-testid="payout-available">{money(d().availableCents)}</dd>
                  </div>
                  <div>
                    <dt>Smallest payout</dt>
                    <dd data-testid="payout-minimum">{money(d().payoutMinimumCents)}</dd>
                  </div>
                  <div>
                    <dt>Hold period</dt>
                    <dd>
                      {d().holdDays === 0 ? "None" : `${d().holdDays} ${d().holdDays === 1 ? "day" : "days"}`}
                    </dd>
                  </div>
                  <div class="payout-facts-wide">
                    <dt>Paid to</dt>
                    <dd>{method()?.masked ?? "No payout method yet"}</dd>
                  </div>
                </dl>
                <form class="payout-form" onSubmit={review} novalidate>
                  <div class="field" classList={{ "has-error": !!amountError() }}>
                    <label for="payout-amount">Amount</label>
                    <div class="input-row payout-row">
                      <div class="input-wrap has-prefix">
                        <span class="input-affix input-prefix" aria-hidden="true">
                          {currencySymbol(currency())}
                        </span>
                        <input
                          id="payout-amount"
                          class="input input-price"
                          inputmode="decimal"
                          placeholder="50.00"
                          value={amount()}
                          aria-invalid={amountError() ? "true" : undefined}
                          aria-describedby="payout-hint"
                          onInput={(e) => setAmount(e.currentTarget.value)}
                        />
                      </div>
                      <button type="submit" class="btn btn-primary" disabled={d().availableCents <= 0}>
                        <Icon name="bank" size={18} /> Request payout
                      </button>
                    </div>
                    <Show
                      when={amountError()}
                      fallback={
                        <p class="field-hint" id="payout-hint">
                          {d().availableCents >= d().payoutMinimumCents
                            ? `Between ${money(d().payoutMinimumCents)} and ${money(d().availableCents)}.`
                            : d().availableCents > 0
                              ? `You can request a payout once ${money(d().payoutMinimumCents)} is available.`
                              : "Nothing is available yet: pending earnings become available after the hold period."}{" "}
                          An admin approves each payout, then the site sends it to you.
                        </p>
                      }
                    >
                      <p class="field-error" id="payout-hint">
                        {amountError()}
                      </p>
                    </Show>
                  </div>
                  <FormError message={!confirming() ? error() : null} />
                </form>
              </section>
            </>
          )}
        </Show>
      </Show>

      <section class="card form-card" aria-labelledby="payouts-title">
        <h2 id="payouts-title">Payouts</h2>
        <Show
          when={!payouts.initial() || payouts.items.length > 0}
          fallback={
            <div class="stack-sm" aria-busy="true">
              <LineSkeleton width="70%" />
              <LineSkeleton width="55%" />
            </div>
          }
        >
          <Show
            when={payouts.items.length > 0 || payouts.error()}
            fallback={<p class="muted">No payouts yet. Requested payouts and their status show up here.</p>}
          >
            <ul class="payout-list">
              <For each={payouts.items}>
                {(p) => (
                  <li class="payout-row">
                    <span class="payout-amount">{formatMoney(p.amountCents, p.currency)}</span>
                    <span class="muted small">
                      Requested <RelTime ms={p.createdAt} />
                      <Show when={p.paidAt}>
                        {(t) => (
                          <>
                            {" · paid "}
                            <RelTime ms={t()} />
                          </>
                        )}
                      </Show>
                    </span>
                    <span class={`badge ${PAYOUT_STATUS[p.status].badge}`}>
                      {PAYOUT_STATUS[p.status].label}
                    </span>
                    <Show when={p.destination}>
                      <p class="payout-note muted small">To {p.destination}</p>
                    </Show>
                    <Show when={p.reference}>
                      <p class="payout-note small" data-testid="payout-reference">
                        Reference: <span class="payout-ref">{p.reference}</span>
                      </p>
                    </Show>
                    <Show when={p.note}>
                      <p class="payout-note muted small">Note: {p.note}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
        <Show when={payouts.error()}>
          {(msg) => (
            <div class="notice notice-error" role="alert">
              <p>{msg()}</p>
            </div>
          )}
        </Show>
        <Show when={payouts.hasMore() && !payouts.error()}>
          <Sentinel onVisible={() => void payouts.loadMore()} disabled={payouts.loading()} />
        </Show>
      </section>

      <Show when={confirming() && data()}>
        {(d) => (
          <Dialog
            open
            title="Request a payout"
            onClose={() => setConfirming(false)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
                <button
                  type="button"
                  class="btn btn-primary"
                  disabled={busy()}
                  onClick={() => void requestPayout()}
                >
                  {busy() ? "Requesting…" : `Request ${money(cents() ?? 0)}`}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>Amount</dt>
                <dd>
                  <strong>{money(cents() ?? 0)}</strong>
                </dd>
              </div>
              <div>
                <dt>From</dt>
                <dd>
                  Your available earnings ({money(d().availableCents)} now,{" "}
                  {money(d().availableCents - (cents() ?? 0))} after)
                </dd>
              </div>
              <div>
                <dt>To</dt>
                <dd>
                  <strong>{method()?.masked}</strong>: the site sends it once an admin approves the request.
                </dd>
              </div>
              <div>
                <dt>Next</dt>
                <dd>You get a notification when it is approved and when it is paid.</dd>
              </div>
            </dl>
            <FormError message={error()} />
          </Dialog>
        )}
      </Show>
    </div>
  );
}

export default function Earnings() {
  return (
    <RequireCreator>
      <EarningsPage />
    </RequireCreator>
  );
}
