// The unread notification count for the navigation badge: checked on login, when a notification comes
// over /ws, when the person comes back to the tab, and every few minutes as a fallback.
import { createRoot, createEffect, createSignal, on, onCleanup } from "solid-js";
import { api } from "../api/client";
import { onFrame, onResync } from "./realtime";
import { user } from "./session";

const [unread, setUnread] = createSignal(0);

export { unread };

export async function refreshUnread(): Promise<void> {
  if (!user()) return;
  try {
    const res = await api.notifications(null, 1);
    setUnread(res.unread);
  } catch {
    /* the badge simply stays as it was */
  }
}

export function markAllSeen(): void {
  setUnread(0);
}

export function setUnreadCount(n: number): void {
  setUnread(n);
}

const POLL_MS = 5 * 60_000;

createRoot(() => {
  createEffect(
    on(
      () => user()?.id,
      (id) => {
        setUnread(0);
        if (!id) return;
        void refreshUnread();
        const timer = setInterval(() => {
          if (document.visibilityState === "visible") void refreshUnread();
        }, POLL_MS);
        const onVisible = () => {
          if (document.visibilityState === "visible") void refreshUnread();
        };
        document.addEventListener("visibilitychange", onVisible);
        // A new or regrouped notification arrives live: the count is asked for again.
        const offFrame = onFrame("notification", () => void refreshUnread());
        const offResync = onResync(() => void refreshUnread());
        onCleanup(() => {
          clearInterval(timer);
          document.removeEventListener("visibilitychange", onVisible);
          offFrame();
          offResync();
        });
      },
    ),
  );
});
