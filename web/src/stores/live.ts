// Live streaming in the browser: one stream on screen (`createLiveRoom`, made inside a component): the
// stream, its chat (history, then live.chat / live.tip frames), the viewer count, the viewer's own state
// in the chat (muted, removed, the last error) and joining: live.join is sent when the connection is up
// and the stream is live and open to the viewer, again after every reconnect (onResync), and live.leave
// when it goes. Who is live now (the badges) is stores/live-now.ts, which pages without a stream load.
import { t as tr } from "../i18n";
import { batch, createEffect, createSignal, on, onCleanup } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { api, errorMessage } from "../api/client";
import type { LiveChatItem, LiveStream } from "../api/schema.gen";

type LiveStatus = LiveStream["status"];
import { realtimeStatus, sendFrame, useFrame, useResync, type Frame } from "./realtime";
import { user } from "./session";

export const CHAT_MAX = 500;
/** How many chat lines stay on screen; older ones scroll away for good. */
const CHAT_KEEP = 300;

export type LiveChatFrame = Frame & { streamId: string; message: LiveChatItem };
export type LiveViewersFrame = Frame & { streamId: string; viewers: number };
export type LiveStatusFrame = Frame & { streamId: string; status: LiveStatus };
export type LiveErrorFrame = Frame & { streamId: string; code: string; message: string };
export type LiveHiddenFrame = Frame & { streamId: string; messageId: string };
export type LiveMutedFrame = Frame & { streamId: string; muted: boolean };

// ---------- One stream on screen ----------

export interface LiveRoomOptions {
  /** The creator's own page: the stream is asked for again while it waits for OBS. */
  owner?: boolean;
}

