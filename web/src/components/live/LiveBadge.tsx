// The red LIVE pill: a link to the watch page of the stream a creator is live in now.
import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { liveStreamOf } from "../../stores/live";

export default function LiveBadge(props: { username: string; class?: string; large?: boolean }) {
  return (
    <Show when={liveStreamOf(props.username)}>
      {(s) => (
        <A
          href={`/live/${s().id}`}
          class={`live-pill ${props.large ? "live-pill-lg" : ""} ${props.class ?? ""}`}
          aria-label={`${s().creator.displayName} is live now: ${s().title}. Watch`}
          title={s().title}
        >
          <span class="live-dot" aria-hidden="true" />
          LIVE
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
        LIVE<span class="sr-only"> now</span>
      </span>
    </Show>
  );
}
