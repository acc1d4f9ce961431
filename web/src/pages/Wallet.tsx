// The wallet: balance, top-ups by card (presets or a custom amount) and the history of every movement.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
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
      setAmountError(t("wallet.atLeast", { amount: money(MIN) }));
      customInput?.focus();
      return;
    }
    if (c > MAX) {
      setAmountError(t("wallet.atMost", { amount: money(MAX) }));
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
      goToCheckout(start, t("wallet.checkoutLabel"), navigate, next() ?? "/wallet");
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <h1 class="page-title">{t("wallet.title")}</h1>

      <Show when={returnedFrom()}>
        <div class="notice notice-row" role="status">
          <Icon name={params.canceled ? "close" : "check"} />
          <span>{params.canceled ? t("wallet.canceled") : t("wallet.received")}</span>
          <button
            type="button"
            class="icon-btn icon-btn-sm"
            aria-label={t("common.dismiss")}
            onClick={() => setParams({ checkout: undefined, canceled: undefined })}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      </Show>

      <section class="card balance-card" aria-labelledby="balance-title">
        <div class="balance-main">
          <h2 id="balance-title" class="balance-label">
            {t("wallet.balance")}
          </h2>
          <Show
            when={balance()}
            fallback={
              <span class="sk balance-sk" aria-hidden="true">
                <span class="sr-only">{t("wallet.loadingBalance")}</span>
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
            fallback={<p class="muted small">{t("wallet.balanceHint")}</p>}
          >
            <p class="text-danger small" data-testid="wallet-frozen">
              {t("wallet.frozen")}
            </p>
          </Show>
        </div>
        <A href="/subscriptions" class="btn btn-secondary btn-sm balance-link">
          <Icon name="repeat" size={16} /> {t("nav.subscriptions")}
        </A>
      </section>

      <section class="card form-card" aria-labelledby="topup-title">
        <h2 id="topup-title">{t("wallet.addMoney")}</h2>
        <Show when={next()}>
          <p class="notice topup-next">{t("wallet.goBack")}</p>
        </Show>
        <form onSubmit={review} novalidate>
          <AmountPicker
            id="topup"
            legend={t("wallet.amount")}
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
            hint={<>{t("wallet.range", { min: money(MIN), max: money(MAX) })}</>}
            error={amountError()}
            inputRef={(el) => (customInput = el)}
            customClass="topup-custom"
          />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary btn-lg topup-btn">
              <Icon name="card" />{" "}
              {(cents() ?? 0) >= MIN
                ? t("wallet.topUp", { amount: money(cents() ?? 0) })
                : t("wallet.topUpPlain")}
            </button>
          </div>
          <p class="muted small topup-note">{t("wallet.note")}</p>
        </form>
      </section>

      <section class="card history-card" aria-labelledby="history-title">
        <h2 id="history-title">{t("wallet.history")}</h2>
        <Show when={!history.initial() || history.items.length > 0} fallback={<TxnSkeletons count={3} />}>
          <Show
            when={history.items.length > 0 || history.error()}
            fallback={
              <EmptyState icon="wallet" title={t("wallet.emptyTitle")}>
                <p class="muted">{t("wallet.emptyBody")}</p>
              </EmptyState>
            }
          >
            <ul class="txn-list">
              <For each={history.items}>
                {(txn) => (
                  <TxnRow
                    kind={txn.kind}
                    label={txn.label}
                    amountCents={txn.amountCents}
                    signed
                    currency={txn.currency}
                    source={txn.source}
                    memo={txn.memo}
                    postId={txn.postId}
                    refunded={txn.refunded}
                    createdAt={txn.createdAt}
                    detail={txn.creator ? <>@{txn.creator.username}</> : undefined}
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
          title={t("wallet.confirmTitle")}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </button>
              <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void pay()}>
                {busy()
                  ? t("common.startingCheckout")
                  : t("wallet.continuePay", { amount: money(cents() ?? 0) })}
              </button>
            </>
          }
        >
          <dl class="summary">
            <div>
              <dt>{t("common.youPay")}</dt>
              <dd>
                <strong>{money(cents() ?? 0)}</strong> {t("wallet.once")}
              </dd>
            </div>
            <div>
              <dt>{t("common.from")}</dt>
              <dd>{t("wallet.fromCard")}</dd>
            </div>
            <div>
              <dt>{t("common.to")}</dt>
              <dd>{t("wallet.toWallet", { site: siteName() })}</dd>
            </div>
            <div>
              <dt>{t("common.youGet")}</dt>
              <dd>
                <Show when={balance()} fallback={t("wallet.gets", { amount: money(cents() ?? 0) })}>
                  {(b) =>
                    t("wallet.getsBalance", {
                      amount: money(cents() ?? 0),
                      balance: money(b().cents + (cents() ?? 0)),
                    })
                  }
                </Show>
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
  usePageTitle(() => t("wallet.title"));
  return (
    <RequireAuth>
      <WalletPage />
    </RequireAuth>
  );
}
