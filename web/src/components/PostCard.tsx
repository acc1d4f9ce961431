// One post in a feed, on a creator page or alone: header, text, locked preview, like and comments.
import { LazyComposer, LazyTipDialog, LazyUnlockDialog, LazyReportDialog } from "./lazy";
import { A, useNavigate } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../api/client";
import type { Post } from "../api/schema.gen";
import { absoluteTime, formatMoney, hueFor } from "../lib/format";
import { mediaCount } from "../lib/media";
import { siteCurrency } from "../stores/site";
import { user } from "../stores/session";
import { toast } from "../stores/toasts";
import { formatNumber, t } from "../i18n";
import Avatar from "./Avatar";
import LiveBadge from "./live/LiveBadge";
import Dialog from "./Dialog";
import { FormError } from "./Field";
import Icon from "./Icon";
import MediaGallery, { LockedPreviews } from "./MediaGallery";
import Menu from "./Menu";
import RelTime from "./RelTime";
import RichText from "./RichText";
import VerifiedBadge from "./VerifiedBadge";
import BookmarkButton from "./BookmarkButton";

export default function PostCard(props: {
  post: Post;
  currency?: string;
  onChange?: (post: Post) => void;
  onDelete?: (id: string) => void;
  /** False on the post's own page, where the time and comment count need not link to it. */
  linkToPost?: boolean;
  /** The first card of a list: its first picture is fetched at once, ahead of the rest. */
  priority?: boolean;
}) {
  const navigate = useNavigate();
  const [editing, setEditing] = createSignal(false);
  const [confirmDelete, setConfirmDelete] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  const [unlockOpen, setUnlockOpen] = createSignal(false);
  const [tipOpen, setTipOpen] = createSignal(false);
  const [likeBusy, setLikeBusy] = createSignal(false);
  const [reporting, setReporting] = createSignal(false);

  const p = () => props.post;
  const currency = () => props.currency ?? p().currency ?? siteCurrency();
  const time = () => p().publishedAt ?? p().publishAt ?? p().createdAt;
  const postHref = () => `/posts/${p().id}`;
  const price = () => formatMoney(p().priceCents ?? 0, currency());
  const media = () => p().media ?? [];

  async function toggleLike() {
    if (!user()) {
      navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    if (likeBusy()) return;
    // A plain copy: p() may be a store proxy that the optimistic update below changes in place.
    const before: Post = { ...p(), viewer: { ...p().viewer } };
    const liked = !before.viewer.liked;
    props.onChange?.({
      ...before,
      viewer: { ...before.viewer, liked },
      likesCount: Math.max(0, before.likesCount + (liked ? 1 : -1)),
    });
    setLikeBusy(true);
    try {
      const res = liked ? await api.like(before.id) : await api.unlike(before.id);
      props.onChange?.(res.post);
    } catch (err) {
      props.onChange?.(before);
      toast(errorMessage(err), "error");
    } finally {
      setLikeBusy(false);
    }
  }

  async function togglePin() {
    try {
      props.onChange?.((await api.setPinned(p().id, !p().pinned)).post);
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  function startTip() {
    if (!user()) {
      navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    setTipOpen(true);
  }

  async function doDelete() {
    setDeleting(true);
    setDeleteError(null);
    try {
      await api.deletePost(p().id);
      setConfirmDelete(false);
      toast(t("post.deleted"), "success");
      props.onDelete?.(p().id);
    } catch (err) {
      setDeleteError(errorMessage(err));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <article class="card post" data-post={p().id} tabindex="-1" aria-labelledby={`post-${p().id}-author`}>
      <header class="post-head">
        <A href={`/${p().creator.username}`} class="post-avatar" tabindex="-1" aria-hidden="true">
          <Avatar
            name={p().creator.displayName}
            username={p().creator.username}
            url={p().creator.avatarUrl}
            srcset={p().creator.avatarSrcset}
          />
        </A>
        <div class="post-meta">
          <div class="post-names">
            <A href={`/${p().creator.username}`} class="post-name" id={`post-${p().id}-author`}>
              {p().creator.displayName}
            </A>
            <VerifiedBadge verified={p().creator.verified} />
            <LiveBadge username={p().creator.username} />
            <span class="post-handle">@{p().creator.username}</span>
            <Show when={p().status === "published"}>
              <span class="dot" aria-hidden="true">
                ·
              </span>
              <Show when={props.linkToPost !== false} fallback={<RelTime ms={time()} class="post-time" />}>
                <A href={postHref()} class="post-time-link">
                  <RelTime ms={time()} class="post-time" />
                </A>
              </Show>
            </Show>
          </div>
          <div class="post-badges">
            <Show when={p().pinned}>
              <span class="badge badge-accent">
                <Icon name="pin" size={14} /> {t("discovery.post_pinned")}
              </span>
            </Show>
            <Show when={p().status === "draft"}>
              <span
                class="badge badge-muted"
                title={t("post.lastSaved", { when: absoluteTime(p().updatedAt) })}
              >
                <Icon name="file" size={14} /> {t("post.draftSaved")} <RelTime ms={p().updatedAt} />
              </span>
            </Show>
            <Show when={p().status === "scheduled" && p().publishAt}>
              <span class="badge badge-accent" title={absoluteTime(p().publishAt ?? 0)}>
                <Icon name="calendar" size={14} />{" "}
                {t("post.scheduled", { when: absoluteTime(p().publishAt ?? 0) })}
              </span>
            </Show>
            <Show when={!p().viewer.isOwner && p().visibility === "ppv" && !p().locked}>
              <span class="badge badge-success">
                <Icon name="check" size={14} /> {t("post.unlocked")}
              </span>
            </Show>
            <Show when={p().viewer.isOwner && p().visibility !== "public"}>
              <span class="badge badge-muted">
                <Icon name="lock" size={14} />{" "}
                {p().visibility === "ppv" ? t("post.ppvPrice", { price: price() }) : t("post.subscribers")}
              </span>
            </Show>
          </div>
        </div>
        <Show when={p().viewer.isOwner && !editing()}>
          <Menu label={t("post.options")} button={<Icon name="more" />}>
            {(close) => (
              <>
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item"
                  onClick={() => {
                    close();
                    setEditing(true);
                  }}
                >
                  <Icon name="edit" size={18} /> {t("post.edit")}
                </button>
                <Show when={p().status === "published"}>
                  <button
                    type="button"
                    role="menuitem"
                    class="menu-item"
                    onClick={() => {
                      close();
                      void togglePin();
                    }}
                  >
                    <Icon name="pin" size={18} />{" "}
                    {p().pinned ? t("discovery.post_unpin") : t("discovery.post_pin")}
                  </button>
                </Show>
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item menu-danger"
                  onClick={() => {
                    close();
                    setDeleteError(null);
                    setConfirmDelete(true);
                  }}
                >
                  <Icon name="trash" size={18} /> {t("post.delete")}
                </button>
              </>
            )}
          </Menu>
        </Show>
        <Show when={user() && !p().viewer.isOwner}>
          <Menu label={t("post.options")} button={<Icon name="more" />}>
            {(close) => (
              <button
                type="button"
                role="menuitem"
                class="menu-item"
                onClick={() => {
                  close();
                  setReporting(true);
                }}
              >
                <Icon name="flag" size={18} /> {t("post.report")}
              </button>
            )}
          </Menu>
        </Show>
        <Show when={reporting()}>
          <LazyReportDialog target={{ type: "post", id: p().id }} onClose={() => setReporting(false)} />
        </Show>
      </header>

      <Show
        when={!editing()}
        fallback={
          <LazyComposer
            post={p()}
            currency={currency()}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              props.onChange?.(saved);
            }}
          />
        }
      >
        <Show when={p().text}>{(text) => <RichText text={text()} class="post-text" />}</Show>

        <Show when={!p().locked && p().media?.length}>
          <MediaGallery media={p().media} poll={p().viewer.isOwner} priority={props.priority} />
        </Show>

        <Show when={p().locked}>
          <div
            class="locked"
            classList={{ "locked-has-media": media().length > 0 }}
            style={{ "--lock-hue": String(hueFor(p().creator.username)) }}
          >
            <Show
              when={media().some((m) => m.urls.preview)}
              fallback={
                <div class="locked-art" aria-hidden="true">
                  <span class="blob blob-a" />
                  <span class="blob blob-b" />
                  <span class="blob blob-c" />
                </div>
              }
            >
              <LockedPreviews media={media()} />
            </Show>
            <div class="locked-inner">
              <span class="lock-circle">
                <Icon name="lock" size={26} label={t("post.locked")} />
              </span>
              <Show when={media().length > 0}>
                <p class="locked-count">{mediaCount(media())}</p>
              </Show>
              <Switch>
                <Match when={p().visibility === "ppv"}>
                  <p class="locked-title">{t("post.payOnce")}</p>
                  <button type="button" class="btn btn-primary btn-lg" onClick={() => setUnlockOpen(true)}>
                    {t("post.unlockFor", { price: price() })}
                  </button>
                </Match>
                <Match when={true}>
                  <p class="locked-title">{t("post.forSubscribers")}</p>
                  <A href={`/${p().creator.username}`} class="btn btn-primary btn-lg">
                    {t("post.subscribeToSee")}
                  </A>
                </Match>
              </Switch>
            </div>
          </div>
        </Show>

        <Show when={p().status === "published"}>
          <footer class="post-actions">
            <button
              type="button"
              class="action"
              classList={{ liked: p().viewer.liked }}
              aria-pressed={p().viewer.liked}
              aria-label={t("post.likeLabel", { count: p().likesCount })}
              onClick={() => void toggleLike()}
            >
              <Icon name={p().viewer.liked ? "heart-filled" : "heart"} />
              <span>{formatNumber(p().likesCount)}</span>
            </button>
            <Show
              when={props.linkToPost !== false}
              fallback={
                <span class="action action-static">
                  <Icon name="comment" />
                  <span>{t("post.comments", { count: p().commentsCount })}</span>
                </span>
              }
            >
              <A
                href={postHref()}
                class="action"
                aria-label={t("post.comments", { count: p().commentsCount })}
              >
                <Icon name="comment" />
                <span>{formatNumber(p().commentsCount)}</span>
              </A>
            </Show>
            <Show when={!p().viewer.isOwner}>
              <button
                type="button"
                class="action action-tip"
                aria-label={t("post.tipLabel", { name: p().creator.displayName })}
                onClick={startTip}
              >
                <Icon name="coin" />
                <span>{t("post.tip")}</span>
              </button>
            </Show>
            <BookmarkButton post={p()} onChange={(next) => props.onChange?.(next)} />
          </footer>
        </Show>
      </Show>

      <Show when={confirmDelete()}>
        <Dialog
          open
          title={t("post.deleteTitle")}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirmDelete(false)}>
                {t("post.keep")}
              </button>
              <button
                type="button"
                class="btn btn-danger"
                disabled={deleting()}
                onClick={() => void doDelete()}
              >
                {deleting() ? t("post.deleting") : t("post.deletePost")}
              </button>
            </>
          }
        >
          <p>{t("post.deleteBody")}</p>
          <FormError message={deleteError()} />
        </Dialog>
      </Show>

      <Show when={unlockOpen()}>
        <LazyUnlockDialog
          open
          title={t("post.unlockTitle")}
          priceCents={p().priceCents ?? 0}
          currency={currency()}
          seller={p().creator}
          gets={t("post.unlockGets")}
          checkoutLabel={t("post.unlockCheckout", {
            name: p().creator.displayName,
            username: p().creator.username,
          })}
          unlock={async (payWith) => {
            const res = await api.unlock(p().id, payWith);
            return "post" in res ? res.post : res;
          }}
          onClose={() => setUnlockOpen(false)}
          onUnlocked={(post: Post) => {
            setUnlockOpen(false);
            toast(t("post.unlockedToast"), "success");
            props.onChange?.(post);
            // The unlock button gives way to the content: focus goes to the opened post.
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(`article[data-post="${CSS.escape(post.id)}"]`)?.focus(),
            );
          }}
        />
      </Show>

      <Show when={tipOpen()}>
        <LazyTipDialog
          open
          creator={p().creator}
          currency={currency()}
          postId={p().id}
          onClose={() => setTipOpen(false)}
          onSent={() => {
            setTipOpen(false);
            toast(t("post.tipSent", { name: p().creator.displayName }), "success");
          }}
        />
      </Show>
    </article>
  );
}
