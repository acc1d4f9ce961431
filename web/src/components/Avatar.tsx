import { Show } from "solid-js";
import { hueFor, initials } from "../lib/format";

/** Rendered widths of each size (styles.css .avatar-*), for `sizes`. */
const AVATAR_PX = { sm: "34px", md: "44px", lg: "60px", xl: "112px" } as const;

/**
 * A profile picture, or coloured initials when there is none. Decorative by default (it sits next to
 * the person's name, so alt text would be read twice); pass `labelled` where it stands alone.
 */
export default function Avatar(props: {
  name: string;
  username: string;
  url: string | null | undefined;
  /** Every uploaded size, so the browser picks the one that fits (`w` descriptors). */
  srcset?: string | null | undefined;
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
        {(url) => (
          <img
            src={url()}
            srcset={props.srcset ?? undefined}
            sizes={AVATAR_PX[props.size ?? "md"]}
            alt={props.labelled ? label() : ""}
            loading="lazy"
            decoding="async"
          />
        )}
      </Show>
    </span>
  );
}

/** An uploaded 3:1 banner filling its (generated-gradient) box; decorative, like the gradient it covers. */
export function BannerImage(props: { url: string; srcset: string | null | undefined }) {
  return (
    <img
      class="banner-img"
      src={props.url}
      srcset={props.srcset ?? undefined}
      sizes="(max-width: 640px) 100vw, 640px"
      alt=""
      decoding="async"
    />
  );
}
