// The one conversation of each pair of people: `user_a` < `user_b` (by id), unique, made with both
// members on first need. Direct messages ask for one pair, a mass message's batch for many at once.
import type { DrizzleDb } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import { messagesRepo } from "./repo.ts";
import type { ConversationRow, MemberRow } from "./tables.ts";

/** `a`'s conversation with each of `others` (by the other's id), made where missing, inside the write. */
export async function conversationsTx(
  tx: DrizzleDb,
  a: string,
  others: string[],
  now: number,
): Promise<Map<string, ConversationRow>> {
  const otherOf = (c: ConversationRow) => (c.userA === a ? c.userB : c.userA);
  const found = new Map((await messagesRepo.pairsOf(tx, a, others)).map((c) => [otherOf(c), c]));
  const missing = others.filter((o) => !found.has(o));
  if (missing.length === 0) return found;
  const made = missing.map((o): ConversationRow => {
    const [userA, userB] = a < o ? [a, o] : [o, a];
    return { id: newId(), userA, userB, lastMessageId: null, lastMessageAt: null, createdAt: now };
  });
  const member = (c: ConversationRow, userId: string, otherId: string): MemberRow => ({
    conversationId: c.id,
    userId,
    otherId,
    lastReadMessageId: null,
    lastReadAt: null,
    unread: 0,
    activityAt: now,
  });
  await messagesRepo.insertConversations(
    tx,
    made,
    made.flatMap((c) => [member(c, c.userA, c.userB), member(c, c.userB, c.userA)]),
  );
  // Read back: where another write made the pair's conversation meanwhile, that one is the one.
  for (const c of await messagesRepo.pairsOf(tx, a, missing)) found.set(otherOf(c), c);
  return found;
}
