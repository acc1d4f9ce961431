// Creator settings › Messages: who may start writing to the creator (subscribers only, or everyone) and
// the welcome message every new subscriber receives (text, photos or videos, optionally priced), or none.
import { t, type MessageKey } from "../i18n";
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

const POLICIES: { value: DmPolicy; label: MessageKey; hint: MessageKey }[] = [
  {
    value: "subscribers",
    label: "messages.policySubscribers",
    hint: "messages.policySubscribersHint",
  },
  { value: "everyone", label: "messages.policyEveryone", hint: "messages.policyEveryoneHint" },
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
      if (!text().trim() && media.tiles.length === 0) errs.text = t("messages.writeSomething");
      if (media.uploading() > 0) errs.mediaIds = t("messages.waitUploads");
      if (priced() && (cents === null || cents <= 0)) errs.priceCents = t("messages.massEnterPrice");
      else if (priced() && media.ids().length === 0) errs.priceCents = t("messages.needsMediaFree");
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
      toast(t("messages.settingsSaved"), "success");
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
      <h2 id="dm-settings-title">{t("messages.title")}</h2>
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
          <legend class="field-label">{t("messages.whoCan")}</legend>
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
                  <span>{t(p.label)}</span>
                  <span class="pay-option-sub">{t(p.hint)}</span>
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
            <span>{t("messages.welcomeToggle")}</span>
          </label>
          <Show when={welcomeOn()}>
            <div class="field" classList={{ "has-error": !!fields().text }}>
              <label for="welcome-text">{t("messages.welcome")}</label>
              <textarea
                id="welcome-text"
                class="input textarea"
                rows={3}
                maxLength={5000}
                placeholder={t("messages.welcomePlaceholder")}
                value={text()}
                aria-invalid={fields().text ? "true" : undefined}
                onInput={(e) => setText(e.currentTarget.value)}
              />
              <Show when={fields().text}>
                <p class="field-error">{fields().text}</p>
              </Show>
              <p class="field-hint">{t("messages.welcomeHint")}</p>
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
            {busy() ? t("messages.saving") : t("messages.saveSettings")}
          </button>
        </div>
      </Show>
    </form>
  );
}
