// The composer's media: files upload the moment they are picked (one progress bar each), then show
// their thumbnail, or "Processing…" until the server has made the delivery versions. Tiles can be
// removed and reordered by dragging or with the move buttons; "From vault" adds earlier uploads.
import { t } from "../i18n";
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

function stateLabel(tile: Tile): string {
  switch (tile.state) {
    case "uploading":
      return t("media.uploadingPct", { percent: Math.round(tile.progress * 100) });
    case "processing":
      return processingLabel(tile.media);
    case "ready":
      return tile.kind === "video"
        ? t("media.videoDuration", { duration: formatDuration(tile.media?.duration) })
        : t("media.ready");
    case "failed":
      return t("media.processingFailed");
    default:
      return t("media.uploadFailed");
  }
}

/** The tiles above the composer's actions. */
export function MediaTiles(props: { picker: MediaPickerState }) {
  const [dragFrom, setDragFrom] = createSignal<number | null>(null);
  const [dragOver, setDragOver] = createSignal<number | null>(null);
  const [announce, setAnnounce] = createSignal("");
  const count = () => props.picker.tiles.length;

  function moveTo(from: number, to: number) {
    const tile = props.picker.tiles[from];
    props.picker.move(from, to);
    if (tile) setAnnounce(t("media.movedTo", { name: tile.name, position: to + 1, total: count() }));
  }

  return (
    <Show when={count() > 0}>
      <ul class="media-tiles" aria-label={t("media.attached")}>
        <For each={props.picker.tiles}>
          {(tile, i) => (
            <li
              class={`media-tile media-tile-${tile.state}`}
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
                  when={(tile.media && pictureUrl(tile.media, "thumb")) || tile.localUrl}
                  fallback={
                    <span class="media-tile-icon" aria-hidden="true">
                      <Icon name={tile.kind === "video" ? "play" : "image"} size={26} />
                    </span>
                  }
                >
                  {(src) => (
                    <img
                      src={src()}
                      alt={t("media.altNamed", {
                        kind: tile.kind === "video" ? t("media.video") : t("media.photo"),
                        name: tile.name,
                      })}
                    />
                  )}
                </Show>
                <span class="media-tile-pos" aria-hidden="true">
                  {i() + 1}
                </span>
                <Show when={tile.state === "uploading"}>
                  <div
                    class="progress media-tile-progress"
                    role="progressbar"
                    aria-label={t("media.uploadingName", { name: tile.name })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(tile.progress * 100)}
                  >
                    <span class="progress-bar" style={{ width: `${Math.round(tile.progress * 100)}%` }} />
                  </div>
                </Show>
                <Show when={tile.state === "processing"}>
                  <span class="media-tile-overlay">
                    <span class="spinner-dot" aria-hidden="true" /> {processingLabel(tile.media)}
                  </span>
                </Show>
                <Show when={tile.state === "ready" && tile.kind === "video"}>
                  <span class="media-duration">{formatDuration(tile.media?.duration)}</span>
                </Show>
                <button
                  type="button"
                  class="media-tile-remove"
                  aria-label={t("media.removeName", { name: tile.name })}
                  title={t("media.remove")}
                  onClick={() => props.picker.remove(tile.key)}
                >
                  <Icon name="close" size={16} />
                </button>
              </div>
              <div class="media-tile-foot">
                <span class="media-tile-name truncate" title={tile.name}>
                  {tile.name}
                </span>
                <Show when={tile.error} fallback={<span class="media-tile-state">{stateLabel(tile)}</span>}>
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
                    aria-label={t("media.moveEarlier", { name: tile.name })}
                    disabled={i() === 0}
                    onClick={() => moveTo(i(), i() - 1)}
                  >
                    <Icon name="chevron-left" size={16} />
                  </button>
                  <button
                    type="button"
                    class="icon-btn icon-btn-sm"
                    aria-label={t("media.moveLater", { name: tile.name })}
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
        aria-label={t("media.addPhotos")}
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
        aria-label={t("media.addPhotos")}
        title={full() ? t("media.upTo", { max: MAX_MEDIA }) : t("media.addPhotos")}
        disabled={full()}
        onClick={() => input.click()}
      >
        <Icon name="image" />
      </button>
      <button type="button" class="btn btn-ghost btn-sm" disabled={full()} onClick={() => setVaultOpen(true)}>
        <Icon name="folder" size={18} /> {t("media.fromVault")}
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
      title={t("media.addFromVault")}
      onClose={props.onClose}
      footer={
        <>
          <span class="muted small spacer">
            {picked().length ? mediaCount(picked()) : t("media.nothingPicked")}
          </span>
          <button type="button" class="btn btn-ghost" onClick={props.onClose}>
            {t("media.cancel")}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            disabled={picked().length === 0}
            onClick={() => props.onPick(picked())}
          >
            {picked().length ? t("media.addN", { count: picked().length }) : t("media.add")}
          </button>
        </>
      }
    >
      <Show
        when={!pager.initial()}
        fallback={
          <div class="vault-pick-grid" aria-busy="true" aria-label={t("media.loadingVault")}>
            <For each={Array.from({ length: 6 })}>{() => <span class="sk vault-pick-sk" />}</For>
          </div>
        }
      >
        <Show
          when={pager.items.length > 0 || pager.error()}
          fallback={<p class="muted">{t("media.vaultEmptyPick")}</p>}
        >
          <div class="vault-pick-grid" role="group" aria-label={t("media.yourMedia")}>
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
                    aria-label={`${t("media.pickLabel", {
                      kind: m.kind === "video" ? t("media.video") : t("media.photo"),
                      number: i() + 1,
                    })}${taken() ? t("media.alreadyIn") : m.status === "failed" ? t("media.failedSuffix") : ""}`}
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
                      <span class="vault-pick-state">{t("media.processing")}</span>
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
