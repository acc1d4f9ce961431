/* @refresh reload */
import { Navigate, Route, Router, useLocation, type RouteSectionProps } from "@solidjs/router";
import { lazy, onMount, Show } from "solid-js";
import { render } from "solid-js/web";
import Layout, { AuthLayout } from "./components/Layout";
import Toasts from "./components/Toasts";
import Home from "./pages/Home";
import Login from "./pages/Login";
import Signup from "./pages/Signup";
import Setup from "./pages/Setup";
import CreatorPage from "./pages/Creator";
import NotFound from "./pages/NotFound";
import { loadSite, site, siteError } from "./stores/site";
import { loadMe } from "./stores/session";
import { registerServiceWorker } from "./lib/push";
import "./stores/theme";
import "./stores/notifications";
import "./stores/realtime";
import "./stores/messages";
import "./styles.css";
import "./security.css";

const Discover = lazy(() => import("./pages/Discover"));
const PostPage = lazy(() => import("./pages/PostPage"));
const Compose = lazy(() => import("./pages/Compose"));
const CreatorSettings = lazy(() => import("./pages/CreatorSettings"));
const Drafts = lazy(() => import("./pages/Drafts"));
const Vault = lazy(() => import("./pages/Vault"));
const Wallet = lazy(() => import("./pages/Wallet"));
const Subscriptions = lazy(() => import("./pages/Subscriptions"));
const Earnings = lazy(() => import("./pages/Earnings"));
const Notifications = lazy(() => import("./pages/Notifications"));
const NotificationSettings = lazy(() => import("./pages/NotificationSettings"));
const Messages = lazy(() => import("./pages/Messages"));
const MassMessages = lazy(() => import("./pages/MassMessages"));
const BlockedPeople = lazy(() => import("./pages/BlockedPeople"));
const Security = lazy(() => import("./pages/Security"));
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

const BARE = new Set(["/setup", "/login", "/signup", "/forgot-password", "/reset-password", "/verify-email"]);

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

function Root(props: RouteSectionProps) {
  const loc = useLocation();
  onMount(() => {
    // In parallel: before setup /users/me answers 503 and the session is simply "logged out".
    void loadSite();
    void loadMe();
  });
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

render(
  () => (
    <Router root={Root}>
      <Route path="/setup" component={Setup} />
      <Route path="/login" component={Login} />
      <Route path="/signup" component={Signup} />
      <Route path="/" component={Home} />
      <Route path="/discover" component={Discover} />
      <Route path="/compose" component={Compose} />
      <Route path="/settings/creator" component={CreatorSettings} />
      <Route path="/drafts" component={Drafts} />
      <Route path="/vault" component={Vault} />
      <Route path="/posts/:id" component={PostPage} />
      <Route path="/wallet" component={Wallet} />
      <Route path="/subscriptions" component={Subscriptions} />
      <Route path="/earnings" component={Earnings} />
      <Route path="/notifications" component={Notifications} />
      <Route path="/settings/notifications" component={NotificationSettings} />
      <Route path="/messages/mass" component={MassMessages} />
      <Route path="/messages/:conversationId?" component={Messages} />
      <Route path="/settings/blocked" component={BlockedPeople} />
      <Route path="/settings/security" component={Security} />
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
);
