// /bookmarks: the signed-in person's bookmarked posts, newest bookmark first. A post unbookmarked here
// stays until the next visit, so a slip of the finger can be undone.
import { usePageTitle } from "../lib/page-title";
import { A } from "@solidjs/router";
import { onMount } from "solid-js";
import { api } from "../api/client";
import type { Post } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireAuth } from "../components/Guards";
import PostList from "../components/PostList";
import { t } from "../i18n";
import { createPager } from "../lib/pager";
import "../discovery.css";

function BookmarksPage() {
  const pager = createPager<Post>((cursor) => api.bookmarks(cursor, 20));
  onMount(() => void pager.reset());
  return (
    <div class="stack">
      <h1 class="page-title">{t("discovery.bookmarks_title")}</h1>
      <PostList
        pager={pager}
        empty={
          <EmptyState icon="bookmark" title={t("discovery.bookmarks_empty")}>
            <p class="muted">{t("discovery.bookmarks_emptyHint")}</p>
            <A href="/discover" class="btn btn-primary">
              {t("discovery.bookmarks_find")}
            </A>
          </EmptyState>
        }
      />
    </div>
  );
}

export default function Bookmarks() {
  usePageTitle(() => t("discovery.bookmarks_title"));
  return (
    <RequireAuth>
      <BookmarksPage />
    </RequireAuth>
  );
}
