// Writing a mass message: who gets it (subscribers, lapsed fans or both, with how many each is), text,
// photos or videos, an optional unlock price (pay-per-view needs media) and an optional send time; then a
// preview of what fans will see and what happens, and only then it goes out.
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { api, ApiError, formMessage } from "../../api/client";
import type { MassAudience, MassMessage } from "../../api/schema.gen";
import {
  absoluteTime,
  formatMoney,
  fromDatetimeLocal,
  parseMoneyToCents,
  plural,
  toDatetimeLocal,
} from "../../lib/format";
import { mediaCount, pictureUrl } from "../../lib/media";
import { loadMyCreator, myCreator } from "../../stores/creators";
import { siteCurrency } from "../../stores/site";
import Dialog from "../Dialog";
import { FormError } from "../Field";
import Icon from "../Icon";
import { createMediaPicker, MediaButtons, MediaTiles } from "../MediaPicker";
import PriceToggle from "./PriceToggle";

const AUDIENCES: { value: MassAudience; label: string; hint: string }[] = [
  { value: "subscribers", label: "Subscribers", hint: "Fans subscribed to you now." },
  { value: "expired", label: "Expired", hint: "Fans whose subscription ran out: win them back." },
  { value: "all", label: "All", hint: "Everyone who ever subscribed." },
];

