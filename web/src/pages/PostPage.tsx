// One post with its comments.
import { usePageTitle } from "../lib/page-title";
import { LazyReportDialog } from "../components/lazy";
import { t } from "../i18n";
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { Comment, Post } from "../api/schema.gen";
import Avatar from "../components/Avatar";
import EmptyState from "../components/EmptyState";
import GeoBlocked, { isGeoBlocked } from "../components/GeoBlocked";
import { FormError } from "../components/Field";
import PostCard from "../components/PostCard";
import RelTime from "../components/RelTime";
import RichText from "../components/RichText";
import Icon from "../components/Icon";
import Menu from "../components/Menu";
import { LineSkeleton, PostSkeleton } from "../components/Skeleton";
import { createPager } from "../lib/pager";
import { user, viewerKey } from "../stores/session";

export default function PostPage() {
  // "Ava Lens: Morning light at the coast…": posts by one creator differ by their words.
  usePageTitle(() => {
    const p = post();
    if (!p) return error() ? t("common.notFoundTitle") : undefined;
    const words = (p.text ?? "").trim().replace(/\s+/g, " ");
    const snippet = words.length > 48 ? `${words.slice(0, 47)}…` : words;
    return snippet
      ? `${p.creator.displayName}: ${snippet}`
      : `${t("creator.postTitle")} · ${p.creator.displayName}`;
  });

  const params = useParams();
  const id = () => params.id ?? "";
  const [post, setPost] = createSignal<Post | null>(null);
  const [error, setError] = createSignal<ApiError | Error | null>(null);
  const comments = createPager<Comment>((cursor) => api.comments(id(), cursor));
  const [reportingComment, setReportingComment] = createSignal<string | null>(null);
  const [text, setText] = createSignal("");
  const [sending, setSending] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);

  createEffect(
    on([id, viewerKey], async ([, viewer]) => {
      if (viewer === null) return;
      setError(null);
      try {
        const res = await api.post(id());
        setPost(res.post);
        if (!res.post.locked) void comments.reset();
      } catch (err) {
        setError(err instanceof Error ? err : new Error(errorMessage(err)));
      }
    }),
  );

  async function send(e: Event) {
    e.preventDefault();
    const body = text().trim();
    if (!body) {
      setSendError(t("creator.postWriteFirst"));
      return;
    }
    setSending(true);
    setSendError(null);
    try {
      const res = await api.addComment(id(), body);
      setText("");
      comments.append(res.comment);
      const p = post();
      if (p) setPost({ ...p, commentsCount: p.commentsCount + 1 });
    } catch (err) {
      setSendError(errorMessage(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div class="stack">
      <div class="page-head">
        <button type="button" class="btn btn-ghost btn-sm" onClick={() => history.back()}>
          {t("creator.postBack")}
        </button>
        <h1 class="page-title">{t("creator.postTitle")}</h1>
      </div>
      <Show
        when={!error()}
        fallback={
          isGeoBlocked(error()) ? (
            <GeoBlocked error={error() as ApiError} what={t("creator.geoThisPost")} />
          ) : (
            <EmptyState
              icon="file"
              title={
                (error() as ApiError)?.status === 404
                  ? t("creator.postNotFound")
                  : t("creator.postLoadFailed")
              }
            >
              <p class="muted">{error()?.message}</p>
              <A href="/" class="btn btn-primary">
                {t("common.goHome")}
              </A>
            </EmptyState>
          )
        }
      >
        <Show when={post()} fallback={<PostSkeleton />}>
          {(p) => (
            <>
              <PostCard
                post={p()}
                linkToPost={false}
                onChange={(next) => {
                  const wasLocked = post()?.locked;
                  setPost(next);
                  // Unlocked in place: the comments open too.
                  if (wasLocked && !next.locked) void comments.reset();
                }}
                onDelete={() => history.back()}
              />
              <section class="card comments" aria-labelledby="comments-title">
                <h2 id="comments-title">{t("creator.postComments")}</h2>
                <Show when={!p().locked} fallback={<p class="muted">{t("creator.postCommentsClosed")}</p>}>
                  <Show
                    when={!comments.initial()}
                    fallback={
                      <div class="stack-sm" aria-busy="true">
                        <LineSkeleton width="70%" />
                        <LineSkeleton width="50%" />
                      </div>
                    }
                  >
                    <Show
                      when={comments.items.length > 0 || comments.error()}
                      fallback={<p class="muted">{t("creator.postNoComments")}</p>}
                    >
                      <ul class="comment-list">
                        <For each={comments.items}>
                          {(c) => (
                            <li class="comment">
                              <A href={`/${c.author.username}`} tabindex="-1" aria-hidden="true">
                                <Avatar
                                  name={c.author.displayName}
                                  username={c.author.username}
                                  url={c.author.avatarUrl}
                                  srcset={c.author.avatarSrcset}
                                  size="sm"
                                />
                              </A>
                              <div class="comment-body">
                                <div class="comment-meta">
                                  <A href={`/${c.author.username}`} class="post-name">
                                    {c.author.displayName}
                                  </A>
                                  <span class="post-handle">@{c.author.username}</span>
                                  <span class="dot" aria-hidden="true">
                                    ·
                                  </span>
                                  <RelTime ms={c.createdAt} class="post-time" />
                                </div>
                                <RichText text={c.text} class="comment-text" />
                              </div>
                              <Show when={user() && user()?.id !== c.author.id}>
                                <Menu
                                  label={t("creator.postCommentOptions", { name: c.author.displayName })}
                                  buttonClass="icon-btn icon-btn-sm"
                                  button={<Icon name="more" size={16} />}
                                >
                                  {(close) => (
                                    <button
                                      type="button"
                                      role="menuitem"
                                      class="menu-item"
                                      onClick={() => {
                                        close();
                                        setReportingComment(c.id);
                                      }}
                                    >
                                      <Icon name="flag" size={18} /> {t("creator.postReportComment")}
                                    </button>
                                  )}
                                </Menu>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                    <Show when={comments.error()}>
                      {(msg) => (
                        <div class="notice notice-error" role="alert">
                          <p>{msg()}</p>
                        </div>
                      )}
                    </Show>
                    <Show when={comments.hasMore() && !comments.error()}>
                      <button
                        type="button"
                        class="btn btn-ghost btn-block"
                        disabled={comments.loading()}
                        onClick={() => void comments.loadMore()}
                      >
                        {comments.loading() ? t("creator.postLoading") : t("creator.postShowMore")}
                      </button>
                    </Show>
                  </Show>
                  <Show
                    when={user()}
                    fallback={
                      <p class="muted">
                        <A href={`/login?next=${encodeURIComponent(`/posts/${id()}`)}`} class="link">
                          {t("creator.postLogIn")}
                        </A>{" "}
                        {t("creator.postToJoin")}
                      </p>
                    }
                  >
                    {(u) => (
                      <form class="comment-form" onSubmit={(e) => void send(e)}>
                        <Avatar
                          name={u().displayName}
                          username={u().username}
                          url={u().avatarUrl}
                          srcset={u().avatarSrcset}
                          size="sm"
                        />
                        <label class="sr-only" for="comment-text">
                          {t("creator.postWriteComment")}
                        </label>
                        <textarea
                          id="comment-text"
                          class="input textarea comment-input"
                          rows={1}
                          placeholder={t("creator.postWritePlaceholder")}
                          maxLength={2000}
                          value={text()}
                          onInput={(e) => setText(e.currentTarget.value)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void send(e);
                          }}
                        />
                        <button type="submit" class="btn btn-primary" disabled={sending()}>
                          {sending() ? t("common.sending") : t("creator.postComment")}
                        </button>
                      </form>
                    )}
                  </Show>
                  <FormError message={sendError()} />
                </Show>
              </section>
            </>
          )}
        </Show>
      </Show>
      <Show when={reportingComment()}>
        {(cid) => (
          <LazyReportDialog
            target={{ type: "comment", id: cid() }}
            onClose={() => setReportingComment(null)}
          />
        )}
      </Show>
    </div>
  );
}
