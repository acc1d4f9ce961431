// The composer's media: files upload the moment they are picked (one progress bar each), then show
// their thumbnail, or "Processing…" until the server has made the delivery versions. Tiles can be
// removed and reordered by dragging or with the move buttons; "From vault" adds earlier uploads.
import { createSignal, For, onCleanup, Show } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { api, errorMessage, uploadMedia, type Upload } from "../api/client";
import type { MediaKind, OwnMedia } from "../api/schema.gen";
import { createPager } from "../lib/pager";
import {
  failureText,
  formatDuration,
  mediaCount,
  pictureUrl,
  processingLabel,
  fileNameOf,
  type AnyMedia,
} from "../lib/media";
import Dialog from "./Dialog";
import Icon from "./Icon";
import PagerFooter from "./PagerFooter";

/** The server's limit of media per post. */
export const MAX_MEDIA = 20;
const POLL_MS = 2000;

export type TileState = "uploading" | "processing" | "ready" | "failed" | "error";

export interface Tile {
  key: string;
  /** The server's id once the upload is accepted. */
  id: string | null;
  name: string;
  kind: MediaKind;
  /** A local preview of a picked image while it uploads (blob: URL). */
  localUrl: string | null;
  progress: number;
  state: TileState;
  media: AnyMedia | null;
  error: string | null;
}

let tileSeq = 0;

function tileOf(m: AnyMedia): Tile {
  return {
    key: `t${++tileSeq}`,
    id: m.id,
    name: fileNameOf(m) ?? (m.kind === "video" ? "Video" : "Photo"),
    kind: m.kind,
    localUrl: null,
    progress: 1,
    state: m.status === "ready" ? "ready" : m.status === "failed" ? "failed" : "processing",
    media: m,
    error: m.status === "failed" ? failureText(m) : null,
  };
}

export interface MediaPickerState {
  tiles: Tile[];
  /** Ids to send with the post, in order (failed uploads left out). */
  ids: () => string[];
  /** Files still uploading (they have no id yet). */
  uploading: () => number;
  addFiles: (files: FileList | File[]) => void;
  addMedia: (items: AnyMedia[]) => void;
  remove: (key: string) => void;
  move: (from: number, to: number) => void;
  reset: (items?: AnyMedia[]) => void;
}

