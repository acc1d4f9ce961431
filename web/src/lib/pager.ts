// A cursor-paged list (feeds, creator lists, comments) kept in a Solid store so single items can be
// updated in place without re-rendering the whole list.
import { batch, createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { errorMessage } from "../api/client";

export interface Pager<T extends { id: string }> {
  readonly items: T[];
  loading: () => boolean;
  /** True until the first page has arrived (or failed). */
  initial: () => boolean;
  error: () => string | null;
  hasMore: () => boolean;
  loadMore: () => Promise<void>;
  reset: () => Promise<void>;
  /** Reloads the first page in place (no skeletons): what changed re-renders, the rest stays. */
  refresh: () => Promise<void>;
  update: (id: string, next: T | ((old: T) => T)) => void;
  remove: (id: string) => void;
  prepend: (item: T) => void;
  /** Adds an item at the end, but only once every page is loaded (otherwise it arrives with its page). */
  append: (item: T) => void;
}

export function createPager<T extends { id: string }>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Pager<T> {
  const [state, setState] = createStore<{ items: T[] }>({ items: [] });
  const [loading, setLoading] = createSignal(false);
  const [initial, setInitial] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [done, setDone] = createSignal(false);
  let generation = 0;

  async function loadMore(): Promise<void> {
    if (loading() || done()) return;
    const gen = generation;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(cursor());
      if (gen !== generation) return;
      batch(() => {
        const seen = new Set(state.items.map((i) => i.id));
        const fresh = page.items.filter((i) => !seen.has(i.id));
        setState("items", (items) => [...items, ...fresh]);
        setCursor(page.nextCursor);
        setDone(!page.nextCursor);
      });
    } catch (err) {
      if (gen !== generation) return;
      setError(errorMessage(err));
    } finally {
      if (gen === generation) {
        setLoading(false);
        setInitial(false);
      }
    }
  }

  async function reset(): Promise<void> {
    generation++;
    batch(() => {
      setState("items", []);
      setCursor(null);
      setDone(false);
      setError(null);
      setLoading(false);
      setInitial(true);
    });
    await loadMore();
  }

  async function refresh(): Promise<void> {
    generation++;
    const gen = generation;
    try {
      const page = await fetchPage(null);
      if (gen !== generation) return;
      batch(() => {
        setState("items", reconcile(page.items, { key: "id", merge: true }));
        setCursor(page.nextCursor);
        setDone(!page.nextCursor);
        setError(null);
        setLoading(false);
        setInitial(false);
      });
    } catch (err) {
      if (gen !== generation) return;
      setError(errorMessage(err));
    }
  }

  return {
    get items() {
      return state.items;
    },
    loading,
    initial,
    error,
    hasMore: () => !done(),
    loadMore,
    reset,
    refresh,
    update(id, next) {
      const idx = state.items.findIndex((i) => i.id === id);
      if (idx < 0) return;
      const old = state.items[idx] as T;
      const value = typeof next === "function" ? (next as (old: T) => T)(old) : next;
      // Replace fields on the existing object so <For> keeps the same row.
      setState("items", idx, value);
    },
    remove(id) {
      setState("items", (items) => items.filter((i) => i.id !== id));
    },
    append(item) {
      if (!done()) return;
      setState("items", (items) => [...items.filter((i) => i.id !== item.id), item]);
    },
    prepend(item) {
      setState(
        produce((s) => {
          s.items = [item, ...s.items.filter((i) => i.id !== item.id)];
        }),
      );
    },
  };
}
