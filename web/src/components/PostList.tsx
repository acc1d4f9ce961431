// A paged list of posts with skeletons while loading, infinite scroll and an empty state.
import { For, Show, type JSX } from "solid-js";
import type { Post } from "../api/types";
import type { Pager } from "../lib/pager";
import PostCard from "./PostCard";
import Sentinel from "./Sentinel";
import { PostSkeleton, PostSkeletons } from "./Skeleton";

export default function PostList(props: { pager: Pager<Post>; empty?: JSX.Element; currency?: string }) {
  const pg = () => props.pager;
  return (
    <div class="stack post-list">
      <Show when={!pg().initial() || pg().items.length > 0} fallback={<PostSkeletons count={3} />}>
        <Show when={pg().items.length > 0 || pg().error()} fallback={props.empty}>
          <For each={pg().items}>
            {(post) => (
              <PostCard
                post={post}
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
      <Show when={pg().error()}>
        {(msg) => (
          <div class="card notice notice-error" role="alert">
            <p>{msg()}</p>
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => void pg().loadMore()}>
              Try again
            </button>
          </div>
        )}
      </Show>
      <Show when={pg().hasMore() && !pg().error()}>
        <Sentinel onVisible={() => void pg().loadMore()} disabled={pg().loading()} />
      </Show>
      <Show when={!pg().hasMore() && pg().items.length > 3}>
        <p class="end-of-list muted small">You're all caught up.</p>
      </Show>
    </div>
  );
}
