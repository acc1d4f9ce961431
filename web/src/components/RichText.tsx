// User text rendered as text nodes, with http(s) links made clickable and hashtags linked to their tag
// page. Never innerHTML.
import { A } from "@solidjs/router";
import { For, Match, Switch } from "solid-js";
import { withHashtags } from "../lib/hashtags";
import { linkify } from "../lib/linkify";

export default function RichText(props: { text: string; class?: string }) {
  return (
    <p class={props.class ?? "rich-text"}>
      <For each={withHashtags(linkify(props.text))}>
        {(seg) => (
          <Switch fallback={seg.text}>
            <Match when={seg.kind === "link" && seg}>
              {(link) => (
                <a href={link().href} target="_blank" rel="noopener noreferrer nofollow ugc">
                  {link().text}
                </a>
              )}
            </Match>
            <Match when={seg.kind === "tag" && seg}>
              {(tag) => (
                <A href={`/tags/${encodeURIComponent(tag().tag)}`} class="hashtag">
                  {tag().text}
                </A>
              )}
            </Match>
          </Switch>
        )}
      </For>
    </p>
  );
}
