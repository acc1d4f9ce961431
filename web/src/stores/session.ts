// Who is logged in. `user()` is undefined while loading, null when logged out.
import { createSignal } from "solid-js";
import { api, onApiError } from "../api/client";
import type { LoginInput, SignupInput, User } from "../api/types";

const [user, setUser] = createSignal<User | null | undefined>(undefined);

export { user };

export function sessionReady(): boolean {
  return user() !== undefined;
}

export function isCreator(): boolean {
  const u = user();
  return !!u && (u.role === "creator" || u.role === "admin");
}

export function isAdmin(): boolean {
  return user()?.role === "admin";
}

const logoutListeners = new Set<() => void>();
/** Lets other stores (the feed) drop what belonged to the previous person. */
export function onSessionChange(fn: () => void): void {
  logoutListeners.add(fn);
}
function changed(): void {
  for (const fn of logoutListeners) fn();
}

export async function loadMe(): Promise<void> {
  try {
    const res = await api.me();
    setUser(res.user);
  } catch {
    // 401 (logged out), 503 (setup required) or a network error: treat as logged out.
    setUser(null);
  }
}

export function setSessionUser(u: User): void {
  const prev = user();
  setUser(u);
  if (!prev || prev.id !== u.id) changed();
}

export async function login(input: LoginInput): Promise<User> {
  const res = await api.login(input);
  setSessionUser(res.user);
  return res.user;
}

export async function signup(input: SignupInput): Promise<User> {
  const res = await api.signup(input);
  setSessionUser(res.user);
  return res.user;
}

export async function logout(everywhere = false): Promise<void> {
  if (everywhere) await api.logoutAll();
  else await api.logout();
  setUser(null);
  changed();
}

onApiError((err) => {
  // The session expired or was revoked elsewhere.
  if (err.code === "unauthorized" && user()) {
    setUser(null);
    changed();
  }
});
