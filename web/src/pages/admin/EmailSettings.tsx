// The admin console's e-mail settings: where the site's mail goes (an SMTP server, or .eml files under
// the data directory), the SMTP server's details (the password is never shown back), and a test mail
// that reports the server's own error.
import { createSignal, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../../api/client";
import type { EmailSettings as Email } from "../../api/schema.gen";
import { Field, FormError } from "../../components/Field";
import { LineSkeleton } from "../../components/Skeleton";
import SmtpFields, { emptySmtp, smtpInputOf, type SmtpDraft } from "../../components/SmtpFields";
import { user } from "../../stores/session";
import { toast } from "../../stores/toasts";
import { t } from "../../i18n";

function where(e: Email): string {
  if (e.source === "config") return t("admin.eConfig", { from: e.from });
  if (e.transport === "smtp")
    return t("admin.eSmtp", { host: e.smtp?.host ?? t("admin.eTheServer"), from: e.from });
  return t("admin.eFile");
}

export default function EmailSettings() {
  const [email, setEmail] = createSignal<Email | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [draft, setDraft] = createSignal<SmtpDraft>(emptySmtp());
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<"save" | "remove" | "test" | null>(null);
  const [testTo, setTestTo] = createSignal(user()?.email ?? "");
  const [testResult, setTestResult] = createSignal<{ ok: boolean; text: string } | null>(null);

  function fill(e: Email) {
    setEmail(e);
    const s = e.smtp;
    setDraft(
      s
        ? {
            host: s.host,
            port: String(s.port),
            security: s.security,
            username: s.username,
            password: "",
            from: s.from,
          }
        : emptySmtp(),
    );
  }
  async function load() {
    setLoadError(null);
    try {
      fill((await api.emailSettings()).email);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }
  onMount(() => void load());

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const r = smtpInputOf(draft(), !!email()?.smtp?.passwordSet);
    setFields(r.errors ?? {});
    if (!r.input) return;
    setBusy("save");
    try {
      fill((await api.updateEmailSettings(r.input)).email);
      toast(t("admin.eSaved"), "success");
    } catch (err) {
      setError(formMessage(err, ["smtp.host", "smtp.port", "smtp.username", "smtp.password", "smtp.from"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    setBusy("remove");
    try {
      fill((await api.updateEmailSettings(null)).email);
      toast(t("admin.eRemoved"), "success");
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setBusy(null);
    }
  }

  async function test(e: Event) {
    e.preventDefault();
    setTestResult(null);
    setBusy("test");
    try {
      await api.sendTestMail(testTo().trim());
      const e2 = email();
      setTestResult({
        ok: true,
        text: e2?.transport === "file" ? t("admin.eWritten") : t("admin.eSentTo", { to: testTo().trim() }),
      });
    } catch (err) {
      setTestResult({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Show
      when={!loadError()}
      fallback={
        <div class="card notice notice-error" role="alert">
          <p>{loadError()}</p>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => void load()}>
            {t("common.tryAgain")}
          </button>
        </div>
      }
    >
      <Show
        when={email()}
        fallback={
          <div class="card form-card stack-sm" aria-busy="true">
            <LineSkeleton width="30%" />
            <LineSkeleton />
          </div>
        }
      >
        {(e) => (
          <>
            <form
              class="card form-card"
              onSubmit={(ev) => void save(ev)}
              novalidate
              aria-labelledby="email-title"
            >
              <h2 id="email-title">{t("admin.eTitle")}</h2>
              <p class="muted email-where" data-testid="email-where">
                {where(e())}
              </p>
              <SmtpFields
                draft={draft()}
                set={(p) => setDraft({ ...draft(), ...p })}
                errors={fields()}
                passwordSet={e().smtp?.passwordSet}
              />
              <FormError message={error()} />
              <div class="form-actions split">
                <Show when={e().smtp} fallback={<span />}>
                  <button
                    type="button"
                    class="btn btn-ghost"
                    disabled={!!busy()}
                    onClick={() => void remove()}
                  >
                    {busy() === "remove" ? t("admin.removing") : t("admin.eRemove")}
                  </button>
                </Show>
                <button type="submit" class="btn btn-primary" disabled={!!busy()}>
                  {busy() === "save" ? t("admin.saving") : t("admin.eSave")}
                </button>
              </div>
            </form>
            <form
              class="card form-card"
              onSubmit={(ev) => void test(ev)}
              novalidate
              aria-labelledby="test-title"
            >
              <h2 id="test-title">{t("admin.eTestTitle")}</h2>
              <Field
                label={t("admin.eTo")}
                name="test-to"
                type="email"
                value={testTo()}
                onInput={(ev) => setTestTo(ev.currentTarget.value)}
              />
              <Show when={testResult()}>
                {(r) => (
                  <p
                    class={r().ok ? "notice notice-success" : "notice notice-error"}
                    role={r().ok ? "status" : "alert"}
                  >
                    {r().text}
                  </p>
                )}
              </Show>
              <div class="form-actions">
                <button type="submit" class="btn btn-secondary" disabled={!!busy() || !testTo().trim()}>
                  {busy() === "test" ? t("common.sending") : t("admin.eSendTest")}
                </button>
              </div>
            </form>
          </>
        )}
      </Show>
    </Show>
  );
}
