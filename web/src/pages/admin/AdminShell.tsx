// The admin console's frame: a title and tabs for its sections.
import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { RequireAdmin } from "../../components/Guards";
import "../../compliance.css";

const SECTIONS = [
  { href: "/admin/users", label: "Users", end: false },
  { href: "/admin/reports", label: "Reports", end: true },
  { href: "/admin/kyc", label: "Verification", end: false },
  { href: "/admin/dmca", label: "DMCA", end: false },
  { href: "/admin/payouts", label: "Payouts", end: true },
  { href: "/admin/transactions", label: "Transactions", end: true },
  { href: "/admin/audit", label: "Audit", end: true },
  { href: "/admin/status", label: "Status", end: true },
  { href: "/admin/settings", label: "Settings", end: true },
];

export default function AdminShell(props: { children: JSX.Element }) {
  return (
    <RequireAdmin>
      <div class="stack">
        <h1 class="page-title">Admin</h1>
        <nav class="tabs admin-tabs" aria-label="Admin sections">
          {SECTIONS.map((s) => (
            <A href={s.href} class="tab-btn" activeClass="active" end={s.end}>
              {s.label}
            </A>
          ))}
        </nav>
        {props.children}
      </div>
    </RequireAdmin>
  );
}
