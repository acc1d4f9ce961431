// Tipping a creator: an amount (presets or custom) and an optional message, then a review step that
// says exactly what is charged, from where, and to whom.
import { useNavigate } from "@solidjs/router";
import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import { api, ApiError, isCheckout } from "../api/client";
import type { PayWith } from "../api/schema.gen";
import { goToCheckout } from "../lib/checkout";
import { formatMoney, parseMoneyToCents } from "../lib/format";
import AmountPicker from "./AmountPicker";
import { refreshBalance, spent } from "../stores/wallet";
import Dialog from "./Dialog";
import PayWithPicker, { PaymentError, SourceLine } from "./PayWith";

const PRESETS = [500, 1000, 2000];
const MIN = 100;
const MAX = 100_000;
const MESSAGE_MAX = 500;

let tipSeq = 0;

export default function TipDialog(props: {
  open: boolean;
  creator: { username: string; displayName: string };
  currency: string;
  /** The post the tip is for, when tipping from a post. */
  postId?: string;
  /** The live stream the tip is for: it shows in the stream's chat. */
  liveStreamId?: string;
  onClose: () => void;
  onSent: () => void;
}) {
  const navigate = useNavigate();
  const seq = ++tipSeq;
  const [step, setStep] = createSignal<"edit" | "review">("edit");
  const [preset, setPreset] = createSignal<number | "custom">(PRESETS[0]!);
  const [custom, setCustom] = createSignal("");
  const [message, setMessage] = createSignal("");
  const [payWith, setPayWith] = createSignal<PayWith>("wallet");
  const [amountError, setAmountError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let customInput: HTMLInputElement | undefined;

  onMount(() => void refreshBalance());

  const cents = () => {
    const p = preset();
    return p === "custom" ? parseMoneyToCents(custom()) : p;
  };
  const money = (c: number) => formatMoney(c, props.currency);
  const who = () => `${props.creator.displayName} (@${props.creator.username})`;

  function review(e: Event) {
    e.preventDefault();
    const c = cents();
    if (c === null || c < MIN) {
      setAmountError(`Enter an amount of at least ${money(MIN)}.`);
      customInput?.focus();
      return;
    }
    if (c > MAX) {
      setAmountError(`The largest tip is ${money(MAX)}.`);
      return;
    }
    setAmountError(null);
    setError(null);
    setStep("review");
  }

  async function send() {
    const c = cents();
    if (c === null) return;
    setBusy(true);
    setError(null);
    try {
      const text = message().trim();
      const res = await api.tip({
        creator: props.creator.username,
        amountCents: c,
        payWith: payWith(),
        ...(props.postId ? { postId: props.postId } : {}),
        ...(props.liveStreamId ? { liveStreamId: props.liveStreamId } : {}),
        ...(text ? { message: text } : {}),
      });
      if (isCheckout(res)) {
        goToCheckout(res, `Tip for ${who()}`, navigate);
        return;
      }
      spent(c);
      props.onSent();
    } catch (err) {
      setError(err);
      // A problem with the amount or message is fixed on the first step.
      if (err instanceof ApiError && (err.fields.amountCents || err.fields.message)) {
        setAmountError(err.fields.amountCents ?? null);
        setStep("edit");
      }
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
      title={step() === "edit" ? `Tip ${props.creator.displayName}` : "Confirm your tip"}
      onClose={close}
      footer={
        <Switch>
          <Match when={step() === "edit"}>
            <button type="button" class="btn btn-ghost" onClick={close}>
              Cancel
            </button>
            <button type="submit" form={`tip-form-${seq}`} class="btn btn-primary">
              Review tip
            </button>
          </Match>
          <Match when={step() === "review"}>
            <button type="button" class="btn btn-ghost" disabled={busy()} onClick={() => setStep("edit")}>
              Back
            </button>
            <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void send()}>
              {busy()
                ? payWith() === "card"
                  ? "Starting checkout…"
                  : "Sending…"
                : `Send ${money(cents() ?? 0)} tip${payWith() === "card" ? " by card" : ""}`}
            </button>
          </Match>
        </Switch>
      }
    >
      <Switch>
        <Match when={step() === "edit"}>
          <form id={`tip-form-${seq}`} class="tip-form" onSubmit={review} novalidate>
            <AmountPicker
              id={`tip-${seq}`}
              legend="Amount"
              presets={PRESETS}
              choice={preset()}
              onChoice={(c) => {
                setPreset(c);
                setAmountError(null);
              }}
              custom={custom()}
              onCustom={setCustom}
              currency={props.currency}
              placeholder="15.00"
              error={amountError()}
              inputRef={(el) => (customInput = el)}
            />
            <div class="field">
              <label for={`tip-message-${seq}`}>Message (optional)</label>
              <textarea
                id={`tip-message-${seq}`}
                class="input textarea tip-message"
                rows={3}
                maxLength={MESSAGE_MAX}
                placeholder={`Say something nice to ${props.creator.displayName}`}
                value={message()}
                onInput={(e) => setMessage(e.currentTarget.value)}
              />
              <p class="field-hint">
                {message().length} / {MESSAGE_MAX}
              </p>
            </div>
            <PayWithPicker
              value={payWith()}
              onChange={setPayWith}
              amountCents={cents() ?? 0}
              currency={props.currency}
              lowWallet="warn"
            />
          </form>
        </Match>
        <Match when={step() === "review"}>
          <dl class="summary">
            <div>
              <dt>You pay</dt>
              <dd>
                <strong>{money(cents() ?? 0)}</strong> once, as a tip
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
              <dd>{who()}</dd>
            </div>
            <Show when={message().trim()}>
              <div>
                <dt>Message</dt>
                <dd class="summary-quote">“{message().trim()}”</dd>
              </div>
            </Show>
            <div>
              <dt>You get</dt>
              <dd>
                A thank-you: a tip unlocks nothing and starts no subscription.
                {props.liveStreamId
                  ? ` Your tip${message().trim() ? " and message show" : " shows"} in the live chat.`
                  : message().trim()
                    ? " Your message is sent with it."
                    : ""}
              </dd>
            </div>
          </dl>
          <PaymentError
            error={error()}
            onPayByCard={() => {
              setPayWith("card");
              setError(null);
            }}
          />
        </Match>
      </Switch>
    </Dialog>
  );
}
