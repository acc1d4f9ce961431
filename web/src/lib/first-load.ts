// Answers asked for before the first render: the page that needs one takes it (once) instead of asking
// again after its code has arrived, so a first visit's API calls run alongside the page's chunk.
const early = new Map<string, Promise<unknown>>();

/** Starts `fetch` now and keeps its answer for the first `takeEarly(key)`. */
export function fetchEarly<T>(key: string, fetch: () => Promise<T>): void {
  const p = fetch();
  p.catch(() => undefined); // the page asks again if it failed; no unhandled rejection meanwhile
  early.set(key, p);
}

/** The answer started for `key` before the first render, if any (only once: later loads ask afresh). */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const p = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return p;
}
