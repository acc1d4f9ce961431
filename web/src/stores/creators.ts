// Suggested creators for the side column, the empty feed and the landing page; the signed-in creator's
// own profile.
import { createSignal } from "solid-js";
import { api } from "../api/client";
import type { Creator } from "../api/schema.gen";
import { onSessionChange } from "./session";

const [suggested, setSuggested] = createSignal<Creator[] | null>(null);
let loading: Promise<void> | null = null;

export { suggested };

export function loadSuggested(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = api
    .creators({ limit: 6 })
    .then((res) => void setSuggested(res.items))
    .catch(() => void setSuggested([]));
  return loading;
}

// The signed-in creator's own profile (its currency prices messages), asked for once per session.
const [mine, setMine] = createSignal<Creator | null>(null);
let mineLoading: Promise<Creator | null> | null = null;

export { mine as myCreator };

export function loadMyCreator(force = false): Promise<Creator | null> {
  if (mineLoading && !force) return mineLoading;
  mineLoading = api.myCreator().then(
    (r) => {
      setMine(r.creator);
      return r.creator;
    },
    () => {
      mineLoading = null;
      return null;
    },
  );
  return mineLoading;
}

/** After the profile was saved. */
export function setMyCreator(c: Creator): void {
  setMine(c);
}

onSessionChange(() => {
  mineLoading = null;
  setMine(null);
});
