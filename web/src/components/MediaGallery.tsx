// A post's media: one, two, a 2×2 grid or a swipeable carousel for more. Images are lazy-loaded with
// their size reserved (no layout shift) and open full size in a lightbox; videos show their poster and
// duration and play HLS on click (hls.js, or the browser's own HLS on Safari). Locked posts get
// LockedPreview: the blurred previews under the lock, the media count and the price.
import { locale, t } from "../i18n";
import { createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from "solid-js";
import { api } from "../api/client";
import type { Media } from "../api/schema.gen";
import { aspect, formatDuration, mediaAlt, mediaCount, pictureUrl } from "../lib/media";
import Icon from "./Icon";

const CAROUSEL_FROM = 5;
// How wide a picture shows, for the browser to pick from srcset: the centre column is at most 640 px
// and the whole width on a phone; two and 2×2 layouts give each picture half of it.
const FULL_COLUMN = "(max-width: 720px) 100vw, 640px";
const HALF_COLUMN = "(max-width: 720px) 50vw, 320px";

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

export default function MediaGallery(props: {
  media: Media[];
  label?: string;
  /** The owner's own post: media still processing are asked about every two seconds. */
  poll?: boolean;
  /** The first post on screen: its first picture is likely the page's largest paint, fetched first. */
  priority?: boolean;
}) {
  const [open, setOpen] = createSignal<number | null>(null);
  const [fresh, setFresh] = createSignal<Record<string, Media>>({});
  const items = () => props.media.map((m) => fresh()[m.id] ?? m);
  const n = () => items().length;
  if (props.poll) {
    const timer = setInterval(() => {
      for (const m of items()) {
        if (m.status !== "processing") continue;
        api.media(m.id).then(
          (r) => setFresh((f) => ({ ...f, [m.id]: r.media })),
          () => undefined,
        );
      }
    }, 2000);
    onCleanup(() => clearInterval(timer));
  }
  const layout = () => (n() === 1 ? "one" : n() === 2 ? "two" : n() < CAROUSEL_FROM ? "grid" : "carousel");
  let track: HTMLDivElement | undefined;
  const [slide, setSlide] = createSignal(0);

  const go = (i: number) => {
    const el = track?.children[clamp(i, 0, n() - 1)] as HTMLElement | undefined;
    el?.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "start" });
  };

  const item = (m: Media, i: number) => (
    <MediaItem
      media={m}
      index={i}
      total={n()}
      single={n() === 1}
      sizes={layout() === "two" || layout() === "grid" ? HALF_COLUMN : FULL_COLUMN}
      priority={!!props.priority && i === 0}
      onOpen={() => setOpen(i)}
    />
  );

  return (
    <div class="gallery-wrap">
      <Show
        when={layout() === "carousel"}
        fallback={
          <div
            class={`gallery gallery-${layout()}`}
            classList={{ "gallery-three": n() === 3 }}
            role="group"
            aria-label={props.label ?? mediaCount(items())}
            style={
              n() === 1 && items()[0]
                ? { "aspect-ratio": String(clamp(aspect(items()[0] as Media), 0.8, 1.91)) }
                : undefined
            }
          >
            <For each={items()}>{(m, i) => item(m, i())}</For>
          </div>
        }
      >
        <div class="carousel" role="group" aria-roledescription="carousel" aria-label={mediaCount(items())}>
          <div
            ref={track}
            class="carousel-track"
            tabindex="0"
            aria-label={t("media.slides")}
            onScroll={(e) => {
              const el = e.currentTarget;
              const w = (el.firstElementChild as HTMLElement | null)?.offsetWidth ?? el.clientWidth;
              setSlide(clamp(Math.round(el.scrollLeft / Math.max(1, w)), 0, n() - 1));
            }}
          >
            <For each={items()}>
              {(m, i) => (
                <div
                  class="carousel-slide"
                  aria-roledescription="slide"
                  aria-label={t("media.slideOf", { index: i() + 1, total: n() })}
                >
                  {item(m, i())}
                </div>
              )}
            </For>
          </div>
          <button
            type="button"
            class="carousel-nav carousel-prev"
            aria-label={t("media.previous")}
            disabled={slide() === 0}
            onClick={() => go(slide() - 1)}
          >
            <Icon name="chevron-left" />
          </button>
          <button
            type="button"
            class="carousel-nav carousel-next"
            aria-label={t("media.next")}
            disabled={slide() >= n() - 1}
            onClick={() => go(slide() + 1)}
          >
            <Icon name="chevron-right" />
          </button>
          <span class="carousel-count" aria-hidden="true">
            {slide() + 1} / {n()}
          </span>
        </div>
      </Show>
      <Show when={open() !== null}>
        <Lightbox media={items()} start={open() ?? 0} onClose={() => setOpen(null)} />
      </Show>
    </div>
  );
}

