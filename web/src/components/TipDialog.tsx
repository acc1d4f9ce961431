// Tipping a creator: an amount (presets or custom) and an optional message, then a review step that
// says exactly what is charged, from where, and to whom.
import { t } from "../i18n";
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
import { randomId } from "../lib/random-id.ts";

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
  let attempt = { payload: "", key: "" };

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
      setAmountError(t("tip.atLeast", { amount: money(MIN) }));
      customInput?.focus();
      return;
    }
    if (c > MAX) {
      setAmountError(t("tip.atMost", { amount: money(MAX) }));
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
      const body = {
        creator: props.creator.username,
        amountCents: c,
        payWith: payWith(),
        ...(props.postId ? { postId: props.postId } : {}),
        ...(props.liveStreamId ? { liveStreamId: props.liveStreamId } : {}),
        ...(text ? { message: text } : {}),
      };
      // One key for every attempt at the same tip (a retry after a lost answer is paid once); anything
      // changed since the last attempt makes it another tip, with another key.
      const payload = JSON.stringify(body);
      if (payload !== attempt.payload) attempt = { payload, key: randomId() };
      const res = await api.tip(body, attempt.key);
      if (isCheckout(res)) {
        goToCheckout(res, t("tip.checkoutLabel", { who: who() }), navigate);
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
      title={step() === "edit" ? t("tip.title", { name: props.creator.displayName }) : t("tip.confirmTitle")}
      onClose={close}
      footer={
        <Switch>
          <Match when={step() === "edit"}>
            <button type="button" class="btn btn-ghost" onClick={close}>
              {t("common.cancel")}
            </button>
            <button type="submit" form={`tip-form-${seq}`} class="btn btn-primary">
              {t("tip.review")}
            </button>
          </Match>
          <Match when={step() === "review"}>
            <button type="button" class="btn btn-ghost" disabled={busy()} onClick={() => setStep("edit")}>
              {t("tip.back")}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              aria-disabled={busy()}
              onClick={() => {
                if (!busy()) void send();
              }}
            >
              {busy()
                ? payWith() === "card"
                  ? t("common.startingCheckout")
                  : t("common.sending")
                : t(payWith() === "card" ? "tip.sendByCard" : "tip.send", { amount: money(cents() ?? 0) })}
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
              legend={t("wallet.amount")}
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
              <label for={`tip-message-${seq}`}>{t("tip.messageLabel")}</label>
              <textarea
                id={`tip-message-${seq}`}
                class="input textarea tip-message"
                rows={3}
                maxLength={MESSAGE_MAX}
                placeholder={t("tip.messagePlaceholder", { name: props.creator.displayName })}
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
              <dt>{t("common.youPay")}</dt>
              <dd>
                <strong>{money(cents() ?? 0)}</strong> {t("tip.onceTip")}
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
              <dd>{who()}</dd>
            </div>
            <Show when={message().trim()}>
              <div>
                <dt>{t("tip.message")}</dt>
                <dd class="summary-quote">“{message().trim()}”</dd>
              </div>
            </Show>
            <div>
              <dt>{t("common.youGet")}</dt>
              <dd>
                {t("tip.gets")}
                {props.liveStreamId
                  ? ` ${message().trim() ? t("tip.liveTipMessage") : t("tip.liveTip")}`
                  : message().trim()
                    ? ` ${t("tip.withMessage")}`
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
