import { Show } from "solid-js";
import { hueFor, initials } from "../lib/format";

export default function Avatar(props: {
  name: string;
  username: string;
  url: string | null | undefined;
  size?: "sm" | "md" | "lg" | "xl";
  class?: string;
}) {
  const hue = () => hueFor(props.username);
  return (
    <span
      class={`avatar avatar-${props.size ?? "md"} ${props.class ?? ""}`}
      style={{ "--avatar-hue": String(hue()) }}
    >
      <Show
        when={props.url}
        fallback={
          <span class="avatar-initials" role="img" aria-label={`${props.name}'s avatar`}>
            {initials(props.name || props.username)}
          </span>
        }
      >
        {(url) => <img src={url()} alt={`${props.name}'s avatar`} loading="lazy" decoding="async" />}
      </Show>
    </span>
  );
}
