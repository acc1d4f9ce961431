// Subscribing: one month or a bundle, from the wallet or by card. The summary says exactly what is
// charged, to whom, from where and what the fan gets before anything happens.
import { useNavigate } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, isCheckout } from "../api/client";
import type { Creator, PayWith, Subscription, SubscriptionMonths } from "../api/schema.gen";
import { goToCheckout } from "../lib/checkout";
import { formatMoney } from "../lib/format";
import { refreshBalance, spent } from "../stores/wallet";
import Dialog from "./Dialog";
import PayWithPicker, { PaymentError, SourceLine } from "./PayWith";

interface Plan {
  months: SubscriptionMonths;
  totalCents: number;
  discountPercent: number;
}

const monthsLabel = (m: number) => (m === 1 ? "1 month" : `${m} months`);

export default function SubscribeDialog(props: {
  open: boolean;
  creator: Creator;
  months: SubscriptionMonths;
  /** From the creator page's viewer: a first-time subscriber to a creator with a free trial. */
  trialEligible: boolean;
  onClose: () => void;
  onSubscribed: (s: Subscription) => void;
}) {
  const navigate = useNavigate();
  const c = () => props.creator;
  const [months, setMonths] = createSignal<SubscriptionMonths>(props.months);
  const [payWith, setPayWith] = createSignal<PayWith>("wallet");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  const free = () => c().priceCents === 0;
  const plans = (): Plan[] => [
    { months: 1, totalCents: c().priceCents, discountPercent: 0 },
    ...[...c().bundles]
      .sort((a, b) => a.months - b.months)
      .map((b) => ({ months: b.months, totalCents: b.priceCents, discountPercent: b.discountPercent })),
  ];
  const plan = () => plans().find((p) => p.months === months()) ?? plans()[0]!;
  const total = () => plan().totalCents;
  const money = (cents: number) => formatMoney(cents, c().currency);
  const every = () => (months() === 1 ? "every month" : `every ${months()} months`);
  const trial = () => (!free() && props.trialEligible ? c().trialDays : 0);
  const charged = () => !free() && !trial();

  onMount(() => {
    void refreshBalance();
  });

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const res = await api.subscribe(c().username, months() === 1 ? undefined : months(), payWith());
      if (isCheckout(res)) {
        goToCheckout(
          res,
          `Subscription to ${c().displayName} (@${c().username}) · ${monthsLabel(months())}`,
          navigate,
        );
        return;
      }
      if (charged() && payWith() === "wallet") spent(total());
      props.onSubscribed(res.subscription);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    setError(null);
    props.onClose();
  };

  const buttonLabel = () => {
    if (busy()) return payWith() === "card" && charged() ? "Starting checkout…" : "Subscribing…";
    if (free()) return "Subscribe for free";
    if (trial()) return `Start ${trial()}-day free trial`;
    return payWith() === "card" ? `Pay ${money(total())} by card` : `Pay ${money(total())}`;
  };

  return (
    <Dialog
      open={props.open}
      title={`Subscribe to ${c().displayName}`}
      onClose={close}
      size="md"
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={close}>
            Cancel
          </button>
          <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void confirm()}>
            {buttonLabel()}
          </button>
        </>
      }
    >
      <Show when={!free() && plans().length > 1}>
        <fieldset class="plan-picker">
          <legend>Length</legend>
          <For each={plans()}>
            {(p) => (
              <label class="radio-card plan" classList={{ active: months() === p.months }}>
                <input
                  type="radio"
                  name={`plan-${c().id}`}
                  value={p.months}
                  checked={months() === p.months}
                  onChange={() => setMonths(p.months)}
                />
                <span class="plan-text">
                  <span class="plan-name">{monthsLabel(p.months)}</span>
                  <Show when={p.discountPercent > 0}>
                    <span class="plan-sub">{money(Math.round(p.totalCents / p.months))} / month</span>
                  </Show>
                </span>
                <span class="plan-price">
                  {money(p.totalCents)}
                  <Show when={p.discountPercent > 0}>
                    <span class="badge badge-success">save {p.discountPercent} %</span>
                  </Show>
                </span>
              </label>
            )}
          </For>
        </fieldset>
      </Show>

      <Show when={charged()}>
        <PayWithPicker
          value={payWith()}
          onChange={setPayWith}
          amountCents={total()}
          currency={c().currency}
          lowWallet="disable"
        />
      </Show>

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
                    <strong>{money(total())}</strong> now for {monthsLabel(months())}
                    <Show when={plan().discountPercent > 0}> (save {plan().discountPercent} %)</Show>
                  </>
                }
              >
                <strong>{money(0)}</strong> today: a {trial()}-day free trial
              </Show>
            </Show>
          </dd>
        </div>
        <Show when={charged()}>
          <div>
            <dt>From</dt>
            <dd>
              <SourceLine value={payWith()} />
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
          <dd>
            Every subscribers-only post of @{c().username}, old and new, for{" "}
            {trial() ? `${trial()} days` : free() ? "as long as you stay subscribed" : monthsLabel(months())}.
            Pay-per-view posts are sold separately.
          </dd>
        </div>
        <Show when={!free()}>
          <div>
            <dt>Renewal</dt>
            <dd>
              <Show when={trial()} fallback={<>{money(total())} </>}>
                After the trial, {money(total())}{" "}
              </Show>
              {every()} until you cancel
              {payWith() === "wallet" || trial() ? ", from your wallet balance" : ""}. Cancel anytime under
              Subscriptions; access lasts to the end of the period.
            </dd>
          </div>
        </Show>
      </dl>

      <PaymentError error={error()} onPayByCard={() => setPayWith("card")} />
    </Dialog>
  );
}
