// The red LIVE pill: a link to the watch page of the stream a creator is live in now.
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { liveStreamOf } from "../../stores/live-now";

export default function LiveBadge(props: { username: string; class?: string; large?: boolean }) {
  return (
    <Show when={liveStreamOf(props.username)}>
      {(s) => (
        <A
          href={`/live/${s().id}`}
          class={`live-pill ${props.large ? "live-pill-lg" : ""} ${props.class ?? ""}`}
          aria-label={t("nav.liveBadgeLabel", { name: s().creator.displayName, title: s().title })}
          title={s().title}
        >
          <span class="live-dot" aria-hidden="true" />
          {t("nav.live")}
        </A>
      )}
    </Show>
  );
}

/** The same pill, not a link (inside a card that is already one). */
export function LiveTag(props: { username: string; class?: string }) {
  return (
    <Show when={liveStreamOf(props.username)}>
      <span class={`live-pill ${props.class ?? ""}`}>
        <span class="live-dot" aria-hidden="true" />
        {t("nav.live")}
        <span class="sr-only">{t("nav.liveNow")}</span>
      </span>
    </Show>
  );
}
