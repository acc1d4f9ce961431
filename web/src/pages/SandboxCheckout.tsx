// The built-in sandbox provider's hosted checkout: what a card payment looks like without a real
// provider. It knows the checkout by its id (as a provider's page would), takes a test card number and,
// once paid, sends the fan back to where they started.
import { usePageTitle } from "../lib/page-title";
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, Match, on, onCleanup, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { CheckoutPurpose, SandboxCheckout as Checkout } from "../api/schema.gen";
import { FormError } from "../components/Field";
import Icon from "../components/Icon";
import { LineSkeleton } from "../components/Skeleton";
import { forgetCheckout, recallCheckout } from "../lib/checkout";
import { absoluteTime, formatMoney } from "../lib/format";
import { siteName } from "../stores/site";
import { toast } from "../stores/toasts";
import { t, type MessageKey } from "../i18n";

const PURPOSE: Record<CheckoutPurpose, MessageKey> = {
  topup: "account.pTopup",
  subscription: "account.pSubscription",
  ppv: "account.pPpv",
  message: "account.pMessage",
  tip: "account.pTip",
  ticket: "account.pTicket",
};

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", result: "account.cardOk" },
  { number: "4000 0000 0000 0002", result: "account.cardDeclined" },
] as const;

const RETURN_DELAY_MS = 1600;

