// Every payment on the site, newest first, with refunds (after a confirmation that says what reverses).
// A top-up can be refunded only as far as its wallet still holds it: what the fan spent stays spent.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../../api/client";
import type { AdminTransaction as AdminTxn, PublicUser } from "../../api/schema.gen";
import Dialog from "../../components/Dialog";
import EmptyState from "../../components/EmptyState";
import { FormError } from "../../components/Field";
import TxnRow, { TxnSkeletons } from "../../components/TxnRow";
import { absoluteTime, formatMoney } from "../../lib/format";
import { createPager } from "../../lib/pager";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";
import PagerFooter from "../../components/PagerFooter";

function Person(props: { who: PublicUser }) {
  return (
    <A href={`/${props.who.username}`} class="link">
      @{props.who.username}
    </A>
  );
}

function whatReverses(t: AdminTxn): string {
  switch (t.kind) {
    case "ppv":
      return "The creator's share and the platform fee are taken back, and the fan loses access to the post.";
    case "message":
      return "The creator's share and the platform fee are taken back, and the fan loses access to the message.";
    case "subscription":
    case "renewal":
      return "The creator's share and the platform fee are taken back, and the subscription ends now.";
    case "tip":
      return "The creator's share and the platform fee are taken back.";
    case "topup":
      return "The refunded amount is taken out of the fan's wallet balance.";
    default:
      return "The payment's ledger entries are reversed.";
  }
}

/** A top-up the fan has spent part of is refunded in part: what its wallet still holds. */
const isPartial = (t: AdminTxn) => t.kind === "topup" && t.refundableCents < t.amountCents;
/** What the fan spent of a top-up: neither refunded before nor refundable now. */
const spentCents = (t: AdminTxn) => t.amountCents - t.refundedCents - t.refundableCents;

function Transactions() {
  const list = createPager<AdminTxn>((cursor) => api.adminTransactions(cursor));
  onMount(() => void list.reset());
  const [refunding, setRefunding] = createSignal<AdminTxn | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function refund() {
    const t = refunding();
    if (!t) return;
    setBusy(true);
    setError(null);
    try {
      await api.refundTransaction(t.id, t.kind === "topup" ? t.refundableCents : undefined);
      list.update(t.id, { ...t, refunded: true, refundable: false, refundableCents: 0 });
      setRefunding(null);
      toast(`Refunded ${formatMoney(t.refundableCents, t.currency)}`, "success");
      void list.refresh();
    } catch (err) {
      setError(errorMessage(err));
      // The fan spent some of it meanwhile: offer what is left now.
      const left =
        err instanceof ApiError && err.code === "already_spent" ? err.details?.refundableCents : null;
      if (typeof left === "number") {
        const now = { ...t, refundableCents: left, refundable: left > 0 };
        list.update(t.id, now);
        setRefunding(left > 0 ? now : null);
        if (left === 0) toast(errorMessage(err), "error");
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Show when={!list.initial() || list.items.length > 0} fallback={<TxnSkeletons count={4} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="receipt" title="No payments yet">
              <p class="muted">Top-ups, subscriptions, unlocks, tips and payouts show up here.</p>
            </EmptyState>
          }
        >
          <ul class="card txn-list admin-txns">
            <For each={list.items}>
              {(t) => (
                <TxnRow
                  kind={t.kind}
                  label={t.label}
                  amountCents={t.amountCents}
                  currency={t.currency}
                  source={t.source}
                  memo={t.memo}
                  postId={t.postId}
                  refunded={t.refunded}
                  createdAt={t.createdAt}
                  detail={
                    <Show when={t.user || t.creator}>
                      <span class="muted small">
                        <Show when={t.user}>{(u) => <Person who={u()} />}</Show>
                        <Show when={t.user && t.creator}> → </Show>
                        <Show when={t.creator}>{(c) => <Person who={c()} />}</Show>
                      </span>
                    </Show>
                  }
                  action={
                    <Show
                      when={t.refundable}
                      fallback={
                        <Show when={t.kind === "topup" && !t.refunded}>
                          <span class="muted small" title="The fan has spent this top-up">
                            Spent
                          </span>
                        </Show>
                      }
                    >
                      <button
                        type="button"
                        class="btn btn-secondary btn-sm"
                        onClick={() => {
                          setError(null);
                          setRefunding(t);
                        }}
                      >
                        {isPartial(t) ? `Refund ${formatMoney(t.refundableCents, t.currency)}` : "Refund"}
                      </button>
                    </Show>
                  }
                />
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={list} />

      <Show when={refunding()}>
        {(t) => (
          <Dialog
            open
            title="Refund this payment?"
            onClose={() => setRefunding(null)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setRefunding(null)}>
                  Cancel
                </button>
                <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void refund()}>
                  {busy() ? "Refunding…" : `Refund ${formatMoney(t().refundableCents, t().currency)}`}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>Payment</dt>
                <dd>
                  {t().label}, <strong>{formatMoney(t().amountCents, t().currency)}</strong>, on{" "}
                  {absoluteTime(t().createdAt)}
                </dd>
              </div>
              <Show when={isPartial(t())}>
                <div>
                  <dt>Refundable</dt>
                  <dd>
                    <strong>{formatMoney(t().refundableCents, t().currency)}</strong>
                    <Show when={spentCents(t()) > 0} fallback={<>: all that is left of it.</>}>
                      : what is still in the fan's wallet. The {formatMoney(spentCents(t()), t().currency)}{" "}
                      they spent stays with the creators they paid.
                    </Show>
                  </dd>
                </div>
              </Show>
              <Show when={t().refundedCents > 0}>
                <div>
                  <dt>Refunded before</dt>
                  <dd>{formatMoney(t().refundedCents, t().currency)}</dd>
                </div>
              </Show>
              <Show when={t().user}>
                {(u) => (
                  <div>
                    <dt>Refund to</dt>
                    <dd>
                      {u().displayName} (@{u().username}),{" "}
                      {t().source === "card" ? "back to their card" : "back to their wallet balance"}
                    </dd>
                  </div>
                )}
              </Show>
              <div>
                <dt>Reversed</dt>
                <dd>{whatReverses(t())} This can't be undone.</dd>
              </div>
            </dl>
            <FormError message={error()} />
          </Dialog>
        )}
      </Show>
    </>
  );
}

export default function AdminTransactions() {
  return (
    <AdminShell>
      <Transactions />
    </AdminShell>
  );
}