/** The state behind the composer's media tiles; call inside a component (timers end with it). */
export function createMediaPicker(initial: readonly AnyMedia[] = []): MediaPickerState {
  const [state, setState] = createStore<{ tiles: Tile[] }>({ tiles: [] });
  const uploads = new Map<string, Upload>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let alive = true;

  const patch = (key: string, p: Partial<Tile>) => {
    const i = state.tiles.findIndex((t) => t.key === key);
    if (i >= 0) setState("tiles", i, p);
  };
  const has = (key: string) => state.tiles.some((t) => t.key === key);

  function settle(key: string, m: AnyMedia) {
    const name = fileNameOf(m);
    patch(key, {
      ...(name ? { name } : {}),
      id: m.id,
      media: m,
      kind: m.kind,
      progress: 1,
      state: m.status === "ready" ? "ready" : m.status === "failed" ? "failed" : "processing",
      error: m.status === "failed" ? failureText(m) : null,
    });
    if (m.status === "processing") watch(key, m.id);
  }

  /** Asks the server every two seconds until the medium is ready or failed. */
  function watch(key: string, id: string) {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!alive || !has(key)) return;
        api.media(id).then(
          (res) => alive && has(key) && settle(key, res.media),
          () => alive && has(key) && watch(key, id),
        );
      }, POLL_MS),
    );
  }

  function addFiles(list: FileList | File[]) {
    const files = Array.from(list);
    for (const file of files) {
      const kind: MediaKind = file.type.startsWith("video/") ? "video" : "image";
      const key = `t${++tileSeq}`;
      const tile: Tile = {
        key,
        id: null,
        name: file.name || (kind === "video" ? "Video" : "Photo"),
        kind,
        localUrl: kind === "image" && file.type.startsWith("image/") ? URL.createObjectURL(file) : null,
        progress: 0,
        state: "uploading",
        media: null,
        error: null,
      };
      setState("tiles", (t) => [...t, tile]);
      const up = uploadMedia(file, (f) => patch(key, { progress: f }));
      uploads.set(key, up);
      up.promise.then(
        (m) => {
          uploads.delete(key);
          if (alive && has(key)) settle(key, m);
        },
        (err: unknown) => {
          uploads.delete(key);
          if (err instanceof DOMException && err.name === "AbortError") return;
          if (alive && has(key)) patch(key, { state: "error", error: errorMessage(err) });
        },
      );
    }
  }

  function addMedia(items: AnyMedia[]) {
    const present = new Set(state.tiles.map((t) => t.id));
    const fresh = items.filter((m) => !present.has(m.id)).map(tileOf);
    setState("tiles", (t) => [...t, ...fresh]);
    for (const t of fresh) {
      if (!t.id) continue;
      if (t.state === "processing") watch(t.key, t.id);
      else if (!t.media || !fileNameOf(t.media)) {
        // A post's media carries no file names; the owner's own view of each medium does.
        const key = t.key;
        api.media(t.id).then(
          (r) => {
            const name = fileNameOf(r.media);
            if (alive && has(key) && name) patch(key, { name });
          },
          () => undefined,
        );
      }
    }
  }

  function drop(t: Tile) {
    uploads.get(t.key)?.abort();
    uploads.delete(t.key);
    clearTimeout(timers.get(t.key));
    timers.delete(t.key);
    if (t.localUrl) URL.revokeObjectURL(t.localUrl);
  }

  function reset(items: AnyMedia[] = []) {
    for (const t of state.tiles) drop(t);
    setState("tiles", []);
    addMedia(items);
  }

  addMedia([...initial]);
  onCleanup(() => {
    alive = false;
    for (const t of state.tiles) drop(t);
  });

  return {
    get tiles() {
      return state.tiles;
    },
    ids: () =>
      state.tiles
        .filter((t) => t.id && t.state !== "failed" && t.state !== "error")
        .map((t) => t.id as string),
    uploading: () => state.tiles.filter((t) => t.state === "uploading").length,
    addFiles,
    addMedia,
    remove(key) {
      const t = state.tiles.find((x) => x.key === key);
      if (t) drop(t);
      setState("tiles", (tiles) => tiles.filter((x) => x.key !== key));
    },
    move(from, to) {
      if (from === to || to < 0 || to >= state.tiles.length) return;
      setState(
        produce((s) => {
          const [t] = s.tiles.splice(from, 1);
          if (t) s.tiles.splice(to, 0, t);
        }),
      );
    },
    reset,
  };
}

function stateLabel(t: Tile): string {
  switch (t.state) {
    case "uploading":
      return `Uploading ${Math.round(t.progress * 100)} %`;
    case "processing":
      return processingLabel(t.media);
    case "ready":
      return t.kind === "video" ? `Video · ${formatDuration(t.media?.duration)}` : "Ready";
    case "failed":
      return "Processing failed";
    default:
      return "Upload failed";
  }
}

