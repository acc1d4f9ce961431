import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import { api } from "../api/client";
import type { Creator } from "../api/schema.gen";
import CreatorCard from "../components/CreatorCard";
import EmptyState from "../components/EmptyState";
import Icon from "../components/Icon";
import { CreatorSkeletons } from "../components/Skeleton";
import { createPager } from "../lib/pager";
import PagerFooter from "../components/PagerFooter";
import { ensureLiveNow } from "../stores/live";

export default function Discover() {
  const [params, setParams] = useSearchParams();
  const query = () => (Array.isArray(params.query) ? params.query[0] : params.query) ?? "";
  const [input, setInput] = createSignal(query());
  const pager = createPager<Creator>((cursor) => api.creators({ query: query(), cursor, limit: 24 }));
  onMount(() => void ensureLiveNow());

  createEffect(
    on(query, (q) => {
      if (q !== input()) setInput(q);
      void pager.reset();
    }),
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const onInput = (v: string) => {
    setInput(v);
    clearTimeout(timer);
    timer = setTimeout(() => setParams({ query: v.trim() || undefined }, { replace: true }), 300);
  };

  return (
    <div class="stack">
      <h1 class="page-title">Discover</h1>
      <form
        role="search"
        class="search search-lg"
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer);
          setParams({ query: input().trim() || undefined }, { replace: true });
        }}
      >
        <Icon name="search" size={20} class="search-icon" />
        <label class="sr-only" for="discover-search">
          Search creators by name or username
        </label>
        <input
          id="discover-search"
          class="input search-input"
          type="search"
          placeholder="Search creators"
          value={input()}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      </form>

      <Show when={!pager.initial() || pager.items.length > 0} fallback={<CreatorSkeletons count={6} />}>
        <Show
          when={pager.items.length > 0 || pager.error()}
          fallback={
            <EmptyState icon="search" title={query() ? `No creators match “${query()}”` : "No creators yet"}>
              <p class="muted">
                {query()
                  ? "Try a shorter name or check the spelling."
                  : "When creators set up their pages, they'll show up here."}
              </p>
            </EmptyState>
          }
        >
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
  );
}
