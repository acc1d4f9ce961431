// The payouts queue: approve or reject requests, then mark approved ones paid once the money was sent,
// with the transfer's reference. Admins alone see the creator's payout details in full, to send it.
import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage } from "../../api/client";
import type { AdminPayout, PayoutStatus } from "../../api/schema.gen";
import PersonLink from "../../components/PersonLink";
import Dialog from "../../components/Dialog";
import EmptyState from "../../components/EmptyState";
import { Field, FormError } from "../../components/Field";
import RelTime from "../../components/RelTime";
import { CreatorSkeletons } from "../../components/Skeleton";
import { formatMoney } from "../../lib/format";
import { createPager } from "../../lib/pager";
import { toast } from "../../stores/toasts";
import { methodDetailLines, PAYOUT_STATUS } from "../../lib/payouts";
import AdminShell from "./AdminShell";
import PagerFooter from "../../components/PagerFooter";
import { t, type MessageKey } from "../../i18n";

type Filter = PayoutStatus | "all";
type Action = "approve" | "reject" | "paid";

const FILTERS: { value: Filter; label: MessageKey }[] = [
  { value: "requested", label: "admin.pFRequested" },
  { value: "approved", label: "admin.pFApproved" },
  { value: "paid", label: "admin.pFPaid" },
  { value: "rejected", label: "admin.pFRejected" },
  { value: "all", label: "admin.pFAll" },
];

const EMPTY: Record<Filter, MessageKey> = {
  requested: "admin.pEmptyRequested",
  approved: "admin.pEmptyApproved",
  paid: "admin.pEmptyPaid",
  rejected: "admin.pEmptyRejected",
  all: "admin.pEmptyAll",
};

/** The creator's payout method in full, and a warning when it changed since the request. */
function MethodDetails(props: { payout: AdminPayout }) {
  return (
    <Show
      when={props.payout.method}
      fallback={<span class="small method-changed">{t("admin.pNoMethod")}</span>}
    >
      {(m) => (
        <span class="small admin-note" data-testid="admin-payout-method">
          <Show when={m().masked !== props.payout.destination}>
            <span class="method-changed">{t("admin.pChanged")}</span>
          </Show>
          <Show
            when={m().details}
            fallback={<span class="method-changed">{t("admin.pUndecryptable", { masked: m().masked })}</span>}
          >
            {(d) => (
              <For each={methodDetailLines(d())}>
                {(line) => (
                  <span class="method-details">
                    {line.label}: <strong>{line.value}</strong>
                  </span>
                )}
              </For>
            )}
          </Show>
        </span>
      )}
    </Show>
  );
}

