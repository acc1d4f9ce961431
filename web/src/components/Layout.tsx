// The app shell: left navigation (desktop), bottom tab bar (phone), centre column, right rail.
import { A, useLocation, useNavigate } from "@solidjs/router";
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { isAdmin, isCreator, user } from "../stores/session";
import { unreadMessages } from "../stores/messages";
import { unread } from "../stores/notifications";
import { liveEnabled, siteName } from "../stores/site";
import { loadSuggested, suggested } from "../stores/creators";
import { CreatorRow } from "./CreatorCard";
import { t } from "../i18n";
import Icon, { type IconName } from "./Icon";
import ProfileMenu from "./ProfileMenu";
import { CreatorSkeletons } from "./Skeleton";
import ThemeToggle from "./ThemeToggle";
import "../compliance.css";
import VerifyEmailBanner from "./VerifyEmailBanner";
import { LanguageSelect } from "./LanguageSwitcher";

interface NavItem {
  /** A function so the label follows the reader's language (a plain string is shown as it is). */
  label: string | (() => string);
  icon: IconName;
  href?: string;
  soon?: boolean;
  show?: () => boolean;
  /** A count shown on the item (unread messages, notifications). */
  badge?: () => number;
}

const NAV: NavItem[] = [
  { label: () => t("nav.home"), icon: "home", href: "/" },
  { label: () => t("nav.discover"), icon: "compass", href: "/discover" },
  {
    label: () => t("nav.messages"),
    icon: "message",
    href: "/messages",
    show: () => !!user(),
    badge: unreadMessages,
  },
  {
    label: () => t("nav.notifications"),
    icon: "bell",
    href: "/notifications",
    show: () => !!user(),
    badge: unread,
  },
  { label: () => t("nav.bookmarks"), icon: "bookmark", href: "/bookmarks", show: () => !!user() },
  { label: () => t("nav.wallet"), icon: "wallet", href: "/wallet", show: () => !!user() },
  { label: () => t("nav.goLive"), icon: "live", href: "/live", show: () => isCreator() && liveEnabled() },
  { label: () => t("nav.vault"), icon: "folder", href: "/vault", show: isCreator },
  { label: () => t("nav.earnings"), icon: "chart", href: "/earnings", show: isCreator },
  { label: () => t("nav.analytics"), icon: "chart", href: "/analytics", show: isCreator },
  { label: () => t("nav.fans"), icon: "user", href: "/fans", show: isCreator },
  { label: () => t("nav.admin"), icon: "shield", href: "/admin", show: isAdmin },
];

/** "3", or "99+" for a lot. */
function badgeText(n: number): string {
  return n > 99 ? "99+" : String(n);
}

function unreadLabel(label: string, n: number): string {
  return n > 0 ? t("nav.unread", { label, count: n }) : label;
}

function labelOf(label: NavItem["label"]): string {
  return typeof label === "function" ? label() : label;
}

function Brand() {
  return (
    <A href="/" class="brand">
      <span class="brand-mark" aria-hidden="true">
        {siteName().slice(0, 1).toUpperCase()}
      </span>
      <span class="brand-name">{siteName()}</span>
    </A>
  );
}

function NavLinks() {
  return (
    <ul class="nav-list">
      <For each={NAV.filter((n) => !n.show || n.show())}>
        {(item) => (
          <li>
            <Show
              when={!item.soon && item.href}
              fallback={
                <span
                  class="nav-item disabled"
                  aria-disabled="true"
                  title={t("nav.comingSoon", { label: labelOf(item.label) })}
                >
                  <Icon name={item.icon} size={22} />
                  <span class="nav-label">{labelOf(item.label)}</span>
                  <span class="soon">{t("nav.soon")}</span>
                </span>
              }
            >
              <A
                href={item.href ?? "/"}
                class="nav-item"
                activeClass="active"
                end={item.href === "/"}
                aria-label={
                  item.badge && item.badge() > 0 ? unreadLabel(labelOf(item.label), item.badge()) : undefined
                }
              >
                <span class="nav-icon">
                  <Icon name={item.icon} size={22} />
                  <Show when={item.badge && item.badge() > 0}>
                    <span class="nav-badge" aria-hidden="true" data-count={badgeText(item.badge?.() ?? 0)} />
                  </Show>
                </span>
                <span class="nav-label">{labelOf(item.label)}</span>
              </A>
            </Show>
          </li>
        )}
      </For>
      <Show when={isCreator() && user()}>
        {(u) => (
          <li>
            <A href={`/${u().username}`} class="nav-item" activeClass="active" end>
              <Icon name="user" size={22} />
              <span class="nav-label">{t("nav.myPage")}</span>
            </A>
          </li>
        )}
      </Show>
    </ul>
  );
}

function SideNav() {
  return (
    <aside class="sidenav" aria-label={t("nav.main")}>
      <div class="sidenav-inner">
        <Brand />
        <nav aria-label={t("nav.primary")}>
          <NavLinks />
        </nav>
        <Show when={isCreator()}>
          <A href="/compose" class="btn btn-primary btn-block nav-compose">
            <Icon name="plus" />
            <span class="nav-label">{t("nav.newPost")}</span>
          </A>
        </Show>
        <div class="sidenav-foot">
          <ThemeToggle class="nav-item nav-theme" withLabel />
          <Show
            when={user()}
            fallback={
              <div class="auth-buttons">
                <A href="/signup" class="btn btn-primary btn-block">
                  {t("nav.signUp")}
                </A>
                <A href="/login" class="btn btn-secondary btn-block">
                  {t("nav.logIn")}
                </A>
              </div>
            }
          >
            {(u) => <ProfileMenu user={u()} placement="above" />}
          </Show>
        </div>
      </div>
    </aside>
  );
}

