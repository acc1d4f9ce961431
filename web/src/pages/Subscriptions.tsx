// The fan's subscriptions: who, what it costs, when it renews or ends, and turning auto-renew off.
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

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function period(months: number): string {
  return months === 1 ? "month" : `${months} months`;
}

function statusLine(s: Subscription): string {
  const when = dateFmt.format(new Date(s.currentPeriodEnd));
  if (s.status === "active") return `Renews on ${when}`;
  if (s.status === "canceled") return `Auto-renew off · ends on ${when}`;
  return `Ended on ${when}`;
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
      toast(
        `Auto-renew is off. You keep access until ${dateFmt.format(new Date(s.currentPeriodEnd))}.`,
        "success",
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <div class="page-head page-head-split">
        <h1 class="page-title">Subscriptions</h1>
        <A href="/wallet" class="btn btn-secondary btn-sm">
          Wallet
        </A>
      </div>

      <Show when={!subs.initial() || subs.items.length > 0} fallback={<CreatorSkeletons compact count={3} />}>
        <Show
          when={subs.items.length > 0 || subs.error()}
          fallback={
            <EmptyState icon="compass" title="Find creators to subscribe to">
              <p class="muted">Your subscriptions show up here, with their renewal dates.</p>
              <A href="/discover" class="btn btn-primary">
                Discover creators
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
                        ? `${formatMoney(s.priceCents, s.currency)} / ${period(s.months)}`
                        : "Free"}
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
                          {s.status === "expired" ? "Resubscribe" : "View page"}
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
                        Cancel auto-renew
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
            title="Turn off auto-renew?"
            onClose={() => setCanceling(null)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setCanceling(null)}>
                  Keep renewing
                </button>
                <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void cancel()}>
                  {busy() ? "Turning off…" : "Turn off auto-renew"}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>Creator</dt>
                <dd>
                  {s().creator.displayName} (@{s().creator.username})
                </dd>
              </div>
              <div>
                <dt>Charges</dt>
                <dd>
                  None from now on. The next {formatMoney(s().priceCents, s().currency)} renewal won't happen.
                </dd>
              </div>
              <div>
                <dt>Access</dt>
                <dd>
                  You keep access until {dateFmt.format(new Date(s().currentPeriodEnd))}. What you already
                  paid is not refunded.
                </dd>
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
  return (
    <RequireAuth>
      <SubscriptionsPage />
    </RequireAuth>
  );
}
