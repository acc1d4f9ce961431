// What notifications say: who (display name, else @username), how much (formatCents) and, for grouped
// ones, how many ("Ana and 4 others liked your post."). Pure functions, so a grouped row is re-rendered
// from its stored actors and count whenever it takes another event.
import { formatCents } from "../../lib/money.ts";

export interface Person {
  id: string;
  username: string;
  displayName: string;
}

/** How a person is named in a notification. */
export const nameOf = (p: Person | undefined): string =>
  !p ? "Someone" : p.displayName.trim() || `@${p.username}`;

/** "Ana", "Ana and Bo", "Ana and 4 others": the latest actor first. */
export function who(latest: string, second: string | undefined, actorCount: number): string {
  if (actorCount <= 1) return latest;
  if (actorCount === 2 && second) return `${latest} and ${second}`;
  return `${latest} and ${actorCount - 1} others`;
}

/** The kinds that fold into one row per thing while unread, and what such a row says. */
export const GROUPED = {
  like: (names: string, _count: number) => `${names} liked your post.`,
  comment: (names: string, count: number) =>
    count > 1 && !names.includes(" and ")
      ? `${names} left ${count} comments on your post.`
      : `${names} commented on your post.`,
  /** A creator's renewals, one row while unread (a big creator's renewal day is one notification). */
  renewal: (names: string, count: number, amount: string) =>
    count > 1
      ? `${names} renewed their subscription${names.includes(" and ") ? "s" : ""} to you.`
      : `${names} renewed their subscription to you for ${amount}.`,
  message: (names: string, count: number, priceCents?: number, currency?: string) =>
    count > 1
      ? `${names} sent you ${count} messages.`
      : priceCents && currency
        ? `${names} sent you a message (${formatCents(priceCents, currency)} to unlock).`
        : `${names} sent you a message.`,
} as const;
export type GroupedKind = keyof typeof GROUPED;

export const money = formatCents;

/** A mail's subject: the notification's first sentence without its full stop. */
export const subjectOf = (text: string): string => {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.replace(/\.$/, "").slice(0, 150);
};
