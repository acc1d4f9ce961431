// The tab's one /ws connection while someone is signed in. The session cookie authenticates it (same
// origin), so the first frame is `{"type":"auth"}`, or `{"type":"auth","after":seq}` when reconnecting:
// the server then replays what this tab missed. It reconnects with backoff, pings every 25 s (and treats
// a missing pong as a dead line), and hands every frame to whoever subscribed to its type. When events
// were lost (the first connection, or `resync` from the server) the `resync` listeners refetch what
// they show. Stores subscribe by frame type, so a new kind of event needs no change here.
import { createEffect, createRoot, createSignal, on, onCleanup } from "solid-js";
import { loadMe, user } from "./session";

/** A frame as the server sends it: its type, the person's seq (stored events), and the event's fields. */
export type Frame = { type: string; seq?: number } & Record<string, unknown>;
type Listener = (frame: Frame) => void;

export type RealtimeStatus = "off" | "connecting" | "live" | "waiting";

const PING_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
/** Frames that are not events of the person's stream (they carry no seq of their own). */
const CONTROL = new Set(["ready", "resync", "pong", "typing"]);

const listeners = new Map<string, Set<Listener>>();
const resyncListeners = new Set<() => void>();
const [status, setStatus] = createSignal<RealtimeStatus>("off");

export { status as realtimeStatus };

/** Calls `fn` with every frame of this type; returns the unsubscribe function. */
export function onFrame<T extends Frame = Frame>(type: string, fn: (frame: T) => void): () => void {
  let set = listeners.get(type);
  if (!set) listeners.set(type, (set = new Set()));
  const l = fn as Listener;
  set.add(l);
  return () => set.delete(l);
}

/** Calls `fn` whenever events may have been missed: refetch what is on screen. */
export function onResync(fn: () => void): () => void {
  resyncListeners.add(fn);
  return () => resyncListeners.delete(fn);
}

/** onFrame for a component: unsubscribes when the component goes away. */
export function useFrame<T extends Frame = Frame>(type: string, fn: (frame: T) => void): void {
  onCleanup(onFrame(type, fn));
}

/** onResync for a component. */
export function useResync(fn: () => void): void {
  onCleanup(onResync(fn));
}

let ws: WebSocket | null = null;
/** The last seq this tab has seen; null until the first `ready` for the signed-in person. */
let lastSeq: number | null = null;
let attempts = 0;
let wanted = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let pongTimer: ReturnType<typeof setTimeout> | undefined;

/** Sends a frame if the connection is up; false when it is not (typing indicators are simply dropped). */
export function sendFrame(frame: { type: string } & Record<string, unknown>): boolean {
  if (!ws || ws.readyState !== WebSocket.OPEN || status() !== "live") return false;
  ws.send(JSON.stringify(frame));
  return true;
}

function dispatch(type: string, frame: Frame): void {
  for (const fn of [...(listeners.get(type) ?? [])]) {
    try {
      fn(frame);
    } catch (err) {
      console.error(`realtime listener for ${type} failed`, err);
    }
  }
}

function resync(): void {
  for (const fn of [...resyncListeners]) {
    try {
      fn();
    } catch (err) {
      console.error("realtime resync listener failed", err);
    }
  }
}

function stopTimers(): void {
  clearInterval(pingTimer);
  clearTimeout(pongTimer);
  pingTimer = undefined;
  pongTimer = undefined;
}

/** Forgets a socket without waiting for its close (a dead line can take minutes to say so). */
function drop(sock: WebSocket): void {
  sock.onopen = sock.onmessage = sock.onclose = sock.onerror = null;
  try {
    sock.close();
  } catch {
    /* already closing */
  }
  if (ws === sock) ws = null;
  stopTimers();
}

function scheduleReconnect(): void {
  if (!wanted) return;
  clearTimeout(retryTimer);
  // 1 s, 2 s, 4 s … up to 30 s, jittered so a restarted server is not hit by every tab at once.
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
  attempts++;
  setStatus("waiting");
  retryTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
}

function connect(): void {
  clearTimeout(retryTimer);
  if (!wanted || ws) return;
  setStatus("connecting");
  const sock = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
  ws = sock;
  const resuming = lastSeq !== null;
  let readySeq = 0;
  sock.onopen = () => {
    sock.send(JSON.stringify(resuming ? { type: "auth", after: lastSeq } : { type: "auth" }));
  };
  sock.onmessage = (ev: MessageEvent<string>) => {
    let frame: Frame;
    try {
      frame = JSON.parse(ev.data) as Frame;
    } catch {
      return;
    }
    if (typeof frame !== "object" || frame === null || typeof frame.type !== "string") return;
    switch (frame.type) {
      case "ready": {
        attempts = 0;
        readySeq = typeof frame.seq === "number" ? frame.seq : 0;
        setStatus("live");
        stopTimers();
        pingTimer = setInterval(() => {
          if (sock.readyState !== WebSocket.OPEN) return;
          sock.send(JSON.stringify({ type: "ping" }));
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            drop(sock);
            scheduleReconnect();
          }, PONG_TIMEOUT_MS);
        }, PING_MS);
        // A first connection starts from now: what happened before it is fetched again. A resumed
        // one is replayed from `after`, so its seq moves only with the frames that follow.
        if (!resuming) {
          lastSeq = readySeq;
          resync();
        }
        break;
      }
      case "resync":
        // Too far behind to replay: the stream continues from the newest event.
        lastSeq = readySeq;
        resync();
        break;
      case "pong":
        clearTimeout(pongTimer);
        break;
      default:
        if (!CONTROL.has(frame.type) && typeof frame.seq === "number")
          lastSeq = Math.max(lastSeq ?? 0, frame.seq);
    }
    dispatch(frame.type, frame);
  };
  sock.onclose = (ev: CloseEvent) => {
    if (ws !== sock) return;
    ws = null;
    stopTimers();
    // 4401: the session ended (logged out elsewhere, expired); asking who we are settles it.
    if (ev.code === 4401) void loadMe();
    scheduleReconnect();
  };
  sock.onerror = () => {
    /* onclose follows and reconnects */
  };
}

function start(): void {
  wanted = true;
  attempts = 0;
  lastSeq = null;
  connect();
}

function stop(): void {
  wanted = false;
  clearTimeout(retryTimer);
  if (ws) drop(ws);
  lastSeq = null;
  setStatus("off");
}

/** Back online or back to the tab: no need to wait out the backoff. */
function wake(): void {
  if (wanted && !ws && document.visibilityState === "visible") {
    attempts = 0;
    connect();
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", wake);
  document.addEventListener("visibilitychange", wake);
  createRoot(() => {
    createEffect(
      on(
        () => user()?.id,
        (id) => {
          stop();
          if (id) start();
        },
      ),
    );
  });
}