export default function MassComposer(props: { onSent: (m: MassMessage) => void }) {
  const [sizes, { refetch }] = createResource(() => api.massAudience());
  const [audience, setAudience] = createSignal<MassAudience>("subscribers");
  const [text, setText] = createSignal("");
  const [priced, setPriced] = createSignal(false);
  const [price, setPrice] = createSignal("");
  const [scheduled, setScheduled] = createSignal(false);
  const [when, setWhen] = createSignal(toDatetimeLocal(Date.now() + 60 * 60_000));
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [previewing, setPreviewing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const media = createMediaPicker();
  onMount(() => void loadMyCreator());
  const currency = () => myCreator()?.currency ?? siteCurrency();
  const priceCents = () => (priced() ? parseMoneyToCents(price()) : 0);
  const sendAt = () => (scheduled() ? fromDatetimeLocal(when()) : null);
  const count = (a: MassAudience) => sizes()?.[a];
  const reach = () => count(audience());

  function validate(): boolean {
    const errs: Record<string, string> = {};
    if (!text().trim() && media.tiles.length === 0) errs.text = "Write something or add media.";
    if (media.uploading() > 0) errs.mediaIds = "Wait until your uploads finish.";
    if (priced()) {
      const c = priceCents();
      if (c === null || c <= 0) errs.priceCents = "Enter the unlock price, for example 5.00.";
      else if (media.ids().length === 0)
        errs.priceCents = "A paid message needs photos or videos to unlock: add media, or send it free.";
    }
    if (scheduled()) {
      const at = sendAt();
      if (at === null) errs.sendAt = "Pick a date and time.";
      else if (at <= Date.now()) errs.sendAt = "Pick a time in the future.";
    }
    setFields(errs);
    return Object.keys(errs).length === 0;
  }

  async function send() {
    setBusy(true);
    setError(null);
    try {
      const at = sendAt();
      const { massMessage } = await api.sendMassMessage({
        audience: audience(),
        text: text().trim(),
        ...(media.ids().length > 0 ? { mediaIds: media.ids() } : {}),
        ...(priced() ? { priceCents: priceCents() ?? 0 } : {}),
        ...(at !== null ? { sendAt: at } : {}),
      });
      setPreviewing(false);
      setText("");
      setPriced(false);
      setPrice("");
      setScheduled(false);
      media.reset();
      void refetch();
      props.onSent(massMessage);
    } catch (err) {
      setError(formMessage(err, []));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  const thumbs = () => media.tiles.flatMap((t) => (t.media ? [t.media] : []));

  return (
    <form
      class="card form-card stack mass-form"
      aria-labelledby="mass-new-title"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (validate()) setPreviewing(true);
      }}
      novalidate
    >
      <h2 id="mass-new-title">New mass message</h2>
      <fieldset class="segmented mass-audience">
        <legend class="sr-only">Send to</legend>
        <For each={AUDIENCES}>
          {(a) => (
            <label class="segment" classList={{ active: audience() === a.value }}>
              <input
                type="radio"
                name="mass-audience"
                value={a.value}
                checked={audience() === a.value}
                onChange={() => setAudience(a.value)}
              />
              <span>
                {a.label}
                <Show when={count(a.value) !== undefined}>
                  <span class="segment-count"> {count(a.value)}</span>
                </Show>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <p class="composer-hint">
        {AUDIENCES.find((a) => a.value === audience())?.hint}{" "}
        <Show when={reach() !== undefined}>It reaches {plural(reach() ?? 0, "fan")}.</Show>
      </p>

      <div class="field" classList={{ "has-error": !!fields().text }}>
        <label for="mass-text">Message</label>
        <textarea
          id="mass-text"
          class="input textarea"
          rows={4}
          maxLength={5000}
          placeholder="New set out tonight. Thank you for being here!"
          value={text()}
          aria-invalid={fields().text ? "true" : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <Show when={fields().text}>
          <p class="field-error">{fields().text}</p>
        </Show>
      </div>

      <MediaTiles picker={media} />
      <Show when={fields().mediaIds}>
        <p class="field-error">{fields().mediaIds}</p>
      </Show>

      <div class="composer-options">
        <PriceToggle
          id="mass-price"
          priced={priced()}
          onPriced={setPriced}
          price={price()}
          onPrice={setPrice}
          currency={currency()}
          error={fields().priceCents}
        />
        <Show
          when={scheduled()}
          fallback={
            <button type="button" class="btn btn-ghost btn-sm" onClick={() => setScheduled(true)}>
              <Icon name="calendar" size={18} /> Schedule
            </button>
          }
        >
          <div class="field field-inline" classList={{ "has-error": !!fields().sendAt }}>
            <label for="mass-when">Send at</label>
            <div class="input-row">
              <input
                id="mass-when"
                class="input"
                type="datetime-local"
                value={when()}
                min={toDatetimeLocal(Date.now())}
                onInput={(e) => setWhen(e.currentTarget.value)}
              />
              <button
                type="button"
                class="icon-btn"
                aria-label="Send now instead"
                onClick={() => setScheduled(false)}
              >
                <Icon name="close" size={18} />
              </button>
            </div>
            <Show when={fields().sendAt}>
              <p class="field-error">{fields().sendAt}</p>
            </Show>
          </div>
        </Show>
      </div>

      <FormError message={previewing() ? null : error()} />
      <div class="composer-actions">
        <MediaButtons picker={media} idPrefix="mass" />
        <div class="spacer" />
        <button type="submit" class="btn btn-primary">
          Preview
        </button>
      </div>

      <Show when={previewing()}>
        <Dialog
          open
          size="md"
          title="Check and send"
          onClose={() => setPreviewing(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setPreviewing(false)}>
                Edit
              </button>
              <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void send()}>
                {busy()
                  ? "Sending…"
                  : scheduled()
                    ? "Schedule"
                    : reach() !== undefined
                      ? `Send to ${plural(reach() ?? 0, "fan")}`
                      : "Send"}
              </button>
            </>
          }
        >
          <p class="muted small">What each fan sees in their chat with you:</p>
          <div class="mass-preview">
            <div class="bubble">
              <Show when={text().trim()}>
                <p class="bubble-text">{text().trim()}</p>
              </Show>
              <Show when={thumbs().length > 0}>
                <div class="mass-preview-media" classList={{ locked: priced() }}>
                  <For each={thumbs().slice(0, 4)}>
                    {(m) => (
                      <Show when={pictureUrl(m, "thumb")} fallback={<span class="mass-preview-ph" />}>
                        {(src) => <img src={src()} alt="" width="96" height="96" />}
                      </Show>
                    )}
                  </For>
                  <Show when={priced()}>
                    <span class="mass-preview-lock">
                      <Icon name="lock" size={18} /> Unlock for {formatMoney(priceCents() ?? 0, currency())}
                    </span>
                  </Show>
                </div>
              </Show>
            </div>
          </div>
          <dl class="summary">
            <div>
              <dt>To</dt>
              <dd>
                {AUDIENCES.find((a) => a.value === audience())?.label}
                <Show when={reach() !== undefined}> · {plural(reach() ?? 0, "fan")}</Show>
              </dd>
            </div>
            <div>
              <dt>When</dt>
              <dd>{scheduled() && sendAt() ? absoluteTime(sendAt()!) : "Now"}</dd>
            </div>
            <div>
              <dt>Media</dt>
              <dd>{mediaCount(thumbs()) || "None"}</dd>
            </div>
            <div>
              <dt>Price</dt>
              <dd>
                {priced()
                  ? `${formatMoney(priceCents() ?? 0, currency())} to unlock, paid by each fan who wants it`
                  : "Free"}
              </dd>
            </div>
          </dl>
          <p class="muted small">
            Each fan gets it as a message from you, once. People who blocked you, or whom you blocked, are
            left out.
          </p>
          <FormError message={error()} />
        </Dialog>
      </Show>
    </form>
  );
}
