// The admin console's frame: a title and tabs for its sections.
import { A, useLocation } from "@solidjs/router";
import type { JSX } from "solid-js";
import { RequireAdmin } from "../../components/Guards";
import "../../compliance.css";
import { t } from "../../i18n";
import { usePageTitle } from "../../lib/page-title";

const SECTIONS = [
  { href: "/admin/users", label: "admin.tabUsers", end: false },
  { href: "/admin/reports", label: "admin.tabReports", end: true },
  { href: "/admin/kyc", label: "admin.tabKyc", end: false },
  { href: "/admin/dmca", label: "admin.tabDmca", end: false },
  { href: "/admin/payouts", label: "admin.tabPayouts", end: true },
  { href: "/admin/transactions", label: "admin.tabTransactions", end: true },
  { href: "/admin/audit", label: "admin.tabAudit", end: true },
  { href: "/admin/status", label: "admin.tabStatus", end: true },
  { href: "/admin/settings", label: "admin.tabSettings", end: true },
] as const;

export default function AdminShell(props: {
  children: JSX.Element;
  /** What one page shows (a person). */ title?: string | undefined;
}) {
  const loc = useLocation();
  // Each admin page is named by its section: "Payouts · Admin".
  usePageTitle(() => {
    const section = SECTIONS.find((s) => loc.pathname.startsWith(s.href));
    const name = section ? `${t(section.label)} · ${t("admin.title")}` : t("admin.title");
    return props.title ? `${props.title} · ${name}` : name;
  });
  return (
    <RequireAdmin>
      <div class="stack">
        <h1 class="page-title">{t("admin.title")}</h1>
        <nav class="tabs admin-tabs" aria-label={t("admin.sections")}>
          {SECTIONS.map((s) => (
            <A href={s.href} class="tab-btn" activeClass="active" end={s.end}>
              {t(s.label)}
            </A>
          ))}
        </nav>
        {props.children}
      </div>
    </RequireAdmin>
  );
}
