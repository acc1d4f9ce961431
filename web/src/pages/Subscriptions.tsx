// The fan's subscriptions: who, what it costs, when it renews or ends, and turning auto-renew off.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { Subscription } from "../api/schema.gen";
import PersonLink from "../components/PersonLink";
import Dialog from "../components/Dialog";
import EmptyState from "../components/EmptyState";
import { FormError } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import { CreatorSkeletons } from "../components/Skeleton";
import { formatMoney } from "../lib/format";
import { createPager } from "../lib/pager";
import { toast } from "../stores/toasts";
import PagerFooter from "../components/PagerFooter";
import { formatDate, t } from "../i18n";

const day = (ms: number) => formatDate(ms);

function period(months: number): string {
  return t("subscriptions.periodMonth", { count: months });
}

function statusLine(s: Subscription): string {
  const date = day(s.currentPeriodEnd);
  if (s.status === "active") return t("subscriptions.renews", { date });
  if (s.status === "canceled") return t("subscriptions.canceledEnds", { date });
  return t("subscriptions.ended", { date });
}

function SubscriptionsPage() {
  const subs = createPager<Subscription>((cursor) => api.subscriptions(cursor));
  onMount(() => void subs.reset());
  const [canceling, setCanceling] = createSignal<Subscription | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function cancel() {
    const s = canceling();
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.cancelSubscription(s.id);
      subs.update(s.id, res.subscription);
      setCanceling(null);
      toast(t("subscriptions.canceledToast", { date: day(s.currentPeriodEnd) }), "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <div class="page-head page-head-split">
        <h1 class="page-title">{t("subscriptions.title")}</h1>
        <A href="/wallet" class="btn btn-secondary btn-sm">
          {t("nav.wallet")}
        </A>
      </div>

      <Show when={!subs.initial() || subs.items.length > 0} fallback={<CreatorSkeletons compact count={3} />}>
        <Show
          when={subs.items.length > 0 || subs.error()}
          fallback={
            <EmptyState icon="compass" title={t("feed.emptyTitle")}>
              <p class="muted">{t("subscriptions.emptyBody")}</p>
              <A href="/discover" class="btn btn-primary">
                {t("subscriptions.discover")}
              </A>
            </EmptyState>
          }
        >
          <ul class="card sub-list">
            <For each={subs.items}>
              {(s) => (
                <li class="sub-row">
                  <PersonLink person={s.creator} />
                  <div class="sub-info">
                    <span class="sub-price">
                      {s.priceCents > 0
                        ? t("subscriptions.pricePer", {
                            price: formatMoney(s.priceCents, s.currency),
                            period: period(s.months),
                          })
                        : t("common.free")}
                    </span>
                    <span
                      class="badge"
                      classList={{
                        "badge-success": s.status === "active",
                        "badge-warn": s.status === "canceled",
                        "badge-muted": s.status === "expired",
                      }}
                    >
                      {statusLine(s)}
                    </span>
                  </div>
                  <div class="sub-actions">
                    <Show
                      when={s.status === "active" && s.autoRenew}
                      fallback={
                        <A href={`/${s.creator.username}`} class="btn btn-ghost btn-sm">
                          {s.status === "expired"
                            ? t("subscriptions.resubscribe")
                            : t("subscriptions.viewPage")}
                        </A>
                      }
                    >
                      <button
                        type="button"
                        class="btn btn-secondary btn-sm"
                        onClick={() => {
                          setError(null);
                          setCanceling(s);
                        }}
                      >
                        {t("subscriptions.cancelRenew")}
                      </button>
                    </Show>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={subs} />

      <Show when={canceling()}>
        {(s) => (
          <Dialog
            open
            title={t("subscriptions.confirmTitle")}
            onClose={() => setCanceling(null)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setCanceling(null)}>
                  {t("subscriptions.keepRenewing")}
                </button>
                <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void cancel()}>
                  {busy() ? t("subscriptions.turningOff") : t("subscriptions.turnOff")}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>{t("subscriptions.creator")}</dt>
                <dd>
                  {s().creator.displayName} (@{s().creator.username})
                </dd>
              </div>
              <div>
                <dt>{t("subscriptions.charges")}</dt>
                <dd>
                  {t("subscriptions.chargesBody", { price: formatMoney(s().priceCents, s().currency) })}
                </dd>
              </div>
              <div>
                <dt>{t("subscriptions.access")}</dt>
                <dd>{t("subscriptions.accessBody", { date: day(s().currentPeriodEnd) })}</dd>
              </div>
            </dl>
            <FormError message={error()} />
          </Dialog>
        )}
      </Show>
    </div>
  );
}

export default function Subscriptions() {
  usePageTitle(() => t("subscriptions.title"));
  return (
    <RequireAuth>
      <SubscriptionsPage />
    </RequireAuth>
  );
}
