// The app shell: left navigation (desktop), bottom tab bar (phone), centre column, right rail.
import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { isAdmin, isCreator, user } from "../stores/session";
import { unreadMessages } from "../stores/messages";
import { unread } from "../stores/notifications";
import { liveEnabled, siteName } from "../stores/site";
import { loadSuggested, suggested } from "../stores/creators";
import { CreatorRow } from "./CreatorCard";
import Icon, { type IconName } from "./Icon";
import ProfileMenu from "./ProfileMenu";
import { CreatorSkeletons } from "./Skeleton";
import ThemeToggle from "./ThemeToggle";
import "../compliance.css";
import VerifyEmailBanner from "./VerifyEmailBanner";

interface NavItem {
  label: string;
  icon: IconName;
  href?: string;
  soon?: boolean;
  show?: () => boolean;
  /** A count shown on the item (unread messages, notifications). */
  badge?: () => number;
}

const NAV: NavItem[] = [
  { label: "Home", icon: "home", href: "/" },
  { label: "Discover", icon: "compass", href: "/discover" },
  { label: "Messages", icon: "message", href: "/messages", show: () => !!user(), badge: unreadMessages },
  { label: "Notifications", icon: "bell", href: "/notifications", show: () => !!user(), badge: unread },
  { label: "Wallet", icon: "wallet", href: "/wallet", show: () => !!user() },
  { label: "Go live", icon: "live", href: "/live", show: () => isCreator() && liveEnabled() },
  { label: "Vault", icon: "folder", href: "/vault", show: isCreator },
  { label: "Earnings", icon: "chart", href: "/earnings", show: isCreator },
  { label: "Admin", icon: "shield", href: "/admin", show: isAdmin },
];

/** "3", or "99+" for a lot. */
function badgeText(n: number): string {
  return n > 99 ? "99+" : String(n);
}

function unreadLabel(label: string, n: number): string {
  return n > 0 ? `${label} (${n} unread)` : label;
}

function Brand() {
  return (
    <A href="/" class="brand" aria-label={`${siteName()} home`}>
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
                <span class="nav-item disabled" aria-disabled="true" title={`${item.label}: coming soon`}>
                  <Icon name={item.icon} size={22} />
                  <span class="nav-label">{item.label}</span>
                  <span class="soon">Soon</span>
                </span>
              }
            >
              <A
                href={item.href ?? "/"}
                class="nav-item"
                activeClass="active"
                end={item.href === "/"}
                aria-label={
                  item.badge && item.badge() > 0 ? unreadLabel(item.label, item.badge()) : undefined
                }
              >
                <span class="nav-icon">
                  <Icon name={item.icon} size={22} />
                  <Show when={item.badge && item.badge() > 0}>
                    <span class="nav-badge" aria-hidden="true">
                      {badgeText(item.badge?.() ?? 0)}
                    </span>
                  </Show>
                </span>
                <span class="nav-label">{item.label}</span>
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
              <span class="nav-label">My page</span>
            </A>
          </li>
        )}
      </Show>
    </ul>
  );
}

function SideNav() {
  return (
    <aside class="sidenav" aria-label="Main">
      <div class="sidenav-inner">
        <Brand />
        <nav aria-label="Primary">
          <NavLinks />
        </nav>
        <Show when={isCreator()}>
          <A href="/compose" class="btn btn-primary btn-block nav-compose">
            <Icon name="plus" />
            <span class="nav-label">New post</span>
          </A>
        </Show>
        <div class="sidenav-foot">
          <ThemeToggle class="nav-item nav-theme" withLabel />
          <Show
            when={user()}
            fallback={
              <div class="auth-buttons">
                <A href="/signup" class="btn btn-primary btn-block">
                  Sign up
                </A>
                <A href="/login" class="btn btn-secondary btn-block">
                  Log in
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
            Log in
          </A>
        </Show>
      </div>
    </header>
  );
}

function TabBar() {
  return (
    <nav class="tabbar" aria-label="Primary">
      <A href="/" class="tab" activeClass="active" end aria-label="Home">
        <Icon name="home" size={24} />
      </A>
      <A href="/discover" class="tab" activeClass="active" aria-label="Discover">
        <Icon name="compass" size={24} />
      </A>
      <Show when={isCreator()}>
        <A href="/compose" class="tab tab-compose" activeClass="active" aria-label="New post">
          <Icon name="plus" size={24} />
        </A>
      </Show>
      <Show when={user()}>
        <A
          href="/messages"
          class="tab"
          activeClass="active"
          aria-label={unreadLabel("Messages", unreadMessages())}
        >
          <span class="nav-icon">
            <Icon name="message" size={24} />
            <Show when={unreadMessages() > 0}>
              <span class="nav-badge" aria-hidden="true">
                {badgeText(unreadMessages())}
              </span>
            </Show>
          </span>
        </A>
        <A
          href="/notifications"
          class="tab"
          activeClass="active"
          aria-label={unreadLabel("Notifications", unread())}
        >
          <span class="nav-icon">
            <Icon name="bell" size={24} />
            <Show when={unread() > 0}>
              <span class="nav-badge" aria-hidden="true">
                {badgeText(unread())}
              </span>
            </Show>
          </span>
        </A>
      </Show>
      <Show
        when={user()}
        fallback={
          <A href="/signup" class="tab" activeClass="active" aria-label="Sign up">
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
  const [q, setQ] = createSignal("");
  onMount(() => void loadSuggested());
  return (
    <aside class="rail" aria-label="Suggestions">
      <div class="rail-inner">
        <form
          role="search"
          class="search"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/discover${q().trim() ? `?query=${encodeURIComponent(q().trim())}` : ""}`);
          }}
        >
          <Icon name="search" size={18} class="search-icon" />
          <label class="sr-only" for="rail-search">
            Search creators
          </label>
          <input
            id="rail-search"
            class="input search-input"
            type="search"
            placeholder="Search creators"
            value={q()}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
        </form>
        <section class="card rail-card" aria-labelledby="rail-suggested">
          <div class="rail-card-head">
            <h2 id="rail-suggested">Suggested creators</h2>
            <A href="/discover" class="link small">
              See all
            </A>
          </div>
          <Show when={suggested()} fallback={<CreatorSkeletons compact count={3} />}>
            {(list) => (
              <Show
                when={list().length > 0}
                fallback={<p class="muted small">No creators yet. Be the first!</p>}
              >
                <div class="creator-list">
                  <For each={list().slice(0, 5)}>{(c) => <CreatorRow creator={c} />}</For>
                </div>
              </Show>
            )}
          </Show>
        </section>
        <p class="rail-foot muted small">{siteName()} · powered by Fanz</p>
      </div>
    </aside>
  );
}

/** The links every site needs at the bottom: the 2257 statement and the DMCA notice form. */
function SiteFooter() {
  return (
    <footer class="site-footer">
      <span>© {siteName()}</span>
      <A href="/2257">18 U.S.C. 2257 statement</A>
      <A href="/dmca">DMCA / copyright</A>
    </footer>
  );
}

export default function Layout(props: { children?: JSX.Element }) {
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
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
        <ThemeToggle />
      </header>
      <main id="main" class="auth-main">
        {props.children}
      </main>
    </div>
  );
}
