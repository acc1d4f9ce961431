// A paged list of posts with skeletons while loading, infinite scroll and an empty state.
import { t } from "../i18n";
import { For, Show, type JSX } from "solid-js";
import type { Post } from "../api/schema.gen";
import type { Pager } from "../lib/pager";
import PostCard from "./PostCard";
import { PostSkeleton, PostSkeletons } from "./Skeleton";
import PagerFooter from "./PagerFooter";

export default function PostList(props: { pager: Pager<Post>; empty?: JSX.Element; currency?: string }) {
  const pg = () => props.pager;
  return (
    <div class="stack post-list">
      <Show when={!pg().initial() || pg().items.length > 0} fallback={<PostSkeletons count={3} />}>
        <Show when={pg().items.length > 0 || pg().error()} fallback={props.empty}>
          <For each={pg().items}>
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
      <PagerFooter pager={pg()} />
      <Show when={!pg().hasMore() && pg().items.length > 3}>
        <p class="end-of-list muted small">{t("feed.caughtUp")}</p>
      </Show>
    </div>
  );
}
