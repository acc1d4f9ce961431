// A creator's page: banner, profile, subscribe options, composer for the owner, posts.
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { Creator, CreatorViewer, LiveStream, SubscriptionMonths } from "../api/schema.gen";
import Avatar, { BannerImage } from "../components/Avatar";
import Composer from "../components/Composer";
import EmptyState from "../components/EmptyState";
import GeoBlocked, { isGeoBlocked } from "../components/GeoBlocked";
import { accessLabel } from "../components/live/LiveStatus";
import Icon from "../components/Icon";
import MediaGrid from "../components/MediaGrid";
import PostList from "../components/PostList";
import { LineSkeleton, PostSkeletons } from "../components/Skeleton";
import SubscribeDialog from "../components/SubscribeDialog";
import TipDialog from "../components/TipDialog";
import Menu from "../components/Menu";
import ReportDialog from "../components/ReportDialog";
import VerifiedBadge from "../components/VerifiedBadge";
import { absoluteTime, formatMoney, hueFor, relativeTime } from "../lib/format";
import { createPager } from "../lib/pager";
import { invalidateFeed } from "../stores/feed";
import { noteLive } from "../stores/live";
import { user, viewerKey } from "../stores/session";
import { toast } from "../stores/toasts";

const joinedFmt = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });
const monthFmt = new Intl.DateTimeFormat(undefined, { month: "short" });