/** The tiles above the composer's actions. */
export function MediaTiles(props: { picker: MediaPickerState }) {
  const [dragFrom, setDragFrom] = createSignal<number | null>(null);
  const [dragOver, setDragOver] = createSignal<number | null>(null);
  const [announce, setAnnounce] = createSignal("");
  const count = () => props.picker.tiles.length;

  function moveTo(from: number, to: number) {
    const t = props.picker.tiles[from];
    props.picker.move(from, to);
    if (t) setAnnounce(`${t.name} moved to position ${to + 1} of ${count()}`);
  }

  return (
    <Show when={count() > 0}>
      <ul class="media-tiles" aria-label="Attached media (drag or use the arrows to reorder)">
        <For each={props.picker.tiles}>
          {(t, i) => (
            <li
              class={`media-tile media-tile-${t.state}`}
              classList={{
                "drag-over": dragOver() === i() && dragFrom() !== i(),
                dragging: dragFrom() === i(),
              }}
              draggable={true}
              onDragStart={(e) => {
                setDragFrom(i());
                e.dataTransfer?.setData("text/plain", String(i()));
                if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
              }}
              onDragOver={(e) => {
                if (dragFrom() === null) return;
                e.preventDefault();
                setDragOver(i());
              }}
              onDragLeave={() => dragOver() === i() && setDragOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                const from = dragFrom();
                if (from !== null) moveTo(from, i());
                setDragFrom(null);
                setDragOver(null);
              }}
              onDragEnd={() => {
                setDragFrom(null);
                setDragOver(null);
              }}
            >
              <div class="media-tile-frame">
                <Show
                  when={(t.media && pictureUrl(t.media, "thumb")) || t.localUrl}
                  fallback={
                    <span class="media-tile-icon" aria-hidden="true">
                      <Icon name={t.kind === "video" ? "play" : "image"} size={26} />
                    </span>
                  }
                >
                  {(src) => <img src={src()} alt={`${t.kind === "video" ? "Video" : "Photo"}: ${t.name}`} />}
                </Show>
                <span class="media-tile-pos" aria-hidden="true">
                  {i() + 1}
                </span>
                <Show when={t.state === "uploading"}>
                  <div
                    class="progress media-tile-progress"
                    role="progressbar"
                    aria-label={`Uploading ${t.name}`}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(t.progress * 100)}
                  >
                    <span class="progress-bar" style={{ width: `${Math.round(t.progress * 100)}%` }} />
                  </div>
                </Show>
                <Show when={t.state === "processing"}>
                  <span class="media-tile-overlay">
                    <span class="spinner-dot" aria-hidden="true" /> {processingLabel(t.media)}
                  </span>
                </Show>
                <Show when={t.state === "ready" && t.kind === "video"}>
                  <span class="media-duration">{formatDuration(t.media?.duration)}</span>
                </Show>
                <button
                  type="button"
                  class="media-tile-remove"
                  aria-label={`Remove ${t.name}`}
                  title="Remove"
                  onClick={() => props.picker.remove(t.key)}
                >
                  <Icon name="close" size={16} />
                </button>
              </div>
              <div class="media-tile-foot">
                <span class="media-tile-name truncate" title={t.name}>
                  {t.name}
                </span>
                <Show when={t.error} fallback={<span class="media-tile-state">{stateLabel(t)}</span>}>
                  {(msg) => (
                    <span class="media-error-msg" role="alert">
                      {msg()}
                    </span>
                  )}
                </Show>
                <span class="media-tile-move">
                  <button
                    type="button"
                    class="icon-btn icon-btn-sm"
                    aria-label={`Move ${t.name} earlier`}
                    disabled={i() === 0}
                    onClick={() => moveTo(i(), i() - 1)}
                  >
                    <Icon name="chevron-left" size={16} />
                  </button>
                  <button
                    type="button"
                    class="icon-btn icon-btn-sm"
                    aria-label={`Move ${t.name} later`}
                    disabled={i() === count() - 1}
                    onClick={() => moveTo(i(), i() + 1)}
                  >
                    <Icon name="chevron-right" size={16} />
                  </button>
                </span>
              </div>
            </li>
          )}
        </For>
      </ul>
      <p class="sr-only" aria-live="polite">
        {announce()}
      </p>
    </Show>
  );
}

