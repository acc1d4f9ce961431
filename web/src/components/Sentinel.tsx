// Calls onVisible when it scrolls near the viewport: drives infinite scroll. It also checks again each
// time loading finishes, because a short page leaves it in view without a new intersection event.
import { createEffect, on, onCleanup, onMount } from "solid-js";

const MARGIN = 800;

export default function Sentinel(props: { onVisible: () => void; disabled?: boolean }) {
  let el!: HTMLDivElement;
  const near = () => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight + MARGIN && r.bottom > -MARGIN;
  };
  onMount(() => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!props.disabled && entries.some((e) => e.isIntersecting)) props.onVisible();
      },
      { rootMargin: `${MARGIN}px 0px` },
    );
    io.observe(el);
    onCleanup(() => io.disconnect());
  });
  createEffect(
    on(
      () => props.disabled,
      (disabled) => {
        if (!disabled)
          requestAnimationFrame(() => el.isConnected && !props.disabled && near() && props.onVisible());
      },
      { defer: true },
    ),
  );
  return <div ref={el} class="sentinel" aria-hidden="true" />;
}
