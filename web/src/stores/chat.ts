// One open conversation: its details (who, whether the viewer may write, the other person's read
// position), its history oldest-to-newest with older pages loaded on demand, the messages on their way
// (optimistic bubbles, each with a clientId so a retry never sends twice), the typing indicator and
// reading. /ws frames keep all of it current while the chat is open; created inside a component.
import { batch, createSignal, onCleanup } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { api, ApiError, errorMessage } from "../api/client";
import type { Conversation, Media, Message, NewMessageInput } from "../api/schema.gen";
import type { MessageFrame, ReadFrame, TypingFrame, UnsentFrame } from "./messages";
import { useFrame, useResync } from "./realtime";
import { user } from "./session";
import { randomId } from "../lib/random-id.ts";

const PAGE = 30;
/** How long "typing…" stays up after the last typing frame (they come every 2–3 s while typing). */
const TYPING_SHOWN_MS = 6000;

/** A message the viewer sent that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  input: NewMessageInput;
  media: Media[];
  createdAt: number;
  state: "sending" | "failed";
  /** The server's message when it failed. */
  error: string | null;
}

/** (created_at, id): the server's order of a conversation. */
function before(a: Message, b: Message): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

export function createChat(conversationId: string) {
  const me = () => user()?.id ?? "";
  const [conversation, setConversation] = createSignal<Conversation | null>(null);
  const [loadError, setLoadError] = createSignal<unknown>(null);
  const [state, setState] = createStore<{ items: Message[]; pending: PendingMessage[] }>({
    items: [],
    pending: [],
  });
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loadingOlder, setLoadingOlder] = createSignal(false);
  const [olderError, setOlderError] = createSignal<string | null>(null);
  const [loaded, setLoaded] = createSignal(false);
  const [typing, setTyping] = createSignal(false);
  /** The newest message from the other person that arrived while the chat was open. */
  const [arrived, setArrived] = createSignal<Message | null>(null);
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let alive = true;
  let marked: string | null = null;
  /** Messages that arrived while the first page was on its way. */
  const early: Message[] = [];
  onCleanup(() => {
    alive = false;
    clearTimeout(typingTimer);
  });

  /**
   * Puts a message where it belongs (usually the end) and drops its pending bubble. A message already
   * shown is updated in place (reconcile), so its bubble and images are not made again.
   */
  function upsert(m: Message): void {
    const at = state.items.findIndex((x) => x.id === m.id);
    batch(() => {
      if (m.clientId) setState("pending", (p) => p.filter((x) => x.clientId !== m.clientId));
      if (at >= 0) {
        setState("items", at, reconcile(m));
        return;
      }
      setState(
        produce((s) => {
          let i = s.items.length;
          while (i > 0 && before(m, s.items[i - 1]!)) i--;
          s.items.splice(i, 0, m);
        }),
      );
    });
  }

  const remove = (id: string) => setState("items", (items) => items.filter((m) => m.id !== id));

  async function loadConversation(): Promise<void> {
    try {
      const r = await api.conversation(conversationId);
      if (alive) setConversation(r.conversation);
    } catch (err) {
      if (alive) setLoadError(err);
    }
  }

  async function load(): Promise<void> {
    try {
      const [c, page] = await Promise.all([
        api.conversation(conversationId),
        api.messages(conversationId, null, PAGE),
      ]);
      if (!alive) return;
      batch(() => {
        setConversation(c.conversation);
        setState("items", [...page.items].reverse());
        for (const m of early.splice(0)) upsert(m);
        setCursor(page.nextCursor);
        setLoaded(true);
      });
      // Nothing unread: no need to tell the server we read what it already knows we read.
      if (c.conversation.unreadCount === 0) marked = newestIncoming()?.id ?? null;
      markRead();
    } catch (err) {
      if (alive) setLoadError(err);
    }
  }

  async function loadOlder(): Promise<void> {
    const c = cursor();
    if (!c || loadingOlder()) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await api.messages(conversationId, c, PAGE);
      if (!alive) return;
      batch(() => {
        const seen = new Set(state.items.map((m) => m.id));
        const older = [...page.items].reverse().filter((m) => !seen.has(m.id));
        setState("items", (items) => [...older, ...items]);
        setCursor(page.nextCursor);
      });
    } catch (err) {
      if (alive) setOlderError(errorMessage(err));
    } finally {
      if (alive) setLoadingOlder(false);
    }
  }

  /** After missed events: the newest page again, merged over what is shown (a gap starts afresh). */
  async function refresh(): Promise<void> {
    if (!loaded()) return;
    try {
      const [c, page] = await Promise.all([
        api.conversation(conversationId),
        api.messages(conversationId, null, PAGE),
      ]);
      if (!alive) return;
      const fresh = [...page.items].reverse();
      batch(() => {
        setConversation(c.conversation);
        const oldest = fresh[0];
        const overlaps = !oldest || !page.nextCursor || state.items.some((m) => m.id === oldest.id);
        if (overlaps && oldest) {
          // Keyed by id: bubbles already on screen stay, only what changed is drawn again.
          const kept = state.items.filter((m) => before(m, oldest));
          setState("items", reconcile([...kept, ...fresh], { key: "id" }));
        } else {
          setState("items", fresh);
          setCursor(page.nextCursor);
        }
        // What the server now knows of: confirmed while we were away.
        const ids = new Set(fresh.map((m) => m.clientId).filter((x): x is string => !!x));
        setState("pending", (p) => p.filter((x) => !ids.has(x.clientId)));
      });
      markRead();
    } catch {
      /* the next frame or resync tries again */
    }
  }

  const newestIncoming = (): Message | undefined => {
    for (let i = state.items.length - 1; i >= 0; i--) {
      const m = state.items[i]!;
      if (m.senderId !== me()) return m;
    }
    return undefined;
  };

  /** Reads up to the newest message from the other person, when the page is in view. */
  function markRead(): void {
    const m = newestIncoming();
    if (!m || m.id === marked || document.visibilityState !== "visible") return;
    marked = m.id;
    api.markRead(conversationId, m.id).catch(() => {
      marked = null;
    });
  }

  const onVisible = () => markRead();
  document.addEventListener("visibilitychange", onVisible);
  onCleanup(() => document.removeEventListener("visibilitychange", onVisible));

  async function deliver(clientId: string): Promise<void> {
    const p = state.pending.find((x) => x.clientId === clientId);
    if (!p) return;
    setState("pending", (x) => x.clientId === clientId, { state: "sending", error: null });
    try {
      const r = await api.sendMessage(conversationId, p.input);
      if (alive) upsert(r.message);
    } catch (err) {
      if (!alive) return;
      setState("pending", (x) => x.clientId === clientId, { state: "failed", error: errorMessage(err) });
      // Writing was closed meanwhile (blocked, subscription ended): the notice replaces the composer.
      if (err instanceof ApiError && err.status === 403) void loadConversation();
    }
  }

  useFrame<MessageFrame>("message", (f) => {
    const m = f.message;
    if (m.conversationId !== conversationId) return;
    if (!loaded()) {
      early.push(m);
      return;
    }
    upsert(m);
    if (m.senderId !== me()) {
      clearTimeout(typingTimer);
      setTyping(false);
      setArrived(m);
      markRead();
    }
  });
  useFrame<MessageFrame>("message.unlocked", (f) => {
    if (f.message.conversationId === conversationId && state.items.some((m) => m.id === f.message.id))
      upsert(f.message);
  });
  useFrame<UnsentFrame>("message.unsent", (f) => {
    if (f.conversationId === conversationId) remove(f.messageId);
  });
  useFrame<ReadFrame>("read", (f) => {
    if (f.conversationId !== conversationId || f.userId === me()) return;
    setConversation((c) => c && { ...c, readUpTo: { messageId: f.messageId, at: f.readAt } });
  });
  useFrame<TypingFrame>("typing", (f) => {
    if (f.conversationId !== conversationId || f.userId === me()) return;
    setTyping(true);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
  });
  useResync(() => void refresh());

  void load();

  return {
    conversationId,
    conversation,
    loadError,
    loaded,
    get items() {
      return state.items;
    },
    get pending() {
      return state.pending;
    },
    hasOlder: () => cursor() !== null,
    loadingOlder,
    olderError,
    loadOlder,
    typing,
    arrived,
    reloadConversation: loadConversation,
    /** Shows the message at once and sends it; `media` are the picked items, for the bubble. */
    send(input: Omit<NewMessageInput, "clientId">, media: Media[]): void {
      const clientId = randomId();
      setState("pending", (p) => [
        ...p,
        {
          clientId,
          input: { ...input, clientId },
          media,
          createdAt: Date.now(),
          state: "sending",
          error: null,
        },
      ]);
      void deliver(clientId);
    },
    /** Sends a failed message again with the same clientId: the server makes it at most once. */
    retry: (clientId: string) => void deliver(clientId),
    discard: (clientId: string) => setState("pending", (p) => p.filter((x) => x.clientId !== clientId)),
    async unsend(messageId: string): Promise<void> {
      await api.unsendMessage(messageId);
      remove(messageId);
    },
    /** A message as it now is (bought: opened in place). */
    replace: upsert,
  };
}

export type Chat = ReturnType<typeof createChat>;
