// Writing and editing posts: text, media (uploaded or from the vault, in order), who can see it
// (Everyone / Subscribers / Pay-per-view with a price), an optional publish time, "Save as draft" and "Post".
import { t } from "../i18n";
import { A } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { api, ApiError, formMessage } from "../api/client";
import type { Post, PostPatch, Visibility } from "../api/schema.gen";
import {
  absoluteTime,
  centsToInput,
  currencySymbol,
  fromDatetimeLocal,
  parseMoneyToCents,
  toDatetimeLocal,
} from "../lib/format";
import { siteCurrency } from "../stores/site";
import { user } from "../stores/session";
import { toast } from "../stores/toasts";
import Avatar from "./Avatar";
import { FormError } from "./Field";
import Icon from "./Icon";
import { createMediaPicker, MediaButtons, MediaTiles } from "./MediaPicker";
import ComposerPerformers, { createPerformers } from "./compliance/ComposerPerformers";

const VISIBILITIES: { value: Visibility; label: string; hint: string }[] = [
  {
    value: "public",
    get label() {
      return t("compose.visEveryone");
    },
    get hint() {
      return t("compose.visEveryoneHint");
    },
  },
  {
    value: "subscribers",
    get label() {
      return t("compose.visSubscribers");
    },
    get hint() {
      return t("compose.visSubscribersHint");
    },
  },
  {
    value: "ppv",
    get label() {
      return t("compose.visPpv");
    },
    get hint() {
      return t("compose.visPpvHint");
    },
  },
];

let composerSeq = 0;

