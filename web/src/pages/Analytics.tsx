// A creator's analytics: a range of UTC days (7, 30, 90 or 365), summary tiles, subscribers per day
// (active as a line, new as bars), earnings per day stacked by type with the split below, and the posts
// that earned and engaged most. Every figure comes from GET /analytics, which reconciles with the ledger.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, lazy, Show, Suspense } from "solid-js";
import { call } from "../api/client";
import type { CreatorAnalytics } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireCreator } from "../components/Guards";
import { LineSkeleton } from "../components/Skeleton";
import { dayDate } from "../components/analytics/DailyChart";
import { formatDate, formatNumber, locale, t, type MessageKey } from "../i18n";
import { compactMoney } from "../lib/chart";
import { formatMoney } from "../lib/format";
import "../analytics.css";

const DailyChart = lazy(() => import("../components/analytics/DailyChart"));

const RANGES = [7, 30, 90, 365] as const;
type Kind = keyof CreatorAnalytics["earnings"]["byType"];
/** Each kind's colour: a theme property and its fallback. */
const KINDS: { key: Kind; color: [string, string] }[] = [
  { key: "subscription", color: ["--accent", "#6d28d9"] },
  { key: "renewal", color: ["--accent-hover", "#5b21b6"] },
  { key: "ppv", color: ["--pink", "#db2777"] },
  { key: "message", color: ["--warn", "#a15c07"] },
  { key: "tip", color: ["--success", "#15803d"] },
  { key: "ticket", color: ["--muted", "#615c72"] },
];
const kindLabel = (k: Kind) => t(`analytics.type.${k}` as MessageKey);
const dayLabel = (day: string) => formatDate(dayDate(day), { dateStyle: "medium", timeZone: "UTC" });

function Tiles(props: { a: CreatorAnalytics }) {
  const money = (c: number) => formatMoney(c, props.a.currency);
  return (
    <div class="stat-grid">
      <section class="card stat stat-available" aria-labelledby="tile-active">
        <h2 id="tile-active" class="stat-label">
          {t("analytics.active")}
        </h2>
        <p class="stat-value" data-testid="analytics-active">
          {formatNumber(props.a.subscribers.active)}
        </p>
        <p class="stat-help">
          {t("analytics.newChurned", { new: props.a.subscribers.new, churned: props.a.subscribers.churned })}
        </p>
      </section>
      <section class="card stat" aria-labelledby="tile-net">
        <h2 id="tile-net" class="stat-label">
          {t("analytics.net")}
        </h2>
        <p class="stat-value" data-testid="analytics-net">
          {money(props.a.earnings.totalCents)}
        </p>
        <p class="stat-help">{t("analytics.netHelp")}</p>
      </section>
      <section class="card stat" aria-labelledby="tile-ppv">
        <h2 id="tile-ppv" class="stat-label">
          {t("analytics.ppv")}
        </h2>
        <p class="stat-value">{formatNumber(props.a.messages.ppvBought)}</p>
        <p class="stat-help">
          {t("analytics.ppvHelp", { bought: props.a.messages.ppvBought, sent: props.a.messages.ppvSent })}
        </p>
      </section>
    </div>
  );
}

