// Unlocking something pay-per-view (a post, a message): the price, where it is paid from, to whom and
// what the fan gets. A wallet payment opens it in place; a card payment continues at the checkout and
// comes back here.
import { t } from "../i18n";
import { useNavigate } from "@solidjs/router";
import { createSignal, onMount, type JSX } from "solid-js";
import { isCheckout } from "../api/client";
import type { CheckoutStart, PayWith } from "../api/schema.gen";
import { goToCheckout } from "../lib/checkout";
import { formatMoney } from "../lib/format";
import { user } from "../stores/session";
import { refreshBalance, spent } from "../stores/wallet";
import Dialog from "./Dialog";
import PayWithPicker, { PaymentError, SourceLine } from "./PayWith";

export default function UnlockDialog<T>(props: {
  open: boolean;
  /** "Unlock this post". */
  title: string;
  priceCents: number;
  currency: string;
  seller: { displayName: string; username: string };
  /** What the fan gets, in words. */
  gets: JSX.Element;
  /** What the checkout page says is bought, for a card payment. */
  checkoutLabel: string;
  unlock: (payWith: PayWith) => Promise<T | CheckoutStart>;
  onClose: () => void;
  onUnlocked: (result: T) => void;
}) {
  const navigate = useNavigate();
  const [payWith, setPayWith] = createSignal<PayWith>("wallet");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const price = () => formatMoney(props.priceCents, props.currency);

  onMount(() => {
    if (user()) void refreshBalance();
  });

  async function confirm() {
    if (!user()) {
      props.onClose();
      navigate(`/signup?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await props.unlock(payWith());
      if (isCheckout(res)) {
        goToCheckout(res, props.checkoutLabel, navigate);
        return;
      }
      spent(props.priceCents);
      props.onUnlocked(res);
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

  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={close}
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
            {busy()
              ? payWith() === "card"
                ? t("common.startingCheckout")
                : t("pay.paying")
              : payWith() === "card"
                ? t("subscribe.payByCard", { price: price() })
                : t("subscribe.pay", { price: price() })}
          </button>
        </>
      }
    >
      <PayWithPicker
        value={payWith()}
        onChange={setPayWith}
        amountCents={props.priceCents}
        currency={props.currency}
        lowWallet="warn"
      />
      <dl class="summary">
        <div>
          <dt>{t("common.youPay")}</dt>
          <dd>
            <strong>{price()}</strong> {t("wallet.once")}
          </dd>
        </div>
        <div>
          <dt>{t("common.from")}</dt>
          <dd>
            <SourceLine value={payWith()} />
          </dd>
        </div>
        <div>
          <dt>{t("common.to")}</dt>
          <dd>
            {props.seller.displayName} (@{props.seller.username})
          </dd>
        </div>
        <div>
          <dt>{t("common.youGet")}</dt>

          <dd>{props.gets}</dd>
        </div>
      </dl>
      <PaymentError error={error()} onPayByCard={() => setPayWith("card")} />
    </Dialog>
  );
}
