import { A } from "@solidjs/router";
import { For, onMount, Show } from "solid-js";
import Composer from "../components/Composer";
import CreatorCard from "../components/CreatorCard";
import EmptyState from "../components/EmptyState";
import PostList from "../components/PostList";
import { CreatorSkeletons, PostSkeletons } from "../components/Skeleton";
import { loadSuggested, suggested } from "../stores/creators";
import { ensureFeed, feed } from "../stores/feed";
import { ensureLiveNow } from "../stores/live";
import { isCreator, sessionReady, user } from "../stores/session";
import { siteName } from "../stores/site";

function SuggestedGrid(props: { limit?: number }) {
  onMount(() => void loadSuggested());
  return (
    <Show when={suggested()} fallback={<CreatorSkeletons count={2} />}>
      {(list) => (
        <Show
          when={list().length > 0}
          fallback={<p class="muted">No creators have set up a page yet. Check back soon.</p>}
        >
          <div class="creator-grid">
            <For each={list().slice(0, props.limit ?? 4)}>{(c) => <CreatorCard creator={c} />}</For>
          </div>
        </Show>
      )}
    </Show>
  );
}

function Feed() {
  onMount(() => {
    ensureFeed();
    void ensureLiveNow();
  });
  return (
    <div class="stack">
      <h1 class="page-title">Home</h1>
      <Show when={isCreator()}>
        <Composer
          compact
          onSaved={(post) => {
            if (post.status === "published") feed.prepend(post);
          }}
        />
      </Show>
      <PostList
        pager={feed}
        empty={
          <EmptyState icon="compass" title="Find creators to subscribe to">
            <p class="muted">
              Your feed shows posts from creators you subscribe to. Here are a few to start with.
            </p>
            <SuggestedGrid />
            <A href="/discover" class="btn btn-primary">
              Browse all creators
            </A>
          </EmptyState>
        }
      />
    </div>
  );
}

function Landing() {
  return (
    <div class="stack-lg">
      <section class="hero card">
        <div class="hero-art" aria-hidden="true" />
        <div class="hero-body">
          <h1>
            Support the creators you love on <span class="accent-text">{siteName()}</span>
          </h1>
          <p class="lead">
            Subscribe for exclusive posts, unlock special content, watch live streams, message and tip the
            creators you love. Clear prices, cancel anytime.
          </p>
          <div class="row-actions">
            <A href="/signup" class="btn btn-primary btn-lg">
              Sign up
            </A>
            <A href="/login" class="btn btn-secondary btn-lg">
              Log in
            </A>
          </div>
        </div>
      </section>
      <section aria-labelledby="discover-title" class="stack">
        <div class="section-head">
          <h2 id="discover-title">Creators to discover</h2>
          <A href="/discover" class="link">
            See all
          </A>
        </div>
        <SuggestedGrid limit={6} />
      </section>
    </div>
  );
}

export default function Home() {
  return (
    <Show when={sessionReady()} fallback={<PostSkeletons count={3} />}>
      <Show when={user()} fallback={<Landing />}>
        <Feed />
      </Show>
    </Show>
  );
}
