import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A } from "@solidjs/router";
import { lazy, Show, Suspense } from "solid-js";
import { PostSkeletons } from "../components/Skeleton";
import SuggestedGrid from "../components/SuggestedGrid";
import { sessionReady, user } from "../stores/session";
import { siteName } from "../stores/site";

// The home page: the feed once signed in (its own chunk), else the landing page.
const Feed = lazy(() => import("./HomeFeed"));

/** Fetches the feed's chunk and its first page ahead of its first render (a signed-in visit to the home page). */
export function preloadFeed(): Promise<unknown> {
  return Promise.all([Feed.preload(), import("../stores/feed").then((m) => m.ensureFeed())]);
}

function Landing() {
  usePageTitle(() => "");
  return (
    <div class="stack-lg">
      <section class="hero card">
        <div class="hero-art" aria-hidden="true" />
        <div class="hero-body">
          <h1>
            {t("feed.heroTitle")} <span class="accent-text">{siteName()}</span>
          </h1>
          <p class="lead">{t("feed.heroLead")}</p>
          <div class="row-actions">
            <A href="/signup" class="btn btn-primary btn-lg">
              {t("nav.signUp")}
            </A>
            <A href="/login" class="btn btn-secondary btn-lg">
              {t("nav.logIn")}
            </A>
          </div>
        </div>
      </section>
      <section aria-labelledby="discover-title" class="stack">
        <div class="section-head">
          <h2 id="discover-title">{t("feed.discoverTitle")}</h2>
          <A href="/discover" class="link">
            {t("nav.seeAll")}
          </A>
        </div>
        <SuggestedGrid limit={6} />
      </section>
    </div>
  );
}

export default function Home() {
  return (
    <Show when={sessionReady()} fallback={<PostSkeletons count={3} />}>
      <Show when={user()} fallback={<Landing />}>
        <Suspense fallback={<PostSkeletons count={3} />}>
          <Feed />
        </Suspense>
      </Show>
    </Show>
  );
}
