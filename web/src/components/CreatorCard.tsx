import { t } from "../i18n";
import VerifiedBadge from "./VerifiedBadge";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { Creator } from "../api/schema.gen";
import { formatMoney, hueFor } from "../lib/format";
import Avatar, { BannerImage } from "./Avatar";
import { LiveTag } from "./live/LiveBadge";
import { createNearViewport } from "../lib/near-viewport";

export function priceLabel(c: Pick<Creator, "priceCents" | "currency">): string {
  return c.priceCents > 0
    ? t("common.perMonth", { price: formatMoney(c.priceCents, c.currency) })
    : t("common.free");
}

/** A creator tile for discovery grids; its pictures are fetched once it nears the screen. */
export default function CreatorCard(props: { creator: Creator }) {
  const c = () => props.creator;
  let card: HTMLAnchorElement | undefined;
  const near = createNearViewport(() => card);
  return (
    <A href={`/${c().username}`} class="card creator-card" ref={card}>
      <span
        class="creator-card-banner"
        style={{ "--banner-hue": String(hueFor(c().username)) }}
        aria-hidden="true"
      >
        <Show when={near() && c().bannerUrl}>
          {(url) => <BannerImage url={url()} srcset={c().bannerSrcset} small />}
        </Show>
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
          pending={!near()}
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
          <span class="muted small">{t("common.posts", { count: c().postsCount })}</span>
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
          {c().priceCents > 0 ? formatMoney(c().priceCents, c().currency) : t("common.free")}
        </span>
      </div>
    </A>
  );
}
