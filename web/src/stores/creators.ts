// Suggested creators for the side column, the empty feed and the landing page.
import { createSignal } from "solid-js";
import { api } from "../api/client";
import type { Creator } from "../api/schema.gen";

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
