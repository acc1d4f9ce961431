/* @refresh reload */
import { Navigate, Route, Router, useLocation, type RouteSectionProps } from "@solidjs/router";
import { createEffect, lazy, on, Show } from "solid-js";
import { render } from "solid-js/web";
import Layout, { AuthLayout } from "./components/Layout";
import Toasts from "./components/Toasts";
import Home, { preloadFeed } from "./pages/Home";
import { loadSite, site, siteError } from "./stores/site";
import { loadMe, user } from "./stores/session";
import { registerServiceWorker } from "./lib/push";
import { fetchEarly } from "./lib/first-load";
import { warmFormats } from "./lib/format";
import { api } from "./api/client";
import { noteNavigation } from "./lib/page-title";
import { localeReady } from "./i18n";
import "./stores/theme";
import "./stores/notifications";
import "./stores/realtime";
import "./stores/messages";
import "./styles.css";
import "./security.css";
import "./integrations.css";

// A chunk of its own (with the post cards and galleries the landing page does not show). A first visit
// to a creator page fetches it at once and renders when it is there, so nothing arrives late and shifts.
const CreatorPage = lazy(() => import("./pages/Creator"));
const Login = lazy(() => import("./pages/Login"));
const Signup = lazy(() => import("./pages/Signup"));
const Setup = lazy(() => import("./pages/Setup"));
const NotFound = lazy(() => import("./pages/NotFound"));
const Discover = lazy(() => import("./pages/Discover"));
const TagPage = lazy(() => import("./pages/TagPage"));
const Bookmarks = lazy(() => import("./pages/Bookmarks"));
const PostPage = lazy(() => import("./pages/PostPage"));
const Compose = lazy(() => import("./pages/Compose"));
const CreatorSettings = lazy(() => import("./pages/CreatorSettings"));
const Drafts = lazy(() => import("./pages/Drafts"));
const Vault = lazy(() => import("./pages/Vault"));
const Wallet = lazy(() => import("./pages/Wallet"));
const Subscriptions = lazy(() => import("./pages/Subscriptions"));
const Earnings = lazy(() => import("./pages/Earnings"));
const Analytics = lazy(() => import("./pages/Analytics"));
const Fans = lazy(() => import("./pages/Fans"));
const Notifications = lazy(() => import("./pages/Notifications"));
const NotificationSettings = lazy(() => import("./pages/NotificationSettings"));
const Messages = lazy(() => import("./pages/Messages"));
const MassMessages = lazy(() => import("./pages/MassMessages"));
const BlockedPeople = lazy(() => import("./pages/BlockedPeople"));
const Security = lazy(() => import("./pages/Security"));
const ApiKeys = lazy(() => import("./pages/ApiKeys"));
const Webhooks = lazy(() => import("./pages/Webhooks"));
const SsoSignup = lazy(() => import("./pages/SsoSignup"));
const ForgotPassword = lazy(() => import("./pages/ForgotPassword"));
const ResetPassword = lazy(() => import("./pages/ResetPassword"));
const VerifyEmail = lazy(() => import("./pages/VerifyEmail"));
const PrivacySettings = lazy(() => import("./pages/PrivacySettings"));
const GoLive = lazy(() => import("./pages/GoLive"));
const LiveWatch = lazy(() => import("./pages/LiveWatch"));
const SandboxCheckout = lazy(() => import("./pages/SandboxCheckout"));
const AdminPayouts = lazy(() => import("./pages/admin/AdminPayouts"));
const AdminTransactions = lazy(() => import("./pages/admin/AdminTransactions"));
const AdminSettings = lazy(() => import("./pages/admin/AdminSettings"));
const AdminKyc = lazy(() => import("./pages/admin/AdminKyc"));
const AdminDmca = lazy(() => import("./pages/admin/AdminDmca"));
const Verification = lazy(() => import("./pages/compliance/Verification"));
const Records = lazy(() => import("./pages/compliance/Records"));
const Statement2257 = lazy(() => import("./pages/compliance/Statement2257"));
const DmcaForm = lazy(() => import("./pages/compliance/DmcaForm"));
const DmcaNotices = lazy(() => import("./pages/compliance/DmcaNotices"));
const AdminUsers = lazy(() => import("./pages/admin/AdminUsers"));
const AdminUser = lazy(() => import("./pages/admin/AdminUser"));
const AdminReports = lazy(() => import("./pages/admin/AdminReports"));
const AdminAudit = lazy(() => import("./pages/admin/AdminAudit"));
const AdminStatus = lazy(() => import("./pages/admin/AdminStatus"));

const BARE = new Set([
  "/setup",
  "/login",
  "/signup",
  "/signup/continue",
  "/forgot-password",
  "/reset-password",
  "/verify-email",
]);

/** Pages without the app's navigation: setup, login, signup, the mailed links' pages and the sandbox's hosted checkout. */
function isBare(path: string): boolean {
  return BARE.has(path) || path.startsWith("/sandbox/checkout/");
}

function Splash() {
  return (
    <div class="splash" aria-busy="true">
      <span class="brand-mark splash-mark" aria-hidden="true" />
      <span class="sr-only">Loading</span>
    </div>
  );
}

/** The one-segment paths that are not a creator's page. */
const FIXED_PAGES = new Set([
  ...["setup", "login", "signup", "discover", "bookmarks", "compose", "drafts", "vault", "wallet"],
  ...["subscriptions", "earnings", "analytics", "fans", "notifications", "messages", "live", "admin"],
  ...["forgot-password", "reset-password", "verify-email", "2257", "dmca"],
]);

/** The username in a creator page's path; null for a path that does not decode. */
function creatorName(path: string): string | null {
  try {
    return decodeURIComponent(path.split("/")[1] ?? "");
  } catch {
    return null;
  }
}