export default function Composer(props: {
  post?: Post;
  currency?: string;
  onSaved?: (post: Post) => void;
  onCancel?: () => void;
  autofocus?: boolean;
  /** Embedded at the top of a feed: options stay folded away until the person starts writing. */
  compact?: boolean;
}) {
  const seq = ++composerSeq;
  const editing = () => !!props.post;
  const wasPublished = () => props.post?.status === "published";
  const [text, setText] = createSignal(props.post?.text ?? "");
  const [visibility, setVisibility] = createSignal<Visibility>(props.post?.visibility ?? "public");
  const [price, setPrice] = createSignal(centsToInput(props.post?.priceCents ?? null));
  const [scheduleOn, setScheduleOn] = createSignal(props.post?.status === "scheduled");
  const [when, setWhen] = createSignal(
    props.post?.publishAt ? toDatetimeLocal(props.post.publishAt) : toDatetimeLocal(Date.now() + 60 * 60_000),
  );
  const [busy, setBusy] = createSignal<"draft" | "post" | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [expanded, setExpanded] = createSignal(!props.compact || editing());
  const currency = () => props.currency ?? props.post?.currency ?? siteCurrency();
  const media = createMediaPicker(props.post?.media ?? []);
  const performers = createPerformers(props.post?.id);
  const [kycBlocked, setKycBlocked] = createSignal(false);
  createEffect(() => {
    if (media.tiles.length > 0) setExpanded(true);
  });

  const priceCents = () => parseMoneyToCents(price());
  const publishAt = () => (scheduleOn() ? fromDatetimeLocal(when()) : null);

  function validate(): boolean {
    const errs: Record<string, string> = {};
    // A photo set may go without a caption; a post needs words or media.
    if (!text().trim() && media.tiles.length === 0) errs.text = t("compose.errText");
    if (visibility() === "ppv") {
      const c = priceCents();
      if (c === null || c <= 0) errs.priceCents = t("compose.errPrice");
    }
    if (scheduleOn() && !wasPublished()) {
      const at = publishAt();
      if (at === null) errs.publishAt = t("compose.errWhen");
      else if (at <= Date.now()) errs.publishAt = t("compose.errFuture");
    }
    if (media.uploading() > 0) errs.mediaIds = t("compose.errUploads");
    setFields(errs);
    return Object.keys(errs).length === 0;
  }

  async function submit(kind: "draft" | "post") {
    setError(null);
    if (!validate()) return;
    setBusy(kind);
    try {
      const base = {
        text: text().trim(),
        visibility: visibility(),
        ...(visibility() === "ppv" ? { priceCents: priceCents() ?? 0 } : {}),
        mediaIds: media.ids(),
        ...performers.body(),
      };
      let saved: Post;
      if (props.post) {
        const patch: PostPatch = { ...base };
        // Leaving pay-per-view clears the price, which the server only accepts on PPV posts.
        if (visibility() !== "ppv" && props.post.visibility === "ppv") patch.priceCents = null;
        if (!wasPublished()) {
          patch.publishAt = publishAt();
          patch.draft = kind === "draft";
        }
        saved = (await api.updatePost(props.post.id, patch)).post;
        toast(
          kind === "draft"
            ? t("compose.draftSaved")
            : wasPublished()
              ? t("compose.postUpdated")
              : publishedMessage(saved, true),
          "success",
        );
      } else {
        const at = publishAt();
        saved = (
          await api.createPost({
            ...base,
            ...(at !== null ? { publishAt: at } : {}),
            ...(kind === "draft" ? { draft: true } : {}),
          })
        ).post;
        toast(kind === "draft" ? t("compose.draftSaved") : publishedMessage(saved, true), "success");
        setText("");
        setPrice("");
        setVisibility("public");
        setScheduleOn(false);
        media.reset();
        performers.reset();
        if (props.compact) setExpanded(false);
      }
      setFields({});
      props.onSaved?.(saved);
    } catch (err) {
      setError(formMessage(err, ["text", "priceCents", "publishAt"]));
      setKycBlocked(err instanceof ApiError && err.code === "kyc_required");
      if (err instanceof ApiError) {
        // The message above already says what is wrong with the media; the field names an id.
        const { mediaIds: _ids, ...rest } = err.fields;
        const co = Object.entries(rest).find(([k]) => k.startsWith("coPerformers"));
        setFields(co ? { ...rest, coPerformers: co[1] } : rest);
      }
    } finally {
      setBusy(null);
    }
  }

  const me = () => user();
  const hint = () => VISIBILITIES.find((v) => v.value === visibility())?.hint;

  return (
    <form
      class="card composer"
      classList={{ "composer-collapsed": !expanded() }}
      aria-label={editing() ? t("compose.editPost") : t("compose.newPost")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit("post");
      }}
    >
      <div class="composer-top">
        <Show when={!editing() && me()}>
          {(u) => (
            <Avatar
              name={u().displayName}
              username={u().username}
              url={u().avatarUrl}
              srcset={u().avatarSrcset}
            />
          )}
        </Show>
        <div class="composer-main">
          <label class="sr-only" for={`composer-text-${seq}`}>
            {t("compose.postText")}
          </label>
          <textarea
            id={`composer-text-${seq}`}
            class="composer-text"
            placeholder={
              editing()
                ? t("compose.editPlaceholder")
                : props.compact
                  ? t("compose.whatsNew", {
                      name: (me()?.displayName ?? "").split(" ")[0] || t("compose.there"),
                    })
                  : t("compose.sharePlaceholder")
            }
            rows={expanded() ? 3 : 1}
            maxLength={10000}
            value={text()}
            autofocus={props.autofocus}
            aria-invalid={fields().text ? "true" : undefined}
            onFocus={() => setExpanded(true)}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setExpanded(true);
            }}
          />
          <Show when={fields().text}>
            <p class="field-error">{fields().text}</p>
          </Show>
        </div>
      </div>

      <MediaTiles picker={media} />
      <Show when={fields().mediaIds}>
        <p class="field-error">{fields().mediaIds}</p>
      </Show>

      <Show when={expanded()}>
        <fieldset class="segmented" aria-describedby={`composer-vis-hint-${seq}`}>
          <legend class="sr-only">{t("compose.whoCanSee")}</legend>
          <For each={VISIBILITIES}>
            {(v) => (
              <label class="segment" classList={{ active: visibility() === v.value }}>
                <input
                  type="radio"
                  name={`visibility-${seq}`}
                  value={v.value}
                  checked={visibility() === v.value}
                  onChange={() => setVisibility(v.value)}
                />
                <span>{v.label}</span>
              </label>
            )}
          </For>
        </fieldset>
        <p class="composer-hint" id={`composer-vis-hint-${seq}`}>
          {hint()}
        </p>

        <div class="composer-options">
          <Show when={visibility() === "ppv"}>
            <div class="field field-inline" classList={{ "has-error": !!fields().priceCents }}>
              <label for={`composer-price-${seq}`}>{t("compose.price")}</label>
              <div class="input-wrap has-prefix">
                <span class="input-affix input-prefix" aria-hidden="true">
                  {currencySymbol(currency())}
                </span>
                <input
                  id={`composer-price-${seq}`}
                  class="input input-price"
                  inputmode="decimal"
                  placeholder="5.00"
                  value={price()}
                  aria-invalid={fields().priceCents ? "true" : undefined}
                  onInput={(e) => setPrice(e.currentTarget.value)}
                />
              </div>
              <Show when={fields().priceCents}>
                <p class="field-error">{fields().priceCents}</p>
              </Show>
            </div>
          </Show>
          <ComposerPerformers state={performers} idPrefix={`composer-${seq}`} error={fields().coPerformers} />
          <Show when={!wasPublished()}>
            <Show
              when={scheduleOn()}
              fallback={
                <button type="button" class="btn btn-ghost btn-sm" onClick={() => setScheduleOn(true)}>
                  <Icon name="calendar" size={18} /> {t("compose.schedule")}
                </button>
              }
            >
              <div class="field field-inline" classList={{ "has-error": !!fields().publishAt }}>
                <label for={`composer-when-${seq}`}>{t("compose.publishAt")}</label>
                <div class="input-row">
                  <input
                    id={`composer-when-${seq}`}
                    class="input"
                    type="datetime-local"
                    value={when()}
                    min={toDatetimeLocal(Date.now())}
                    onInput={(e) => setWhen(e.currentTarget.value)}
                  />
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t("compose.removeSchedule")}
                    onClick={() => setScheduleOn(false)}
                  >
                    <Icon name="close" size={18} />
                  </button>
                </div>
                <Show when={fields().publishAt}>
                  <p class="field-error">{fields().publishAt}</p>
                </Show>
              </div>
            </Show>
          </Show>
        </div>
      </Show>

      <FormError message={error()} />
      <Show when={kycBlocked()}>
        <div>
          <A href="/settings/verification" class="btn btn-secondary btn-sm">
            {t("compose.verifyIdentity")}
          </A>
        </div>
      </Show>

      <div class="composer-actions">
        <MediaButtons picker={media} idPrefix={`composer-${seq}`} />
        <div class="spacer" />
        <Show when={props.onCancel}>
          <button type="button" class="btn btn-ghost" onClick={() => props.onCancel?.()}>
            {t("compose.cancel")}
          </button>
        </Show>
        <Show when={!wasPublished() && expanded()}>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={!!busy()}
            onClick={() => void submit("draft")}
          >
            {busy() === "draft" ? t("compose.saving") : t("compose.saveDraft")}
          </button>
        </Show>
        <button type="submit" class="btn btn-primary" disabled={!!busy()}>
          {busy() === "post"
            ? t("compose.saving")
            : wasPublished()
              ? t("compose.save")
              : scheduleOn()
                ? t("compose.schedule")
                : t("compose.post")}
        </button>
      </div>
    </form>
  );
}

function publishedMessage(p: Post, asked = false): string {
  if (p.status === "scheduled" && p.publishAt)
    return t("compose.scheduledFor", { when: absoluteTime(p.publishAt) });
  // Asked to publish but kept a draft: it waits for its co-performers (2257).
  if (p.status === "draft" && asked) return t("compose.waitsCoPerformers");
  if (p.status === "draft") return t("compose.draftSaved");
  return t("compose.posted");
}
