// Confirms a subscription and says exactly what is charged before anything happens.
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { Creator, Subscription, SubscriptionMonths } from "../api/types";
import { formatMoney } from "../lib/format";
import Dialog from "./Dialog";
import { FormError } from "./Field";

export default function SubscribeDialog(props: {
  open: boolean;
  creator: Creator;
  months: SubscriptionMonths;
  onClose: () => void;
  onSubscribed: (s: Subscription) => void;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const c = () => props.creator;
  const free = () => c().priceCents === 0;
  const bundle = () =>
    props.months === 1 ? null : (c().bundles.find((b) => b.months === props.months) ?? null);
  const total = () => bundle()?.priceCents ?? c().priceCents;
  const money = (cents: number) => formatMoney(cents, c().currency);
  const period = () => (props.months === 1 ? "1 month" : `${props.months} months`);
  const every = () => (props.months === 1 ? "every month" : `every ${props.months} months`);
  const trial = () => (!free() && props.months === 1 && c().trialDays > 0 ? c().trialDays : 0);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const res = await api.subscribe(c().username, props.months === 1 ? undefined : props.months);
      props.onSubscribed(res.subscription);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setError(null);
    props.onClose();
  };

  return (
    <Dialog
      open={props.open}
      title={`Subscribe to ${c().displayName}`}
      onClose={close}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={close}>
            Cancel
          </button>
          <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void confirm()}>
            {busy()
              ? "Subscribing…"
              : free()
                ? "Subscribe for free"
                : trial()
                  ? `Start ${trial()}-day free trial`
                  : `Pay ${money(total())}`}
          </button>
        </>
      }
    >
      <dl class="summary">
        <div>
          <dt>You pay</dt>
          <dd>
            <Show
              when={!free()}
              fallback={
                <>
                  <strong>Nothing.</strong> Subscribing to @{c().username} is free; you won't be charged.
                </>
              }
            >
              <Show
                when={trial()}
                fallback={
                  <>
                    <strong>{money(total())}</strong> now for {period()}
                    <Show when={bundle()}>{(b) => <> (save {b().discountPercent} %)</>}</Show>
                  </>
                }
              >
                <strong>{money(0)}</strong> today: {trial()} days free, then {money(c().priceCents)} per month
              </Show>
            </Show>
          </dd>
        </div>
        <Show when={!free()}>
          <div>
            <dt>Renewal</dt>
            <dd>
              {money(total())} {every()} until you cancel. Cancel anytime; you keep access until the end of
              the paid period.
            </dd>
          </div>
        </Show>
        <div>
          <dt>To</dt>
          <dd>
            {c().displayName} (@{c().username})
          </dd>
        </div>
        <div>
          <dt>You get</dt>
          <dd>Every subscribers-only post, old and new. Pay-per-view posts are sold separately.</dd>
        </div>
      </dl>
      <FormError message={error()} />
    </Dialog>
  );
}
