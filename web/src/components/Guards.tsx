// Pages that need a logged-in person (or a creator) send everyone else to the right place.
import { t } from "../i18n";
import { A, Navigate, useLocation } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import { isAdmin, isCreator, sessionReady, user } from "../stores/session";
import EmptyState from "./EmptyState";
import { PostSkeletons } from "./Skeleton";

export function RequireAuth(props: { children: JSX.Element }) {
  const loc = useLocation();
  return (
    <Show when={sessionReady()} fallback={<PostSkeletons count={1} />}>
      <Show
        when={user()}
        fallback={<Navigate href={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} />}
      >
        {props.children}
      </Show>
    </Show>
  );
}

export function RequireCreator(props: { children: JSX.Element }) {
  return (
    <RequireAuth>
      <Show
        when={isCreator()}
        fallback={
          <EmptyState icon="star" title={t("common.creatorFirstTitle")}>
            <p class="muted">{t("common.creatorFirstBody")}</p>
            <A href="/settings/creator" class="btn btn-primary">
              {t("nav.becomeCreator")}
            </A>
          </EmptyState>
        }
      >
        {props.children}
      </Show>
    </RequireAuth>
  );
}

export function RequireAdmin(props: { children: JSX.Element }) {
  return (
    <RequireAuth>
      <Show
        when={isAdmin()}
        fallback={
          <EmptyState icon="shield" title={t("common.adminsOnly")}>
            <p class="muted">{t("common.adminsOnlyBody")}</p>
            <A href="/" class="btn btn-primary">
              {t("common.goHome")}
            </A>
          </EmptyState>
        }
      >
        {props.children}
      </Show>
    </RequireAuth>
  );
}
