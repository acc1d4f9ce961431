// Creator settings › Messages: who may start writing to the creator (subscribers only, or everyone) and
// the welcome message every new subscriber receives (text, photos or videos, optionally priced), or none.
import { createSignal, For, onMount, Show } from "solid-js";
import { api, ApiError, formMessage } from "../api/client";
import type { DmPolicy } from "../api/schema.gen";
import { centsToInput, parseMoneyToCents } from "../lib/format";
import { loadMyCreator, setMyCreator } from "../stores/creators";
import { siteCurrency } from "../stores/site";
import { toast } from "../stores/toasts";
import { FormError } from "./Field";
import { createMediaPicker, MediaButtons, MediaTiles } from "./MediaPicker";
import { LineSkeleton } from "./Skeleton";
import PriceToggle from "./messages/PriceToggle";

const POLICIES: { value: DmPolicy; label: string; hint: string }[] = [
  {
    value: "subscribers",
    label: "Subscribers only",
    hint: "Fans write to you while they subscribe. You can always write to anyone who ever subscribed.",
  },
  { value: "everyone", label: "Everyone", hint: "Any signed-in person can start a conversation with you." },
];

export default function MessageSettings() {
  const [loaded, setLoaded] = createSignal(false);
  const [policy, setPolicy] = createSignal<DmPolicy>("subscribers");
  const [welcomeOn, setWelcomeOn] = createSignal(false);
  const [text, setText] = createSignal("");
  const [priced, setPriced] = createSignal(false);
  const [price, setPrice] = createSignal("");
  const [currency, setCurrency] = createSignal(siteCurrency());
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const media = createMediaPicker();

  onMount(async () => {
    const c = await loadMyCreator(true);
    if (c) {
      setPolicy(c.dmPolicy);
      setCurrency(c.currency);
      const w = c.welcomeMessage;
      if (w) {
        setWelcomeOn(true);
        setText(w.text);
        setPriced(w.priceCents > 0);
        setPrice(w.priceCents > 0 ? centsToInput(w.priceCents) : "");
        // The welcome message keeps media ids; the tiles need each medium's own view.
        const items = await Promise.all(
          w.mediaIds.map((id) =>
            api.media(id).then(
              (r) => r.media,
              () => null,
            ),
          ),
        );
        media.reset(items.filter((m) => m !== null));
      }
    }
    setLoaded(true);
  });

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    const cents = priced() ? parseMoneyToCents(price()) : 0;
    if (welcomeOn()) {
      if (!text().trim() && media.tiles.length === 0) errs.text = "Write something or add media.";
      if (media.uploading() > 0) errs.mediaIds = "Wait until your uploads finish.";
      if (priced() && (cents === null || cents <= 0))
        errs.priceCents = "Enter the unlock price, for example 5.00.";
      else if (priced() && media.ids().length === 0)
        errs.priceCents = "A paid message needs photos or videos to unlock: add media, or make it free.";
    }
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const { creator } = await api.updateMyCreator({
        dmPolicy: policy(),
        welcomeMessage: welcomeOn()
          ? { text: text().trim(), mediaIds: media.ids(), priceCents: cents ?? 0 }
          : null,
      });
      setMyCreator(creator);
      toast("Message settings saved", "success");
    } catch (err) {
      setError(formMessage(err, ["text", "priceCents"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="card form-card"
      aria-labelledby="dm-settings-title"
      onSubmit={(e) => void save(e)}
      novalidate
    >
      <h2 id="dm-settings-title">Messages</h2>
      <Show
        when={loaded()}
        fallback={
          <div class="stack-sm">
            <LineSkeleton width="50%" />
            <LineSkeleton />
          </div>
        }
      >
        <fieldset class="choice-list">
          <legend class="field-label">Who can message you</legend>
          <For each={POLICIES}>
            {(p) => (
              <label class="radio-card" classList={{ active: policy() === p.value }}>
                <input
                  type="radio"
                  name="dm-policy"
                  value={p.value}
                  checked={policy() === p.value}
                  onChange={() => setPolicy(p.value)}
                />
                <span class="pay-option-text">
                  <span>{p.label}</span>
                  <span class="pay-option-sub">{p.hint}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>

        <div class="stack-sm welcome-box">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={welcomeOn()}
              onChange={(e) => setWelcomeOn(e.currentTarget.checked)}
            />
            <span>Send new subscribers a welcome message</span>
          </label>
          <Show when={welcomeOn()}>
            <div class="field" classList={{ "has-error": !!fields().text }}>
              <label for="welcome-text">Welcome message</label>
              <textarea
                id="welcome-text"
                class="input textarea"
                rows={3}
                maxLength={5000}
                placeholder="Thanks for subscribing! Here's what's coming this week…"
                value={text()}
                aria-invalid={fields().text ? "true" : undefined}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <Show when={fields().text}>
                <p class="field-error">{fields().text}</p>
              </Show>
              <p class="field-hint">Each new subscriber gets it once, as a message from you.</p>
            </div>
            <MediaTiles picker={media} />
            <Show when={fields().mediaIds}>
              <p class="field-error">{fields().mediaIds}</p>
            </Show>
            <div class="composer-actions">
              <MediaButtons picker={media} idPrefix="welcome" />
              <PriceToggle
                id="welcome-price"
                priced={priced()}
                onPriced={setPriced}
                price={price()}
                onPrice={setPrice}
                currency={currency()}
                error={fields().priceCents}
              />
            </div>
          </Show>
        </div>

        <FormError message={error()} />
        <div class="form-actions">
          <div class="spacer" />
          <button type="submit" class="btn btn-primary" disabled={busy()}>
            {busy() ? "Saving…" : "Save message settings"}
          </button>
        </div>
      </Show>
    </form>
  );
}
