// Messaging that outlives a page: the unread count behind the nav badge and the inbox (the conversation
// list, kept across page changes so going back is instant). Both follow /ws: a new message moves its
// conversation to the top, a read receipt updates the ticks or the unread count, an unsent last message
// is fetched again; the badge asks the server for the exact count after any change to it.
import { createEffect, createRoot, createSignal, on, onCleanup } from "solid-js";
import { api } from "../api/client";
import type { Conversation, MassMessage, Message } from "../api/schema.gen";
import { createPager } from "../lib/pager";
import { onFrame, onResync, realtimeStatus, sendFrame, type Frame } from "./realtime";
import { onSessionChange, user } from "./session";

export type MessageFrame = Frame & { message: Message };
export type ReadFrame = Frame & {
  conversationId: string;
  userId: string;
  messageId: string;
  readAt: number;
  unreadCount: number;
};
export type UnsentFrame = Frame & { conversationId: string; messageId: string; unreadCount?: number };
export type TypingFrame = Frame & { conversationId: string; userId: string };
export type MassProgressFrame = Frame & { massMessage: MassMessage };

const [unread, setUnread] = createSignal(0);

/** Unread messages in all conversations (the nav badge). */
export { unread as unreadMessages };

export async function refreshUnreadMessages(): Promise<void> {
  if (!user()) return;
  try {
    setUnread((await api.unreadMessages()).unread);
  } catch {
    /* the badge stays as it was */
  }
}

let unreadTimer: ReturnType<typeof setTimeout> | undefined;
/** Several frames in a burst (a mass message, a read receipt after it) make one request. */
function refreshUnreadSoon(): void {
  clearTimeout(unreadTimer);
  unreadTimer = setTimeout(() => void refreshUnreadMessages(), 200);
}

/** The conversation as the list keeps it (whether the viewer may write is asked when it opens). */
function listed(c: Conversation): Conversation {
  const { canWrite: _canWrite, ...rest } = c;
  return rest;
}

export const inbox = createPager<Conversation>((cursor) => api.conversations(cursor, 20));
let inboxStarted = false;

/** Loads the inbox the first time it is shown (frames keep it current afterwards). */
export function ensureInbox(): void {
  if (inboxStarted) return;
  inboxStarted = true;
  void inbox.reset();
}

const found = (id: string) => inbox.items.find((c) => c.id === id);

/** Fetches one conversation into the list (a new one, or one whose last message changed). */
function fetchIntoInbox(id: string, top: boolean): void {
  api.conversation(id).then(
    (r) => (top ? inbox.prepend(listed(r.conversation)) : inbox.update(id, listed(r.conversation))),
    () => void inbox.refresh(),
  );
}

onFrame<MessageFrame>("message", (f) => {
  const m = f.message;
  const mine = m.senderId === user()?.id;
  if (!mine) refreshUnreadSoon();
  if (!inboxStarted) return;
  const conv = found(m.conversationId);
  if (!conv) {
    fetchIntoInbox(m.conversationId, true);
    return;
  }
  inbox.prepend({
    ...conv,
    lastMessage: m,
    updatedAt: Math.max(conv.updatedAt, m.createdAt),
    // The open chat marks it read at once; the read receipt then sets the real count.
    unreadCount: mine ? conv.unreadCount : conv.unreadCount + 1,
  });
});

onFrame<ReadFrame>("read", (f) => {
  if (f.userId === user()?.id) {
    refreshUnreadSoon();
    inbox.update(f.conversationId, (c) => ({ ...c, unreadCount: f.unreadCount }));
  } else {
    inbox.update(f.conversationId, (c) => ({ ...c, readUpTo: { messageId: f.messageId, at: f.readAt } }));
  }
});

onFrame<UnsentFrame>("message.unsent", (f) => {
  refreshUnreadSoon();
  const conv = found(f.conversationId);
  if (!conv) return;
  if (typeof f.unreadCount === "number") {
    const n = f.unreadCount;
    inbox.update(conv.id, (c) => ({ ...c, unreadCount: n }));
  }
  if (conv.lastMessage?.id === f.messageId) fetchIntoInbox(conv.id, false);
});

onFrame<MessageFrame>("message.unlocked", (f) => {
  const conv = found(f.message.conversationId);
  if (conv?.lastMessage?.id === f.message.id)
    inbox.update(conv.id, (c) => ({ ...c, lastMessage: f.message }));
});

// A mass message's copies reach the creator's own devices only as progress: the list is read again
// once it is out.
onFrame<MassProgressFrame>("mass.progress", (f) => {
  if (inboxStarted && f.massMessage.status === "done") void inbox.refresh();
});

onResync(() => {
  refreshUnreadSoon();
  if (inboxStarted) void inbox.refresh();
});

onSessionChange(() => {
  inboxStarted = false;
});

const lastTyping = new Map<string, number>();
/** The server passes one typing frame per conversation every 2 s; sending every 3 s stays under it. */
const TYPING_EVERY_MS = 3000;

/** Tells the other person that the viewer is typing (at most every few seconds). */
export function sendTyping(conversationId: string): void {
  const t = Date.now();
  if (t - (lastTyping.get(conversationId) ?? 0) < TYPING_EVERY_MS) return;
  if (sendFrame({ type: "typing", conversationId })) lastTyping.set(conversationId, t);
}

/** Without a live socket the badge is polled, like the notifications'. */
const POLL_MS = 60_000;

createRoot(() => {
  createEffect(
    on(
      () => user()?.id,
      (id) => {
        setUnread(0);
        lastTyping.clear();
        if (!id) return;
        void refreshUnreadMessages();
        const timer = setInterval(() => {
          if (realtimeStatus() !== "live" && document.visibilityState === "visible")
            void refreshUnreadMessages();
        }, POLL_MS);
        onCleanup(() => clearInterval(timer));
      },
    ),
  );
});
