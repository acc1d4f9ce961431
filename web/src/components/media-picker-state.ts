// The state behind the composer's media tiles: uploads with their progress, processing polled until the
// delivery versions exist, removal and reordering. MediaPicker.tsx draws it.
import { t } from "../i18n";
import { onCleanup } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { api, errorMessage, uploadMedia, type Upload } from "../api/client";
import type { MediaKind } from "../api/schema.gen";
import { failureText, fileNameOf, type AnyMedia } from "../lib/media";

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
    name: fileNameOf(m) ?? (m.kind === "video" ? t("media.video") : t("media.photo")),
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
        name: file.name || (kind === "video" ? t("media.video") : t("media.photo")),
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
