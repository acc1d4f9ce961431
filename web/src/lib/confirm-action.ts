// The state around a ConfirmDialog for a step on one item of a list (revoke a key, delete a webhook):
// which item is asked about, whether the step is running, and the server's refusal, which stays in the
// dialog so the step can be tried again without reopening it.
import { createSignal } from "solid-js";
import { errorMessage } from "../api/client";

export interface ConfirmAction<T> {
  /** The item the dialog asks about; null while no dialog is open. */
  target: () => T | null;
  busy: () => boolean;
  error: () => string | null;
  /** Opens the dialog for this item. */
  ask: (target: T) => void;
  /** Closes the dialog without taking the step. */
  cancel: () => void;
  /** Takes the step on the item asked about; on success the dialog closes, then `done` runs. */
  confirm: () => Promise<void>;
}

/** `run` takes the step (and updates the list); `done` runs once the dialog has closed (a toast). */
export function useConfirmAction<T>(
  run: (target: T) => Promise<unknown>,
  done?: (target: T) => void,
): ConfirmAction<T> {
  const [target, setTarget] = createSignal<T | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  return {
    target,
    busy,
    error,
    ask: (item) => setTarget(() => item),
    cancel: () => setTarget(null),
    async confirm() {
      const item = target();
      if (item === null) return;
      setBusy(true);
      setError(null);
      try {
        await run(item);
        setTarget(null);
        done?.(item);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