function SubscribersChart(props: { a: CreatorAnalytics }) {
  const s = () => props.a.subscribers.series;
  return (
    <DailyChart
      days={s().map((d) => d.day)}
      series={[
        {
          label: t("analytics.newCol"),
          color: ["--accent-soft", "#f0eafd"],
          values: s().map((d) => d.new),
          kind: "bars",
        },
        {
          label: t("analytics.activeCol"),
          color: ["--accent", "#6d28d9"],
          values: s().map((d) => d.active),
          kind: "line",
        },
      ]}
      axis={(v) => (Number.isInteger(v) ? formatNumber(v) : "")}
      label={t("analytics.subscribersAria", { days: props.a.days })}
      readout={(i) => {
        const d = s()[i];
        return d
          ? t("analytics.subscribersReadout", {
              day: dayLabel(d.day),
              active: d.active,
              new: d.new,
              churned: d.churned,
            })
          : "";
      }}
      table={
        <table class="sr-only">
          <caption>{t("analytics.subscribers")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analytics.day")}</th>
              <th scope="col">{t("analytics.activeCol")}</th>
              <th scope="col">{t("analytics.newCol")}</th>
              <th scope="col">{t("analytics.churnedCol")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={s()}>
              {(d) => (
                <tr>
                  <th scope="row">{dayLabel(d.day)}</th>
                  <td>{d.active}</td>
                  <td>{d.new}</td>
                  <td>{d.churned}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      }
    />
  );
}

function EarningsChart(props: { a: CreatorAnalytics }) {
  const s = () => props.a.earnings.series;
  const money = (c: number) => formatMoney(c, props.a.currency);
  return (
    <DailyChart
      days={s().map((d) => d.day)}
      stacked
      series={KINDS.map((k) => ({
        label: kindLabel(k.key),
        color: k.color,
        values: s().map((d) => d[k.key]),
        kind: "bars" as const,
      }))}
      axis={(v) => compactMoney(v, props.a.currency, locale())}
      label={t("analytics.earningsAria", { days: props.a.days })}
      readout={(i) => {
        const d = s()[i];
        if (!d) return "";
        const parts = KINDS.filter((k) => d[k.key] !== 0).map(
          (k) => `${kindLabel(k.key)} ${money(d[k.key])}`,
        );
        return [
          t("analytics.earningsReadout", { day: dayLabel(d.day), amount: money(d.totalCents) }),
          ...parts,
        ].join(" · ");
      }}
      table={
        <table class="sr-only">
          <caption>{t("analytics.earnings")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("analytics.day")}</th>
              <th scope="col">{t("analytics.amountCol")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={s()}>
              {(d) => (
                <tr>
                  <th scope="row">{dayLabel(d.day)}</th>
                  <td>{money(d.totalCents)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      }
    />
  );
}

function ByType(props: { a: CreatorAnalytics }) {
  const total = () => KINDS.reduce((n, k) => n + Math.max(0, props.a.earnings.byType[k.key]), 0);
  return (
    <ul class="type-list analytics-types" data-testid="analytics-by-type">
      <For each={KINDS}>
        {(k) => {
          const v = () => props.a.earnings.byType[k.key];
          const share = () => (total() > 0 ? Math.max(0, v()) / total() : 0);
          return (
            <li class="type-row">
              <span class="type-name">
                <span class="legend-dot" style={{ background: `var(${k.color[0]})` }} aria-hidden="true" />
                {kindLabel(k.key)}
              </span>
              <span class="type-bar" aria-hidden="true">
                <span
                  class="type-fill"
                  style={{ width: `${share() * 100}%`, background: `var(${k.color[0]})` }}
                />
              </span>
              <span class="type-amount">{formatMoney(v(), props.a.currency)}</span>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

function TopPosts(props: { a: CreatorAnalytics }) {
  return (
    <Show when={props.a.topPosts.length > 0} fallback={<p class="muted">{t("analytics.noTopPosts")}</p>}>
      <ol class="top-posts" data-testid="analytics-top-posts">
        <For each={props.a.topPosts}>
          {(p, i) => (
            <li class="top-post">
              <span class="top-rank" aria-hidden="true">
                {i() + 1}
              </span>
              <A href={`/posts/${p.id}`} class="top-text">
                {p.text || t("analytics.mediaOnly")}
              </A>
              <span class="top-meta muted small">
                {t("analytics.likes", { count: p.likes })} · {t("analytics.comments", { count: p.comments })}
              </span>
              <span class="top-earned">{formatMoney(p.earningsCents, props.a.currency)}</span>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

function AnalyticsPage() {
  const [days, setDays] = createSignal<number>(30);
  const [data, { refetch }] = createResource(days, (d) =>
    call("get", "/api/v1/analytics", { query: { days: d } }),
  );
  return (
    <div class="stack">
      <div class="page-head page-head-split">
        <h1 class="page-title">{t("analytics.title")}</h1>
        <fieldset class="segmented range-picker">
          <legend class="sr-only">{t("analytics.range")}</legend>
          <For each={RANGES}>
            {(r) => (
              <label class="segment" classList={{ active: days() === r }}>
                <input
                  type="radio"
                  name="analytics-range"
                  value={r}
                  checked={days() === r}
                  onChange={() => setDays(r)}
                />
                <span>{t(`analytics.range.${r}` as MessageKey)}</span>
              </label>
            )}
          </For>
        </fieldset>
      </div>
      <Show
        when={!data.error}
        fallback={
          <EmptyState icon="chart" title={t("analytics.loadError")}>
            <button type="button" class="btn btn-primary" onClick={() => void refetch()}>
              {t("analytics.retry")}
            </button>
          </EmptyState>
        }
      >
        <Show
          when={data.latest}
          fallback={
            <div class="stack" aria-busy="true">
              <LineSkeleton width="60%" />
              <span class="sk chart-sk" aria-hidden="true" />
            </div>
          }
        >
          {(a) => (
            <div class="stack" classList={{ stale: data.loading }}>
              <Tiles a={a()} />
              <section class="card form-card" aria-labelledby="subs-title">
                <h2 id="subs-title">{t("analytics.subscribers")}</h2>
                <Suspense fallback={<span class="sk chart-sk" aria-hidden="true" />}>
                  <SubscribersChart a={a()} />
                </Suspense>
              </section>
              <section class="card form-card" aria-labelledby="earn-title">
                <h2 id="earn-title">{t("analytics.earnings")}</h2>
                <Suspense fallback={<span class="sk chart-sk" aria-hidden="true" />}>
                  <EarningsChart a={a()} />
                </Suspense>
                <Show when={a().earnings.series.every((d) => d.totalCents === 0)}>
                  <p class="chart-empty muted small">{t("analytics.noEarnings")}</p>
                </Show>
                <h3 class="section-sub">{t("analytics.byType")}</h3>
                <ByType a={a()} />
              </section>
              <section class="card form-card" aria-labelledby="top-title">
                <h2 id="top-title">{t("analytics.topPosts")}</h2>
                <TopPosts a={a()} />
              </section>
              <p class="muted small">
                {t("analytics.utc", { from: dayLabel(a().from), to: dayLabel(a().to) })}
              </p>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}

export default function Analytics() {
  usePageTitle(() => t("analytics.title"));
  return (
    <RequireCreator>
      <AnalyticsPage />
    </RequireCreator>
  );
}
