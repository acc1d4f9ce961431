import { t } from "../i18n";
import { Show } from "solid-js";
import Sentinel from "./Sentinel";

/** What the footer needs of a cursor pager (lib/pager.ts). */
interface Paged {
  error: () => string | null;
  hasMore: () => boolean;
  loading: () => boolean;
  initial: () => boolean;
  loadMore: () => Promise<void>;
}

/**
 * The end of every infinite list: the server's error with a retry, or the sentinel that loads the next
 * page when it scrolls into view.
 */
export default function PagerFooter(props: { pager: Paged; plain?: boolean; afterFirstPage?: boolean }) {
  return (
    <>
      <Show when={props.pager.error()}>
        {(msg) => (
          <div class="notice notice-error" classList={{ card: !props.plain }} role="alert">
            <p>{msg()}</p>
            <button
              type="button"
              class="btn btn-secondary btn-sm"
              onClick={() => void props.pager.loadMore()}
            >
              {t("common.tryAgain")}
            </button>
          </div>
        )}
      </Show>
      <Show
        when={
          props.pager.hasMore() && !props.pager.error() && !(props.afterFirstPage && props.pager.initial())
        }
      >
        <Sentinel onVisible={() => void props.pager.loadMore()} disabled={props.pager.loading()} />
      </Show>
    </>
  );
}
