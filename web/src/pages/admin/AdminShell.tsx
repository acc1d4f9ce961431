// The admin console's frame: a title and tabs for its sections.
import { A } from "@solidjs/router";
import type { JSX } from "solid-js";
import { RequireAdmin } from "../../components/Guards";
import "../../compliance.css";

const SECTIONS = [
  { href: "/admin/payouts", label: "Payouts" },
  { href: "/admin/transactions", label: "Transactions" },
  { href: "/admin/kyc", label: "Verification" },
  { href: "/admin/dmca", label: "DMCA" },
  { href: "/admin/settings", label: "Settings" },
];

export default function AdminShell(props: { children: JSX.Element }) {
  return (
    <RequireAdmin>
      <div class="stack">
        <h1 class="page-title">Admin</h1>
        <nav class="tabs" aria-label="Admin sections">
          {SECTIONS.map((s) => (
            <A href={s.href} class="tab-btn" activeClass="active">
              {s.label}
            </A>
          ))}
        </nav>
        {props.children}
      </div>
    </RequireAdmin>
  );
}
