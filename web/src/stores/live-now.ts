// Who is live now, for the LIVE badges of the feed, discover and creator pages: GET /live/now once per
// page that shows badges (kept for a short while, so moving between pages asks again only when it is
// stale), and again when a live.status frame says a stream started or ended. Apart from the watch page's
// store (stores/live.ts): the badges are on the first page, the chat is not.
import { createRoot, createSignal } from "solid-js";
import { api } from "../api/client";
import type { LiveStream } from "../api/schema.gen";
import { onFrame, type Frame } from "./realtime";
import { onSessionChange } from "./session";

/** The live-now list is asked for again after this long, when a page that shows badges opens. */
const NOW_FRESH_MS = 30_000;

type LiveStatusFrame = Frame & { streamId: string; status: LiveStream["status"] };

const liveNowState = createRoot(() => {
  const [list, setList] = createSignal<LiveStream[]>([]);
  return { list, setList };
});
let nowAt = 0;
let nowLoading: Promise<void> | null = null;

/** Streams live now, for badges. */
export const liveNow = liveNowState.list;

/** The stream `username` is live in now, if any. */
export function liveStreamOf(username: string): LiveStream | undefined {
  return liveNowState.list().find((s) => s.creator.username === username && s.status === "live");
}

/** Asks who is live, unless a recent answer is at hand. */
export function ensureLiveNow(force = false): Promise<void> {
  if (nowLoading) return nowLoading;
  if (!force && nowAt > 0 && Date.now() - nowAt < NOW_FRESH_MS) return Promise.resolve();
  nowLoading = api
    .liveNow(50)
    .then(
      (r) => {
        nowAt = Date.now();
        liveNowState.setList(r.items);
      },
      () => undefined, // no badges is better than an error on a feed
    )
    .finally(() => {
      nowLoading = null;
    });
  return nowLoading;
}

/** What a creator page learnt of its creator: their badges elsewhere follow it. */
export function noteLive(username: string, stream: LiveStream | null): void {
  liveNowState.setList((list) => {
    const others = list.filter((s) => s.creator.username !== username);
    return stream && stream.status === "live" ? [stream, ...others] : others;
  });
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;
onFrame<LiveStatusFrame>("live.status", () => {
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void ensureLiveNow(true), 500);
});
onSessionChange(() => {
  nowAt = 0;
});