/** "Add photos or videos" and "From vault", for the composer's action row. */
export function MediaButtons(props: { picker: MediaPickerState; idPrefix: string }) {
  let input!: HTMLInputElement;
  const [vaultOpen, setVaultOpen] = createSignal(false);
  const full = () => props.picker.tiles.length >= MAX_MEDIA;
  return (
    <>
      <input
        ref={input}
        id={`${props.idPrefix}-files`}
        type="file"
        class="sr-only"
        accept="image/*,video/*"
        multiple
        tabindex="-1"
        aria-label="Add photos or videos"
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files && files.length) {
            const room = MAX_MEDIA - props.picker.tiles.length;
            props.picker.addFiles(Array.from(files).slice(0, Math.max(0, room)));
          }
          e.currentTarget.value = "";
        }}
      />
      <button
        type="button"
        class="icon-btn"
        aria-label="Add photos or videos"
        title={full() ? `Up to ${MAX_MEDIA} per post` : "Add photos or videos"}
        disabled={full()}
        onClick={() => input.click()}
      >
        <Icon name="image" />
      </button>
      <button type="button" class="btn btn-ghost btn-sm" disabled={full()} onClick={() => setVaultOpen(true)}>
        <Icon name="folder" size={18} /> From vault
      </button>
      <Show when={vaultOpen()}>
        <VaultPicker
          taken={new Set(props.picker.ids())}
          room={MAX_MEDIA - props.picker.tiles.length}
          onClose={() => setVaultOpen(false)}
          onPick={(items) => {
            props.picker.addMedia(items);
            setVaultOpen(false);
          }}
        />
      </Show>
    </>
  );
}

/** A dialog listing the creator's vault to pick media from. */
function VaultPicker(props: {
  taken: Set<string>;
  room: number;
  onClose: () => void;
  onPick: (items: OwnMedia[]) => void;
}) {
  const pager = createPager<OwnMedia>((cursor) => api.vault(cursor, 30));
  const [picked, setPicked] = createSignal<OwnMedia[]>([]);
  void pager.loadMore();
  const isPicked = (id: string) => picked().some((m) => m.id === id);
  const toggle = (m: OwnMedia) => {
    if (isPicked(m.id)) setPicked((p) => p.filter((x) => x.id !== m.id));
    else if (picked().length < props.room) setPicked((p) => [...p, m]);
  };
  return (
    <Dialog
      open
      size="md"
      title="Add from your vault"
      onClose={props.onClose}
      footer={
        <>
          <span class="muted small spacer">
            {picked().length ? mediaCount(picked()) : "Nothing picked yet"}
          </span>
          <button type="button" class="btn btn-ghost" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            class="btn btn-primary"
            disabled={picked().length === 0}
            onClick={() => props.onPick(picked())}
          >
            {picked().length ? `Add ${picked().length}` : "Add"}
          </button>
        </>
      }
    >
      <Show
        when={!pager.initial()}
        fallback={
          <div class="vault-pick-grid" aria-busy="true" aria-label="Loading your vault">
            <For each={Array.from({ length: 6 })}>{() => <span class="sk vault-pick-sk" />}</For>
          </div>
        }
      >
        <Show
          when={pager.items.length > 0 || pager.error()}
          fallback={
            <p class="muted">Your vault is empty. Upload photos or videos from the composer first.</p>
          }
        >
          <div class="vault-pick-grid" role="group" aria-label="Your media">
            <For each={pager.items}>
              {(m, i) => {
                const taken = () => props.taken.has(m.id);
                const src = () => pictureUrl(m, "thumb");
                return (
                  <button
                    type="button"
                    class="vault-pick"
                    classList={{ picked: isPicked(m.id) }}
                    aria-pressed={isPicked(m.id)}
                    disabled={taken() || m.status === "failed"}
                    aria-label={`${m.kind === "video" ? "Video" : "Photo"} ${i() + 1}${
                      taken() ? " (already in this post)" : m.status === "failed" ? " (failed)" : ""
                    }`}
                    onClick={() => toggle(m)}
                  >
                    <Show
                      when={src()}
                      fallback={
                        <span class="media-tile-icon" aria-hidden="true">
                          <Icon name={m.kind === "video" ? "play" : "image"} size={22} />
                        </span>
                      }
                    >
                      {(s) => <img src={s()} alt="" loading="lazy" />}
                    </Show>
                    <Show when={m.kind === "video" && m.duration}>
                      <span class="media-duration">{formatDuration(m.duration)}</span>
                    </Show>
                    <Show when={m.status === "processing"}>
                      <span class="vault-pick-state">Processing…</span>
                    </Show>
                    <span class="vault-pick-check" aria-hidden="true">
                      <Icon name="check" size={16} />
                    </span>
                  </button>
                );
              }}
            </For>
          </div>
          <PagerFooter pager={pager} plain />
        </Show>
      </Show>
    </Dialog>
  );
}
