// Calls onVisible when it scrolls near the viewport: drives infinite scroll.
import { onCleanup, onMount } from "solid-js";

export default function Sentinel(props: { onVisible: () => void; disabled?: boolean }) {
  let el!: HTMLDivElement;
  onMount(() => {
    const io = new IntersectionObserver(
      (entries) => {
        if (!props.disabled && entries.some((e) => e.isIntersecting)) props.onVisible();
      },
      { rootMargin: "800px 0px" },
    );
    io.observe(el);
    onCleanup(() => io.disconnect());
  });
  return <div ref={el} class="sentinel" aria-hidden="true" />;
}
