// A creator's earnings: pending / available / lifetime, a chart by month, the split by type, the CSV
// statement, the payout method, payout requests and their history (where each went, its reference).
// All in the creator's currency; money earned in an earlier currency is listed apart.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
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

import ReferralsCard from "../components/ReferralsCard";

const EarningsChart = lazy(() => import("../components/EarningsChart"));

const TYPES: { key: keyof EarningsData["byType"]; label: string }[] = [
  {
    key: "subscription",
    get label() {
      return t("earnings.typeSubs");
    },
  },
  {
    key: "ppv",
    get label() {
      return t("earnings.typePpv");
    },
  },
  {
    key: "message",
    get label() {
      return t("earnings.typeMessages");
    },
  },
  {
    key: "tip",
    get label() {
      return t("earnings.typeTips");
    },
  },
];

function StatSkeletons() {
  return (
    <div class="stat-grid" aria-busy="true" aria-label={t("earnings.loading")}>
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
      setAmountError(t("earnings.errAmount"));
      return;
    }
    const d = data();
    if (d && c > d.availableCents) {
      setAmountError(t("earnings.errUpTo", { amount: money(d.availableCents) }));
      return;
    }
    if (d && c < d.payoutMinimumCents) {
      setAmountError(t("earnings.errSmallest", { amount: money(d.payoutMinimumCents) }));
      return;
    }
    if (!method()) {
      setAmountError(t("earnings.errNoMethod"));
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
      toast(t("earnings.requested", { amount: money(c) }), "success");
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
        <h1 class="page-title">{t("earnings.title")}</h1>
        <a href={STATEMENT_URL} class="btn btn-secondary btn-sm" download="statement.csv">
          <Icon name="download" size={16} /> {t("earnings.statement")}
        </a>
      </div>
      <KycNotice action={t("compliance.kycActionPayouts")} />

      <Show
        when={!loadError()}
        fallback={
          <EmptyState icon="chart" title={t("earnings.loadFailed")}>
            <p class="muted">{loadError()?.message}</p>
            <button type="button" class="btn btn-primary" onClick={() => void load()}>
              {t("earnings.tryAgain")}
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
                    {t("earnings.available")}
                  </h2>
                  <p class="stat-value" data-testid="earnings-available">
                    {money(d().availableCents)}
                  </p>
                  <p class="stat-help">{t("earnings.availableHelp")}</p>
                </section>
                <section class="card stat" aria-labelledby="stat-pending">
                  <h2 id="stat-pending" class="stat-label">
                    {t("earnings.pending")}
                  </h2>
                  <p class="stat-value" data-testid="earnings-pending">
                    {money(d().pendingCents)}
                  </p>
                  <p class="stat-help">{t("earnings.pendingHelp", { count: d().holdDays })}</p>
                </section>
                <section class="card stat" aria-labelledby="stat-lifetime">
                  <h2 id="stat-lifetime" class="stat-label">
                    {t("earnings.lifetime")}
                  </h2>
                  <p class="stat-value" data-testid="earnings-lifetime">
                    {money(d().lifetimeCents)}
                  </p>
                  <p class="stat-help">{t("earnings.lifetimeHelp")}</p>
                </section>
              </div>

              <Show when={d().otherCurrencies.length > 0}>
                <section class="card form-card" aria-labelledby="other-title">
                  <h2 id="other-title">{t("earnings.otherCurrencies")}</h2>
                  <p class="muted small">{t("earnings.otherHelp", { currency: d().currency })}</p>
                  <dl class="summary" data-testid="earnings-other-currencies">
                    <For each={d().otherCurrencies}>
                      {(o) => (
                        <div>
                          <dt>{o.currency}</dt>
                          <dd>
                            {t("earnings.otherLine", {
                              lifetime: formatMoney(o.lifetimeCents, o.currency),
                              available: formatMoney(o.availableCents, o.currency),
                              pending: formatMoney(o.pendingCents, o.currency),
                            })}
                          </dd>
                        </div>
                      )}
                    </For>
                  </dl>
                </section>
              </Show>

              <section class="card form-card" aria-labelledby="chart-title">
                <h2 id="chart-title">{t("earnings.byMonth")}</h2>
                <Suspense fallback={<span class="sk chart-sk" aria-hidden="true" />}>
                  <EarningsChart byMonth={d().byMonth} currency={d().currency} />
                </Suspense>
              </section>

              <section class="card form-card" aria-labelledby="types-title">
                <h2 id="types-title">{t("earnings.byType")}</h2>
                <ul class="type-list">
                  <For each={TYPES}>
                    {(type) => {
                      const v = () => d().byType[type.key];
                      const share = () => (typeTotal() > 0 ? Math.max(0, v()) / typeTotal() : 0);
                      return (
                        <li class="type-row">
                          <span class="type-name">{type.label}</span>
                          <span class="type-bar" aria-hidden="true">
                            <span
                              class={`type-fill type-${type.key}`}
                              style={{ width: `${share() * 100}%` }}
                            />
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

              <ReferralsCard earnedCents={d().byType.referral} currency={d().currency} />

              <Show when={method() !== undefined}>
                <PayoutMethodCard
                  method={method() ?? null}
                  onChange={(m) => {
                    setMethod(m);
                    if (m && amountError() === t("earnings.errNoMethod")) setAmountError(null);
                  }}
                />
              </Show>

              <section class="card form-card" aria-labelledby="payout-title">
                <h2 id="payout-title">{t("earnings.requestTitle")}</h2>
                <dl class="payout-facts">
                  <div>
                    <dt>{t("earnings.availableNow")}</dt>
                    <dd data-testid="payout-available">{money(d().availableCents)}</dd>
                  </div>
                  <div>
                    <dt>{t("earnings.smallestPayout")}</dt>
                    <dd data-testid="payout-minimum">{money(d().payoutMinimumCents)}</dd>
                  </div>
                  <div>
                    <dt>{t("earnings.holdPeriod")}</dt>
                    <dd>
                      {d().holdDays === 0 ? t("earnings.none") : t("common.days", { count: d().holdDays })}
                    </dd>
                  </div>
                  <div class="payout-facts-wide">
                    <dt>{t("earnings.paidTo")}</dt>
                    <dd>{method()?.masked ?? t("earnings.noMethodYet")}</dd>
                  </div>
                </dl>
                <form class="payout-form" onSubmit={review} novalidate>
                  <div class="field" classList={{ "has-error": !!amountError() }}>
                    <label for="payout-amount">{t("earnings.amount")}</label>
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
                        <Icon name="bank" size={18} /> {t("earnings.requestPayout")}
                      </button>
                    </div>
                    <Show
                      when={amountError()}
                      fallback={
                        <p class="field-hint" id="payout-hint">
                          {d().availableCents >= d().payoutMinimumCents
                            ? t("earnings.between", {
                                min: money(d().payoutMinimumCents),
                                max: money(d().availableCents),
                              })
                            : d().availableCents > 0
                              ? t("earnings.onceAvailable", { amount: money(d().payoutMinimumCents) })
                              : t("earnings.nothingAvailable")}{" "}
                          {t("earnings.adminApproves")}
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
        <h2 id="payouts-title">{t("earnings.payouts")}</h2>
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
            fallback={<p class="muted">{t("earnings.noPayouts")}</p>}
          >
            <ul class="payout-list">
              <For each={payouts.items}>
                {(p) => (
                  <li class="payout-row">
                    <span class="payout-amount">{formatMoney(p.amountCents, p.currency)}</span>
                    <span class="muted small">
                      {t("earnings.requestedAt")} <RelTime ms={p.createdAt} />
                      <Show when={p.paidAt}>
                        {(at) => (
                          <>
                            {t("earnings.paidLower")}
                            <RelTime ms={at()} />
                          </>
                        )}
                      </Show>
                    </span>
                    <span class={`badge ${PAYOUT_STATUS[p.status].badge}`}>
                      {PAYOUT_STATUS[p.status].label}
                    </span>
                    <Show when={p.destination}>
                      <p class="payout-note muted small">
                        {t("earnings.toDest", { destination: p.destination ?? "" })}
                      </p>
                    </Show>
                    <Show when={p.reference}>
                      <p class="payout-note small" data-testid="payout-reference">
                        {t("earnings.reference")} <span class="payout-ref">{p.reference}</span>
                      </p>
                    </Show>
                    <Show when={p.note}>
                      <p class="payout-note muted small">{t("earnings.note", { note: p.note ?? "" })}</p>
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
            title={t("earnings.requestTitle")}
            onClose={() => setConfirming(false)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                  {t("earnings.cancel")}
                </button>
                <button
                  type="button"
                  class="btn btn-primary"
                  disabled={busy()}
                  onClick={() => void requestPayout()}
                >
                  {busy()
                    ? t("earnings.requesting")
                    : t("earnings.requestAmount", { amount: money(cents() ?? 0) })}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>{t("earnings.amount")}</dt>
                <dd>
                  <strong>{money(cents() ?? 0)}</strong>
                </dd>
              </div>
              <div>
                <dt>{t("earnings.from")}</dt>
                <dd>
                  {t("earnings.fromBody", {
                    now: money(d().availableCents),
                    after: money(d().availableCents - (cents() ?? 0)),
                  })}
                </dd>
              </div>
              <div>
                <dt>{t("earnings.to")}</dt>
                <dd>
                  <strong>{method()?.masked}</strong>
                  {t("earnings.toBody")}
                </dd>
              </div>
              <div>
                <dt>{t("earnings.next")}</dt>
                <dd>{t("earnings.nextBody")}</dd>
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
  usePageTitle(() => t("earnings.title"));
  return (
    <RequireCreator>
      <EarningsPage />
    </RequireCreator>
  );
}
