// A creator's page: banner, profile, subscribe options, composer for the owner, posts.
import { usePageTitle } from "../lib/page-title";
import { LazyComposer, LazyTipDialog, LazySubscribeDialog, LazyReportDialog } from "../components/lazy";
import { formatDate, formatNumber, t } from "../i18n";
import { A, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../api/client";
import type { Creator, CreatorViewer, LiveStream, SubscriptionMonths } from "../api/schema.gen";
import Avatar, { BannerImage } from "../components/Avatar";
import EmptyState from "../components/EmptyState";
import GeoBlocked, { isGeoBlocked } from "../components/GeoBlocked";
import { accessLabel } from "../components/live/LiveStatus";
import Icon from "../components/Icon";
import MediaGrid from "../components/MediaGrid";
import PostList from "../components/PostList";
import { LineSkeleton, PostSkeletons } from "../components/Skeleton";
import { PromotionBanner, usePromotionOffer } from "../components/PromotionOffer";
import Menu from "../components/Menu";
import VerifiedBadge from "../components/VerifiedBadge";
import { absoluteTime, formatMoney, hueFor, relativeTime } from "../lib/format";
import { createPager } from "../lib/pager";
import { invalidateFeed } from "../stores/feed";
import { takeEarly } from "../lib/first-load";
import { noteLive } from "../stores/live-now";
import { user, viewerKey } from "../stores/session";
import { toast } from "../stores/toasts";

const joinedFmt = { format: (d: Date) => formatDate(d, { month: "long", year: "numeric" }) };
const monthFmt = { format: (d: Date) => formatDate(d, { month: "short" }) };

export default function CreatorPage() {
  usePageTitle(() =>
    data()
      ? `${data()!.creator.displayName} (@${data()!.creator.username})`
      : error()
        ? t("common.notFoundTitle")
        : undefined,
  );
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
      const name = username();
      setData(
        await (takeEarly<Awaited<ReturnType<typeof api.creator>>>(`creator:${name}`) ?? api.creator(name)),
      );
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
      navigate(`/signup?next=${encodeURIComponent(`/${username()}${location.search}`)}`);
      return;
    }
    setSubMonths(months);
  }

  const offer = usePromotionOffer(username);
  // A promotion link opens the subscribe dialog with its offer once, when the page knows who is looking.
  let offered = "";
  createEffect(() => {
    const o = offer();
    const d = data();
    if (!o.fromLink || !o.promotion || !d || !user() || d.viewer.isOwner || d.viewer.subscribed) return;
    if (offered === o.promotion.code) return;
    offered = o.promotion.code;
    setSubMonths(1);
  });

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
                ? t("creator.notFound")
                : t("creator.loadFailed")
            }
          >
            <p class="muted">{error()?.message}</p>
            <A href="/discover" class="btn btn-primary">
              {t("creator.discover")}
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
                          aria-label={t("creator.liveAria", { name: c().displayName, title: s().title })}
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
                            {t("creator.live")}
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
                                  <Icon name="message" size={18} /> {t("creator.subscribeToMessage")}
                                </button>
                              }
                            >
                              <button
                                type="button"
                                class="btn btn-secondary"
                                disabled={opening()}
                                onClick={() => void startMessage()}
                              >
                                <Icon name="message" size={18} /> {t("creator.message")}
                              </button>
                            </Show>
                            <button type="button" class="btn btn-secondary" onClick={startTip}>
                              <Icon name="coin" size={18} /> {t("creator.tip")}
                            </button>
                            <Show when={user()}>
                              <Menu
                                label={t("creator.moreAbout", { username: c().username })}
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
                                    <Icon name="flag" size={18} />{" "}
                                    {t("creator.reportUser", { username: c().username })}
                                  </button>
                                )}
                              </Menu>
                            </Show>
                          </>
                        }
                      >
                        <A href="/settings/creator" class="btn btn-secondary">
                          <Icon name="edit" size={18} /> {t("creator.editProfile")}
                        </A>
                      </Show>
                    </div>
                  </div>
                  <h1 id="profile-name" class="profile-name">
                    {c().displayName} <VerifiedBadge verified={c().verified} size={20} />
                  </h1>
                  <Show when={reportingProfile()}>
                    <LazyReportDialog
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
                      <strong>{formatNumber(c().postsCount)}</strong>{" "}
                      {t("creator.postsWord", { count: c().postsCount })}
                    </li>
                    <li>
                      <strong>{formatNumber(c().mediaCount)}</strong> {t("creator.mediaWord")}
                    </li>
                    <li>
                      <strong>{formatNumber(c().likesCount)}</strong>{" "}
                      {t("creator.likesWord", { count: c().likesCount })}
                    </li>
                    <li>
                      <Icon name="calendar" size={16} />{" "}
                      {t("creator.joined", { date: joinedFmt.format(new Date(c().createdAt)) })}
                    </li>
                  </ul>

                  <Show when={!v().isOwner}>
                    <div class="subscribe-box">
                      <Show
                        when={!v().subscribed}
                        fallback={
                          <div class="subscribed-note" id="subscribed-note" tabindex="-1">
                            <Icon name="check" /> <span>{t("creator.subscribedNote")}</span>
                          </div>
                        }
                      >
                        <PromotionBanner offer={offer()} onClaim={() => startSubscribe(1)} />
                        <Show when={c().trialDays > 0 && c().priceCents > 0}>
                          <span class="badge badge-accent trial-badge">
                            <Icon name="gift" size={14} /> {t("creator.trial", { days: c().trialDays })}
                          </span>
                        </Show>
                        <button
                          type="button"
                          class="btn btn-primary btn-lg btn-block subscribe-btn"
                          onClick={() => startSubscribe(1)}
                        >
                          {c().priceCents > 0
                            ? t("creator.subscribePrice", {
                                price: formatMoney(c().priceCents, c().currency),
                              })
                            : t("creator.subscribeFree")}
                        </button>
                        <Show when={c().priceCents > 0 && c().bundles.length > 0}>
                          <div class="bundles" role="group" aria-label={t("creator.bundles")}>
                            <For each={[...c().bundles].sort((a, b) => a.months - b.months)}>
                              {(b) => (
                                <button type="button" class="bundle" onClick={() => startSubscribe(b.months)}>
                                  <span class="bundle-name">
                                    {t("creator.bundleName", {
                                      months: b.months,
                                      percent: b.discountPercent,
                                    })}
                                  </span>
                                  <span class="bundle-price">
                                    {formatMoney(b.priceCents, c().currency)}
                                    <span class="bundle-per"> {t("creator.total")}</span>
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
                      {t("creator.live")}
                    </span>
                    <span class="live-now-text">
                      <strong class="truncate">{s().title}</strong>
                      <span class="muted small">
                        {v().isOwner ? t("creator.youLive") : t("creator.isLive", { name: c().displayName })}{" "}
                        · {t("creator.watching", { count: s().viewers })}
                      </span>
                    </span>
                    <span class="btn btn-primary btn-sm" aria-hidden="true">
                      {t("creator.watch")}
                    </span>
                  </A>
                )}
              </Show>

              <Show when={(live()?.upcoming.length ?? 0) > 0}>
                <section class="card upcoming" aria-labelledby="upcoming-title">
                  <h2 id="upcoming-title">{t("creator.upcoming")}</h2>
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
                              <Show when={s.scheduledAt} fallback={<>{t("creator.soon")}</>}>
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
                <LazyComposer
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

              <div class="tabs" role="tablist" aria-label={t("creator.content")}>
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
                      {name === "posts" ? t("creator.tabPosts") : t("creator.tabMedia")}
                      <span class="tab-count">
                        {formatNumber(name === "posts" ? c().postsCount : c().mediaCount)}
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
                    <EmptyState
                      icon="file"
                      title={v().isOwner ? t("creator.firstPost") : t("creator.noPosts")}
                    >
                      <p class="muted">
                        {v().isOwner
                          ? t("creator.ownerEmpty")
                          : `${t("creator.notPosted", { name: c().displayName })} ${v().subscribed ? "" : t("creator.subscribeFirst")}`}
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
                      <EmptyState icon="image" title={t("creator.noMedia")}>
                        <p class="muted">
                          {v().isOwner
                            ? t("creator.ownerMedia")
                            : t("creator.theirMedia", { name: c().displayName })}
                        </p>
                      </EmptyState>
                    }
                  />
                </Show>
              </div>

              <Show when={subMonths()}>
                {(m) => (
                  <LazySubscribeDialog
                    open
                    creator={c()}
                    months={m()}
                    trialEligible={v().trialEligible}
                    promotion={offer().promotion}
                    onClose={() => setSubMonths(null)}
                    onSubscribed={() => {
                      setSubMonths(null);
                      toast(t("creator.subscribedTo", { name: c().displayName }), "success");
                      invalidateFeed();
                      // The subscribe button is replaced by the note saying so: focus goes there.
                      void load(true).then(() => document.getElementById("subscribed-note")?.focus());
                      void posts.refresh();
                      if (mediaLoaded) void mediaPosts.refresh();
                    }}
                  />
                )}
              </Show>

              <Show when={tipOpen()}>
                <LazyTipDialog
                  open
                  creator={c()}
                  currency={c().currency}
                  onClose={() => setTipOpen(false)}
                  onSent={() => {
                    setTipOpen(false);
                    toast(t("creator.tipSent", { name: c().displayName }), "success");
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
    <div class="stack" aria-busy="true" aria-label={t("creator.loading")}>
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
