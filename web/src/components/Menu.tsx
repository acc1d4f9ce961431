// A small accessible dropdown menu: a button with aria-expanded and a list of menu items,
// arrow keys move between items, Escape and outside clicks close it.
import { createSignal, onCleanup, Show, type JSX } from "solid-js";

let menuSeq = 0;

export default function Menu(props: {
  label: string;
  button: JSX.Element;
  /** The button's content names it (visible text and a hidden rest), so it takes no aria-label. */
  buttonNamedByContent?: boolean;
  buttonClass?: string;
  align?: "start" | "end";
  placement?: "below" | "above";
  children: (close: () => void) => JSX.Element;
}) {
  const [open, setOpen] = createSignal(false);
  const id = `menu-${++menuSeq}`;
  let root!: HTMLDivElement;
  let btn!: HTMLButtonElement;
  let list: HTMLDivElement | undefined;

  const items = () =>
    list
      ? Array.from(
          list.querySelectorAll<HTMLElement>(
            '[role="menuitem"]:not([aria-disabled="true"]), [role="menuitemradio"]',
          ),
        )
      : [];

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) btn.focus();
  };

  const onDocClick = (e: MouseEvent) => {
    if (open() && !root.contains(e.target as Node)) close(false);
  };
  document.addEventListener("click", onDocClick);
  onCleanup(() => document.removeEventListener("click", onDocClick));

  const toggle = () => {
    const next = !open();
    setOpen(next);
    if (next) queueMicrotask(() => items()[0]?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!open()) return;
    const all = items();
    const idx = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "ArrowDown") {
      e.preventDefault();
      all[(idx + 1) % all.length]?.focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      all[(idx - 1 + all.length) % all.length]?.focus();
    } else if (e.key === "Home") {
      e.preventDefault();
      all[0]?.focus();
    } else if (e.key === "End") {
      e.preventDefault();
      all[all.length - 1]?.focus();
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div class="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={btn}
        type="button"
        class={props.buttonClass ?? "icon-btn"}
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={id}
        aria-label={props.buttonNamedByContent ? undefined : props.label}
        onClick={toggle}
      >
        {props.button}
      </button>
      <Show when={open()}>
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label={props.label}
          class={`menu-list menu-${props.align ?? "end"} menu-${props.placement ?? "below"}`}
        >
          {props.children(() => close(false))}
        </div>
      </Show>
    </div>
  );
}
