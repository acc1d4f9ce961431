// A short list read from the API on a settings page: the error with a retry, a skeleton while it loads,
// the empty state, or the items. One piece for every such list (blocked people, API keys, webhooks).
import { Show, type JSX } from "solid-js";
import { t } from "../i18n";
import { LineSkeleton } from "./Skeleton";

export default function LoadedList<T>(props: {
  /** Undefined or null while loading. */
  items: T[] | null | undefined;
  error: string | null | undefined;
  onRetry: () => void;
  /** The skeleton's accessible name ("Loading your keys…"). */
  loadingLabel: string;
  empty: JSX.Element;
  children: (items: T[]) => JSX.Element;
}) {
  return (
    <>
      <Show when={props.error}>
        {(msg) => (
          <div class="notice notice-error" role="alert">
            <p>{msg()}</p>
            <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onRetry()}>
              {t("common.tryAgain")}
            </button>
          </div>
        )}
      </Show>
      <Show
        when={props.items}
        fallback={
          <Show when={!props.error}>
            <div class="stack-sm" aria-busy="true" aria-label={props.loadingLabel}>
              <LineSkeleton width="50%" />
              <LineSkeleton width="35%" />
            </div>
          </Show>
        }
      >
        {(list) => (
          <Show when={list().length > 0} fallback={props.empty}>
            {props.children(list())}
          </Show>
        )}
      </Show>
    </>
  );
}
