// First-run wizard: site name, first admin account, e-mail (SMTP, or later), then "your site is live".
import { usePageTitle } from "../lib/page-title";
import { A, useSearchParams } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../api/client";
import { Field, FormError } from "../components/Field";
import Icon from "../components/Icon";
import SmtpFields, { emptySmtp, smtpInputOf } from "../components/SmtpFields";
import { markSetupDone, site } from "../stores/site";
import { setSessionUser } from "../stores/session";
import { t } from "../i18n";

const STEPS = ["setup.stepSite", "setup.stepAdmin", "setup.stepEmail", "setup.stepLive"] as const;

function firstParam(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export default function Setup() {
  usePageTitle(() => t("setup.welcome"));
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
    if (!token().trim()) errs.token = t("setup.tokenMissing");
    if (!siteNameValue().trim()) errs.siteName = t("setup.nameMissing");
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
            <h1>{t("setup.completeTitle")}</h1>
            <p class="muted">{t("setup.completeBody")}</p>
            <div class="row-actions center-actions">
              <A href="/login" class="btn btn-primary">
                {t("auth.logIn")}
              </A>
              <A href="/" class="btn btn-secondary">
                {t("setup.goHomePage")}
              </A>
            </div>
          </div>
        }
      >
        <ol class="steps" aria-label={t("setup.progress")}>
          <For each={STEPS}>
            {(label, i) => (
              <li
                class="step"
                classList={{ done: step() > i() + 1, current: step() === i() + 1 }}
                aria-current={step() === i() + 1 ? "step" : undefined}
              >
                <span class="step-dot">{step() > i() + 1 ? <Icon name="check" size={14} /> : i() + 1}</span>
                <span class="step-label">{t(label)}</span>
              </li>
            )}
          </For>
        </ol>

        <Switch>
          <Match when={step() === 1}>
            <form onSubmit={next} novalidate>
              <h1>{t("setup.welcome")}</h1>
              <p class="muted lead">{t("setup.welcomeLead")}</p>
              <Show when={!urlToken}>
                <Field
                  label={t("setup.token")}
                  name="token"
                  autocomplete="off"
                  spellcheck={false}
                  autofocus
                  value={token()}
                  onInput={(e) => setToken(e.currentTarget.value)}
                  error={f("token")}
                  hint={
                    <>
                      {t("setup.tokenHint")} <code>&lt;data_dir&gt;/setup-token</code>.
                    </>
                  }
                />
              </Show>
              <Show when={urlToken && f("token")}>
                <FormError message={f("token")} />
              </Show>
              <Field
                label={t("setup.siteName")}
                name="siteName"
                placeholder={t("setup.siteNamePlaceholder")}
                autofocus={!!urlToken}
                value={siteNameValue()}
                onInput={(e) => setSiteName(e.currentTarget.value)}
                error={f("siteName")}
                hint={t("setup.siteNameHint")}
              />
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="requireCreatorVerification"
                  checked={verifyCreators()}
                  onChange={(e) => setVerifyCreators(e.currentTarget.checked)}
                />
                {t("setup.verifyCreators")}
              </label>
              <p class="field-hint">{t("setup.verifyHint")}</p>
              <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-lg btn-block">
                  {t("setup.continue")}
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 2}>
            <form onSubmit={toEmail} novalidate>
              <h1>{t("setup.adminTitle")}</h1>
              <p class="muted lead">
                {t("setup.adminLead", { site: siteNameValue().trim() || t("setup.theSite") })}
              </p>
              <Field
                label={t("auth.email")}
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
                label={t("auth.username")}
                name="username"
                autocomplete="username"
                required
                prefix="@"
                value={username()}
                onInput={(e) => setUsername(e.currentTarget.value)}
                error={f("admin.username", "username")}
                hint={t("setup.usernameHint")}
              />
              <div class="field-with-toggle">
                <Field
                  label={t("auth.password")}
                  type={showPw() ? "text" : "password"}
                  name="password"
                  autocomplete="new-password"
                  required
                  value={password()}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                  error={f("admin.password", "password")}
                  hint={t("auth.passwordHint")}
                />
                <button type="button" class="link-btn pw-toggle" onClick={() => setShowPw(!showPw())}>
                  {showPw() ? t("setup.hide") : t("setup.show")}
                </button>
              </div>
              <FormError message={error()} />
              <div class="form-actions split">
                <button type="button" class="btn btn-ghost" onClick={() => setStep(1)}>
                  {t("setup.back")}
                </button>
                <button type="submit" class="btn btn-primary btn-lg">
                  {t("setup.continue")}
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 3}>
            <form onSubmit={(e) => void finish(e)} novalidate>
              <h1>{t("setup.mailTitle")}</h1>
              <p class="muted lead">{t("setup.mailLead")}</p>
              <div class="choice-list" role="radiogroup" aria-label={t("setup.stepEmail")}>
                <label class="checkbox">
                  <input type="radio" name="mail" checked={!useSmtp()} onChange={() => setUseSmtp(false)} />
                  {t("setup.mailLater")}
                </label>
                <label class="checkbox">
                  <input type="radio" name="mail" checked={useSmtp()} onChange={() => setUseSmtp(true)} />
                  {t("setup.mailSmtp")}
                </label>
              </div>
              <Show when={useSmtp()}>
                <SmtpFields draft={smtp()} set={(p) => setSmtp({ ...smtp(), ...p })} errors={fields()} />
              </Show>
              <FormError message={error()} />
              <div class="form-actions split">
                <button type="button" class="btn btn-ghost" onClick={() => setStep(2)}>
                  {t("setup.back")}
                </button>
                <button type="submit" class="btn btn-primary btn-lg" disabled={busy()}>
                  {busy() ? t("setup.settingUp") : t("setup.finish")}
                </button>
              </div>
            </form>
          </Match>
          <Match when={step() === 4}>
            <div class="wizard-done">
              <span class="done-mark">
                <Icon name="check" size={30} />
              </span>
              <h1>{t("setup.isLive", { site: liveName() })}</h1>
              <p class="muted lead">{t("setup.liveLead")}</p>
              <div class="next-links">
                <A href="/settings/creator" class="next-link">
                  <Icon name="star" />
                  <span>
                    <strong>{t("setup.nextCreator")}</strong>
                    <span class="muted">{t("setup.nextCreatorHint")}</span>
                  </span>
                </A>
                <A href="/discover" class="next-link">
                  <Icon name="compass" />
                  <span>
                    <strong>{t("setup.nextDiscover")}</strong>
                    <span class="muted">{t("setup.nextDiscoverHint")}</span>
                  </span>
                </A>
                <A href="/" class="next-link">
                  <Icon name="home" />
                  <span>
                    <strong>{t("setup.nextHome")}</strong>
                    <span class="muted">{t("setup.nextHomeHint")}</span>
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
