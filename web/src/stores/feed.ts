// The logged-in home feed, kept across page changes so going back is instant.
import { api } from "../api/client";
import type { Post } from "../api/schema.gen";
import { createPager } from "../lib/pager";
import { onSessionChange } from "./session";

// A short first page: it is what a phone renders before its first paint; scrolling fetches 20 at a time.
export const feed = createPager<Post>((cursor) => api.feed(cursor, cursor ? 20 : 8));

let started = false;
export function ensureFeed(): void {
  if (started) return;
  started = true;
  void feed.reset();
}

onSessionChange(() => {
  started = false;
});

/** The next visit to the home page loads the feed afresh (after a new subscription, say). */
export function invalidateFeed(): void {
  started = false;
}
