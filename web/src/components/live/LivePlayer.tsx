// A live stream's player: the HLS master playlist through hls.js (loaded on first use, as for videos in
// posts), or the browser's own HLS on Safari. It starts muted (browsers allow muted autoplay), keeps
// near the live edge, offers "Back to live" when the viewer fell behind, and retries by itself while
// the first segments are not there yet (a stream that has just started).
import { t } from "../../i18n";
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import Icon from "../Icon";

type HlsModule = typeof import("hls.js/light");
type Hls = InstanceType<HlsModule["default"]>;

/** Seconds behind the live edge before "Back to live" shows. */
const BEHIND_S = 12;
const RETRY_MS = 3000;
const MAX_RETRIES = 20;

export default function LivePlayer(props: {
  src: string;
  poster: string | null;
  label: string;
  /** The creator's preview: smaller, and no sound unless asked. */
  preview?: boolean;
}) {
  let video!: HTMLVideoElement;
  let hls: Hls | null = null;
  let gone = false;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const [error, setError] = createSignal<string | null>(null);
  /** Until the first frame plays (and while retrying); the browser's controls show later stalls. */
  const [waiting, setWaiting] = createSignal(true);
  const [behind, setBehind] = createSignal(false);
  const [mutedNote, setMutedNote] = createSignal(true);

  function liveEdge(): number | null {
    if (hls && hls.liveSyncPosition !== null && hls.liveSyncPosition !== undefined)
      return hls.liveSyncPosition;
    const r = video.seekable;
    return r.length > 0 ? r.end(r.length - 1) : null;
  }

  function toLive(): void {
    const edge = liveEdge();
    if (edge !== null) video.currentTime = Math.max(0, edge - 1);
    void video.play().catch(() => undefined);
  }

  function onTime(): void {
    const edge = liveEdge();
    setBehind(edge !== null && edge - video.currentTime > BEHIND_S);
  }

  function start(Hls: HlsModule["default"]): void {
    hls?.destroy();
    // No worker: the site's CSP allows no blob: workers.
    const h = new Hls({
      enableWorker: false,
      lowLatencyMode: false,
      liveSyncDurationCount: 3,
      liveMaxLatencyDurationCount: 8,
      manifestLoadingMaxRetry: 4,
      levelLoadingMaxRetry: 4,
    });
    hls = h;
    h.on(Hls.Events.MANIFEST_PARSED, () => {
      retries = 0;
      setError(null);
      void video.play().catch(() => undefined);
    });
    h.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal || gone) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        h.recoverMediaError();
        return;
      }
      // Not there yet (the stream has just started) or a dropped line: try again for a while.
      if (retries < MAX_RETRIES) {
        retries++;
        setWaiting(true);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => {
          if (!gone) start(Hls);
        }, RETRY_MS);
        return;
      }
      setError(t("live.stopped"));
    });
    h.loadSource(props.src);
    h.attachMedia(video);
  }

  function boot(): void {
    setError(null);
    retries = 0;
    if (!window.MediaSource && video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = props.src;
      void video.play().catch(() => undefined);
      return;
    }
    import("hls.js/light").then(
      ({ default: Hls }) => {
        if (gone) return;
        if (!Hls.isSupported()) {
          if (video.canPlayType("application/vnd.apple.mpegurl")) {
            video.src = props.src;
            void video.play().catch(() => undefined);
          } else setError(t("live.cantPlay"));
          return;
        }
        start(Hls);
      },
      () => setError(t("live.playerFailed")),
    );
  }

  onMount(boot);
  onCleanup(() => {
    gone = true;
    clearTimeout(retryTimer);
    hls?.destroy();
    hls = null;
  });

  return (
    <div class="live-player" classList={{ "live-player-preview": !!props.preview }}>
      <video
        ref={video}
        class="live-video"
        controls
        autoplay
        muted
        playsinline
        poster={props.poster ?? undefined}
        aria-label={props.label}
        onPlaying={() => setWaiting(false)}
        onTimeUpdate={onTime}
        onVolumeChange={() => setMutedNote(video.muted)}
      />
      <Show when={waiting() && !error()}>
        <div class="live-player-wait" aria-hidden="true">
          <span class="live-spinner" />
        </div>
      </Show>
      <Show when={mutedNote() && !waiting() && !error() && !props.preview}>
        <button
          type="button"
          class="live-unmute"
          onClick={() => {
            video.muted = false;
            void video.play().catch(() => undefined);
          }}
        >
          <Icon name="volume" size={18} /> {t("live.unmute")}
        </button>
      </Show>
      <Show when={behind() && !error()}>
        <button type="button" class="live-to-edge" onClick={toLive}>
          <span class="live-dot" aria-hidden="true" /> {t("live.backToLive")}
        </button>
      </Show>
      <Show when={error()}>
        {(msg) => (
          <div class="live-player-error" role="alert">
            <p>{msg()}</p>
            <button type="button" class="btn btn-secondary btn-sm" onClick={boot}>
              {t("common.tryAgain")}
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
