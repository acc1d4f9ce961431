// The creator's vault: every photo and video they uploaded, newest first, with status, kind and size;
// uploads start here too (one progress bar per file), and processing items update by themselves.
import { usePageTitle } from "../lib/page-title";
import { formatDate, t } from "../i18n";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { api, errorMessage, uploadMedia } from "../api/client";
import type { OwnMedia } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireCreator } from "../components/Guards";
import Icon from "../components/Icon";
import PagerFooter from "../components/PagerFooter";
import { absoluteTime } from "../lib/format";
import { failureText, formatDuration, isOwnMedia, pictureUrl, processingLabel } from "../lib/media";
import { createPager } from "../lib/pager";

const POLL_MS = 2000;

interface Pending {
  key: number;
  name: string;
  progress: number;
  error: string | null;
}

function details(m: OwnMedia): string {
  const parts: string[] = [m.kind === "video" ? t("media.video") : t("media.photo")];
  if (m.width && m.height) parts.push(`${m.width}×${m.height}`);
  if (m.kind === "video" && m.duration !== null) parts.push(formatDuration(m.duration));
  return parts.join(" · ");
}

export default function Vault() {
  usePageTitle(() => t("media.vault"));
  const pager = createPager<OwnMedia>((cursor) => api.vault(cursor, 30));
  const [pending, setPending] = createSignal<Pending[]>([]);
  let input!: HTMLInputElement;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let alive = true;

  /** Every two seconds, asks again about items still processing. */
  function poll() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const waiting = pager.items.filter((m) => m.status === "processing").map((m) => m.id);
      if (!alive) return;
      if (waiting.length === 0) return poll();
      void Promise.allSettled(
        waiting.map((id) =>
          api.media(id).then((r) => alive && isOwnMedia(r.media) && pager.update(id, r.media)),
        ),
      ).then(() => alive && poll());
    }, POLL_MS);
  }

  onMount(() => {
    void pager.loadMore();
    poll();
  });
  onCleanup(() => {
    alive = false;
    clearTimeout(timer);
  });

  function upload(files: File[]) {
    for (const file of files) {
      const key = ++seq;
      setPending((p) => [...p, { key, name: file.name, progress: 0, error: null }]);
      const set = (patch: Partial<Pending>) =>
        setPending((p) => p.map((x) => (x.key === key ? { ...x, ...patch } : x)));
      uploadMedia(file, (f) => set({ progress: f })).promise.then(
        (m) => {
          if (!alive) return;
          setPending((p) => p.filter((x) => x.key !== key));
          pager.prepend(m);
        },
        (err: unknown) => alive && set({ error: errorMessage(err) }),
      );
    }
  }

  return (
    <RequireCreator>
      <div class="stack">
        <div class="page-head">
          <h1 class="page-title">{t("media.vault")}</h1>
          <div class="spacer" />
          <input
            ref={input}
            type="file"
            class="sr-only"
            accept="image/*,video/*"
            multiple
            tabindex="-1"
            aria-label={t("media.uploadPhotos")}
            onChange={(e) => {
              const files = e.currentTarget.files;
              if (files?.length) upload(Array.from(files));
              e.currentTarget.value = "";
            }}
          />
          <button type="button" class="btn btn-primary" onClick={() => input.click()}>
            <Icon name="plus" /> {t("media.upload")}
          </button>
        </div>
        <p class="muted">{t("media.vaultLead")}</p>

        <Show when={pending().length > 0}>
          <ul class="card vault-uploads" aria-label={t("media.uploads")}>
            <For each={pending()}>
              {(u) => (
                <li class="vault-upload">
                  <span class="truncate">{u.name}</span>
                  <Show
                    when={u.error}
                    fallback={
                      <div
                        class="progress"
                        role="progressbar"
                        aria-label={t("media.uploadingName", { name: u.name })}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(u.progress * 100)}
                      >
                        <span class="progress-bar" style={{ width: `${Math.round(u.progress * 100)}%` }} />
                      </div>
                    }
                  >
                    {(msg) => (
                      <span class="media-error-msg" role="alert">
                        {msg()}
                      </span>
                    )}
                  </Show>
                  <Show when={u.error}>
                    <button
                      type="button"
                      class="icon-btn icon-btn-sm"
                      aria-label={t("media.dismissName", { name: u.name })}
                      onClick={() => setPending((p) => p.filter((x) => x.key !== u.key))}
                    >
                      <Icon name="close" size={16} />
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>

        <Show
          when={!pager.initial()}
          fallback={
            <div class="vault-grid" aria-busy="true" aria-label={t("media.loadingVault")}>
              <For each={Array.from({ length: 6 })}>
                {() => (
                  <div class="card vault-item" aria-hidden="true">
                    <span class="sk vault-thumb" />
                    <span class="sk sk-line" style={{ width: "60%", margin: "10px 12px" }} />
                  </div>
                )}
              </For>
            </div>
          }
        >
          <Show
            when={pager.items.length > 0 || pager.error()}
            fallback={
              <EmptyState icon="folder" title={t("media.vaultEmpty")}>
                <p class="muted">{t("media.vaultEmptyBody")}</p>
                <button type="button" class="btn btn-primary" onClick={() => input.click()}>
                  <Icon name="plus" /> {t("media.upload")}
                </button>
              </EmptyState>
            }
          >
            <ul class="vault-grid" aria-label={t("media.yourMedia")}>
              <For each={pager.items}>
                {(m) => (
                  <li class="card vault-item">
                    <div class="vault-thumb">
                      <Show
                        when={pictureUrl(m, "thumb")}
                        fallback={
                          <span class="media-tile-icon" aria-hidden="true">
                            <Icon name={m.kind === "video" ? "play" : "image"} size={26} />
                          </span>
                        }
                      >
                        {(src) => (
                          <img
                            src={src()}
                            alt={
                              m.fileName
                                ? t("media.altNamed", {
                                    kind: m.kind === "video" ? t("media.video") : t("media.photo"),
                                    name: m.fileName,
                                  })
                                : m.kind === "video"
                                  ? t("media.video")
                                  : t("media.photo")
                            }
                            loading="lazy"
                            decoding="async"
                          />
                        )}
                      </Show>
                      <Show when={m.kind === "video" && m.duration !== null}>
                        <span class="media-duration">{formatDuration(m.duration)}</span>
                      </Show>
                    </div>
                    <div class="vault-info">
                      <span class="vault-name truncate" title={m.fileName}>
                        {m.fileName ?? (m.kind === "video" ? t("media.video") : t("media.photo"))}
                      </span>
                      <span class="muted small">{details(m)}</span>
                      <Show when={m.status !== "ready"}>
                        <span
                          class="badge"
                          classList={{
                            "badge-accent": m.status === "processing",
                            "badge-danger": m.status === "failed",
                          }}
                        >
                          {m.status === "processing" ? processingLabel(m) : t("media.failed")}
                        </span>
                      </Show>
                      <Show when={m.status === "failed"}>
                        <span class="media-error-msg">{failureText(m)}</span>
                      </Show>
                      <Show when={m.createdAt}>
                        {(at) => (
                          <span class="muted small" title={absoluteTime(at())}>
                            {formatDate(at(), { year: "numeric", month: "numeric", day: "numeric" })}
                          </span>
                        )}
                      </Show>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <PagerFooter pager={pager} />
        </Show>
      </div>
    </RequireCreator>
  );
}
