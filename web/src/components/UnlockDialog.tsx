// Unlocking a pay-per-view post: the price, where it is paid from and what the fan gets; after a
// wallet payment the post opens in place.
import { useNavigate } from "@solidjs/router";
import { createSignal, onMount } from "solid-js";
import { api, isCheckout } from "../api/client";
import type { PayWith, Post } from "../api/schema.gen";
import { goToCheckout } from "../lib/checkout";
import { user } from "../stores/session";
import { refreshBalance, spent } from "../stores/wallet";
import Dialog from "./Dialog";
import PayWithPicker, { PaymentError, SourceLine } from "./PayWith";

export default function UnlockDialog(props: {
  open: boolean;
  post: Post;
  price: string;
  currency: string;
  onClose: () => void;
  onUnlocked: (post: Post) => void;
}) {
  const navigate = useNavigate();
  const [payWith, setPayWith] = createSignal<PayWith>("wallet");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const cents = () => props.post.priceCents ?? 0;
  const who = () => props.post.creator;

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
      const res = await api.unlock(props.post.id, payWith());
      if (isCheckout(res)) {
        goToCheckout(res, `Unlock a post by ${who().displayName} (@${who().username})`, navigate);
        return;
      }
      spent(cents());
      props.onUnlocked(res.post);
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
      title="Unlock this post"
      onClose={close}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={close}>
            Cancel
          </button>
          <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void confirm()}>
            {busy()
              ? payWith() === "card"
                ? "Starting checkout…"
                : "Paying…"
              : payWith() === "card"
                ? `Pay ${props.price} by card`
                : `Pay ${props.price}`}
          </button>
        </>
      }
    >
      <PayWithPicker
        value={payWith()}
        onChange={setPayWith}
        amountCents={cents()}
        currency={props.currency}
        lowWallet="warn"
      />
      <dl class="summary">
        <div>
          <dt>You pay</dt>
          <dd>
            <strong>{props.price}</strong> once
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <SourceLine value={payWith()} />
          </dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>
            {who().displayName} (@{who().username})
          </dd>
        </div>
        <div>
          <dt>You get</dt>
          <dd>This post, to keep. It opens right here. No subscription is started.</dd>
        </div>
      </dl>
      <PaymentError error={error()} onPayByCard={() => setPayWith("card")} />
    </Dialog>
  );
}
