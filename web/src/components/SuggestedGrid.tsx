// Suggested creators as a grid of cards: the landing page's and an empty feed's next step.
import { For, onMount, Show } from "solid-js";
import { t } from "../i18n";
import { loadSuggested, suggested } from "../stores/creators";
import CreatorCard from "./CreatorCard";
import { CreatorSkeletons } from "./Skeleton";

export default function SuggestedGrid(props: { limit?: number }) {
  onMount(() => void loadSuggested());
  return (
    <Show when={suggested()} fallback={<CreatorSkeletons count={props.limit ?? 4} />}>
      {(list) => (
        <Show when={list().length > 0} fallback={<p class="muted">{t("feed.noCreators")}</p>}>
          <div class="creator-grid">
            <For each={list().slice(0, props.limit ?? 4)}>{(c) => <CreatorCard creator={c} />}</For>
          </div>
        </Show>
      )}
    </Show>
  );
}
