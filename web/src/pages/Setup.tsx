// First-run wizard: site name, first admin account, e-mail (SMTP, or later), then "your site is live".
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import SmtpFields, { emptySmtp, smtpInputOf } from "../components/SmtpFields";
import { markSetupDone, site } from "../stores/site";
import { setSessionUser } from "../stores/session";

const STEPS = ["Your site", "Admin account", "E-mail", "Live"];

function firstParam(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export default function Setup() {
  const [params] = useSearchParams();
  const urlToken = firstParam(params.token);
  const alreadyDone = site()?.setupRequired === false;

  const [step, setStep] = createSignal(1);
  const [token, setToken] = createSignal(urlToken);
  const [siteNameValue, setSiteName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [username, setUsername] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [showPw, setShowPw] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [liveName, setLiveName] = createSignal("");
  const [useSmtp, setUseSmtp] = createSignal(false);
  const [smtp, setSmtp] = createSignal(emptySmtp());
  const [verifyCreators, setVerifyCreators] = createSignal(false);

  const f = (...keys: string[]) => {
    const all = fields();
    for (const k of keys) if (all[k]) return all[k];
    return undefined;
  };

  function next(e: Event) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!token().trim()) errs.token = "Paste the setup token printed by the server.";
    if (!siteNameValue().trim()) errs.siteName = "Give your site a name. You can change it later.";
    setFields(errs);
    if (Object.keys(errs).length === 0) {
      setError(null);
      setStep(2);
    }
  }

  function toEmail(e: Event) {
    e.preventDefault();
    setError(null);
    setFields({});
    setStep(3);
  }

  async function finish(e: Event) {
    e.preventDefault();
    setError(null);
    setFields({});
    const mail = useSmtp() ? smtpInputOf(smtp(), false) : null;
    if (mail?.errors) {
      setFields(mail.errors);
      return;
    }
    setBusy(true);
    try {
      const res = await api.setup({
        token: token().trim(),
        siteName: siteNameValue().trim(),
        admin: { email: email().trim(), username: username().trim(), password: password() },
        ...(mail?.input ? { smtp: mail.input } : {}),
        requireCreatorVerification: verifyCreators(),
      });
      setSessionUser(res.user);
      markSetupDone(res.site);
      setLiveName(res.site.name || siteNameValue().trim());
      setStep(4);
    } catch (err) {
      const msg = errorMessage(err);
      if (err instanceof ApiError) {
        setFields(err.fields);
        if (err.status === 403 || err.fields.token) {
          setStep(1);
          setFields({ token: err.fields.token ?? msg });
          return;
        }
        if (err.fields.siteName) {
          setStep(1);
          return;
        }
        if (Object.keys(err.fields).some((k) => k.startsWith("admin.")) || err.status === 409) {
          setStep(2);
          setError(formMessage(err, ["admin.email", "admin.username", "admin.password"]));
          return;
        }
      }
      setError(
        formMessage(err, [
          "admin.email",
          "admin.username",
          "admin.password",
          "email",
          "username",
          "password",
          "smtp.host",
          "smtp.port",
          "smtp.username",
          "smtp.password",
          "smtp.from",
        ]),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="auth-card card wizard">
      <Show
        when={!alreadyDone || step() === 4}
        fallback={
          <div class="wizard-done">
            <span class="done-mark">
              <Icon name="check" size={30} />
            </span>
            <h1>Setup is complete</h1>
            <p class="muted">This site has already been set up. Log in with the admin account.</p>
            <div class="row-actions center-actions">
              <A href="/login" class="btn btn-primary">
                Log in
              </A>
              <A href="/" class="btn btn-secondary">
                Go to the home page
              </A>
            </div>
          </div>
        }
      >
        <ol class="steps" aria-label="Setup progress">
          <For each={STEPS}>
            {(label, i) => (
              <li
                class="step"
                classList={{ done: step() > i() + 1, current: step() === i() + 1 }}
                aria-current={step() === i() + 1 ? "step" : undefined}
              >
                <span class="step-dot">{step() > i() + 1 ? <Icon name="check" size={14} /> : i() + 1}</span>
                <span class="step-label">{label}</span>
              </li>
            )}
          </For>
        </ol>

        <Switch>
          <Match when={step() === 1}>
            <form onSubmit={next} novalidate>
              <h1>Welcome to your new creator site</h1>
              <p class="muted lead">A few quick steps and your site is ready for creators and fans.</p>
              <Show when={!urlToken}>
                <Field
                  label="Setup token"
                  name="token"
                  autocomplete="off"
                  spellcheck={false}
                  autofocus
                  value={token()}
                  onInput={(e) => setToken(e.currentTarget.value)}
                  error={f("token")}
                  hint={
                    <>
                      The server printed this token when it started. It is also saved in the file{" "}
                      <code>&lt;data_dir&gt;/setup-token</code>.
                    </>
                  }
                />
              </Show>
              <Show when={urlToken && f("token")}>
                <FormError message={f("token")} />
              </Show>
              <Field
                label="Site name"
                name="siteName"
                placeholder="e.g. Studio Nova"
                autofocus={!!urlToken}
                value={siteNameValue()}
                onInput={(e) => setSiteName(e.currentTarget.value)}
                error={f("siteName")}
                hint="Shown in the browser tab, the navigation and the home page."
              />
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="requireCreatorVerification"
                  checked={verifyCreators()}
                  onChange={(e) => setVerifyCreators(e.currentTarget.checked)}
                />
                Creators must verify their identity (ID and selfie) before they sell
              </label>
              <p class="field-hint">
                Recommended for adult content; you can change it later in the admin settings.
              </p>
              <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-lg btn-block">
                  Continue
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 2}>
            <form onSubmit={toEmail} novalidate>
              <h1>Create the admin account</h1>
              <p class="muted lead">You'll use it to run {siteNameValue().trim() || "the site"}.</p>
              <Field
                label="Email"
                type="email"
                name="email"
                autocomplete="email"
                autofocus
                required
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                error={f("admin.email", "email")}
              />
              <Field
                label="Username"
                name="username"
                autocomplete="username"
                required
                prefix="@"
                value={username()}
                onInput={(e) => setUsername(e.currentTarget.value)}
                error={f("admin.username", "username")}
                hint="Letters, numbers and underscores."
              />
              <div class="field-with-toggle">
                <Field
                  label="Password"
                  type={showPw() ? "text" : "password"}
                  name="password"
                  autocomplete="new-password"
                  required
                  value={password()}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                  error={f("admin.password", "password")}
                  hint="Use a long password you don't use anywhere else."
                />
                <button type="button" class="link-btn pw-toggle" onClick={() => setShowPw(!showPw())}>
                  {showPw() ? "Hide" : "Show"}
                </button>
              </div>
              <FormError message={error()} />
              <div class="form-actions split">
                <button type="button" class="btn btn-ghost" onClick={() => setStep(1)}>
                  Back
                </button>
                <button type="submit" class="btn btn-primary btn-lg">
                  Continue
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 3}>
            <form onSubmit={(e) => void finish(e)} novalidate>
              <h1>How should the site send e-mail?</h1>
              <p class="muted lead">
                Mails tell people about new messages, subscribers and payouts. You can change this later in
                the admin settings.
              </p>
              <div class="choice-list" role="radiogroup" aria-label="E-mail">
                <label class="checkbox">
                  <input type="radio" name="mail" checked={!useSmtp()} onChange={() => setUseSmtp(false)} />
                  Later: keep each mail as a file on the server for now
                </label>
                <label class="checkbox">
                  <input type="radio" name="mail" checked={useSmtp()} onChange={() => setUseSmtp(true)} />
                  Through my SMTP server
                </label>
              </div>
              <Show when={useSmtp()}>
                <SmtpFields draft={smtp()} set={(p) => setSmtp({ ...smtp(), ...p })} errors={fields()} />
              </Show>
              <FormError message={error()} />
              <div class="form-actions split">
                <button type="button" class="btn btn-ghost" onClick={() => setStep(2)}>
                  Back
                </button>
                <button type="submit" class="btn btn-primary btn-lg" disabled={busy()}>
                  {busy() ? "Setting up…" : "Finish setup"}
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 4}>
            <div class="wizard-done">
              <span class="done-mark">
                <Icon name="check" size={30} />
              </span>
              <h1>{liveName()} is live</h1>
              <p class="muted lead">
                Your admin account is ready and you're logged in. Here's what to do next.
              </p>
              <div class="next-links">
                <A href="/settings/creator" class="next-link">
                  <Icon name="star" />
                  <span>
                    <strong>Set up your creator page</strong>
                    <span class="muted">Price, bundles and a free trial</span>
                  </span>
                </A>
                <A href="/discover" class="next-link">
                  <Icon name="compass" />
                  <span>
                    <strong>See the creators</strong>
                    <span class="muted">What fans find when they arrive</span>
                  </span>
                </A>
                <A href="/" class="next-link">
                  <Icon name="home" />
                  <span>
                    <strong>Open the home page</strong>
                    <span class="muted">Your feed and the landing page</span>
                  </span>
                </A>
              </div>
            </div>
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
