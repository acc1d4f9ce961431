// Subscribing: one month or a bundle, from the wallet or by card. The summary says exactly what is
// charged, to whom, from where and what the fan gets before anything happens.
import { useNavigate } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, isCheckout } from "../api/client";
import type { Creator, PayWith, Promotion, Subscription, SubscriptionMonths } from "../api/schema.gen";
import { goToCheckout } from "../lib/checkout";
import { formatMoney } from "../lib/format";
import { refreshBalance, spent } from "../stores/wallet";
import Dialog from "./Dialog";
import PayWithPicker, { PaymentError, SourceLine } from "./PayWith";
import { discounted, PromotionPrice } from "./PromotionOffer";
import { t } from "../i18n";

interface Plan {
  months: SubscriptionMonths;
  totalCents: number;
  discountPercent: number;
}

const monthsLabel = (m: number) => t("common.months", { count: m });

export default function SubscribeDialog(props: {
  open: boolean;
  creator: Creator;
  months: SubscriptionMonths;
  /** From the creator page's viewer: a first-time subscriber to a creator with a free trial. */
  trialEligible: boolean;
  /** A promotion (link or public offer): its discount or trial replaces the creator's own trial. */
  promotion?: Promotion | null;
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
  const promo = () => (free() ? null : (props.promotion ?? null));
  // What the first period costs now (a discount promotion), and what renewals cost (`total`).
  const first = () =>
    promo()?.kind === "discount" ? discounted(plan().totalCents, promo()!.percentOff ?? 0) : total();
  const total = () => plan().totalCents;
  const money = (cents: number) => formatMoney(cents, c().currency);
  const every = () => t("subscribe.every", { count: months() });
  const trial = () =>
    promo()
      ? promo()!.kind === "trial"
        ? (promo()!.trialDays ?? 0)
        : 0
      : !free() && props.trialEligible
        ? c().trialDays
        : 0;
  const charged = () => !free() && !trial();

  onMount(() => {
    void refreshBalance();
  });

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const res = await api.subscribe(
        c().username,
        months() === 1 ? undefined : months(),
        payWith(),
        promo()?.code,
      );
      if (isCheckout(res)) {
        goToCheckout(
          res,
          t("subscribe.checkoutLabel", {
            name: c().displayName,
            username: c().username,
            months: monthsLabel(months()),
          }),
          navigate,
        );
        return;
      }
      if (charged() && payWith() === "wallet") spent(first());
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
    if (busy())
      return payWith() === "card" && charged() ? t("common.startingCheckout") : t("subscribe.subscribing");
    if (free()) return t("subscribe.subscribeFree");
    if (trial()) return t("subscribe.startTrial", { days: trial() });
    return payWith() === "card"
      ? t("subscribe.payByCard", { price: money(first()) })
      : t("subscribe.pay", { price: money(first()) });
  };

  return (
    <Dialog
      open={props.open}
      title={t("subscribe.title", { name: c().displayName })}
      onClose={close}
      size="md"
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={close}>
            {t("common.cancel")}
          </button>
          {/* aria-disabled, not disabled: a disabled button loses focus, and the reader their place. */}
          <button
            type="button"
            class="btn btn-primary"
            aria-disabled={busy()}
            onClick={() => {
              if (!busy()) void confirm();
            }}
          >
            {buttonLabel()}
          </button>
        </>
      }
    >
      <Show when={promo()}>
        {(p) => <PromotionPrice promotion={p()} priceCents={total()} currency={c().currency} />}
      </Show>
      <Show when={!free() && plans().length > 1}>
        <fieldset class="plan-picker">
          <legend>{t("subscribe.length")}</legend>
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
                    <span class="plan-sub">
                      {t("subscribe.perMonth", { price: money(Math.round(p.totalCents / p.months)) })}
                    </span>
                  </Show>
                </span>
                <span class="plan-price">
                  {money(p.totalCents)}
                  <Show when={p.discountPercent > 0}>
                    <span class="badge badge-success">{t("subscribe.save", { pct: p.discountPercent })}</span>
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
          amountCents={first()}
          currency={c().currency}
          lowWallet="disable"
        />
      </Show>

      <dl class="summary">
        <div>
          <dt>{t("common.youPay")}</dt>
          <dd>
            <Show
              when={!free()}
              fallback={
                <>
                  <strong>{t("subscribe.nothing")}</strong>{" "}
                  {t("subscribe.freeBody", { username: c().username })}
                </>
              }
            >
              <Show
                when={trial()}
                fallback={
                  <>
                    <strong>{money(first())}</strong>{" "}
                    {t("subscribe.nowFor", { months: monthsLabel(months()) })}
                    <Show when={plan().discountPercent > 0}>
                      {" "}
                      {t("subscribe.saveParen", { pct: plan().discountPercent })}
                    </Show>
                  </>
                }
              >
                <strong>{money(0)}</strong> {t("subscribe.trialToday", { days: trial() })}
              </Show>
            </Show>
          </dd>
        </div>
        <Show when={charged()}>
          <div>
            <dt>{t("common.from")}</dt>
            <dd>
              <SourceLine value={payWith()} />
            </dd>
          </div>
        </Show>
        <div>
          <dt>{t("common.to")}</dt>
          <dd>
            {c().displayName} (@{c().username})
          </dd>
        </div>
        <div>
          <dt>{t("common.youGet")}</dt>
          <dd>
            {free() && !trial()
              ? t("subscribe.youGetFree", { username: c().username })
              : t("subscribe.youGetBody", {
                  username: c().username,
                  period: trial() ? t("common.days", { count: trial() }) : monthsLabel(months()),
                })}
          </dd>
        </div>
        <Show when={!free()}>
          <div>
            <dt>{t("subscribe.renewal")}</dt>
            <dd>
              {t(
                trial()
                  ? "subscribe.renewalTrial"
                  : payWith() === "wallet"
                    ? "subscribe.renewalWallet"
                    : "subscribe.renewalCard",
                { price: money(total()), every: every() },
              )}
            </dd>
          </div>
        </Show>
      </dl>

      <PaymentError error={error()} onPayByCard={() => setPayWith("card")} />
    </Dialog>
  );
}
