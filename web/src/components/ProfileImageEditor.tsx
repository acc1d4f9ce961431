// Creator settings: pick an avatar (square) or banner (3:1), frame it (drag or arrow keys to move, the
// slider or +/- to zoom), upload with progress, wait for processing, or go back to the generated one.
import { t, type MessageKey } from "../i18n";
import { createSignal, onCleanup, Show } from "solid-js";
import { api, errorMessage, uploadProfileImage, type ProfileImageKind, type Upload } from "../api/client";
import type { Creator, Media } from "../api/schema.gen";
import { hueFor } from "../lib/format";
import Avatar, { BannerImage } from "./Avatar";
import { FormError } from "./Field";

const ASPECT: Record<ProfileImageKind, number> = { avatar: 1, banner: 3 };
const MAX_ZOOM = 4;
const PROCESS_TIMEOUT_MS = 60_000;

interface Framing {
  /** Centre of the view in fractions of the image. */
  cx: number;
  cy: number;
  zoom: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The visible region as fractions of the image (what the server cuts out). */
function region(imageAspect: number, frameAspect: number, f: Framing) {
  // At zoom 1 the image covers the frame: one side fits exactly, the other overflows.
  const w = Math.min(1, imageAspect > frameAspect ? frameAspect / imageAspect : 1) / f.zoom;
  const h = Math.min(1, imageAspect > frameAspect ? 1 : imageAspect / frameAspect) / f.zoom;
  return {
    x: clamp(f.cx - w / 2, 0, 1 - w),
    y: clamp(f.cy - h / 2, 0, 1 - h),
    w,
    h,
  };
}

export default function ProfileImageEditor(props: {
  kind: ProfileImageKind;
  creator: Creator;
  onChange: (creator: Creator) => void;
}) {
  /** The message for this kind of picture (profile picture or banner). */
  const byKind = (avatar: MessageKey, banner: MessageKey) => t(props.kind === "avatar" ? avatar : banner);
  const aspect = ASPECT[props.kind];
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<string | null>(null);
  /** Natural width / height once the picked file decodes; null while loading or when it cannot (HEIC). */
  const [imageAspect, setImageAspect] = createSignal<number | null>(null);
  const [framing, setFraming] = createSignal<Framing>({ cx: 0.5, cy: 0.5, zoom: 1 });
  const [progress, setProgress] = createSignal<number | null>(null);
  const [processing, setProcessing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let upload: Upload<{ creator: Creator; media: Media }> | null = null;
  let frameEl: HTMLDivElement | undefined;
  let inputEl: HTMLInputElement | undefined;
  let cancelled = false;

  const current = () => (props.kind === "avatar" ? props.creator.avatarUrl : props.creator.bannerUrl);
  const busy = () => progress() !== null || processing();
  const crop = () => {
    const a = imageAspect();
    return a ? region(a, aspect, framing()) : null;
  };

  function clear() {
    const url = preview();
    if (url) URL.revokeObjectURL(url);
    setPreview(null);
    setFile(null);
    setImageAspect(null);
    if (inputEl) inputEl.value = "";
  }
  onCleanup(() => {
    cancelled = true;
    upload?.abort();
    clear();
  });

  function pick(f: File | undefined) {
    clear();
    setError(null);
    if (!f) return;
    setFile(f);
    setFraming({ cx: 0.5, cy: 0.5, zoom: 1 });
    setPreview(URL.createObjectURL(f));
  }

  /** Moves the view by a distance in frame widths / heights. */
  function pan(dxFrames: number, dyFrames: number) {
    const r = crop();
    if (!r) return;
    setFraming((f) => {
      const next = { ...f, cx: f.cx - dxFrames * r.w, cy: f.cy - dyFrames * r.h };
      // Keep the centre where the region can actually be, so a reversed drag responds at once.
      const moved = region(imageAspect()!, aspect, next);
      return { ...next, cx: moved.x + moved.w / 2, cy: moved.y + moved.h / 2 };
    });
  }
  const zoomTo = (z: number) => setFraming((f) => ({ ...f, zoom: clamp(z, 1, MAX_ZOOM) }));

  let drag: { x: number; y: number } | null = null;
  function onPointerDown(e: PointerEvent) {
    if (!crop()) return;
    drag = { x: e.clientX, y: e.clientY };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  }
  function onPointerMove(e: PointerEvent) {
    if (!drag || !frameEl) return;
    pan((e.clientX - drag.x) / frameEl.clientWidth, (e.clientY - drag.y) / frameEl.clientHeight);
    drag = { x: e.clientX, y: e.clientY };
  }
  function onKeyDown(e: KeyboardEvent) {
    const step = e.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[e.key];
    if (m) pan(m[0], m[1]);
    else if (e.key === "+" || e.key === "=") zoomTo(framing().zoom + 0.2);
    else if (e.key === "-") zoomTo(framing().zoom - 0.2);
    else return;
    e.preventDefault();
  }

  /** Polls the processing medium; the profile changes once it is ready. */
  async function waitForProcessing(mediaId: string) {
    const deadline = Date.now() + PROCESS_TIMEOUT_MS;
    while (!cancelled && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 600));
      const { media } = await api.media(mediaId);
      if (media.status === "failed") throw new Error(media.reason ?? t("media.errProcess"));
      if (media.status === "ready") return;
    }
    if (!cancelled) throw new Error(t("media.errSlow"));
  }