function MediaItem(props: {
  media: Media;
  index: number;
  total: number;
  single: boolean;
  sizes: string;
  priority?: boolean;
  onOpen: () => void;
}) {
  const m = () => props.media;
  const alt = () => mediaAlt(m(), props.index, props.total);
  return (
    <div class="gallery-item" classList={{ "gallery-video": m().kind === "video" }}>
      <Switch>
        <Match when={m().status === "failed"}>
          <div class="gallery-status gallery-failed">
            <Icon name="close" size={22} />
            <span>{m().kind === "video" ? t("media.failedVideo") : t("media.failedPhoto")}</span>
          </div>
        </Match>
        <Match when={m().status === "processing" || !pictureUrl(m(), "feed")}>
          <div class="gallery-status">
            <Icon name={m().kind === "video" ? "play" : "image"} size={22} />
            <span>{t("media.processing")}</span>
          </div>
        </Match>
        <Match when={m().kind === "video"}>
          <VideoPlayer media={m()} label={alt()} />
        </Match>
        <Match when={true}>
          <button
            type="button"
            class="gallery-open"
            aria-label={t("media.openFull", { alt: alt() })}
            onClick={props.onOpen}
          >
            <img
              src={pictureUrl(m(), "feed") ?? ""}
              srcset={m().urls.srcset ?? undefined}
              sizes={m().urls.srcset ? props.sizes : undefined}
              alt={alt()}
              width={m().width ?? undefined}
              height={m().height ?? undefined}
              loading={props.priority ? "eager" : "lazy"}
              fetchpriority={props.priority ? "high" : undefined}
              decoding="async"
            />
          </button>
        </Match>
      </Switch>
    </div>
  );
}

type HlsModule = typeof import("hls.js/light");

/** The poster and a play button; on click, the <video> with HLS attached. */
function VideoPlayer(props: { media: Media; label: string }) {
  const [playing, setPlaying] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const poster = () => pictureUrl(props.media, "feed");

  return (
    <Show
      when={playing()}
      fallback={
        <button
          type="button"
          class="video-poster"
          aria-label={t("media.play", {
            label: locale() === "de" ? props.label : props.label.toLowerCase(),
            duration: formatDuration(props.media.duration),
          })}
          onClick={() => setPlaying(true)}
        >
          <Show when={poster()}>
            {(src) => (
              <img
                src={src()}
                alt=""
                width={props.media.width ?? undefined}
                height={props.media.height ?? undefined}
                loading="lazy"
                decoding="async"
              />
            )}
          </Show>
          <span class="video-play" aria-hidden="true">
            <Icon name="play" size={28} />
          </span>
          <Show when={props.media.duration !== null}>
            <span class="media-duration">{formatDuration(props.media.duration)}</span>
          </Show>
        </button>
      }
    >
      <Show
        when={!error()}
        fallback={
          <div class="gallery-status gallery-failed" role="alert">
            <span>{error()}</span>
          </div>
        }
      >
        <HlsVideo media={props.media} label={props.label} poster={poster()} onError={setError} />
      </Show>
    </Show>
  );
}

