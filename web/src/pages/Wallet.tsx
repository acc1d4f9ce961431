// The wallet: balance, top-ups by card (presets or a custom amount) and the history of every movement.
import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { WalletTxn } from "../api/schema.gen";
import AmountPicker from "../components/AmountPicker";
import Dialog from "../components/Dialog";
import EmptyState from "../components/EmptyState";
import { FormError } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import TxnRow, { TxnSkeletons } from "../components/TxnRow";
import { goToCheckout } from "../lib/checkout";
import { formatMoney, parseMoneyToCents } from "../lib/format";
import { safeNext } from "../lib/nav";
import { createPager } from "../lib/pager";
import { siteCurrency, siteName } from "../stores/site";
import { balance, setKnownBalance } from "../stores/wallet";
import PagerFooter from "../components/PagerFooter";

const PRESETS = [1000, 2500, 5000, 10000];
const MIN = 500;
const MAX = 100_000;

function WalletPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const currency = () => balance()?.currency ?? siteCurrency();
  const money = (c: number) => formatMoney(c, currency());

  const history = createPager<WalletTxn>(async (cursor) => {
    const w = await api.wallet(cursor);
    setKnownBalance({ cents: w.balanceCents, currency: w.currency });
    return { items: w.transactions, nextCursor: w.nextCursor };
  });
  onMount(() => void history.reset());

  const [preset, setPreset] = createSignal<number | "custom">(2500);
  const [custom, setCustom] = createSignal("");
  const [amountError, setAmountError] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let customInput: HTMLInputElement | undefined;

  const cents = () => {
    const p = preset();
    return p === "custom" ? parseMoneyToCents(custom()) : p;
  };
  const next = () => (params.next ? safeNext(params.next) : null);
  const returnedFrom = () => (typeof params.checkout === "string" ? params.checkout : null);

  function review(e: Event) {
    e.preventDefault();
    const c = cents();
    if (c === null || c < MIN) {
      setAmountError(`Enter at least ${money(MIN)}.`);
      customInput?.focus();
      return;
    }
    if (c > MAX) {
      setAmountError(`The most you can add at once is ${money(MAX)}.`);
      customInput?.focus();
      return;
    }
    setAmountError(null);
    setError(null);
    setConfirming(true);
  }

  async function pay() {
    const c = cents();
    if (c === null) return;
    setBusy(true);
    setError(null);
    try {
      const start = await api.topup(c);
      goToCheckout(start, "Wallet top-up", navigate, next() ?? "/wallet");
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <h1 class="page-title">Wallet</h1>

      <Show when={returnedFrom()}>
        <div class="notice notice-row" role="status">
          <Icon name={params.canceled ? "close" : "check"} />
          <span>
            {params.canceled
              ? "Payment canceled. Nothing was charged."
              : "Payment received. It shows below as soon as the provider confirms it."}
          </span>
          <button
            type="button"
            class="icon-btn icon-btn-sm"
            aria-label="Dismiss"
            onClick={() => setParams({ checkout: undefined, canceled: undefined })}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      </Show>

      <section class="card balance-card" aria-labelledby="balance-title">
        <div class="balance-main">
          <h2 id="balance-title" class="balance-label">
            Balance
          </h2>
          <Show
            when={balance()}
            fallback={
              <span class="sk balance-sk" aria-hidden="true">
                <span class="sr-only">Loading balance</span>
              </span>
            }
          >
            {(b) => (
              <p class="balance-amount" data-testid="wallet-balance">
                {formatMoney(b().cents, b().currency)}
              </p>
            )}
          </Show>
          <Show
            when={(balance()?.cents ?? 0) < 0}
            fallback={
              <p class="muted small">
                Pay for subscriptions, unlocks and tips in one tap, without entering a card each time.
              </p>
            }
          >
            <p class="text-danger small" data-testid="wallet-frozen">
              A payment was charged back, so your wallet is below zero. It pays for nothing until a top-up
              brings it back to zero or more; you can still pay by card.
            </p>
          </Show>
        </div>
        <A href="/subscriptions" class="btn btn-secondary btn-sm balance-link">
          <Icon name="repeat" size={16} /> Subscriptions
        </A>
      </section>

      <section class="card form-card" aria-labelledby="topup-title">
        <h2 id="topup-title">Add money</h2>
        <Show when={next()}>
          <p class="notice topup-next">After paying you'll go back to where you were.</p>
        </Show>
        <form onSubmit={review} novalidate>
          <AmountPicker
            id="topup"
            legend="Amount"
            hideLegend
            wide
            presets={PRESETS}
            choice={preset()}
            onChoice={(c) => {
              setPreset(c);
              setAmountError(null);
            }}
            custom={custom()}
            onCustom={setCustom}
            currency={currency()}
            placeholder="40.00"
            hint={
              <>
                From {money(MIN)} to {money(MAX)}.
              </>
            }
            error={amountError()}
            inputRef={(el) => (customInput = el)}
            customClass="topup-custom"
          />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary btn-lg topup-btn">
              <Icon name="card" /> Top up {(cents() ?? 0) >= MIN ? money(cents() ?? 0) : ""}
            </button>
          </div>
          <p class="muted small topup-note">Top-ups are paid by card on the secure checkout page.</p>
        </form>
      </section>

      <section class="card history-card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <Show when={!history.initial() || history.items.length > 0} fallback={<TxnSkeletons count={3} />}>
          <Show
            when={history.items.length > 0 || history.error()}
            fallback={
              <EmptyState icon="wallet" title="No transactions yet">
                <p class="muted">Top up above, then subscribe, unlock and tip from your balance.</p>
              </EmptyState>
            }
          >
            <ul class="txn-list">
              <For each={history.items}>
                {(t) => (
                  <TxnRow
                    kind={t.kind}
                    label={t.label}
                    amountCents={t.amountCents}
                    signed
                    currency={t.currency}
                    source={t.source}
                    memo={t.memo}
                    postId={t.postId}
                    refunded={t.refunded}
                    createdAt={t.createdAt}
                    detail={t.creator ? <>@{t.creator.username}</> : undefined}
                  />
                )}
              </For>
            </ul>
          </Show>
          <Show when={history.loading() && history.items.length > 0}>
            <TxnSkeletons count={1} />
          </Show>
        </Show>
        <PagerFooter pager={history} plain />
      </section>

      <Show when={confirming()}>
        <Dialog
          open
          title="Top up your wallet"
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void pay()}>
                {busy() ? "Starting checkout…" : `Continue to pay ${money(cents() ?? 0)}`}
              </button>
            </>
          }
        >
          <dl class="summary">
            <div>
              <dt>You pay</dt>
              <dd>
                <strong>{money(cents() ?? 0)}</strong> once
              </dd>
            </div>
            <div>
              <dt>From</dt>
              <dd>Your card, on the secure checkout page (next step)</dd>
            </div>
            <div>
              <dt>To</dt>
              <dd>Your {siteName()} wallet</dd>
            </div>
            <div>
              <dt>You get</dt>
              <dd>
                {money(cents() ?? 0)} added to your wallet
                <Show when={balance()}>{(b) => <> (new balance {money(b().cents + (cents() ?? 0))})</>}</Show>
                , for subscriptions, unlocks and tips. Nothing else is charged.
              </dd>
            </div>
          </dl>
          <FormError message={error()} />
        </Dialog>
      </Show>
    </div>
  );
}

export default function Wallet() {
  return (
    <RequireAuth>
      <WalletPage />
    </RequireAuth>
  );
}
