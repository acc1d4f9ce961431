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

type Filter = PayoutStatus | "all";
type Action = "approve" | "reject" | "paid";

const FILTERS: { value: Filter; label: string }[] = [
  { value: "requested", label: "To review" },
  { value: "approved", label: "Approved" },
  { value: "paid", label: "Paid" },
  { value: "rejected", label: "Rejected" },
  { value: "all", label: "All" },
];

const EMPTY: Record<Filter, string> = {
  requested: "No payout requests waiting. Creators' requests show up here for review.",
  approved: "No approved payouts waiting to be sent.",
  paid: "No payouts have been paid yet.",
  rejected: "No rejected payouts.",
  all: "No payouts yet.",
};

/** The creator's payout method in full, and a warning when it changed since the request. */
function MethodDetails(props: { payout: AdminPayout }) {
  return (
    <Show
      when={props.payout.method}
      fallback={<span class="small method-changed">The creator has no payout method now.</span>}
    >
      {(m) => (
        <span class="small admin-note" data-testid="admin-payout-method">
          <Show when={m().masked !== props.payout.destination}>
            <span class="method-changed">Changed since the request; now: </span>
          </Show>
          <Show
            when={m().details}
            fallback={
              <span class="method-changed">
                {m().masked}: the full details cannot be decrypted with this site's key. Ask the creator to
                enter them again.
              </span>
            }
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
      setReferenceError(
        "Enter the transfer's reference (1–100 characters), as your bank or PayPal shows it.",
      );
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
          ? `Approved ${amount} for @${res.payout.creator.username}`
          : p.action === "reject"
            ? `Rejected ${amount}; it is back in @${res.payout.creator.username}'s available earnings`
            : `Marked ${amount} as paid (reference ${ref})`,
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
        <legend class="sr-only">Show payouts</legend>
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
              <span>{f.label}</span>
            </label>
          )}
        </For>
      </fieldset>

      <Show when={!list.initial() || list.items.length > 0} fallback={<CreatorSkeletons compact count={3} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="bank" title="Nothing here">
              <p class="muted">{EMPTY[filter()]}</p>
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
                      Requested <RelTime ms={p.createdAt} />
                    </span>
                    <span class={`badge ${PAYOUT_STATUS[p.status].badge}`}>
                      {PAYOUT_STATUS[p.status].label}
                    </span>
                    <Show when={p.destination}>
                      <span class="small admin-note">To {p.destination}</span>
                    </Show>
                    <Show when={p.status === "requested" || p.status === "approved"}>
                      <MethodDetails payout={p} />
                    </Show>
                    <Show when={p.reference}>
                      <span class="small admin-note" data-testid="admin-payout-reference">
                        Reference: <span class="payout-ref">{p.reference}</span>
                      </span>
                    </Show>
                    <Show when={p.note}>
                      <span class="muted small admin-note">Note: {p.note}</span>
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
                          Reject
                        </button>
                        <button
                          type="button"
                          class="btn btn-primary btn-sm"
                          onClick={() => open(p, "approve")}
                        >
                          Approve
                        </button>
                      </Match>
                      <Match when={p.status === "approved"}>
                        <button type="button" class="btn btn-primary btn-sm" onClick={() => open(p, "paid")}>
                          Mark paid
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
                  ? "Approve this payout?"
                  : p().action === "reject"
                    ? "Reject this payout?"
                    : "Mark this payout paid?"
              }
              onClose={() => setPending(null)}
              footer={
                <>
                  <button type="button" class="btn btn-ghost" onClick={() => setPending(null)}>
                    Cancel
                  </button>
                  <button
                    type="button"
                    class={p().action === "reject" ? "btn btn-danger" : "btn btn-primary"}
                    disabled={busy()}
                    onClick={() => void act()}
                  >
                    {busy()
                      ? "Saving…"
                      : p().action === "approve"
                        ? `Approve ${amount()}`
                        : p().action === "reject"
                          ? "Reject payout"
                          : `Mark ${amount()} paid`}
                  </button>
                </>
              }
            >
              <dl class="summary">
                <div>
                  <dt>Payout</dt>
                  <dd>
                    <strong>{amount()}</strong> to {who()}
                  </dd>
                </div>
                <Show when={p().action === "paid"}>
                  <div>
                    <dt>Send to</dt>
                    <dd>
                      <MethodDetails payout={p().payout} />
                    </dd>
                  </div>
                </Show>
                <div>
                  <dt>What happens</dt>
                  <dd>
                    <Switch>
                      <Match when={p().action === "approve"}>
                        The amount stays reserved for the creator. Send the money, then mark the payout paid.
                      </Match>
                      <Match when={p().action === "reject"}>
                        {amount()} goes back to the creator's available earnings; they can request again.
                      </Match>
                      <Match when={p().action === "paid"}>
                        Confirms you have sent {amount()} to the creator outside the site. The payout is
                        closed and the creator is told, with the reference below.
                      </Match>
                    </Switch>
                  </dd>
                </div>
              </dl>
              <Show when={p().action === "reject"}>
                <div class="field">
                  <label for="reject-note">Reason (optional, shown to the creator)</label>
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
                  label="Transfer reference"
                  name="reference"
                  maxLength={100}
                  value={reference()}
                  onInput={(e) => {
                    setReference(e.currentTarget.value);
                    setReferenceError(null);
                  }}
                  error={referenceError() ?? undefined}
                  hint="The transfer id your bank or PayPal gave you; the creator sees it on their statement."
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
