// A modal built on the native <dialog>: the browser makes the page behind it inert (focus stays
// inside), Escape closes it, and focus returns to the control that opened it. When what had focus
// inside goes away (a step replaced by the next one), focus moves to the dialog's heading instead of
// falling to the page's body.
import { t } from "../i18n";
import { createEffect, onCleanup, onMount, type JSX } from "solid-js";
import Icon from "./Icon";

let dialogSeq = 0;

export default function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
  footer?: JSX.Element;
  size?: "sm" | "md";
}) {
  let ref!: HTMLDialogElement;
  let returnFocus: Element | null = null;
  const titleId = `dialog-title-${++dialogSeq}`;

  createEffect(() => {
    if (props.open && !ref.open) {
      returnFocus = document.activeElement;
      ref.showModal();
    } else if (!props.open && ref.open) {
      ref.close();
    }
  });

  // DOM changes settle before the observer runs: by then a removed or disabled control has lost focus.
  const keepFocus = new MutationObserver(() => {
    // Only focus that fell to the body: a control the page focused on purpose keeps it.
    const active = document.activeElement;
    if (!ref.open || (active && active !== document.body)) return;
    ref.querySelector<HTMLElement>(`#${titleId}`)?.focus();
  });
  onMount(() =>
    keepFocus.observe(ref, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["disabled", "hidden"],
    }),
  );

  onCleanup(() => {
    keepFocus.disconnect();
    if (ref?.open) ref.close();
  });

  const onClose = () => {
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
    returnFocus = null;
    if (props.open) props.onClose();
  };

  return (
    <dialog
      ref={ref}
      class={`dialog dialog-${props.size ?? "sm"}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === ref) {
          const r = ref.getBoundingClientRect();
          const inside =
            e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
          if (!inside) props.onClose();
        }
      }}
    >
      <div class="dialog-box">
        <header class="dialog-head">
          <h2 id={titleId} tabindex="-1">
            {props.title}
          </h2>
          <button
            type="button"
            class="icon-btn"
            aria-label={t("common.close")}
            onClick={() => props.onClose()}
          >
            <Icon name="close" />
          </button>
        </header>
        <div class="dialog-body">{props.children}</div>
        {props.footer && <footer class="dialog-foot">{props.footer}</footer>}
      </div>
    </dialog>
  );
}
