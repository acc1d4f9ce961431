// How a message and a conversation look to one of their two people.
import type { MediaView } from "../media/views.ts";
import type { PublicUser } from "../users/service.ts";
import type { MassMessageRow, MessageRow } from "./tables.ts";

export interface MessageView {
  id: string;
  conversationId: string;
  senderId: string;
  /** Shown even while locked: the teaser of a pay-per-view message. */
  text: string;
  priceCents: number;
  currency: string;
  /** Pay-per-view and not bought by this viewer: media as blurred previews only. */
  locked: boolean;
  /** Pay-per-view: bought by the recipient (the sender's view too). */
  purchased: boolean;
  media: MediaView[];
  /** The sender's own retry key (null for the recipient). */
  clientId: string | null;
  massMessageId: string | null;
  createdAt: number;
}

export interface ConversationView {
  id: string;
  with: PublicUser;
  lastMessage: MessageView | null;
  unreadCount: number;
  /** The other person's last-read message (read ticks), or null. */
  readUpTo: { messageId: string; at: number } | null;
  updatedAt: number;
}

export function messageView(
  m: MessageRow,
  viewerId: string,
  opts: { entitled: boolean; purchased: boolean; media: MediaView[] },
): MessageView {
  const mine = m.senderId === viewerId;
  return {
    id: m.id,
    conversationId: m.conversationId,
    senderId: m.senderId,
    text: m.text,
    priceCents: m.priceCents,
    currency: m.currency,
    locked: !opts.entitled,
    purchased: m.priceCents > 0 && opts.purchased,
    media: opts.media,
    clientId: mine ? m.clientId : null,
    massMessageId: m.massMessageId,
    createdAt: m.createdAt,
  };
}

export interface MassMessageView {
  id: string;
  text: string;
  mediaIds: string[];
  priceCents: number;
  currency: string;
  audience: MassMessageRow["audience"];
  /** The fan list it goes to (audience `list`). */
  listId: string | null;
  status: MassMessageRow["status"];
  total: number;
  sent: number;
  sendAt: number;
  createdAt: number;
}

export const massView = (m: MassMessageRow): MassMessageView => ({
  id: m.id,
  text: m.text,
  mediaIds: m.mediaIds,
  priceCents: m.priceCents,
  currency: m.currency,
  audience: m.audience,
  listId: m.audienceListId,
  status: m.status,
  total: Math.max(m.total, m.sent),
  sent: m.sent,
  sendAt: m.sendAt,
  createdAt: m.createdAt,
});
