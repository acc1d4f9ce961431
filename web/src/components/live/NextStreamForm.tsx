// Creating or editing the next stream: title, who may watch (a ticket price when it is "Ticket"),
// recording, and an optional announced start. Nothing here starts the stream: it goes live when OBS
// publishes with the creator's key.
import { t, type MessageKey } from "../../i18n";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api, ApiError, formMessage } from "../../api/client";
import type { LiveStream, NewLiveStreamInput } from "../../api/schema.gen";
import {
  centsToInput,
  currencySymbol,
  fromDatetimeLocal,
  parseMoneyToCents,
  toDatetimeLocal,
} from "../../lib/format";
import { FormError } from "../Field";
import Icon from "../Icon";

type LiveAccess = LiveStream["access"];

const ACCESS: { value: LiveAccess; label: MessageKey; hint: MessageKey }[] = [
  { value: "subscribers", label: "live.subscribers", hint: "live.accessSubscribersHint" },
  { value: "public", label: "live.public", hint: "live.accessPublicHint" },
  { value: "ticket", label: "live.ticket", hint: "live.accessTicketHint" },
];

/** `stream` is the one edited; null makes a new one. */
export default function NextStreamForm(props: {
  stream: LiveStream | null;
  currency: string;
  onSaved: (s: LiveStream, created: boolean) => void;
  onNew: () => void;
}) {
  const [title, setTitle] = createSignal("");
  const [access, setAccess] = createSignal<LiveAccess>("subscribers");
  const [price, setPrice] = createSignal("");
  const [record, setRecord] = createSignal(true);
  const [scheduleOn, setScheduleOn] = createSignal(false);
  const [when, setWhen] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);

  // The form shows the stream it edits (or a fresh one).
  createEffect(
    on(
      () => props.stream?.id ?? null,
      () => {
        const s = props.stream;
        setTitle(s?.title ?? "");
        setAccess(s?.access ?? "subscribers");
        setPrice(s && s.access === "ticket" ? centsToInput(s.priceCents) : "");
        setRecord(s?.record ?? true);
        setScheduleOn(!!s?.scheduledAt);
        setWhen(s?.scheduledAt ? toDatetimeLocal(s.scheduledAt) : "");
        setFields({});
        setError(null);
      },
    ),
  );

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!title().trim()) problems.title = t("live.needTitle");
    let priceCents = 0;
    if (access() === "ticket") {
      const c = parseMoneyToCents(price());
      if (c === null || c <= 0) problems.priceCents = t("live.needPrice");
      else priceCents = c;
    }
    let scheduledAt: number | null = null;
    if (scheduleOn()) {
      scheduledAt = fromDatetimeLocal(when());
      if (scheduledAt === null) problems.scheduledAt = t("live.needWhen");
    }
    setFields(problems);
    setError(null);
    if (Object.keys(problems).length > 0) {
      document.querySelector<HTMLElement>(".live-form [aria-invalid='true']")?.focus();
      return;
    }
    const input: NewLiveStreamInput = {
      title: title().trim(),
      access: access(),
      priceCents: access() === "ticket" ? priceCents : 0,
      record: record(),
      scheduledAt,
    };
    setBusy(true);
    try {
      const s = props.stream;
      if (s) props.onSaved((await api.updateLiveStream(s.id, input)).stream, false);
      else props.onSaved((await api.createLiveStream(input)).stream, true);
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(formMessage(err, ["title", "priceCents", "scheduledAt"]));
    } finally {
      setBusy(false);
    }
  }

  const hint = () => {
    const h = ACCESS.find((a) => a.value === access())?.hint;
    return h ? t(h) : "";
  };

  return (
    <form class="card form-card live-form" onSubmit={(e) => void submit(e)} novalidate>
      <div class="section-head">
        <h2>{props.stream ? t("live.yourNext") : t("live.newStream")}</h2>
        <Show when={props.stream}>
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onNew()}>
            <Icon name="plus" size={16} /> {t("live.scheduleAnother")}
          </button>
        </Show>
      </div>
      <div class="field" classList={{ "has-error": !!fields().title }}>
        <label for="stream-title">{t("live.title")}</label>
        <input
          id="stream-title"
          class="input"
          maxLength={120}
          placeholder={t("live.titlePlaceholder")}
          value={title()}
          aria-invalid={fields().title ? "true" : undefined}
          aria-describedby={fields().title ? "stream-title-err" : undefined}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <Show when={fields().title}>
          <p class="field-error" id="stream-title-err">
            {fields().title}
          </p>
        </Show>
      </div>

      <fieldset class="field live-access" aria-describedby="stream-access-hint">
        <legend class="field-label">{t("live.whoCanWatch")}</legend>
        <div class="segmented">
          <For each={ACCESS}>
            {(a) => (
              <label class="segment" classList={{ active: access() === a.value }}>
                <input
                  type="radio"
                  name="stream-access"
                  value={a.value}
                  checked={access() === a.value}
                  onChange={() => setAccess(a.value)}
                />
                <span>{t(a.label)}</span>
              </label>
            )}
          </For>
        </div>
        <p class="field-hint" id="stream-access-hint">
          {hint()}
        </p>
      </fieldset>

      <Show when={access() === "ticket"}>
        <div class="field field-inline" classList={{ "has-error": !!fields().priceCents }}>
          <label for="stream-price">{t("live.ticketPriceLabel")}</label>
          <div class="input-wrap has-prefix">
            <span class="input-affix input-prefix" aria-hidden="true">
              {currencySymbol(props.currency)}
            </span>
            <input
              id="stream-price"
              class="input input-price"
              inputmode="decimal"
              placeholder="5.00"
              value={price()}
              aria-invalid={fields().priceCents ? "true" : undefined}
              aria-describedby={fields().priceCents ? "stream-price-err" : undefined}
              onInput={(e) => setPrice(e.currentTarget.value)}
            />
          </div>
          <Show when={fields().priceCents}>
            <p class="field-error" id="stream-price-err">
              {fields().priceCents}
            </p>
          </Show>
        </div>
      </Show>

      <label class="checkbox">
        <input type="checkbox" checked={record()} onChange={(e) => setRecord(e.currentTarget.checked)} />
        {t("live.record")}
      </label>

      <Show
        when={scheduleOn()}
        fallback={
          <div>
            <button type="button" class="btn btn-ghost btn-sm" onClick={() => setScheduleOn(true)}>
              <Icon name="calendar" size={18} /> {t("live.announce")}
            </button>
          </div>
        }
      >
        <div class="field field-inline" classList={{ "has-error": !!fields().scheduledAt }}>
          <label for="stream-when">{t("live.startsAt")}</label>
          <div class="input-row">
            <input
              id="stream-when"
              class="input"
              type="datetime-local"
              value={when()}
              min={toDatetimeLocal(Date.now())}
              aria-invalid={fields().scheduledAt ? "true" : undefined}
              onInput={(e) => setWhen(e.currentTarget.value)}
            />
            <button
              type="button"
              class="icon-btn"
              aria-label={t("live.removeStart")}
              onClick={() => {
                setScheduleOn(false);
                setWhen("");
              }}
            >
              <Icon name="close" size={18} />
            </button>
          </div>
          <p class="field-hint">{t("live.upcomingHint")}</p>
          <Show when={fields().scheduledAt}>
            <p class="field-error">{fields().scheduledAt}</p>
          </Show>
        </div>
      </Show>

      <FormError message={error()} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("live.saving") : props.stream ? t("live.saveStream") : t("live.createStream")}
        </button>
        <span class="muted small">{t("live.goLiveHint")}</span>
      </div>
    </form>
  );
}
