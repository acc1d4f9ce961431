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
import { t } from "../../i18n";

function Person(props: { who: PublicUser }) {
  return (
    <A href={`/${props.who.username}`} class="link">
      @{props.who.username}
    </A>
  );
}

function whatReverses(tx: AdminTxn): string {
  switch (tx.kind) {
    case "ppv":
      return t("admin.tRevPpv");
    case "message":
      return t("admin.tRevMessage");
    case "subscription":
    case "renewal":
      return t("admin.tRevSub");
    case "tip":
      return t("admin.tRevTip");
    case "topup":
      return t("admin.tRevTopup");
    default:
      return t("admin.tRevOther");
  }
}

/** A top-up the fan has spent part of is refunded in part: what its wallet still holds. */
const isPartial = (tx: AdminTxn) => tx.kind === "topup" && tx.refundableCents < tx.amountCents;
/** What the fan spent of a top-up: neither refunded before nor refundable now. */
const spentCents = (tx: AdminTxn) => tx.amountCents - tx.refundedCents - tx.refundableCents;

function Transactions() {
  const list = createPager<AdminTxn>((cursor) => api.adminTransactions(cursor));
  onMount(() => void list.reset());
  const [refunding, setRefunding] = createSignal<AdminTxn | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function refund() {
    const tx = refunding();
    if (!tx) return;
    setBusy(true);
    setError(null);
    try {
      await api.refundTransaction(tx.id, tx.kind === "topup" ? tx.refundableCents : undefined);
      list.update(tx.id, { ...tx, refunded: true, refundable: false, refundableCents: 0 });
      setRefunding(null);
      toast(t("admin.tRefundedToast", { amount: formatMoney(tx.refundableCents, tx.currency) }), "success");
      void list.refresh();
    } catch (err) {
      setError(errorMessage(err));
      // The fan spent some of it meanwhile: offer what is left now.
      const left =
        err instanceof ApiError && err.code === "already_spent" ? err.details?.refundableCents : null;
      if (typeof left === "number") {
        const now = { ...tx, refundableCents: left, refundable: left > 0 };
        list.update(tx.id, now);
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
            <EmptyState icon="receipt" title={t("admin.tNone")}>
              <p class="muted">{t("admin.tNoneHint")}</p>
            </EmptyState>
          }
        >
          <ul class="card txn-list admin-txns">
            <For each={list.items}>
              {(tx) => (
                <TxnRow
                  kind={tx.kind}
                  label={tx.label}
                  amountCents={tx.amountCents}
                  currency={tx.currency}
                  source={tx.source}
                  memo={tx.memo}
                  postId={tx.postId}
                  refunded={tx.refunded}
                  createdAt={tx.createdAt}
                  detail={
                    <Show when={tx.user || tx.creator}>
                      <span class="muted small">
                        <Show when={tx.user}>{(u) => <Person who={u()} />}</Show>
                        <Show when={tx.user && tx.creator}> → </Show>
                        <Show when={tx.creator}>{(c) => <Person who={c()} />}</Show>
                      </span>
                    </Show>
                  }
                  action={
                    <Show
                      when={tx.refundable}
                      fallback={
                        <Show when={tx.kind === "topup" && !tx.refunded}>
                          <span class="muted small" title={t("admin.tSpentTitle")}>
                            {t("admin.tSpent")}
                          </span>
                        </Show>
                      }
                    >
                      <button
                        type="button"
                        class="btn btn-secondary btn-sm"
                        onClick={() => {
                          setError(null);
                          setRefunding(tx);
                        }}
                      >
                        {isPartial(tx)
                          ? t("admin.tRefundAmount", { amount: formatMoney(tx.refundableCents, tx.currency) })
                          : t("admin.tRefund")}
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
        {(tx) => (
          <Dialog
            open
            title={t("admin.tTitle")}
            onClose={() => setRefunding(null)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setRefunding(null)}>
                  {t("common.cancel")}
                </button>
                <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void refund()}>
                  {busy()
                    ? t("admin.tRefunding")
                    : t("admin.tRefundAmount", { amount: formatMoney(tx().refundableCents, tx().currency) })}
                </button>
              </>
            }
          >
            <dl class="summary">
              <div>
                <dt>{t("admin.tPayment")}</dt>
                <dd>
                  {tx().label}, <strong>{formatMoney(tx().amountCents, tx().currency)}</strong>,{" "}
                  {t("admin.tOn", { date: absoluteTime(tx().createdAt) })}
                </dd>
              </div>
              <Show when={isPartial(tx())}>
                <div>
                  <dt>{t("admin.tRefundable")}</dt>
                  <dd>
                    <strong>{formatMoney(tx().refundableCents, tx().currency)}</strong>
                    <Show when={spentCents(tx()) > 0} fallback={<>{t("admin.tAllLeft")}</>}>
                      {t("admin.tPartial", { spent: formatMoney(spentCents(tx()), tx().currency) })}
                    </Show>
                  </dd>
                </div>
              </Show>
              <Show when={tx().refundedCents > 0}>
                <div>
                  <dt>{t("admin.tRefundedBefore")}</dt>
                  <dd>{formatMoney(tx().refundedCents, tx().currency)}</dd>
                </div>
              </Show>
              <Show when={tx().user}>
                {(u) => (
                  <div>
                    <dt>{t("admin.tRefundTo")}</dt>
                    <dd>
                      {u().displayName} (@{u().username}),{" "}
                      {tx().source === "card" ? t("admin.tToCard") : t("admin.tToWallet")}
                    </dd>
                  </div>
                )}
              </Show>
              <div>
                <dt>{t("admin.tReversed")}</dt>
                <dd>
                  {whatReverses(tx())} {t("admin.tUndone")}
                </dd>
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