export function createLiveRoom(streamId: () => string | null, opts: LiveRoomOptions = {}) {
  const [stream, setStream] = createSignal<LiveStream | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [chat, setChat] = createStore<{ items: LiveChatItem[] }>({ items: [] });
  const [chatLoaded, setChatLoaded] = createSignal(false);
  const [chatError, setChatError] = createSignal<string | null>(null);
  const [viewers, setViewers] = createSignal(0);
  const [joined, setJoined] = createSignal(false);
  const [muted, setMuted] = createSignal(false);
  const [removed, setRemoved] = createSignal(false);
  const [error, setError] = createSignal<{ code: string; message: string } | null>(null);
  let alive = true;
  let joinedId: string | null = null;
  /** Lines that arrived while the history was on its way. */
  const early: LiveChatItem[] = [];

  const id = () => streamId();
  const mine = (f: { streamId?: unknown }) => !!id() && f.streamId === id();

  function add(m: LiveChatItem): void {
    if (chat.items.some((x) => x.id === m.id)) return;
    setChat(
      produce((s) => {
        let i = s.items.length;
        while (i > 0 && s.items[i - 1]!.createdAt > m.createdAt) i--;
        s.items.splice(i, 0, m);
        if (s.items.length > CHAT_KEEP) s.items.splice(0, s.items.length - CHAT_KEEP);
      }),
    );
  }

  function hide(messageId: string): void {
    setChat("items", (items) => items.filter((m) => m.id !== messageId));
  }

  async function load(quiet = false): Promise<void> {
    const sid = id();
    if (!sid) return;
    if (!quiet) setLoadError(null);
    try {
      const r = await api.liveStream(sid);
      if (!alive || sid !== id()) return;
      batch(() => {
        setStream(r.stream);
        setViewers(r.stream.viewers);
      });
    } catch (err) {
      if (alive && !quiet) setLoadError(err);
    }
  }

  /** The stream as the server now has it (after a purchase, a save, the end). */
  function replace(s: LiveStream): void {
    if (s.id !== id()) return;
    batch(() => {
      setStream(s);
      setViewers(s.viewers);
    });
  }

  const entitled = () => {
    const s = stream();
    return !!s && !s.locked && !!user();
  };

  async function loadChat(): Promise<void> {
    const sid = id();
    if (!sid || !entitled()) return;
    setChatError(null);
    try {
      const page = await api.liveChat(sid);
      if (!alive || sid !== id()) return;
      batch(() => {
        const known = new Set(page.items.map((m) => m.id));
        const later = early.splice(0).filter((m) => !known.has(m.id));
        setChat("items", [...page.items].reverse());
        for (const m of later) add(m);
        setChatLoaded(true);
      });
    } catch (err) {
      if (alive) setChatError(errorMessage(err));
    }
  }

  const wantJoin = () => {
    const s = stream();
    return entitled() && s?.status === "live" && !removed();
  };

  function join(): void {
    const sid = id();
    if (!sid || !wantJoin()) return;
    if (sendFrame({ type: "live.join", streamId: sid })) joinedId = sid;
  }

  function leave(): void {
    if (joinedId) sendFrame({ type: "live.leave", streamId: joinedId });
    joinedId = null;
    setJoined(false);
  }

  /** Sends a chat line; false (and an error) when it cannot go now. */
  function send(text: string): boolean {
    const sid = id();
    const t = text.trim();
    if (!sid || !t) return false;
    if (t.length > CHAT_MAX) {
      setError({ code: "invalid", message: tr("live.chatTooLong", { max: String(CHAT_MAX) }) });
      return false;
    }
    if (!sendFrame({ type: "live.chat", streamId: sid, text: t })) {
      setError({ code: "offline", message: tr("live.offline") });
      return false;
    }
    setError(null);
    return true;
  }

  // A new stream on screen: start afresh.
  createEffect(
    on(id, (sid, prev) => {
      if (prev && joinedId === prev) leave();
      batch(() => {
        setStream(null);
        setChat("items", []);
        setChatLoaded(false);
        setMuted(false);
        setRemoved(false);
        setError(null);
      });
      early.length = 0;
      if (sid) void load();
    }),
  );

  // The chat's history once the viewer may read it (the first load, after a ticket, on going live).
  createEffect(
    on(entitled, (ok) => {
      if (ok && !chatLoaded()) void loadChat();
    }),
  );

  // Join when the connection is up and the stream is live and open; leave when that stops.
  createEffect(
    on([() => realtimeStatus() === "live", wantJoin], ([up, want]) => {
      if (up && want) join();
      else if (!want && joinedId) leave();
      else if (!up) setJoined(false);
    }),
  );

  // Waiting for the stream to start (or a page without /ws): ask again now and then.
  const timer = setInterval(
    () => {
      const s = stream();
      if (!s || s.status === "ended") return;
      const waiting = s.status === "scheduled";
      // Joined viewers get the count and the status by frame.
      if (waiting || !joined()) void load(true);
    },
    opts.owner ? 4000 : 10_000,
  );

  onCleanup(() => {
    alive = false;
    clearInterval(timer);
    leave();
  });

  useResync(() => {
    // After a reconnect the server knows nothing of the join; the history may have moved on.
    joinedId = null;
    setJoined(false);
    void load(true).then(() => {
      join();
      if (entitled()) void loadChat();
    });
  });

  useFrame<LiveViewersFrame>("live.joined", (f) => {
    if (!mine(f)) return;
    batch(() => {
      setJoined(true);
      if (typeof f.viewers === "number") setViewers(f.viewers);
    });
  });
  useFrame<LiveViewersFrame>("live.viewers", (f) => {
    if (mine(f) && typeof f.viewers === "number") setViewers(f.viewers);
  });
  const onLine = (f: LiveChatFrame) => {
    if (!mine(f) || !f.message) return;
    if (!chatLoaded()) early.push(f.message);
    else add(f.message);
  };
  useFrame<LiveChatFrame>("live.chat", onLine);
  useFrame<LiveChatFrame>("live.tip", onLine);
  useFrame<LiveHiddenFrame>("live.hidden", (f) => {
    if (mine(f)) hide(f.messageId);
  });
  useFrame<LiveStatusFrame>("live.status", (f) => {
    if (!mine(f)) return;
    setStream((s) => (s ? { ...s, status: f.status } : s));
    // The rest (times, the playlist, the recording) comes with the stream.
    void load(true);
  });
  useFrame<LiveMutedFrame>("live.muted", (f) => {
    if (mine(f)) setMuted(!!f.muted);
  });
  useFrame<Frame & { streamId: string }>("live.removed", (f) => {
    if (!mine(f)) return;
    batch(() => {
      setRemoved(true);
      setJoined(false);
    });
    joinedId = null;
  });
  useFrame<LiveErrorFrame>("live.error", (f) => {
    if (!mine(f)) return;
    if (f.code === "not_joined") {
      // The server lost our join (a restart, a stream that just went live): join again.
      joinedId = null;
      join();
    }
    if (f.code === "muted") setMuted(true);
    if (f.code === "removed") setRemoved(true);
    if (f.code === "not_live") void load(true);
    setError({ code: f.code, message: f.message });
  });

  return {
    stream,
    loadError,
    reload: load,
    replace,
    get items() {
      return chat.items;
    },
    chatLoaded,
    chatError,
    reloadChat: loadChat,
    viewers,
    joined,
    muted,
    removed,
    error,
    clearError: () => setError(null),
    send,
    hide,
  };
}

export type LiveRoom = ReturnType<typeof createLiveRoom>;
