// A paged list of posts with skeletons while loading, infinite scroll and an empty state.
import { t } from "../i18n";
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, type JSX } from "solid-js";
import type { Post } from "../api/schema.gen";
import type { Pager } from "../lib/pager";
import PostCard from "./PostCard";
import { PostSkeleton, PostSkeletons } from "./Skeleton";
import PagerFooter from "./PagerFooter";

/**
 * A page that arrives renders its first cards at once and the rest a few per task: a page of cards in one
 * task held a slow phone's main thread for about 300 ms (Lighthouse, 4x CPU), which delayed the first
 * picture's paint and every tap meanwhile.
 */
const FIRST_CARDS = 3;
const CARDS_PER_TASK = 2;

export default function PostList(props: { pager: Pager<Post>; empty?: JSX.Element; currency?: string }) {
  const pg = () => props.pager;
  const [rendered, setRendered] = createSignal(FIRST_CARDS);
  // A page arriving (several cards at once) is sliced; one card added or removed in place (a new post on
  // top, a deletion) is not, so nothing already shown leaves the screen for a task.
  createEffect(
    on(
      () => pg().items.length,
      (length, before = 0) => {
        if (length === 0) setRendered(FIRST_CARDS);
        else if (Math.abs(length - before) <= 1 && rendered() >= before) setRendered(length);
      },
    ),
  );
  createEffect(() => {
    if (rendered() >= pg().items.length) return;
    const timer = setTimeout(() => setRendered((n) => n + CARDS_PER_TASK));
    onCleanup(() => clearTimeout(timer));
  });
  const shown = createMemo(() => pg().items.slice(0, rendered()));
  const slicing = () => rendered() < pg().items.length;
  // The next page is not asked for while this one is still being rendered (its sentinel is in view then).
  const footerPager = {
    error: () => pg().error(),
    hasMore: () => pg().hasMore(),
    loading: () => pg().loading() || slicing(),
    initial: () => pg().initial(),
    loadMore: () => pg().loadMore(),
  };
  return (
    <div class="stack post-list">
      <Show when={!pg().initial() || pg().items.length > 0} fallback={<PostSkeletons count={3} />}>
        <Show when={pg().items.length > 0 || pg().error()} fallback={props.empty}>
          <For each={shown()}>
            {(post, i) => (
              <PostCard
                post={post}
                priority={i() === 0}
                currency={props.currency}
                onChange={(p) => pg().update(p.id, p)}
                onDelete={(id) => pg().remove(id)}
              />
            )}
          </For>
        </Show>
        <Show when={pg().loading() && pg().items.length > 0}>
          <PostSkeleton />
        </Show>
      </Show>
      <PagerFooter pager={footerPager} />
      <Show when={!pg().hasMore() && !slicing() && pg().items.length > 3}>
        <p class="end-of-list muted small">{t("feed.caughtUp")}</p>
      </Show>
    </div>
  );
}
