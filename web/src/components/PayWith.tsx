// "Pay with": the wallet (with its balance) or a card. Used by every payment dialog.
import { t } from "../i18n";
import { A } from "@solidjs/router";
import { createEffect, Show } from "solid-js";
import { ApiError, errorMessage } from "../api/client";
import type { PayWith } from "../api/schema.gen";
import { formatMoney } from "../lib/format";
import { herePath } from "../lib/checkout";
import { balance } from "../stores/wallet";
import Icon from "./Icon";

let payWithSeq = 0;

/** True when the wallet is known to hold less than `cents` in `currency`. */
export function walletTooLow(cents: number, currency: string): boolean {
  const b = balance();
  if (!b) return false;
  return b.currency.toUpperCase() !== currency.toUpperCase() || b.cents < cents;
}

/** True when the wallet holds another currency than `currency` (it cannot pay that at all). */
export function walletOtherCurrency(currency: string): boolean {
  const b = balance();
  return !!b && b.currency.toUpperCase() !== currency.toUpperCase();
}

export function topUpHref(): string {
  return `/wallet?next=${encodeURIComponent(herePath())}`;
}

export default function PayWithPicker(props: {
  value: PayWith;
  onChange: (v: PayWith) => void;
  amountCents: number;
  currency: string;
  /** When the balance is too low: "disable" the wallet choice, or only "warn" and let the server say no. */
  lowWallet?: "disable" | "warn";
}) {
  const name = `pay-with-${++payWithSeq}`;
  // No amount yet (an empty custom tip) is nothing to cover; another currency never is.
  const low = () =>
    walletOtherCurrency(props.currency) ||
    (props.amountCents > 0 && walletTooLow(props.amountCents, props.currency));
  const disabled = () => props.lowWallet === "disable" && low();
  const otherCurrency = () => walletOtherCurrency(props.currency);

  // A wallet that can't cover the amount is not a choice: move to the card, and back to the wallet
  // when it covers the amount again (another bundle, say) unless the person picked the card themselves.
  let movedToCard = false;
  createEffect(() => {
    if (disabled() && props.value === "wallet") {
      movedToCard = true;
      props.onChange("card");
    } else if (!disabled() && movedToCard) {
      movedToCard = false;
      if (props.value === "card") props.onChange("wallet");
    }
  });

  return (
    <fieldset class="pay-with">
      <legend>{t("pay.payWith")}</legend>
      <label
        class="radio-card pay-option"
        classList={{ active: props.value === "wallet", disabled: disabled() }}
      >
        <input
          type="radio"
          name={name}
          value="wallet"
          checked={props.value === "wallet"}
          disabled={disabled()}
          onChange={() => props.onChange("wallet")}
        />
        <Icon name="wallet" />
        <span class="pay-option-text">
          <span>{t("pay.wallet")}</span>
          <Show
            when={balance()}
            fallback={
              <span class="pay-option-sub">
                <span class="sk sk-line sk-thin pay-balance-sk" aria-hidden="true" />
                <span class="sr-only">{t("wallet.loadingBalance")}</span>
              </span>
            }
          >
            {(b) => (
              <span class="pay-option-sub" classList={{ "text-danger": low() }}>
                {t("pay.balance", { amount: formatMoney(b().cents, b().currency) })}
                {otherCurrency()
                  ? t("pay.notCurrency", { currency: props.currency })
                  : low()
                    ? t("pay.notEnough")
                    : ""}
              </span>
            )}
          </Show>
        </span>
      </label>
      <label class="radio-card pay-option" classList={{ active: props.value === "card" }}>
        <input
          type="radio"
          name={name}
          value="card"
          checked={props.value === "card"}
          onChange={() => {
            movedToCard = false;
            props.onChange("card");
          }}
        />
        <Icon name="card" />
        <span class="pay-option-text">
          <span>{t("pay.card")}</span>
          <span class="pay-option-sub">{t("pay.cardSub")}</span>
        </span>
      </label>
      <Show when={low() && otherCurrency()}>
        <p class="pay-with-note">
          {t("pay.otherCurrency", { wallet: balance()!.currency, currency: props.currency })}
        </p>
      </Show>
      <Show when={low() && !otherCurrency()}>
        <p class="pay-with-note">
          <Show
            when={disabled()}
            fallback={<>{t("pay.doesntCover", { amount: formatMoney(props.amountCents, props.currency) })}</>}
          >
            {t("pay.tooLow")}
          </Show>{" "}
          <A href={topUpHref()} class="link">
            {t("pay.topUp")}
          </A>{" "}
          {t("pay.orCard")}
        </p>
      </Show>
    </fieldset>
  );
}

/** The "From" line of a payment summary. */
export function SourceLine(props: { value: PayWith }) {
  return (
    <Show when={props.value === "wallet"} fallback={<>{t("pay.fromCard")}</>}>
      <Show when={balance()} fallback={<>{t("pay.fromWallet")}</>}>
        {(b) => <>{t("pay.fromWalletNow", { amount: formatMoney(b().cents, b().currency) })}</>}
      </Show>
    </Show>
  );
}

/**
 * The server's message when a payment failed; for a wallet that cannot pay, the ways forward (a wallet
 * in another currency cannot be topped up into paying).
 */
export function PaymentError(props: { error: unknown; onPayByCard: () => void }) {
  const message = () => (props.error ? errorMessage(props.error) : null);
  const code = () => (props.error instanceof ApiError ? props.error.code : null);
  const lowFunds = () => code() === "insufficient_funds" || code() === "wallet_negative";
  return (
    <Show when={message()}>
      {(msg) => (
        <div class="form-error payment-error" role="alert">
          <p>{msg()}</p>
          <Show when={lowFunds() || code() === "currency_mismatch"}>
            <div class="row-actions">
              <Show when={lowFunds()}>
                <A href={topUpHref()} class="btn btn-secondary btn-sm">
                  <Icon name="wallet" size={16} /> {t("pay.topUp")}
                </A>
              </Show>
              <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onPayByCard()}>
                <Icon name="card" size={16} /> {t("pay.payByCard")}
              </button>
            </div>
          </Show>
        </div>
      )}
    </Show>
  );
}
