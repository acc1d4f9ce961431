import VerifiedBadge from "./VerifiedBadge";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { Creator } from "../api/schema.gen";
import { formatMoney, hueFor, plural } from "../lib/format";
import Avatar, { BannerImage } from "./Avatar";
import { LiveTag } from "./live/LiveBadge";

export function priceLabel(c: Pick<Creator, "priceCents" | "currency">): string {
  return c.priceCents > 0 ? `${formatMoney(c.priceCents, c.currency)} / month` : "Free";
}

/** A creator tile for discovery grids. */
export default function CreatorCard(props: { creator: Creator }) {
  const c = () => props.creator;
  return (
    <A
      href={`/${c().username}`}
      class="card creator-card"
      aria-label={`${c().displayName} (@${c().username})`}
    >
      <span
        class="creator-card-banner"
        style={{ "--banner-hue": String(hueFor(c().username)) }}
        aria-hidden="true"
      >
        <Show when={c().bannerUrl}>{(url) => <BannerImage url={url()} srcset={c().bannerSrcset} />}</Show>
      </span>
      <LiveTag username={c().username} class="creator-card-live" />
      <div class="creator-card-body">
        <Avatar
          name={c().displayName}
          username={c().username}
          url={c().avatarUrl}
          srcset={c().avatarSrcset}
          size="lg"
          class="creator-card-avatar"
        />
        <div class="creator-card-names">
          <strong class="truncate">
            {c().displayName} <VerifiedBadge verified={c().verified} size={14} />
          </strong>
          <span class="muted truncate">@{c().username}</span>
        </div>
        <Show when={c().bio}>
          <p class="creator-card-bio">{c().bio}</p>
        </Show>
        <div class="creator-card-foot">
          <span class="price-chip" classList={{ free: c().priceCents === 0 }}>
            {priceLabel(c())}
          </span>
          <Show when={c().trialDays > 0}>
            <span class="badge badge-accent">{c().trialDays}-day free trial</span>
          </Show>
          <span class="muted small">{plural(c().postsCount, "post")}</span>
        </div>
      </div>
    </A>
  );
}

/** A compact creator row for side columns and short lists. */
export function CreatorRow(props: { creator: Creator }) {
  const c = () => props.creator;
  return (
    <A href={`/${c().username}`} class="creator-row">
      <div class="creator-row-inner">
        <Avatar
          name={c().displayName}
          username={c().username}
          url={c().avatarUrl}
          srcset={c().avatarSrcset}
        />
        <div class="creator-row-names">
          <strong class="truncate">
            {c().displayName} <VerifiedBadge verified={c().verified} size={14} />
          </strong>
          <span class="muted truncate">@{c().username}</span>
        </div>
        <span class="price-chip price-chip-sm" classList={{ free: c().priceCents === 0 }}>
          {c().priceCents > 0 ? formatMoney(c().priceCents, c().currency) : "Free"}
        </span>
      </div>
    </A>
  );
}
