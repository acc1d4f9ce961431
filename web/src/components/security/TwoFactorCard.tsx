// Two-step sign-in with an authenticator app: set-up (the QR code and the secret to type), confirm with a
// code, the recovery codes shown once (copy, download), new recovery codes, and turning it off (the
// password and a code).
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage } from "../../api/client";
import type { TwoFactorSetup } from "../../api/schema.gen";
import { loadMe } from "../../stores/session";
import { siteName } from "../../stores/site";
import { toast } from "../../stores/toasts";
import { absoluteTime } from "../../lib/format";
import Dialog from "../Dialog";
import { Field, FormError } from "../Field";
import Icon from "../Icon";
import { copyToClipboard } from "../live/clipboard";
import { LineSkeleton } from "../Skeleton";
import { t } from "../../i18n";

/** The recovery codes, once: copy all, download as a text file, and "I saved them". */
function RecoveryCodes(props: { codes: string[]; onDone: () => void }) {
  const text = () =>
    `${t("security.codesFileTitle", { site: siteName() })}\n${t("security.codesFileHint")}\n\n${props.codes.join("\n")}\n`;
  function download() {
    const url = URL.createObjectURL(new Blob([text()], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${siteName()
      .replace(/[^\w-]+/g, "-")
      .toLowerCase()}-recovery-codes.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div class="stack-sm">
      <div class="notice notice-warn" role="status">
        <Icon name="lock" size={18} />
        <span>{t("security.saveCodes")}</span>
      </div>
      <ol class="recovery-codes" aria-label={t("security.recoveryCodes")}>
        <For each={props.codes}>
          {(c) => (
            <li>
              <code>{c}</code>
            </li>
          )}
        </For>
      </ol>
      <div class="form-actions wrap">
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => void copyToClipboard(props.codes.join("\n"), t("security.recoveryCodes"))}
        >
          <Icon name="copy" size={18} /> {t("security.copy")}
        </button>
        <button type="button" class="btn btn-secondary" onClick={download}>
          <Icon name="download" size={18} /> {t("security.download")}
        </button>
        <button type="button" class="btn btn-primary push-right" onClick={() => props.onDone()}>
          {t("security.savedThem")}
        </button>
      </div>
    </div>
  );
}

/** Scan or type the secret, then confirm with the first code. */
function SetupStep(props: {
  setup: TwoFactorSetup;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const grouped = () => props.setup.secret.match(/.{1,4}/g)?.join(" ") ?? props.setup.secret;
  async function confirm(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.enableTwoFactor(code().trim());
      props.onEnabled(r.recoveryCodes);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="totp-setup">
      <ol class="totp-steps">
        <li>
          <strong>{t("security.scanQr")}</strong> {t("security.scanQrRest")}
          {/* The SVG is drawn by the server from the otpauth:// address; nothing from others is in it. */}
          <div class="qr-box" role="img" aria-label={t("security.qrLabel")} innerHTML={props.setup.qrSvg} />
        </li>
        <li>
          <strong>{t("security.typeKey")}</strong> {t("security.typeKeyRest")}
          <div class="secret-row">
            <code class="secret" aria-label={t("security.secretKey")}>
              {grouped()}
            </code>
            <button
              type="button"
              class="icon-btn"
              aria-label={t("security.copyKey")}
              onClick={() => void copyToClipboard(props.setup.secret, t("security.key"))}
            >
              <Icon name="copy" size={18} />
            </button>
          </div>
        </li>
        <li>
          <form onSubmit={(e) => void confirm(e)} novalidate>
            <Field
              label={t("security.enterCode")}
              name="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength={7}
              class="otp-field"
              value={code()}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
            <FormError message={error()} />
            <div class="form-actions">
              <button
                type="submit"
                class="btn btn-primary"
                disabled={busy() || code().replace(/\s/g, "").length !== 6}
              >
                {busy() ? t("security.checking") : t("security.turnOn")}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => props.onCancel()}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

export default function TwoFactorCard() {
  const [status, { refetch }] = createResource(() => api.twoFactor().then((r) => r.twoFactor));
  const [setup, setSetup] = createSignal<TwoFactorSetup | null>(null);
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [starting, setStarting] = createSignal(false);
  const [dialog, setDialog] = createSignal<"off" | "renew" | null>(null);
  const [password, setPassword] = createSignal("");
  const [code, setCode] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function start() {
    setStarting(true);
    try {
      setSetup(await api.setupTwoFactor());
    } catch (err) {
      toast(errorMessage(err), "error");
    } finally {
      setStarting(false);
    }
  }
  function closeDialog() {
    setDialog(null);
    setPassword("");
    setCode("");
    setError(null);
  }
  async function submitDialog(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (dialog() === "off") {
        await api.disableTwoFactor(password(), code().trim());
        toast(t("security.tfaOff"), "success");
      } else {
        setCodes((await api.renewRecoveryCodes(code().trim())).recoveryCodes);
      }
      closeDialog();
      await refetch();
      await loadMe();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card security-card" aria-labelledby="tfa-title">
      <div class="security-head">
        <span class="security-icon" aria-hidden="true">
          <Icon name="shield" size={20} />
        </span>
        <div>
          <h2 id="tfa-title">{t("security.tfaTitle")}</h2>
          <p class="muted small">{t("security.tfaHint")}</p>
        </div>
        <Show when={status()}>
          {(s) => (
            <span class={`badge ${s().enabled ? "badge-success" : "badge-muted"}`}>
              {s().enabled ? t("security.on") : t("security.off")}
            </span>
          )}
        </Show>
      </div>
      <Switch>
        <Match when={codes()}>
          {(list) => (
            <RecoveryCodes
              codes={list()}
              onDone={() => {
                setCodes(null);
                void refetch();
              }}
            />
          )}
        </Match>
        <Match when={setup()}>
          {(s) => (
            <SetupStep
              setup={s()}
              onCancel={() => setSetup(null)}
              onEnabled={(list) => {
                setSetup(null);
                setCodes(list);
                toast(t("security.tfaOn"), "success");
                void refetch();
                void loadMe();
              }}
            />
          )}
        </Match>
        <Match when={status.loading && !status()}>
          <LineSkeleton width="60%" />
        </Match>
        <Match when={status()?.enabled}>
          <p class="muted">
            {t("security.onSince", {
              date: absoluteTime(status()!.enabledAt ?? 0),
              left: status()!.recoveryCodesLeft,
            })}
          </p>
          <div class="form-actions wrap">
            <button type="button" class="btn btn-secondary" onClick={() => setDialog("renew")}>
              {t("security.newCodes")}
            </button>
            <button type="button" class="btn btn-ghost danger-text" onClick={() => setDialog("off")}>
              {t("security.turnOff")}
            </button>
          </div>
        </Match>
        <Match when={status()}>
          <div class="form-actions">
            <button type="button" class="btn btn-primary" disabled={starting()} onClick={() => void start()}>
              {starting() ? t("security.preparing") : t("security.setUp")}
            </button>
          </div>
        </Match>
      </Switch>
      <Dialog
        open={dialog() !== null}
        title={dialog() === "off" ? t("security.offTitle") : t("security.newCodes")}
        onClose={closeDialog}
      >
        <form onSubmit={(e) => void submitDialog(e)} novalidate class="stack-sm">
          <p class="muted">{dialog() === "off" ? t("security.offBody") : t("security.renewBody")}</p>
          <Show when={dialog() === "off"}>
            <Field
              label={t("security.passwordTitle")}
              type="password"
              name="password"
              autocomplete="current-password"
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Show>
          <Field
            label={dialog() === "off" ? t("security.codeOrRecovery") : t("security.codeFromApp")}
            name="code"
            autocomplete="one-time-code"
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <FormError message={error()} />
          <div class="form-actions split">
            <button type="button" class="btn btn-ghost" onClick={closeDialog}>
              {t("security.keepIt")}
            </button>
            <button
              type="submit"
              class={`btn ${dialog() === "off" ? "btn-danger" : "btn-primary"}`}
              disabled={busy() || !code().trim() || (dialog() === "off" && !password())}
            >
              {busy()
                ? t("security.checking")
                : dialog() === "off"
                  ? t("security.turnOff")
                  : t("security.makeNewCodes")}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