export default function CreatorPage() {
  const params = useParams();
  const navigate = useNavigate();
  const username = () => params.username ?? "";
  const [data, setData] = createSignal<{ creator: Creator; viewer: CreatorViewer } | null>(null);
  const [error, setError] = createSignal<ApiError | Error | null>(null);
  const [subMonths, setSubMonths] = createSignal<SubscriptionMonths | null>(null);
  const [tipOpen, setTipOpen] = createSignal(false);
  const [live, setLive] = createSignal<{ stream: LiveStream | null; upcoming: LiveStream[] } | null>(null);
  const posts = createPager((cursor) => api.creatorPosts(username(), cursor, 20));
  // The Media tab's list loads the first time the tab opens (and again when the page changes hands).
  const mediaPosts = createPager((cursor) => api.creatorPosts(username(), cursor, 30, "media"));
  const [tab, setTab] = createSignal<"posts" | "media">("posts");
  let mediaLoaded = false;
  function openTab(next: "posts" | "media") {
    setTab(next);
    if (next === "media" && !mediaLoaded) {
      mediaLoaded = true;
      void mediaPosts.reset();
    }
  }

  /** Whether the creator is live now and what is scheduled; the page shows without it. */
  async function loadLive() {
    const name = username();
    try {
      const r = await api.creatorLive(name);
      if (name !== username()) return;
      setLive(r);
      noteLive(name, r.stream);
    } catch {
      setLive(null);
    }
  }

  async function load(quiet = false) {
    if (!quiet) setData(null);
    setError(null);
    try {
      setData(await api.creator(username()));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(errorMessage(err)));
    }
  }

  createEffect(
    on([username, viewerKey], ([, viewer]) => {
      if (viewer === null) return; // wait until we know who is looking
      void load();
      setLive(null);
      void loadLive();
      void posts.reset();
      mediaLoaded = false;
      openTab(tab());
    }),
  );

  function startSubscribe(months: SubscriptionMonths) {
    if (!user()) {
      navigate(`/signup?next=${encodeURIComponent(`/${username()}`)}`);
      return;
    }
    setSubMonths(months);
  }

  const [opening, setOpening] = createSignal(false);
  /** Opens (or makes) the conversation; the server has the last word on whether the viewer may write. */
  const [reportingProfile, setReportingProfile] = createSignal(false);

  async function startMessage() {
    if (!user()) {
      navigate(`/login?next=${encodeURIComponent(`/${username()}`)}`);
      return;
    }
    setOpening(true);
    try {
      const { conversation } = await api.startConversation(username());
      navigate(`/messages/${conversation.id}`);
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setOpening(false);
    }
  }

  function startTip() {
    if (!user()) {
      navigate(`/login?next=${encodeURIComponent(`/${username()}`)}`);
      return;
    }
    setTipOpen(true);
  }

  return (
    <Show
      when={!error()}
      fallback={
        isGeoBlocked(error()) ? (
          <GeoBlocked error={error() as ApiError} />
        ) : (
          <EmptyState
            icon="user"
            title={
              error() instanceof ApiError && (error() as ApiError).status === 404
                ? "Creator not found"
                : "Couldn't load this page"
            }
          >
            <p class="muted">{error()?.message}</p>
            <A href="/discover" class="btn btn-primary">
              Discover creators
            </A>
          </EmptyState>
        )
      }
    >
      <Show when={data()} fallback={<ProfileSkeleton />}>
        {(d) => {
          const c = () => d().creator;
          const v = () => d().viewer;
          return (
            <div class="stack">
              <section class="card profile" aria-labelledby="profile-name">
                <div
                  class="profile-banner"
                  style={{ "--banner-hue": String(hueFor(c().username)) }}
                  aria-hidden="true"
                >
                  <Show when={c().bannerUrl}>
                    {(url) => <BannerImage url={url()} srcset={c().bannerSrcset} />}
                  </Show>
                </div>
                <div class="profile-body">
                  <div class="profile-top">
                    <Show
                      when={live()?.stream}
                      fallback={
                        <Avatar
                          name={c().displayName}
                          username={c().username}
                          url={c().avatarUrl}
                          srcset={c().avatarSrcset}
                          size="xl"
                          class="profile-avatar"
                          labelled
                        />
                      }
                    >
                      {(s) => (
                        <A
                          href={`/live/${s().id}`}
                          class="profile-avatar-live"
                          aria-label={`${c().displayName} is live now: ${s().title}. Watch`}
                        >
                          <Avatar
                            name={c().displayName}
                            username={c().username}
                            url={c().avatarUrl}
                            srcset={c().avatarSrcset}
                            size="xl"
                            class="profile-avatar"
                          />
                          <span class="live-pill live-pill-lg" aria-hidden="true">
                            <span class="live-dot" />
                            LIVE
                          </span>
                        </A>
                      )}
                    </Show>
                    <div class="profile-top-actions">
                      <Show
                        when={v().isOwner}
                        fallback={
                          <>
                            <Show
                              when={v().subscribed || c().dmPolicy === "everyone"}
                              fallback={
                                <button
                                  type="button"
                                  class="btn btn-secondary"
                                  onClick={() => startSubscribe(1)}
                                >
                                  <Icon name="message" size={18} /> Subscribe to message
                                </button>
                              }
                            >
                              <button
                                type="button"
                                class="btn btn-secondary"
                                disabled={opening()}
                                onClick={() => void startMessage()}
                              >
                                <Icon name="message" size={18} /> Message
                              </button>
                            </Show>
                            <button type="button" class="btn btn-secondary" onClick={startTip}>
                              <Icon name="coin" size={18} /> Tip
                            </button>
                            <Show when={user()}>
                              <Menu
                                label={`More about @${c().username}`}
                                buttonClass="icon-btn"
                                button={<Icon name="more" />}
                              >
                                {(close) => (
                                  <button
                                    type="button"
                                    role="menuitem"
                                    class="menu-item"
                                    onClick={() => {
                                      close();
                                      setReportingProfile(true);
                                    }}
                                  >
                                    <Icon name="flag" size={18} /> Report @{c().username}
                                  </button>
                                )}
                              </Menu>
                            </Show>
                          </>
                        }
                      >
                        <A href="/settings/creator" class="btn btn-secondary">
                          <Icon name="edit" size={18} /> Edit profile
                        </A>
                      </Show>
                    </div>
                  </div>
                  <h1 id="profile-name" class="profile-name">
                    {c().displayName} <VerifiedBadge verified={c().verified} size={20} />
                  </h1>
                  <Show when={reportingProfile()}>
                    <ReportDialog
                      target={{ type: "user", id: c().id }}
                      onClose={() => setReportingProfile(false)}
                    />
                  </Show>
                  <p class="muted profile-handle">@{c().username}</p>
                  <Show when={c().bio}>
                    <p class="profile-bio">{c().bio}</p>
                  </Show>
                  <ul class="profile-stats">
                    <li>
                      <strong>{c().postsCount.toLocaleString()}</strong>{" "}
                      {c().postsCount === 1 ? "post" : "posts"}
                    </li>
                    <li>
                      <strong>{c().mediaCount.toLocaleString()}</strong> media
                    </li>
                    <li>
                      <strong>{c().likesCount.toLocaleString()}</strong>{" "}
                      {c().likesCount === 1 ? "like" : "likes"}
                    </li>
                    <li>
                      <Icon name="calendar" size={16} /> Joined {joinedFmt.format(new Date(c().createdAt))}
                    </li>
                  </ul>

                  <Show when={!v().isOwner}>
                    <div class="subscribe-box">
                      <Show
                        when={!v().subscribed}
                        fallback={
                          <div class="subscribed-note">
                            <Icon name="check" />{" "}
                            <span>You're subscribed. All subscriber posts are open to you.</span>
                          </div>
                        }
                      >
                        <Show when={c().trialDays > 0 && c().priceCents > 0}>
                          <span class="badge badge-accent trial-badge">
                            <Icon name="gift" size={14} /> {c().trialDays}-day free trial
                          </span>
                        </Show>
                        <button
                          type="button"
                          class="btn btn-primary btn-lg btn-block subscribe-btn"
                          onClick={() => startSubscribe(1)}
                        >
                          {c().priceCents > 0
                            ? `Subscribe · ${formatMoney(c().priceCents, c().currency)} / month`
                            : "Subscribe for free"}
                        </button>
                        <Show when={c().priceCents > 0 && c().bundles.length > 0}>
                          <div class="bundles" role="group" aria-label="Subscription bundles">
                            <For each={[...c().bundles].sort((a, b) => a.months - b.months)}>
                              {(b) => (
                                <button type="button" class="bundle" onClick={() => startSubscribe(b.months)}>
                                  <span class="bundle-name">
                                    {b.months} months · save {b.discountPercent} %
                                  </span>
                                  <span class="bundle-price">
                                    {formatMoney(b.priceCents, c().currency)}
                                    <span class="bundle-per"> total</span>
                                  </span>
                                </button>
                              )}
                            </For>
                          </div>
                        </Show>
                      </Show>
                    </div>
                  </Show>
                </div>
              </section>

              <Show when={live()?.stream}>
                {(s) => (
                  <A href={`/live/${s().id}`} class="card live-now-card">
                    <span class="live-pill">
                      <span class="live-dot" aria-hidden="true" />
                      LIVE
                    </span>
                    <span class="live-now-text">
                      <strong class="truncate">{s().title}</strong>
                      <span class="muted small">
                        {v().isOwner ? "You're live now" : `${c().displayName} is live now`} ·{" "}
                        {s().viewers.toLocaleString()} watching
                      </span>
                    </span>
                    <span class="btn btn-primary btn-sm" aria-hidden="true">
                      Watch
                    </span>
                  </A>
                )}
              </Show>

              <Show when={(live()?.upcoming.length ?? 0) > 0}>
                <section class="card upcoming" aria-labelledby="upcoming-title">
                  <h2 id="upcoming-title">Upcoming streams</h2>
                  <ul class="upcoming-list">
                    <For each={live()?.upcoming ?? []}>
                      {(s) => (
                        <li class="upcoming-row">
                          <span class="upcoming-date" aria-hidden="true">
                            <Show when={s.scheduledAt} fallback={<Icon name="live" size={20} />}>
                              <span class="upcoming-month">
                                {monthFmt.format(new Date(s.scheduledAt ?? 0))}
                              </span>
                              <span class="upcoming-day">{new Date(s.scheduledAt ?? 0).getDate()}</span>
                            </Show>
                          </span>
                          <span class="upcoming-main">
                            <A href={`/live/${s.id}`} class="upcoming-title truncate">
                              {s.title}
                            </A>
                            <span class="muted small">
                              <Show when={s.scheduledAt} fallback={<>Soon</>}>
                                <time
                                  datetime={new Date(s.scheduledAt ?? 0).toISOString()}
                                  title={relativeTime(s.scheduledAt ?? 0)}
                                >
                                  {absoluteTime(s.scheduledAt ?? 0)}
                                </time>
                              </Show>{" "}
                              · {accessLabel(s.access, s.priceCents, s.currency)}
                            </span>
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>

              <Show when={v().isOwner}>
                <Composer
                  compact
                  currency={c().currency}
                  onSaved={(post) => {
                    if (post.status === "published") {
                      posts.prepend(post);
                      void load(true);
                      if (mediaLoaded) void mediaPosts.refresh();
                    }
                  }}
                />
              </Show>

              <div class="tabs" role="tablist" aria-label="Creator content">
                <For each={["posts", "media"] as const}>
                  {(name) => (
                    <button
                      type="button"
                      role="tab"
                      id={`tab-${name}`}
                      class="tab-btn"
                      classList={{ active: tab() === name }}
                      aria-selected={tab() === name}
                      aria-controls={`panel-${name}`}
                      tabIndex={tab() === name ? 0 : -1}
                      onClick={() => openTab(name)}
                      onKeyDown={(e) => {
                        if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
                        const other = name === "posts" ? "media" : "posts";
                        openTab(other);
                        document.getElementById(`tab-${other}`)?.focus();
                      }}
                    >
                      {name === "posts" ? "Posts" : "Media"}
                      <span class="tab-count">
                        {(name === "posts" ? c().postsCount : c().mediaCount).toLocaleString()}
                      </span>
                    </button>
                  )}
                </For>
              </div>

              <div id="panel-posts" role="tabpanel" aria-labelledby="tab-posts" hidden={tab() !== "posts"}>
                <PostList
                  pager={posts}
                  currency={c().currency}
                  empty={
                    <EmptyState icon="file" title={v().isOwner ? "Write your first post" : "No posts yet"}>
                      <p class="muted">
                        {v().isOwner
                          ? "Your fans will see your posts here. Use the composer above to share something."
                          : `${c().displayName} hasn't posted yet. ${v().subscribed ? "" : "Subscribe to be the first to see new posts."}`}
                      </p>
                    </EmptyState>
                  }
                />
              </div>
              <div id="panel-media" role="tabpanel" aria-labelledby="tab-media" hidden={tab() !== "media"}>
                <Show when={tab() === "media"}>
                  <MediaGrid
                    pager={mediaPosts}
                    currency={c().currency}
                    empty={
                      <EmptyState icon="image" title="No photos or videos yet">
                        <p class="muted">
                          {v().isOwner
                            ? "Posts with photos or videos show up here as a grid."
                            : `${c().displayName}'s photos and videos will show up here.`}
                        </p>
                      </EmptyState>
                    }
                  />
                </Show>
              </div>

              <Show when={subMonths()}>
                {(m) => (
                  <SubscribeDialog
                    open
                    creator={c()}
                    months={m()}
                    trialEligible={v().trialEligible}
                    onClose={() => setSubMonths(null)}
                    onSubscribed={() => {
                      setSubMonths(null);
                      toast(`You're subscribed to ${c().displayName}`, "success");
                      invalidateFeed();
                      void load(true);
                      void posts.refresh();
                      if (mediaLoaded) void mediaPosts.refresh();
                    }}
                  />
                )}
              </Show>

              <Show when={tipOpen()}>
                <TipDialog
                  open
                  creator={c()}
                  currency={c().currency}
                  onClose={() => setTipOpen(false)}
                  onSent={() => {
                    setTipOpen(false);
                    toast(`Tip sent to ${c().displayName}. Thank you!`, "success");
                  }}
                />
              </Show>
            </div>
          );
        }}
      </Show>
    </Show>
  );
}

function ProfileSkeleton() {
  return (
    <div class="stack" aria-busy="true" aria-label="Loading creator">
      <div class="card profile">
        <div class="profile-banner sk" />
        <div class="profile-body">
          <div class="profile-top">
            <span class="avatar avatar-xl profile-avatar sk" />
          </div>
          <LineSkeleton width="40%" />
          <LineSkeleton width="25%" />
          <LineSkeleton width="80%" />
        </div>
      </div>
      <PostSkeletons count={2} />
    </div>
  );
}
