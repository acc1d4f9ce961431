// The people the signed-in person blocked: the chat menu's Block / Unblock and the settings list.
import { createSignal } from "solid-js";
import { api } from "../api/client";
import type { BlockedPeople, PublicUser } from "../api/schema.gen";
import { onSessionChange } from "./session";

export type BlockedPerson = BlockedPeople["items"][number];

const [blocked, setBlocked] = createSignal<BlockedPerson[] | null>(null);
let loading: Promise<void> | null = null;

export { blocked };

/** Loads the list once (again with `force`); errors are the caller's to show. */
export function loadBlocks(force = false): Promise<void> {
  if (loading && !force) return loading;
  loading = api.blocks().then(
    (r) => void setBlocked(r.items),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

export function isBlocked(userId: string): boolean {
  return blocked()?.some((b) => b.user.id === userId) ?? false;
}

export async function block(person: Pick<PublicUser, "id" | "username" | "displayName">): Promise<void> {
  await api.block(person.username);
  const entry = { user: { id: person.id, username: person.username, displayName: person.displayName } };
  setBlocked((list) => [
    { ...entry, blockedAt: Date.now() },
    ...(list ?? []).filter((b) => b.user.id !== person.id),
  ]);
}

export async function unblock(person: Pick<PublicUser, "id" | "username">): Promise<void> {
  await api.unblock(person.username);
  setBlocked((list) => (list ?? []).filter((b) => b.user.id !== person.id));
}

onSessionChange(() => {
  loading = null;
  setBlocked(null);
});
