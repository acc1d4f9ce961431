// Whether an element has come near the screen: for images that are decoration on a list below the fold,
// which the browser's own `loading="lazy"` still fetches (it starts 1,250 px or more ahead), so a first
// visit that never scrolls does not pay for them.
import { createSignal, onCleanup, onMount, type Accessor } from "solid-js";

/** Becomes true once `el()` is within `margin` px of the viewport, and stays true. */
export function createNearViewport(el: () => Element | undefined, margin = 0): Accessor<boolean> {
  const [near, setNear] = createSignal(false);
  onMount(() => {
    const target = el();
    if (!target || typeof IntersectionObserver === "undefined") return setNear(true);
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        setNear(true);
        io.disconnect();
      },
      { rootMargin: `${margin}px 0px` },
    );
    io.observe(target);
    onCleanup(() => io.disconnect());
  });
  return near;
}
