// Who is logged in. `user()` is undefined while loading, null when logged out.
import { createMemo, createRoot, createSignal } from "solid-js";
import { api, onApiError } from "../api/client";
import type { LoginInput, SignupInput, User } from "../api/schema.gen";

const [user, setUser] = createSignal<User | null | undefined>(undefined);

export { user };

export function sessionReady(): boolean {
  return user() !== undefined;
}

/**
 * Who is looking, for pages whose content depends on it: null until the session is known, then the
 * user id or "anon". A memo, so pages reload only when the person really changes.
 */
export const viewerKey = createRoot(() =>
  createMemo(() => (user() === undefined ? null : (user()?.id ?? "anon"))),
);

// An admin keeps the role "admin" after setting up a creator page. The server says so in
// `user.isCreator`; for an older server without the flag we ask whether a creator profile exists.
const [adminIsCreator, setAdminIsCreator] = createSignal(false);

async function probeAdminCreator(u: User): Promise<void> {
  setAdminIsCreator(false);
  if (u.role !== "admin" || u.isCreator !== undefined) return;
  try {
    await api.creator(u.username);
    if (user()?.id === u.id) setAdminIsCreator(true);
  } catch {
    /* 404: no creator page yet */
  }
}

/** Has a creator page (can post, has a profile to show). */
export function isCreator(): boolean {
  const u = user();
  if (!u) return false;
  if (u.isCreator !== undefined) return u.isCreator || adminIsCreator();
  return u.role === "creator" || (u.role === "admin" && adminIsCreator());
}

/** Called after the creator profile was saved. */
export function markCreator(): void {
  setAdminIsCreator(true);
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
    const { user: me } = await api.currentUser();
    const prev = user();
    if (me && (!prev || prev.id !== me.id)) void probeAdminCreator(me);
    setUser(me);
  } catch {
    // 503 (setup required) or a network error: treat as logged out.
    setUser(null);
  }
}

export function setSessionUser(u: User): void {
  const prev = user();
  if (!prev || prev.id !== u.id) void probeAdminCreator(u);
  setUser(u);
  if (!prev || prev.id !== u.id) changed();
}

/**
 * Logs in with the password. With two-factor sign-in on, nobody is logged in yet: the answer is the
 * challenge the code goes with (`loginSecondFactor`).
 */
export async function login(input: LoginInput): Promise<User | { challenge: string }> {
  const res = await api.login(input);
  if ("twoFactorRequired" in res) return { challenge: res.challenge };
  setSessionUser(res.user);
  return res.user;
}

/** The second step: a code of the authenticator app, or a recovery code. */
export async function loginSecondFactor(
  challenge: string,
  factor: { code: string } | { recoveryCode: string },
): Promise<User> {
  const res = await api.loginSecondFactor({ challenge, ...factor });
  setSessionUser(res.user);
  return res.user;
}

/** Signs in with a passkey of this site (the browser asks which one). */
export async function loginWithPasskey(): Promise<User> {
  const { startAuthentication } = await import("@simplewebauthn/browser");
  const { flowId, options } = await api.passkeyLoginOptions();
  const response = await startAuthentication({
    optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]["optionsJSON"],
  });
  const res = await api.passkeyLogin({ flowId, response });
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

/** The account is gone (erased): forget it here without asking the server. */
export function forgetSession(): void {
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
