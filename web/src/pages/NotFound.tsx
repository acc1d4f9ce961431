import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A } from "@solidjs/router";
import EmptyState from "../components/EmptyState";

export default function NotFound() {
  usePageTitle(() => t("common.notFoundTitle"));
  return (
    <EmptyState icon="compass" heading="h1" title={t("common.notFoundTitle")}>
      <p class="muted">{t("common.notFoundBody")}</p>
      <A href="/" class="btn btn-primary">
        {t("common.goHome")}
      </A>
    </EmptyState>
  );
}
