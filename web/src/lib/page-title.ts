// Every page names itself with usePageTitle: the document's title becomes "<page> · <site name>"
// (WCAG 2.4.2), and after a client-side navigation focus moves to the page's h1 so a screen reader
// announces where the reader now is. Not on the first load: there the browser starts at the top.
import { createEffect } from "solid-js";
import { siteName } from "../stores/site";

let focusOnNextTitle = false;
let pendingFrame = 0;

/** Called by the app's root when the path changes after the first page. */
export function noteNavigation(): void {
  focusOnNextTitle = true;
}

/** Focus to the page's h1; a page still drawing gets a few more frames to show it. */
function focusHeading(frames = 10): void {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) {
    if (frames > 0) pendingFrame = requestAnimationFrame(() => focusHeading(frames - 1));
    return;
  }
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  // Unless the new page already put focus somewhere of its own (a field that focuses itself).
  const active = document.activeElement;
  if (active && active !== heading && heading.closest("main")?.contains(active)) return;
  heading.focus({ preventScroll: true });
}

/**
 * Names the page. `title` may answer undefined while what it depends on loads (a creator's
 * profile): the title, and the focus move, wait for it.
 */
export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const page = title();
    const site = siteName();
    if (page === undefined) return;
    document.title = page ? `${page} · ${site}` : site;
    if (!focusOnNextTitle) return;
    focusOnNextTitle = false;
    // After this render has reached the DOM. (Not cancelled with the page: it only looks for whatever
    // page is there by then.)
    cancelAnimationFrame(pendingFrame);
    pendingFrame = requestAnimationFrame(() => focusHeading());
  });
}
