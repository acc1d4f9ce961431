// Settings › Security: the address, the password, two-step sign-in, passkeys and where the account is
// signed in.
import { RequireAuth } from "../components/Guards";
import { EmailCard, PasswordCard } from "../components/security/AccountCard";
import PasskeysCard from "../components/security/PasskeysCard";
import SessionsCard from "../components/security/SessionsCard";
import TwoFactorCard from "../components/security/TwoFactorCard";

export default function Security() {
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">Security</h1>
          <p class="muted lead">
            Keep your account yours: a second step at sign-in, passkeys, and the devices signed in.
          </p>
        </div>
        <EmailCard />
        <TwoFactorCard />
        <PasskeysCard />
        <SessionsCard />
        <PasswordCard />
      </div>
    </RequireAuth>
  );
}
