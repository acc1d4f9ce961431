// /tags/:tag: the published posts with a hashtag, newest first (locked cards where the viewer is not
// entitled), with infinite scroll.
import { usePageTitle } from "../lib/page-title";
import { A, useParams } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { api } from "../api/client";
import type { Post } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import PostList from "../components/PostList";
import { t } from "../i18n";
import { createPager } from "../lib/pager";
import "../discovery.css";

export default function TagPage() {
  usePageTitle(() => t("discovery.tag_title", { tag: tag() }));
  const params = useParams();
  const tag = () =>
    decodeURIComponent(params.tag ?? "")
      .replace(/^#/, "")
      .toLowerCase();
  const pager = createPager<Post>((cursor) => api.tagPosts(tag(), cursor, 20));
  createEffect(on(tag, () => void pager.reset()));
  return (
    <div class="stack">
      <header class="page-head">
        <h1 class="page-title">{t("discovery.tag_title", { tag: tag() })}</h1>
        <p class="muted">{t("discovery.tag_subtitle", { tag: tag() })}</p>
      </header>
      <PostList
        pager={pager}
        empty={
          <EmptyState icon="hash" title={t("discovery.tag_empty", { tag: tag() })}>
            <p class="muted">{t("discovery.tag_emptyHint")}</p>
            <A href="/discover" class="btn btn-primary">
              {t("discovery.tag_back")}
            </A>
          </EmptyState>
        }
      />
    </div>
  );
}