function isCreatorPath(path: string): boolean {
  const m = /^\/([^/]+)\/?$/.exec(path);
  return !!m && !FIXED_PAGES.has(m[1]!);
}

// Started before the first render, in parallel with the bundle's own work: before setup /users/me
// answers 503 and the session is simply "logged out".
void loadSite();
const sessionLoaded = loadMe();
// The signed-in home page is the feed: its chunk is fetched as soon as the session is known.
void sessionLoaded.then(() => {
  if (user() && location.pathname === "/") void preloadFeed().catch(() => undefined);
});
// A creator page asks for the creator alongside its chunk (the session cookie makes it the same viewer).
const firstCreator = isCreatorPath(location.pathname) ? creatorName(location.pathname) : null;
if (firstCreator) fetchEarly(`creator:${firstCreator}`, () => api.creator(firstCreator));
const firstPage = firstCreator ? CreatorPage.preload().catch(() => undefined) : undefined;
// While the first page's data is on its way (in the reader's language once its messages are there).
void localeReady.then(() => setTimeout(warmFormats));

function Root(props: RouteSectionProps) {
  const loc = useLocation();
  // A new path after the first page: the next page to name itself takes focus to its heading.
  createEffect(on(() => loc.pathname, noteNavigation, { defer: true }));
  const setupHref = () => {
    const t = loc.query.token;
    const token = Array.isArray(t) ? t[0] : t;
    return token ? `/setup?token=${encodeURIComponent(token)}` : "/setup";
  };
  return (
    <>
      <Show
        when={site()}
        fallback={
          <Show when={siteError()} fallback={<Splash />}>
            {(msg) => (
              <div class="splash">
                <div class="card notice notice-error" role="alert">
                  <p>{msg()}</p>
                  <button type="button" class="btn btn-secondary btn-sm" onClick={() => void loadSite()}>
                    Try again
                  </button>
                </div>
              </div>
            )}
          </Show>
        }
      >
        {(s) => (
          <Show
            when={!s().setupRequired || loc.pathname === "/setup"}
            fallback={<Navigate href={setupHref()} />}
          >
            <Show when={isBare(loc.pathname)} fallback={<Layout>{props.children}</Layout>}>
              <AuthLayout>{props.children}</AuthLayout>
            </Show>
          </Show>
        )}
      </Show>
      <Toasts />
    </>
  );
}

// Shows pushed notifications and opens their links; it caches nothing.
registerServiceWorker();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

// After the reader's language has arrived (English is in this bundle; the others are their own chunks)
// and, on a creator page, the page's code.
void Promise.all([localeReady, firstPage]).then(() =>
  render(
    () => (
      <Router root={Root}>
        <Route path="/setup" component={Setup} />
        <Route path="/login" component={Login} />
        <Route path="/signup" component={Signup} />
        <Route path="/signup/continue" component={SsoSignup} />
        <Route path="/" component={Home} />
        <Route path="/discover" component={Discover} />
        <Route path="/tags/:tag" component={TagPage} />
        <Route path="/bookmarks" component={Bookmarks} />
        <Route path="/compose" component={Compose} />
        <Route path="/settings/creator" component={CreatorSettings} />
        <Route path="/drafts" component={Drafts} />
        <Route path="/vault" component={Vault} />
        <Route path="/posts/:id" component={PostPage} />
        <Route path="/wallet" component={Wallet} />
        <Route path="/subscriptions" component={Subscriptions} />
        <Route path="/earnings" component={Earnings} />
        <Route path="/analytics" component={Analytics} />
        <Route path="/fans" component={Fans} />
        <Route path="/notifications" component={Notifications} />
        <Route path="/settings/notifications" component={NotificationSettings} />
        <Route path="/messages/mass" component={MassMessages} />
        <Route path="/messages/:conversationId?" component={Messages} />
        <Route path="/settings/blocked" component={BlockedPeople} />
        <Route path="/settings/security" component={Security} />
        <Route path="/settings/api-keys" component={ApiKeys} />
        <Route path="/settings/webhooks" component={Webhooks} />
        <Route path="/forgot-password" component={ForgotPassword} />
        <Route path="/reset-password" component={ResetPassword} />
        <Route path="/verify-email" component={VerifyEmail} />
        <Route path="/settings/privacy" component={PrivacySettings} />
        <Route path="/live" component={GoLive} />
        <Route path="/live/:streamId" component={LiveWatch} />
        <Route path="/sandbox/checkout/:id" component={SandboxCheckout} />
        <Route path="/admin" component={() => <Navigate href="/admin/payouts" />} />
        <Route path="/admin/payouts" component={AdminPayouts} />
        <Route path="/admin/transactions" component={AdminTransactions} />
        <Route path="/admin/settings" component={AdminSettings} />
        <Route path="/admin/kyc/:id?" component={AdminKyc} />
        <Route path="/admin/dmca/:id?" component={AdminDmca} />
        <Route path="/settings/verification" component={Verification} />
        <Route path="/settings/records" component={Records} />
        <Route path="/2257" component={Statement2257} />
        <Route path="/dmca" component={DmcaForm} />
        <Route path="/dmca/notices/:id?" component={DmcaNotices} />
        <Route path="/admin/users" component={AdminUsers} />
        <Route path="/admin/users/:id" component={AdminUser} />
        <Route path="/admin/reports" component={AdminReports} />
        <Route path="/admin/audit" component={AdminAudit} />
        <Route path="/admin/status" component={AdminStatus} />
        <Route path="/:username" component={CreatorPage} />
        <Route path="*404" component={NotFound} />
      </Router>
    ),
    root,
  ),
);
