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
  /** The picture is not wanted yet (off screen): the coloured circle alone, no initials in between. */
  pending?: boolean;
}) {
  const hue = () => hueFor(props.username);
  const label = () => `${props.name || props.username}'s profile picture`;
  return (
    <span
      class={`avatar avatar-${props.size ?? "md"} ${props.class ?? ""}`}
      style={{ "--avatar-hue": String(hue()) }}
    >
      <Show
        when={!props.pending && props.url}
        fallback={
          props.pending && props.url ? undefined : (
            <span
              class="avatar-initials"
              role={props.labelled ? "img" : undefined}
              aria-label={props.labelled ? label() : undefined}
              aria-hidden={props.labelled ? undefined : "true"}
            >
              {initials(props.name || props.username)}
            </span>
          )
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
export function BannerImage(props: {
  url: string;
  srcset: string | null | undefined;
  /**
   * A strip on a card: the smallest variant whatever the screen (the srcset lists smallest first). It
   * is decorative and under 80 px tall; a phone's 2–3x screen would otherwise take the 1280 px one.
   */
  small?: boolean;
}) {
  const smallest = () => props.srcset?.split(",")[0]?.trim().split(" ")[0];
  return (
    <img
      class="banner-img"
      src={(props.small && smallest()) || props.url}
      srcset={props.small ? undefined : (props.srcset ?? undefined)}
      sizes={props.small ? undefined : "(max-width: 640px) 100vw, 640px"}
      loading={props.small ? "lazy" : undefined}
      alt=""
      decoding="async"
    />
  );
}
