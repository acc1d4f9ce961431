// User text rendered as text nodes, with http(s) links made clickable. Never innerHTML.
import { For } from "solid-js";
import { linkify } from "../lib/linkify";

export default function RichText(props: { text: string; class?: string }) {
  return (
    <p class={props.class ?? "rich-text"}>
      <For each={linkify(props.text)}>
        {(seg) =>
          seg.kind === "link" ? (
            <a href={seg.href} target="_blank" rel="noopener noreferrer nofollow ugc">
              {seg.text}
            </a>
          ) : (
            seg.text
          )
        }
      </For>
    </p>
  );
}