function TopBar() {
  return (
    <header class="topbar">
      <Brand />
      <div class="topbar-actions">
        <ThemeToggle />
        <Show when={!user()}>
          <A href="/login" class="btn btn-secondary btn-sm">
            {t("nav.logIn")}
          </A>
        </Show>
      </div>
    </header>
  );
}

function TabBar() {
  return (
    <nav class="tabbar" aria-label={t("nav.primary")}>
      <A href="/" class="tab" activeClass="active" end aria-label={t("nav.home")}>
        <Icon name="home" size={24} />
      </A>
      <A href="/discover" class="tab" activeClass="active" aria-label={t("nav.discover")}>
        <Icon name="compass" size={24} />
      </A>
      <Show when={isCreator()}>
        <A href="/compose" class="tab tab-compose" activeClass="active" aria-label={t("nav.newPost")}>
          <Icon name="plus" size={24} />
        </A>
      </Show>
      <Show when={user()}>
        <A
          href="/messages"
          class="tab"
          activeClass="active"
          aria-label={unreadLabel(t("nav.messages"), unreadMessages())}
        >
          <span class="nav-icon">
            <Icon name="message" size={24} />
            <Show when={unreadMessages() > 0}>
              <span class="nav-badge" aria-hidden="true" data-count={badgeText(unreadMessages())} />
            </Show>
          </span>
        </A>
        <A
          href="/notifications"
          class="tab"
          activeClass="active"
          aria-label={unreadLabel(t("nav.notifications"), unread())}
        >
          <span class="nav-icon">
            <Icon name="bell" size={24} />
            <Show when={unread() > 0}>
              <span class="nav-badge" aria-hidden="true" data-count={badgeText(unread())} />
            </Show>
          </span>
        </A>
      </Show>
      <Show
        when={user()}
        fallback={
          <A href="/signup" class="tab" activeClass="active" aria-label={t("nav.signUp")}>
            <Icon name="user" size={24} />
          </A>
        }
      >
        {(u) => (
          <div class="tab">
            <ProfileMenu user={u()} compact placement="above" />
          </div>
        )}
      </Show>
    </nav>
  );
}

function Rail() {
  const navigate = useNavigate();
  const location = useLocation();
  const [q, setQ] = createSignal("");
  onMount(() => void loadSuggested());
  return (
    <aside class="rail" aria-label={t("nav.suggestions")}>
      <div class="rail-inner">
        {/* Discover has its own search box: one search landmark per page. */}
        <Show when={location.pathname !== "/discover"}>
          <form
            role="search"
            aria-label={t("nav.searchCreators")}
            class="search"
            onSubmit={(e) => {
              e.preventDefault();
              navigate(`/discover${q().trim() ? `?query=${encodeURIComponent(q().trim())}` : ""}`);
            }}
          >
            <Icon name="search" size={18} class="search-icon" />
            <label class="sr-only" for="rail-search">
              {t("nav.searchCreators")}
            </label>
            <input
              id="rail-search"
              class="input search-input"
              type="search"
              placeholder={t("nav.searchCreators")}
              value={q()}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </form>
        </Show>
        <section class="card rail-card" aria-labelledby="rail-suggested">
          <div class="rail-card-head">
            <h2 id="rail-suggested">{t("nav.suggestedCreators")}</h2>
            <A href="/discover" class="link small">
              {t("nav.seeAll")}
            </A>
          </div>
          <Show when={suggested()} fallback={<CreatorSkeletons compact count={5} />}>
            {(list) => (
              <Show when={list().length > 0} fallback={<p class="muted small">{t("nav.noCreators")}</p>}>
                <div class="creator-list">
                  <For each={list().slice(0, 5)}>{(c) => <CreatorRow creator={c} />}</For>
                </div>
              </Show>
            )}
          </Show>
        </section>
        <p class="rail-foot muted small">{t("nav.poweredBy", { site: siteName() })}</p>
      </div>
    </aside>
  );
}

/** The links every site needs at the bottom: the 2257 statement and the DMCA notice form. */
function SiteFooter() {
  return (
    <footer class="site-footer">
      <span>© {siteName()}</span>
      <A href="/2257">{t("nav.statement2257")}</A>
      <A href="/dmca">{t("nav.dmca")}</A>
      <LanguageSelect />
    </footer>
  );
}

/**
 * Moves focus into the main region. The router takes a click on `#main` for a navigation and cancels
 * it, which left focus on the link (WCAG 2.4.1 wants the skip to land).
 */
function SkipLink() {
  return (
    <a
      class="skip-link"
      href="#main"
      onClick={(e) => {
        e.preventDefault();
        document.getElementById("main")?.focus();
      }}
    >
      {t("nav.skip")}
    </a>
  );
}

export default function Layout(props: { children?: JSX.Element }) {
  return (
    <div class="shell">
      <SkipLink />
      <SideNav />
      <TopBar />
      <main id="main" class="center" tabindex="-1">
        <VerifyEmailBanner />
        {props.children}
        <SiteFooter />
      </main>
      <Rail />
      <TabBar />
    </div>
  );
}

/** A bare layout for setup, login and signup: a centred card and the brand. */
export function AuthLayout(props: { children?: JSX.Element }) {
  return (
    <div class="auth-shell">
      <header class="auth-top">
        <Brand />
        <span class="auth-top-actions">
          <LanguageSelect />
          <ThemeToggle />
        </span>
      </header>
      <main id="main" class="auth-main">
        {props.children}
      </main>
    </div>
  );
}
