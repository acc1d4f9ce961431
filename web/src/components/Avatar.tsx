import { Show } from "solid-js";
import { hueFor, initials } from "../lib/format";

/**
 * A profile picture, or coloured initials when there is none. Decorative by default (it sits next to
 * the person's name, so alt text would be read twice); pass `labelled` where it stands alone.
 */
export default function Avatar(props: {
  name: string;
  username: string;
  url: string | null | undefined;
  size?: "sm" | "md" | "lg" | "xl";
  class?: string;
  labelled?: boolean;
}) {
  const hue = () => hueFor(props.username);
  const label = () => `${props.name || props.username}'s profile picture`;
  return (
    <span
      class={`avatar avatar-${props.size ?? "md"} ${props.class ?? ""}`}
      style={{ "--avatar-hue": String(hue()) }}
    >
      <Show
        when={props.url}
        fallback={
          <span
            class="avatar-initials"
            role={props.labelled ? "img" : undefined}
            aria-label={props.labelled ? label() : undefined}
            aria-hidden={props.labelled ? undefined : "true"}
          >
            {initials(props.name || props.username)}
          </span>
        }
      >
        {(url) => <img src={url()} alt={props.labelled ? label() : ""} loading="lazy" decoding="async" />}
      </Show>
    </span>
  );
}