function HlsVideo(props: {
  media: Media;
  label: string;
  poster: string | null;
  onError: (msg: string) => void;
}) {
  let video!: HTMLVideoElement;
  let hls: InstanceType<HlsModule["default"]> | null = null;
  let gone = false;

  onMount(() => {
    const src = props.media.urls.hls;
    if (!src) {
      props.onError(t("media.notYet"));
      return;
    }
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = src;
      void video.play().catch(() => undefined);
      return;
    }
    import("hls.js/light").then(
      ({ default: Hls }) => {
        if (gone) return;
        if (!Hls.isSupported()) {
          props.onError(t("media.noBrowser"));
          return;
        }
        // No worker: the site's CSP allows no blob: workers.
        hls = new Hls({ enableWorker: false });
        hls.on(Hls.Events.ERROR, (_e, data) => {
          if (data.fatal) props.onError(t("media.stopped"));
        });
        hls.loadSource(src);
        hls.attachMedia(video);
        void video.play().catch(() => undefined);
      },
      () => props.onError(t("media.playerFailed")),
    );
  });
  onCleanup(() => {
    gone = true;
    hls?.destroy();
  });

  return (
    <video
      ref={video}
      class="video"
      controls
      playsinline
      poster={props.poster ?? undefined}
      aria-label={props.label}
      width={props.media.width ?? undefined}
      height={props.media.height ?? undefined}
    />
  );
}

/** The full-size view: a native <dialog> with previous/next (also with the arrow keys). */
function Lightbox(props: { media: Media[]; start: number; onClose: () => void }) {
  let ref!: HTMLDialogElement;
  let returnFocus: Element | null = null;
  const [i, setI] = createSignal(props.start);
  const m = () => props.media[i()];
  const n = () => props.media.length;
  const step = (d: number) => setI((x) => clamp(x + d, 0, n() - 1));

  onMount(() => {
    returnFocus = document.activeElement;
    ref.showModal();
  });
  onCleanup(() => {
    if (ref.open) ref.close();
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  });

  return (
    <dialog
      ref={ref}
      class="lightbox"
      aria-label={m() ? mediaAlt(m() as Media, i(), n()) : t("media.media")}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft") step(-1);
        else if (e.key === "ArrowRight") step(1);
      }}
      onClick={(e) => {
        if (e.target === ref || (e.target as HTMLElement).classList.contains("lightbox-stage"))
          props.onClose();
      }}
    >
      <div class="lightbox-stage">
        <Show when={m()}>{(cur) => <LightboxItem media={cur()} index={i()} total={n()} />}</Show>
      </div>
      <button
        type="button"
        class="lightbox-btn lightbox-close"
        aria-label={t("media.close")}
        onClick={props.onClose}
      >
        <Icon name="close" />
      </button>
      <Show when={n() > 1}>
        <button
          type="button"
          class="lightbox-btn lightbox-prev"
          aria-label={t("media.previous")}
          disabled={i() === 0}
          onClick={() => step(-1)}
        >
          <Icon name="chevron-left" />
        </button>
        <button
          type="button"
          class="lightbox-btn lightbox-next"
          aria-label={t("media.next")}
          disabled={i() === n() - 1}
          onClick={() => step(1)}
        >
          <Icon name="chevron-right" />
        </button>
        <span class="lightbox-count">
          {i() + 1} / {n()}
        </span>
      </Show>
    </dialog>
  );
}

function LightboxItem(props: { media: Media; index: number; total: number }): JSX.Element {
  const alt = () => mediaAlt(props.media, props.index, props.total);
  return (
    <Show
      when={props.media.kind === "image" && props.media.status === "ready"}
      fallback={
        <Show
          when={props.media.kind === "video" && props.media.status === "ready"}
          fallback={<p class="lightbox-note">{t("media.notReady")}</p>}
        >
          <div class="lightbox-video">
            <VideoPlayer media={props.media} label={alt()} />
          </div>
        </Show>
      }
    >
      <img
        class="lightbox-img"
        src={pictureUrl(props.media, "full") ?? ""}
        srcset={props.media.urls.srcset ?? undefined}
        sizes={props.media.urls.srcset ? "100vw" : undefined}
        alt={alt()}
        width={props.media.width ?? undefined}
        height={props.media.height ?? undefined}
        decoding="async"
      />
    </Show>
  );
}

/** Under the lock: the blurred previews (the only thing a locked post's media carries). */
export function LockedPreviews(props: { media: Media[] }) {
  const shown = () => props.media.filter((m) => m.urls.preview).slice(0, 4);
  return (
    <div
      class={`locked-previews locked-previews-${Math.min(4, Math.max(1, shown().length))}`}
      aria-hidden="true"
    >
      <For each={shown()}>
        {(m) => <img src={m.urls.preview ?? ""} alt="" loading="lazy" decoding="async" />}
      </For>
    </div>
  );
}
