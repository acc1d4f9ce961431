// The bookmark toggle of a post card: optimistic, rolled back with the server's message on error.
import { useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { Post } from "../api/schema.gen";
import { t } from "../i18n";
import { user } from "../stores/session";
import { toast } from "../stores/toasts";
import Icon from "./Icon";

export default function BookmarkButton(props: { post: Post; onChange?: (post: Post) => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);
  const on = () => props.post.viewer.bookmarked;
  const set = (bookmarked: boolean) =>
    props.onChange?.({ ...props.post, viewer: { ...props.post.viewer, bookmarked } });

  async function toggle() {
    if (!user()) return navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
    if (busy()) return;
    const next = !on();
    set(next);
    setBusy(true);
    try {
      const r = next ? await api.bookmark(props.post.id) : await api.unbookmark(props.post.id);
      set(r.bookmarked);
      if (r.bookmarked) toast(t("discovery.post_bookmarked"));
    } catch (err) {
      set(!next);
      toast(errorMessage(err), "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      class="action action-bookmark"
      classList={{ bookmarked: on() }}
      aria-pressed={on()}
      aria-label={on() ? t("discovery.post_unbookmark") : t("discovery.post_bookmark")}
      title={on() ? t("discovery.post_unbookmark") : t("discovery.post_bookmark")}
      onClick={() => void toggle()}
    >
      <Icon name={on() ? "bookmark-filled" : "bookmark"} />
    </button>
  );
}
