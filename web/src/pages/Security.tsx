// Settings › Security: the address, the password, two-step sign-in, passkeys, linked sign-in providers
// and where the account is signed in.
import { usePageTitle } from "../lib/page-title";
import { RequireAuth } from "../components/Guards";
import { EmailCard, PasswordCard } from "../components/security/AccountCard";
import LinkedAccountsCard from "../components/security/LinkedAccountsCard";
import PasskeysCard from "../components/security/PasskeysCard";
import SessionsCard from "../components/security/SessionsCard";
import TwoFactorCard from "../components/security/TwoFactorCard";
import { t } from "../i18n";

export default function Security() {
  usePageTitle(() => t("security.title"));
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">{t("security.title")}</h1>
          <p class="muted lead">{t("security.lead")}</p>
        </div>
        <EmailCard />
        <TwoFactorCard />
        <PasskeysCard />
        <LinkedAccountsCard />
        <SessionsCard />
        <PasswordCard />
      </div>
    </RequireAuth>
  );
}
