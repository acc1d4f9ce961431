// Writing a mass message: who gets it (subscribers, lapsed fans or both, with how many each is), text,
// photos or videos, an optional unlock price (pay-per-view needs media) and an optional send time; then a
// preview of what fans will see and what happens, and only then it goes out.
import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { api, ApiError, call, formMessage } from "../../api/client";
import { t, type MessageKey } from "../../i18n";
import type { MassAudience, MassMessage } from "../../api/schema.gen";
import {
  absoluteTime,
  formatMoney,
  fromDatetimeLocal,
  parseMoneyToCents,
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

const AUDIENCES: { value: MassAudience; label: MessageKey; hint: MessageKey }[] = [
  { value: "subscribers", label: "messages.audSubscribers", hint: "messages.audSubscribersHint" },
  { value: "expired", label: "messages.audExpired", hint: "messages.audExpiredHint" },
  { value: "all", label: "messages.audAll", hint: "messages.audAllHint" },
];

export default function MassComposer(props: { onSent: (m: MassMessage) => void }) {
  const [sizes, { refetch }] = createResource(() => api.massAudience());
  // A fan list (fans page) is the fourth audience; `?list=` opens the composer with it chosen.
  const [params] = useSearchParams<{ list?: string }>();
  const [audience, setAudience] = createSignal<MassAudience | "list">(params.list ? "list" : "subscribers");
  const [listId, setListId] = createSignal(params.list ?? "");
  const [lists] = createResource(() => call("get", "/api/v1/lists").then((r) => r.items));
  const [listSize] = createResource(listId, (id) =>
    call("get", "/api/v1/messages/mass/audience", { query: { listId: id } }).then((r) => r.list),
  );
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
  const count = (a: MassAudience | "list") =>
    a === "list" ? (listId() ? listSize() : undefined) : sizes()?.[a];
  const audienceLabel = () =>
    audience() === "list"
      ? (lists()?.find((l) => l.id === listId())?.name ?? t("fans.massList"))
      : t(AUDIENCES.find((a) => a.value === audience())?.label ?? "messages.audSubscribers");
  const reach = () => count(audience());

  function validate(): boolean {
    const errs: Record<string, string> = {};
    if (!text().trim() && media.tiles.length === 0) errs.text = t("messages.writeSomething");
    if (audience() === "list" && !listId()) errs.audience = t("fans.massPickList");
    if (media.uploading() > 0) errs.mediaIds = t("messages.waitUploads");
    if (priced()) {
      const c = priceCents();
      if (c === null || c <= 0) errs.priceCents = t("messages.massEnterPrice");
      else if (media.ids().length === 0) errs.priceCents = t("messages.needsMedia");
    }
    if (scheduled()) {
      const at = sendAt();
      if (at === null) errs.sendAt = t("messages.pickDate");
      else if (at <= Date.now()) errs.sendAt = t("messages.pickFuture");
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
        audience: audience() === "list" ? { listId: listId() } : (audience() as MassAudience),
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
      <h2 id="mass-new-title">{t("messages.newMass")}</h2>
      <fieldset class="segmented mass-audience">
        <legend class="sr-only">{t("messages.sendTo")}</legend>
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
                {t(a.label)}
                <Show when={count(a.value) !== undefined}>
                  <span class="segment-count"> {count(a.value)}</span>
                </Show>
              </span>
            </label>
          )}
        </For>
        <label class="segment" classList={{ active: audience() === "list" }}>
          <input
            type="radio"
            name="mass-audience"
            value="list"
            checked={audience() === "list"}
            onChange={() => setAudience("list")}
          />
          <span>{t("fans.massList")}</span>
        </label>
      </fieldset>
      <Show when={audience() === "list"}>
        <div class="field mass-list-pick" classList={{ "has-error": !!fields().audience }}>
          <label for="mass-list">{t("fans.massPickList")}</label>
          <Show
            when={(lists() ?? []).length > 0}
            fallback={<p class="muted small">{t("fans.massNoLists")}</p>}
          >
            <select
              id="mass-list"
              class="input"
              value={listId()}
              onChange={(e) => setListId(e.currentTarget.value)}
            >
              <option value="" />
              <For each={lists()}>{(l) => <option value={l.id}>{l.name}</option>}</For>
            </select>
          </Show>
          <Show when={fields().audience}>
            <p class="field-error">{fields().audience}</p>
          </Show>
        </div>
      </Show>
      <p class="composer-hint">
        {audience() === "list"
          ? t("fans.massListHint")
          : t(AUDIENCES.find((a) => a.value === audience())?.hint ?? "messages.audSubscribersHint")}{" "}
        <Show when={reach() !== undefined}>{t("messages.reaches", { count: reach() ?? 0 })}</Show>
      </p>

      <div class="field" classList={{ "has-error": !!fields().text }}>
        <label for="mass-text">{t("messages.message")}</label>
        <textarea
          id="mass-text"
          class="input textarea"
          rows={4}
          maxLength={5000}
          placeholder={t("messages.massPlaceholder")}
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
              <Icon name="calendar" size={18} /> {t("messages.schedule")}
            </button>
          }
        >
          <div class="field field-inline" classList={{ "has-error": !!fields().sendAt }}>
            <label for="mass-when">{t("messages.sendAt")}</label>
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
                aria-label={t("messages.sendNow")}
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
          {t("messages.preview")}
        </button>
      </div>

      <Show when={previewing()}>
        <Dialog
          open
          size="md"
          title={t("messages.checkAndSend")}
          onClose={() => setPreviewing(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setPreviewing(false)}>
                {t("messages.edit")}
              </button>
              <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void send()}>
                {busy()
                  ? t("common.sending")
                  : scheduled()
                    ? t("messages.schedule")
                    : reach() !== undefined
                      ? t("messages.sendToFans", { count: reach() ?? 0 })
                      : t("messages.send")}
              </button>
            </>
          }
        >
          <p class="muted small">{t("messages.whatFanSees")}</p>
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
                      <Icon name="lock" size={18} />{" "}
                      {t("messages.unlockFor", { price: formatMoney(priceCents() ?? 0, currency()) })}
                    </span>
                  </Show>
                </div>
              </Show>
            </div>
          </div>
          <dl class="summary">
            <div>
              <dt>{t("common.to")}</dt>
              <dd>
                {audienceLabel()}
                <Show when={reach() !== undefined}> · {t("messages.fans", { count: reach() ?? 0 })}</Show>
              </dd>
            </div>
            <div>
              <dt>{t("messages.when")}</dt>
              <dd>{scheduled() && sendAt() ? absoluteTime(sendAt()!) : t("messages.now")}</dd>
            </div>
            <div>
              <dt>{t("messages.media")}</dt>
              <dd>{mediaCount(thumbs()) || t("messages.none")}</dd>
            </div>
            <div>
              <dt>{t("messages.price")}</dt>
              <dd>
                {priced()
                  ? t("messages.massPriceSummary", { price: formatMoney(priceCents() ?? 0, currency()) })
                  : t("common.free")}
              </dd>
            </div>
          </dl>
          <p class="muted small">{t("messages.massFootnote")}</p>
          <FormError message={error()} />
        </Dialog>
      </Show>
    </form>
  );
}