  async function save() {
    const f = file();
    if (!f) return;
    setError(null);
    setProgress(0);
    try {
      upload = uploadProfileImage(props.kind, f, crop(), setProgress);
      const { media } = await upload.promise;
      setProgress(null);
      setProcessing(true);
      await waitForProcessing(media.id);
      if (cancelled) return;
      props.onChange((await api.creator(props.creator.username)).creator);
      clear();
    } catch (err) {
      if (!(err instanceof DOMException && err.name === "AbortError")) setError(errorMessage(err));
    } finally {
      upload = null;
      setProgress(null);
      setProcessing(false);
    }
  }

  async function remove() {
    setError(null);
    setProcessing(true);
    try {
      props.onChange((await api.removeProfileImage(props.kind)).creator);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setProcessing(false);
    }
  }

  const imageStyle = () => {
    const r = crop();
    if (!r) return { width: "100%", height: "100%", left: "0", top: "0", "object-fit": "cover" as const };
    return {
      width: `${100 / r.w}%`,
      height: `${100 / r.h}%`,
      left: `${(-r.x / r.w) * 100}%`,
      top: `${(-r.y / r.h) * 100}%`,
    };
  };

  return (
    <div class={`image-editor image-editor-${props.kind}`}>
      <Show
        when={preview()}
        fallback={
          <div class="image-editor-current">
            <Show
              when={props.kind === "avatar"}
              fallback={
                <div
                  class="banner-preview"
                  style={{ "--banner-hue": String(hueFor(props.creator.username)) }}
                >
                  <Show when={props.creator.bannerUrl}>
                    {(url) => <BannerImage url={url()} srcset={props.creator.bannerSrcset} />}
                  </Show>
                </div>
              }
            >
              <Avatar
                name={props.creator.displayName}
                username={props.creator.username}
                url={props.creator.avatarUrl}
                srcset={props.creator.avatarSrcset}
                size="xl"
                labelled
              />
            </Show>
          </div>
        }
      >
        {(src) => (
          <div class="stack-sm">
            <div
              ref={frameEl}
              class="crop-frame"
              classList={{ round: props.kind === "avatar", fixed: !crop() }}
              style={{ "aspect-ratio": String(aspect) }}
              tabindex="0"
              role="group"
              aria-label={byKind("media.framingAvatar", "media.framingBanner")}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={() => (drag = null)}
              onPointerCancel={() => (drag = null)}
              onKeyDown={onKeyDown}
            >
              <img
                src={src()}
                alt={byKind("media.previewAvatar", "media.previewBanner")}
                draggable={false}
                style={imageStyle()}
                onLoad={(e) =>
                  setImageAspect(e.currentTarget.naturalWidth / Math.max(1, e.currentTarget.naturalHeight))
                }
                onError={() => setImageAspect(null)}
              />
            </div>
            <Show when={crop()} fallback={<p class="field-hint">{t("media.noPreview")}</p>}>
              <label class="zoom-field">
                <span>{t("media.zoom")}</span>
                <input
                  type="range"
                  min="1"
                  max={MAX_ZOOM}
                  step="0.05"
                  value={framing().zoom}
                  onInput={(e) => zoomTo(Number(e.currentTarget.value))}
                />
              </label>
            </Show>
          </div>
        )}
      </Show>

      <Show when={progress() !== null}>
        <div
          class="progress"
          role="progressbar"
          aria-label={byKind("media.uploadingAvatar", "media.uploadingBanner")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round((progress() ?? 0) * 100)}
        >
          <span class="progress-bar" style={{ width: `${Math.round((progress() ?? 0) * 100)}%` }} />
        </div>
      </Show>
      <Show when={processing() && file()}>
        <p class="muted small" role="status">
          <span class="spinner-dot" aria-hidden="true" /> {t("media.processing")}
        </p>
      </Show>
      <FormError message={error()} />

      <div class="row-actions">
        <input
          ref={inputEl}
          id={`pick-${props.kind}`}
          type="file"
          accept="image/*"
          class="sr-only"
          tabindex="-1"
          aria-hidden="true"
          disabled={busy()}
          onChange={(e) => pick(e.currentTarget.files?.[0])}
        />
        <Show
          when={file()}
          fallback={
            <>
              <button
                type="button"
                class="btn btn-secondary"
                disabled={busy()}
                onClick={() => inputEl?.click()}
              >
                {current()
                  ? byKind("media.changeAvatar", "media.changeBanner")
                  : byKind("media.uploadAvatar", "media.uploadBanner")}
              </button>
              <Show when={current()}>
                <button type="button" class="btn btn-ghost" disabled={busy()} onClick={() => void remove()}>
                  {t("media.remove")}
                </button>
              </Show>
            </>
          }
        >
          <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void save()}>
            {progress() !== null
              ? t("media.uploadingShort")
              : processing()
                ? t("media.processing")
                : byKind("media.saveAvatar", "media.saveBanner")}
          </button>
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() => {
              upload?.abort();
              clear();
            }}
          >
            {t("media.cancel")}
          </button>
        </Show>
      </div>
    </div>
  );
}
