// The composer's media: files upload the moment they are picked (one progress bar each), then show
// their thumbnail, or "Processing…" until the server has made the delivery versions. Tiles can be
// removed and reordered by dragging or with the move buttons; "From vault" adds earlier uploads.
import { createSignal, For, Show } from "solid-js";
import { api } from "../api/client";
import type { OwnMedia } from "../api/schema.gen";
import { createPager } from "../lib/pager";
import { formatDuration, mediaCount, pictureUrl, processingLabel } from "../lib/media";
import Dialog from "./Dialog";
import Icon from "./Icon";
import PagerFooter from "./PagerFooter";

export {
  MAX_MEDIA,
  createMediaPicker,
  type MediaPickerState,
  type Tile,
  type TileState,
} from "./media-picker-state";
import { MAX_MEDIA, type MediaPickerState, type Tile } from "./media-picker-state";

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
