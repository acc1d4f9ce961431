// The signed-in home page: the feed of the creators one follows, with the composer for creators. Its own
// chunk: a visitor who is not signed in never needs the post cards and galleries.
import { A } from "@solidjs/router";
import { onMount, Show } from "solid-js";
import { t } from "../i18n";
import EmptyState from "../components/EmptyState";
import { LazyComposer } from "../components/lazy";
import PostList from "../components/PostList";
import SuggestedGrid from "../components/SuggestedGrid";
import { ensureFeed, feed } from "../stores/feed";
import { ensureLiveNow } from "../stores/live-now";
import { isCreator } from "../stores/session";
import { usePageTitle } from "../lib/page-title";

export default function Feed() {
  usePageTitle(() => t("feed.title"));
  onMount(() => {
    ensureFeed();
    void ensureLiveNow();
  });
  return (
    <div class="stack">
      <h1 class="page-title">{t("feed.title")}</h1>
      <Show when={isCreator()}>
        <LazyComposer
          compact
          onSaved={(post) => {
            if (post.status === "published") feed.prepend(post);
          }}
        />
      </Show>
      <PostList
        pager={feed}
        empty={
          <EmptyState icon="compass" title={t("feed.emptyTitle")}>
            <p class="muted">{t("feed.emptyBody")}</p>
            <SuggestedGrid />
            <A href="/discover" class="btn btn-primary">
              {t("feed.browseAll")}
            </A>
          </EmptyState>
        }
      />
    </div>
  );
}
