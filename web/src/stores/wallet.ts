// The logged-in person's wallet balance, shared by the wallet page and every payment dialog.
import { createSignal } from "solid-js";
import { api } from "../api/client";
import { onSessionChange } from "./session";

export interface Balance {
  cents: number;
  currency: string;
}

const [balance, setBalance] = createSignal<Balance | null>(null);

export { balance };

let inflight: Promise<Balance | null> | null = null;

/** Asks the server for the current balance; null when it can't be had (logged out, offline). */
export function refreshBalance(): Promise<Balance | null> {
  if (inflight) return inflight;
  inflight = api
    .wallet(null, 1)
    .then((w) => {
      const b = { cents: w.balanceCents, currency: w.currency };
      setBalance(b);
      return b;
    })
    .catch(() => null)
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

export function setKnownBalance(b: Balance): void {
  setBalance(b);
}

/** After a wallet payment: the balance drops by what was paid, until the server says otherwise. */
export function spent(cents: number): void {
  const b = balance();
  if (b) setBalance({ ...b, cents: b.cents - cents });
  void refreshBalance();
}

onSessionChange(() => setBalance(null));