function Queue() {
  const [filter, setFilter] = createSignal<Filter>("requested");
  const list = createPager<AdminPayout>((cursor) =>
    api.adminPayouts(filter() === "all" ? null : (filter() as PayoutStatus), cursor),
  );
  onMount(() => void list.reset());
  const [pending, setPending] = createSignal<{ payout: AdminPayout; action: Action } | null>(null);
  const [note, setNote] = createSignal("");
  const [reference, setReference] = createSignal("");
  const [referenceError, setReferenceError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  function choose(f: Filter) {
    if (f === filter()) return;
    setFilter(f);
    void list.reset();
  }

  function open(payout: AdminPayout, action: Action) {
    setNote("");
    setReference("");
    setReferenceError(null);
    setError(null);
    setPending({ payout, action });
  }

  async function act() {
    const p = pending();
    if (!p) return;
    const ref = reference().trim();
    if (p.action === "paid" && (ref.length < 1 || ref.length > 100)) {
      setReferenceError(t("admin.pRefError"));
      return;
    }
    setReferenceError(null);
    setBusy(true);
    setError(null);
    try {
      const id = p.payout.id;
      const res =
        p.action === "approve"
          ? await api.approvePayout(id)
          : p.action === "reject"
            ? await api.rejectPayout(id, note().trim() || undefined)
            : await api.markPayoutPaid(id, ref);
      if (filter() !== "all" && res.payout.status !== filter()) list.remove(id);
      else list.update(id, res.payout);
      const amount = formatMoney(res.payout.amountCents, res.payout.currency);
      toast(
        p.action === "approve"
          ? t("admin.pApprovedToast", { amount, username: res.payout.creator.username })
          : p.action === "reject"
            ? t("admin.pRejectedToast", { amount, username: res.payout.creator.username })
            : t("admin.pPaidToast", { amount, ref }),
        "success",
      );
      setPending(null);
    } catch (err) {
      if (err instanceof ApiError && err.fields.reference) setReferenceError(err.fields.reference);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <fieldset class="segmented filter-bar">
        <legend class="sr-only">{t("admin.pShow")}</legend>
        <For each={FILTERS}>
          {(f) => (
            <label class="segment" classList={{ active: filter() === f.value }}>
              <input
                type="radio"
                name="payout-filter"
                value={f.value}
                checked={filter() === f.value}
                onChange={() => choose(f.value)}
              />
              <span>{t(f.label)}</span>
            </label>
          )}
        </For>
      </fieldset>

      <Show when={!list.initial() || list.items.length > 0} fallback={<CreatorSkeletons compact count={3} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="bank" title={t("admin.pNothing")}>
              <p class="muted">{t(EMPTY[filter()])}</p>
            </EmptyState>
          }
        >
          <ul class="card admin-list">
            <For each={list.items}>
              {(p) => (
                <li class="admin-row">
                  <PersonLink person={p.creator} />
                  <div class="admin-row-info">
                    <strong class="admin-amount">{formatMoney(p.amountCents, p.currency)}</strong>
                    <span class="muted small">
                      {t("admin.pRequested")} <RelTime ms={p.createdAt} />
                    </span>
                    <span class={`badge ${PAYOUT_STATUS[p.status].badge}`}>
                      {PAYOUT_STATUS[p.status].label}
                    </span>
                    <Show when={p.destination}>
                      <span class="small admin-note">
                        {t("admin.pToDest", { destination: p.destination ?? "" })}
                      </span>
                    </Show>
                    <Show when={p.status === "requested" || p.status === "approved"}>
                      <MethodDetails payout={p} />
                    </Show>
                    <Show when={p.reference}>
                      <span class="small admin-note" data-testid="admin-payout-reference">
                        {t("admin.pReference")} <span class="payout-ref">{p.reference}</span>
                      </span>
                    </Show>
                    <Show when={p.note}>
                      <span class="muted small admin-note">{t("admin.pNote", { note: p.note ?? "" })}</span>
                    </Show>
                  </div>
                  <div class="admin-actions">
                    <Switch>
                      <Match when={p.status === "requested"}>
                        <button
                          type="button"
                          class="btn btn-secondary btn-sm"
                          onClick={() => open(p, "reject")}
                        >
                          {t("admin.pReject")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-primary btn-sm"
                          onClick={() => open(p, "approve")}
                        >
                          {t("admin.pApprove")}
                        </button>
                      </Match>
                      <Match when={p.status === "approved"}>
                        <button type="button" class="btn btn-primary btn-sm" onClick={() => open(p, "paid")}>
                          {t("admin.pMarkPaid")}
                        </button>
                      </Match>
                    </Switch>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={list} />

      <Show when={pending()}>
        {(p) => {
          const amount = () => formatMoney(p().payout.amountCents, p().payout.currency);
          const who = () => `${p().payout.creator.displayName} (@${p().payout.creator.username})`;
          return (
            <Dialog
              open
              title={
                p().action === "approve"
                  ? t("admin.pApproveTitle")
                  : p().action === "reject"
                    ? t("admin.pRejectTitle")
                    : t("admin.pPaidTitle")
              }
              onClose={() => setPending(null)}
              footer={
                <>
                  <button type="button" class="btn btn-ghost" onClick={() => setPending(null)}>
                    {t("common.cancel")}
                  </button>
                  <button
                    type="button"
                    class={p().action === "reject" ? "btn btn-danger" : "btn btn-primary"}
                    disabled={busy()}
                    onClick={() => void act()}
                  >
                    {busy()
                      ? t("admin.saving")
                      : p().action === "approve"
                        ? t("admin.pApproveAmount", { amount: amount() })
                        : p().action === "reject"
                          ? t("admin.pRejectPayout")
                          : t("admin.pMarkAmount", { amount: amount() })}
                  </button>
                </>
              }
            >
              <dl class="summary">
                <div>
                  <dt>{t("admin.pPayout")}</dt>
                  <dd>
                    <strong>{amount()}</strong> {t("admin.pToWho", { who: who() })}
                  </dd>
                </div>
                <Show when={p().action === "paid"}>
                  <div>
                    <dt>{t("admin.pSendTo")}</dt>
                    <dd>
                      <MethodDetails payout={p().payout} />
                    </dd>
                  </div>
                </Show>
                <div>
                  <dt>{t("admin.pWhat")}</dt>
                  <dd>
                    <Switch>
                      <Match when={p().action === "approve"}>{t("admin.pWhatApprove")}</Match>
                      <Match when={p().action === "reject"}>
                        {t("admin.pWhatReject", { amount: amount() })}
                      </Match>
                      <Match when={p().action === "paid"}>{t("admin.pWhatPaid", { amount: amount() })}</Match>
                    </Switch>
                  </dd>
                </div>
              </dl>
              <Show when={p().action === "reject"}>
                <div class="field">
                  <label for="reject-note">{t("admin.pReasonOpt")}</label>
                  <textarea
                    id="reject-note"
                    class="input textarea"
                    rows={3}
                    maxLength={500}
                    value={note()}
                    onInput={(e) => setNote(e.currentTarget.value)}
                  />
                </div>
              </Show>
              <Show when={p().action === "paid"}>
                <Field
                  label={t("admin.pRef")}
                  name="reference"
                  maxLength={100}
                  value={reference()}
                  onInput={(e) => {
                    setReference(e.currentTarget.value);
                    setReferenceError(null);
                  }}
                  error={referenceError() ?? undefined}
                  hint={t("admin.pRefHint")}
                  autocomplete="off"
                />
              </Show>
              <FormError message={error()} />
            </Dialog>
          );
        }}
      </Show>
    </>
  );
}

export default function AdminPayouts() {
  return (
    <AdminShell>
      <Queue />
    </AdminShell>
  );
}
