// Discover: one search box (creators, posts and tags, in sections) and the ranked creator lists in tabs
// (Trending / New / Popular). The query and the tab live in the URL, so a result page can be shared.
import { usePageTitle } from "../lib/page-title";
import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { api } from "../api/client";
import type { Creator, Post } from "../api/schema.gen";
import CreatorCard from "../components/CreatorCard";
import EmptyState from "../components/EmptyState";
import Icon from "../components/Icon";
import PagerFooter from "../components/PagerFooter";
import PostCard from "../components/PostCard";
import { CreatorSkeletons, PostSkeletons } from "../components/Skeleton";
import { t } from "../i18n";
import { createPager } from "../lib/pager";
import { ensureLiveNow } from "../stores/live-now";
import "../discovery.css";

const SORTS = ["trending", "new", "popular"] as const;
type Sort = (typeof SORTS)[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default function Discover() {
  usePageTitle(() => t("discovery.title"));
  const [params, setParams] = useSearchParams();
  const query = () => one(params.query).trim();
  const sort = (): Sort =>
    (SORTS as readonly string[]).includes(one(params.sort)) ? (one(params.sort) as Sort) : "trending";
  const [input, setInput] = createSignal(query());
  // A young site has nothing trending yet: the tab then lists the newest creators instead of nothing.
  const [fellBack, setFellBack] = createSignal(false);
  const pager = createPager<Creator>(async (cursor) => {
    if (cursor === null) setFellBack(false);
    if (sort() === "trending" && !fellBack()) {
      const page = await api.creators({ sort: "trending", cursor, limit: 24 });
      if (cursor !== null || page.items.length > 0) return page;
      setFellBack(true);
    }
    return api.creators({ sort: fellBack() ? "new" : sort(), cursor, limit: 24 });
  });
  const [results, { mutate }] = createResource(
    () => query() || false,
    (q) => api.search(q),
  );
  onMount(() => void ensureLiveNow());

  createEffect(
    on(query, (q) => {
      if (q !== input().trim()) setInput(q);
    }),
  );
  createEffect(on(sort, () => void pager.reset()));

  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const submit = (v: string) => setParams({ query: v.trim() || undefined }, { replace: true });
  const onInput = (v: string) => {
    setInput(v);
    clearTimeout(timer);
    timer = setTimeout(() => submit(v), 300);
  };
  const openTab = (s: Sort) => setParams({ sort: s === "trending" ? undefined : s });
  const updatePost = (next: Post) => {
    const r = results();
    if (r) mutate({ ...r, posts: r.posts.map((p) => (p.id === next.id ? next : p)) });
  };
  const empty = () =>
    ({
      trending: [t("discovery.empty.trending"), t("discovery.empty.trendingHint")],
      new: [t("discovery.empty.new"), t("discovery.empty.newHint")],
      popular: [t("discovery.empty.popular"), t("discovery.empty.popularHint")],
    })[sort()];
  const nothingFound = () => {
    const r = results();
    return r !== undefined && r.creators.length + r.posts.length + r.tags.length === 0;
  };

  return (
    <div class="stack">
      <h1 class="page-title">{t("discovery.title")}</h1>
      <form
        role="search"
        aria-label={t("discovery.searchLabel")}
        class="search search-lg"
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer);
          submit(input());
        }}
      >
        <Icon name="search" size={20} class="search-icon" />
        <label class="sr-only" for="discover-search">
          {t("discovery.searchLabel")}
        </label>
        <input
          id="discover-search"
          class="input search-input"
          type="search"
          placeholder={t("discovery.searchPlaceholder")}
          value={input()}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      </form>

      <Show
        when={query()}
        fallback={
          <>
            <div class="tabs" role="tablist" aria-label={t("discovery.lists")}>
              <For each={SORTS}>
                {(name, i) => (
                  <button
                    type="button"
                    role="tab"
                    id={`discover-tab-${name}`}
                    class="tab-btn"
                    classList={{ active: sort() === name }}
                    aria-selected={sort() === name}
                    aria-controls="discover-panel"
                    tabIndex={sort() === name ? 0 : -1}
                    onClick={() => openTab(name)}
                    onKeyDown={(e) => {
                      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
                      const next =
                        SORTS[(i() + (e.key === "ArrowRight" ? 1 : SORTS.length - 1)) % SORTS.length]!;
                      openTab(next);
                      document.getElementById(`discover-tab-${next}`)?.focus();
                    }}
                  >
                    {t(`discovery.tab.${name}`)}
                  </button>
                )}
              </For>
            </div>
            <div id="discover-panel" role="tabpanel" aria-labelledby={`discover-tab-${sort()}`}>
              <Show
                when={!pager.initial() || pager.items.length > 0}
                fallback={<CreatorSkeletons count={6} />}
              >
                <Show
                  when={pager.items.length > 0 || pager.error()}
                  fallback={
                    <EmptyState icon="compass" title={empty()[0]!}>
                      <p class="muted">{empty()[1]}</p>
                    </EmptyState>
                  }
                >
                  <Show when={fellBack()}>
                    <p class="muted small discover-fallback">{t("discovery.trendingFallback")}</p>
                  </Show>
                  <div class="creator-grid">
                    <For each={pager.items}>{(c) => <CreatorCard creator={c} />}</For>
                  </div>
                </Show>
                <Show when={pager.loading() && pager.items.length > 0}>
                  <CreatorSkeletons count={2} />
                </Show>
              </Show>
              <PagerFooter pager={pager} afterFirstPage />
            </div>
          </>
        }
      >
        <section
          class="search-sections"
          aria-label={t("discovery.results", { query: query() })}
          aria-busy={results.loading}
        >
          <Show when={!results.loading || results()} fallback={<CreatorSkeletons count={3} />}>
            <Show when={results.error}>
              <p class="form-error" role="alert">
                {t("common.error")}
              </p>
            </Show>
            <Show when={nothingFound()}>
              <EmptyState icon="search" title={t("discovery.noResults", { query: query() })}>
                <p class="muted">{t("discovery.noResultsHint")}</p>
              </EmptyState>
            </Show>
            <Show when={results()?.creators.length}>
              <section class="search-section" aria-labelledby="results-creators">
                <h2 id="results-creators">{t("discovery.section.creators")}</h2>
                <div class="creator-grid">
                  <For each={results()!.creators}>{(c) => <CreatorCard creator={c} />}</For>
                </div>
              </section>
            </Show>
            <Show when={results()?.tags.length}>
              <section class="search-section" aria-labelledby="results-tags">
                <h2 id="results-tags">{t("discovery.section.tags")}</h2>
                <ul class="tag-chips">
                  <For each={results()!.tags}>
                    {(tag) => (
                      <li>
                        <A class="tag-chip" href={`/tags/${encodeURIComponent(tag.tag)}`}>
                          <Icon name="hash" size={16} />
                          {tag.tag}
                          <span class="muted small">{t("discovery.tagCount", { count: tag.posts })}</span>
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
            <Show when={results()?.posts.length}>
              <section class="search-section" aria-labelledby="results-posts">
                <h2 id="results-posts">{t("discovery.section.posts")}</h2>
                <div class="stack post-list">
                  <For each={results()!.posts}>{(p) => <PostCard post={p} onChange={updatePost} />}</For>
                </div>
              </section>
            </Show>
          </Show>
          <Show when={results.loading && !results()}>
            <PostSkeletons count={2} />
          </Show>
        </section>
      </Show>
    </div>
  );
}
