// Card payments continue on the provider's hosted checkout. Before leaving, the page remembers where the
// fan came from and what they are buying (per checkout, for this tab), so the checkout page can show it
// and bring them back afterwards.
import type { CheckoutStart } from "../api/schema.gen";

const PREFIX = "fanz.checkout.";
const SANDBOX_PATH = /^\/sandbox\/checkout\/[^/]+$/;

export interface CheckoutReturn {
  /** The in-app path to come back to after paying. */
  returnTo: string;
  /** What is bought, in words ("Subscription to Nova Reyes · 3 months"). */
  description: string;
}

export function rememberCheckout(id: string, info: CheckoutReturn): void {
  try {
    sessionStorage.setItem(PREFIX + id, JSON.stringify(info));
  } catch {
    /* storage off: the checkout page falls back to the wallet */
  }
}

export function recallCheckout(id: string): CheckoutReturn | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + id);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<CheckoutReturn>;
    const returnTo = typeof v.returnTo === "string" && v.returnTo.startsWith("/") ? v.returnTo : "/wallet";
    return { returnTo: returnTo.startsWith("//") ? "/wallet" : returnTo, description: v.description ?? "" };
  } catch {
    return null;
  }
}

export function forgetCheckout(id: string): void {
  try {
    sessionStorage.removeItem(PREFIX + id);
  } catch {
    /* nothing to forget */
  }
}

/** The current in-app location, to come back to. */
export function herePath(): string {
  return location.pathname + location.search;
}

/**
 * Remembers the way back and leaves for the checkout. The sandbox's checkout is a page of this app, so
 * it opens in-app (same origin, whatever public URL the server was configured with); a real provider's
 * page is a full navigation.
 */
export function goToCheckout(
  start: CheckoutStart,
  description: string,
  navigate: (path: string) => void,
  returnTo = herePath(),
): void {
  rememberCheckout(start.checkoutId, { returnTo, description });
  let url: URL | null = null;
  try {
    url = new URL(start.checkoutUrl, location.origin);
  } catch {
    url = null;
  }
  if (url && SANDBOX_PATH.test(url.pathname)) navigate(url.pathname);
  else location.assign(start.checkoutUrl);
}
