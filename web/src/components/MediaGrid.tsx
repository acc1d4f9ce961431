// The creator page's Media tab: one square tile per post that carries media, newest first. A tile shows
// the post's first photo or video still (the blurred preview when locked, with the lock and the unlock
// price or "Subscribers"), how many items the post holds and a video's duration; it opens the post.
import { t } from "../i18n";
import { A } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import type { Post } from "../api/schema.gen";
import { formatMoney } from "../lib/format";
import { formatDuration, mediaCount, pictureUrl } from "../lib/media";
import type { Pager } from "../lib/pager";
import Icon from "./Icon";
import PagerFooter from "./PagerFooter";

function Tile(props: { post: Post; currency?: string }) {
  const first = () => props.post.media[0]!;
  const price = () => formatMoney(props.post.priceCents ?? 0, props.post.currency ?? props.currency ?? "USD");
  const src = () => (props.post.locked ? (first().urls.preview ?? null) : pictureUrl(first(), "thumb"));
  const label = () => {
    const what = mediaCount(props.post.media);
    if (!props.post.locked) return t("media.openPost", { what });
    return props.post.visibility === "ppv"
      ? t("media.lockedUnlock", { what, price: price() })
      : t("media.lockedSubs", { what });
  };
  return (
    <li>
      <A
        href={`/posts/${props.post.id}`}
        class="media-cell"
        classList={{ "media-cell-locked": props.post.locked }}
        aria-label={label()}
      >
        <Show
          when={src()}
          fallback={
            <span class="media-cell-empty" aria-hidden="true">
              <Icon name="image" size={28} />
            </span>
          }
        >
          {(url) => <img src={url()} alt="" loading="lazy" decoding="async" width="320" height="320" />}
        </Show>
        <Show when={props.post.media.length > 1}>
          <span class="media-cell-count" aria-hidden="true">
            <Icon name="image" size={14} /> {props.post.media.length}
          </span>
        </Show>
        <Show when={first().kind === "video"}>
          <span class="media-cell-duration" aria-hidden="true">
            <Icon name="play" size={12} /> {formatDuration(first().duration)}
          </span>
        </Show>
        <Show when={props.post.locked}>
          <span class="media-cell-lock" aria-hidden="true">
            <Icon name="lock" size={20} />
            <span>{props.post.visibility === "ppv" ? price() : t("media.subscribers")}</span>
          </span>
        </Show>
      </A>
    </li>
  );
}

export default function MediaGrid(props: { pager: Pager<Post>; empty?: JSX.Element; currency?: string }) {
  const pg = () => props.pager;
  return (
    <div class="stack">
      <Show
        when={!pg().initial() || pg().items.length > 0}
        fallback={
          <ul class="media-grid" aria-busy="true" aria-label={t("media.loadingMedia")}>
            <For each={Array.from({ length: 6 })}>{() => <li class="sk media-cell-sk" />}</For>
          </ul>
        }
      >
        <Show when={pg().items.length > 0 || pg().error()} fallback={props.empty}>
          <ul class="media-grid" aria-label={t("media.gridLabel")}>
            <For each={pg().items.filter((p) => p.media.length > 0)}>
              {(post) => <Tile post={post} currency={props.currency} />}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={pg()} />
    </div>
  );
}