/** Digits in groups of four, as printed on a card. */
function formatCard(input: string): string {
  const digits = input.replace(/\D/g, "").slice(0, 19);
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export default function SandboxCheckout() {
  usePageTitle(() => t("account.payWithCard"));
  const params = useParams();
  const navigate = useNavigate();
  const id = () => params.id ?? "";
  const [checkout, setCheckout] = createSignal<Checkout | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [card, setCard] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [cardError, setCardError] = createSignal<string | null>(null);
  let cardInput: HTMLInputElement | undefined;

  const back = () => recallCheckout(id());
  const returnTo = () => back()?.returnTo ?? "/wallet";
  const description = () => {
    const co = checkout();
    return back()?.description || (co ? t(PURPOSE[co.purpose]) : "");
  };
  const money = () => {
    const co = checkout();
    return co ? formatMoney(co.amountCents, co.currency) : "";
  };

  createEffect(
    on(id, async (checkoutId) => {
      setCheckout(null);
      setLoadError(null);
      try {
        setCheckout((await api.sandboxCheckout(checkoutId)).checkout);
      } catch (err) {
        setLoadError(
          err instanceof ApiError && err.status === 404 ? t("account.noCheckout") : errorMessage(err),
        );
      }
    }),
  );

  let finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    const to = returnTo();
    forgetCheckout(id());
    toast(t("account.paymentComplete", { what: description() || t("account.thankYou") }), "success");
    navigate(to, { replace: true });
  }

  // Once paid, go back by ourselves after a moment (the button does it at once).
  createEffect(() => {
    if (checkout()?.status !== "paid") return;
    const timer = setTimeout(finish, RETURN_DELAY_MS);
    onCleanup(() => clearTimeout(timer));
  });

  async function pay(e: Event) {
    e.preventDefault();
    setError(null);
    setCardError(null);
    const number = card().replace(/\s/g, "");
    if (number.length < 12) {
      setCardError(t("account.enterCard"));
      cardInput?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await api.sandboxPay(id(), number);
      setCheckout(res.checkout);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.fields.cardNumber) setCardError(err.fields.cardNumber);
      cardInput?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="checkout card">
      <p class="checkout-sandbox" role="note">
        <Icon name="shield" size={18} />
        <span>
          <strong>{t("account.sandboxStrong")}</strong> {t("account.sandboxRest")}
        </span>
      </p>
      <div class="checkout-grid">
        <section class="checkout-summary" aria-labelledby="checkout-merchant">
          <Show when={checkout()?.status !== "paid"}>
            <A href={returnTo()} class="link-btn checkout-back">
              {t("account.backToArrow", { site: siteName() })}
            </A>
          </Show>
          <p id="checkout-merchant" class="checkout-merchant">
            <span class="brand-mark checkout-mark" aria-hidden="true">
              {siteName().slice(0, 1).toUpperCase()}
            </span>
            {t("account.paySite", { site: siteName() })}
          </p>
          <Show
            when={checkout()}
            fallback={
              <div class="stack-sm" aria-busy="true">
                <LineSkeleton width="50%" />
                <LineSkeleton width="80%" />
              </div>
            }
          >
            {(co) => (
              <>
                <p class="checkout-amount" data-testid="checkout-amount">
                  {money()}
                </p>
                <dl class="checkout-lines">
                  <div>
                    <dt>{description()}</dt>
                    <dd>{money()}</dd>
                  </div>
                  <div class="checkout-total">
                    <dt>{t("account.totalDue")}</dt>
                    <dd>{money()}</dd>
                  </div>
                </dl>
                <p class="muted small">
                  {t(PURPOSE[co().purpose])} ·{" "}
                  {t("account.startedAt", { date: absoluteTime(co().createdAt) })}
                </p>
              </>
            )}
          </Show>
        </section>

        <section class="checkout-pay" aria-live="polite">
          <Switch>
            <Match when={loadError()}>
              <div class="checkout-state">
                <span class="done-mark state-error">
                  <Icon name="close" size={30} />
                </span>
                <h1>{t("account.unavailable")}</h1>
                <p class="muted">{loadError()}</p>
                <A href={returnTo()} class="btn btn-secondary">
                  {t("account.backTo", { site: siteName() })}
                </A>
              </div>
            </Match>
            <Match when={!checkout()}>
              <div class="stack-sm" aria-busy="true" aria-label={t("account.loadingCheckout")}>
                <LineSkeleton width="40%" />
                <span class="sk checkout-input-sk" />
                <span class="sk checkout-input-sk" />
              </div>
            </Match>
            <Match when={checkout()?.status === "paid"}>
              <div class="checkout-state">
                <span class="done-mark">
                  <Icon name="check" size={30} />
                </span>
                <h1>{t("account.paySuccess")}</h1>
                <p class="muted">{t("account.paidBack", { amount: money(), site: siteName() })}</p>
                <button type="button" class="btn btn-primary" onClick={finish}>
                  {t("account.continue")}
                </button>
              </div>
            </Match>
            <Match when={checkout()?.status === "expired" || checkout()?.status === "failed"}>
              <div class="checkout-state">
                <span class="done-mark state-error">
                  <Icon name="close" size={30} />
                </span>
                <h1>
                  {checkout()?.status === "expired" ? t("account.expiredTitle") : t("account.failedTitle")}
                </h1>
                <p class="muted">{t("account.nothingCharged")}</p>
                <A href={returnTo()} class="btn btn-secondary">
                  {t("account.backTo", { site: siteName() })}
                </A>
              </div>
            </Match>
            <Match when={checkout()?.status === "open"}>
              <form class="checkout-form" onSubmit={(e) => void pay(e)} novalidate>
                <h1 class="checkout-title">{t("account.payWithCard")}</h1>
                <div class="field" classList={{ "has-error": !!cardError() }}>
                  <label for="card-number">{t("account.cardNumber")}</label>
                  <div class="input-wrap card-input">
                    <input
                      ref={cardInput}
                      id="card-number"
                      class="input"
                      inputmode="numeric"
                      autocomplete="cc-number"
                      placeholder="1234 1234 1234 1234"
                      value={card()}
                      aria-invalid={cardError() || error() ? "true" : undefined}
                      aria-describedby={cardError() ? "card-number-err" : undefined}
                      onInput={(e) => {
                        const v = formatCard(e.currentTarget.value);
                        e.currentTarget.value = v;
                        setCard(v);
                      }}
                    />
                    <Icon name="card" class="card-input-icon" />
                  </div>
                  <Show when={cardError()}>
                    <p class="field-error" id="card-number-err">
                      {cardError()}
                    </p>
                  </Show>
                </div>
                <FormError message={error()} />
                <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy()}>
                  {busy() ? t("account.processing") : t("account.payAmount", { amount: money() })}
                </button>
                <div class="test-cards">
                  <p class="test-cards-title">{t("account.testCards")}</p>
                  <ul>
                    <For each={TEST_CARDS}>
                      {(tc) => (
                        <li>
                          <span class="test-card-text">
                            <code>{tc.number}</code>
                            <span class="muted small">{t(tc.result)}</span>
                          </span>
                          <button
                            type="button"
                            class="btn btn-ghost btn-sm"
                            aria-label={t("account.useCard", { number: tc.number })}
                            onClick={() => {
                              setCard(tc.number);
                              setCardError(null);
                              cardInput?.focus();
                            }}
                          >
                            {t("account.use")}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                  <p class="muted small">{t("account.otherRefused")}</p>
                </div>
              </form>
            </Match>
          </Switch>
        </section>
      </div>
    </div>
  );
}
