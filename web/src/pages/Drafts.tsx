// The creator's unpublished posts: drafts and scheduled, with edit and delete.
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on } from "solid-js";
import { api } from "../api/client";
import type { Post } from "../api/schema.gen";
import EmptyState from "../components/EmptyState";
import { RequireCreator } from "../components/Guards";
import PostList from "../components/PostList";
import { createPager } from "../lib/pager";

type Tab = "draft" | "scheduled";

export default function Drafts() {
  usePageTitle(() => t("compose.draftsTitle"));
  // ?tab=scheduled opens the Scheduled tab (the composer goes there after scheduling a post).
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const [tab, setTabSignal] = createSignal<Tab>(params.tab === "scheduled" ? "scheduled" : "draft");
  const setTab = (t: Tab) => {
    setTabSignal(t);
    setParams({ tab: t === "scheduled" ? t : undefined }, { replace: true });
  };
  const pager = createPager<Post>((cursor) => api.myPosts(tab(), cursor));
  createEffect(on(tab, () => void pager.reset()));

  // Posts that move out of this tab (published, or drafted ↔ scheduled) leave the list.
  const wrapped = {
    ...pager,
    get items() {
      return pager.items;
    },
    update(id: string, next: Post | ((old: Post) => Post)) {
      pager.update(id, next);
      const p = pager.items.find((x) => x.id === id);
      if (p && p.status !== tab()) pager.remove(id);
    },
  };

  const tabs: { id: Tab; label: string }[] = [
    {
      id: "draft",
      get label() {
        return t("compose.drafts");
      },
    },
    {
      id: "scheduled",
      get label() {
        return t("compose.scheduled");
      },
    },
  ];

  return (
    <RequireCreator>
      <div class="stack">
        <h1 class="page-title">{t("compose.draftsTitle")}</h1>
        <div class="tabs" role="tablist" aria-label={t("compose.unpublished")}>
          <For each={tabs}>
            {(t) => (
              <button
                type="button"
                role="tab"
                class="tab-btn"
                classList={{ active: tab() === t.id }}
                aria-selected={tab() === t.id}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            )}
          </For>
        </div>
        <PostList
          pager={wrapped}
          empty={
            <EmptyState
              icon="file"
              title={tab() === "draft" ? t("compose.noDrafts") : t("compose.nothingScheduled")}
            >
              <p class="muted">
                {tab() === "draft" ? t("compose.noDraftsBody") : t("compose.nothingScheduledBody")}
              </p>
            </EmptyState>
          }
        />
      </div>
    </RequireCreator>
  );
}
