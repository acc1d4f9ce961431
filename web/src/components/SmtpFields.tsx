// The SMTP server fields, shared by the setup wizard and the admin console's e-mail settings.
import { For } from "solid-js";
import type { SmtpInput } from "../api/schema.gen";
import { Field } from "./Field";
import { t, type MessageKey } from "../i18n";

export type SmtpSecurity = SmtpInput["security"];

export interface SmtpDraft {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  password: string;
  from: string;
}

export const emptySmtp = (): SmtpDraft => ({
  host: "",
  port: "587",
  security: "starttls",
  username: "",
  password: "",
  from: "",
});

const SECURITY: { value: SmtpSecurity; label: MessageKey; port: string }[] = [
  { value: "starttls", label: "setup.secStarttls", port: "587" },
  { value: "tls", label: "setup.secTls", port: "465" },
  { value: "none", label: "setup.secNone", port: "25" },
];

/**
 * The API's input for a draft, or the errors to show. `keepPassword`: an empty password field keeps the
 * saved one (the admin console never shows it).
 */
export function smtpInputOf(
  d: SmtpDraft,
  keepPassword: boolean,
): { input: SmtpInput; errors: null } | { input: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const port = Number(d.port.trim());
  if (!d.host.trim()) errors["smtp.host"] = t("setup.hostMissing");
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors["smtp.port"] = t("setup.portInvalid");
  if (d.from.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.from.trim()))
    errors["smtp.from"] = t("setup.fromInvalid");
  if (Object.keys(errors).length) return { input: null, errors };
  const input: SmtpInput = {
    host: d.host.trim(),
    port,
    security: d.security,
    username: d.username.trim(),
    from: d.from.trim(),
  };
  if (d.password || !keepPassword) input.password = d.password;
  return { input, errors: null };
}

export default function SmtpFields(props: {
  draft: SmtpDraft;
  set: (patch: Partial<SmtpDraft>) => void;
  errors: Record<string, string>;
  /** A password is saved: an empty field keeps it. */
  passwordSet?: boolean;
}) {
  const err = (k: string) => props.errors[`smtp.${k}`];
  return (
    <>
      <div class="grid-2">
        <Field
          label={t("setup.smtpServer")}
          name="smtp-host"
          placeholder="smtp.example.com"
          autocomplete="off"
          spellcheck={false}
          value={props.draft.host}
          onInput={(e) => props.set({ host: e.currentTarget.value })}
          error={err("host")}
        />
        <Field
          label={t("setup.port")}
          name="smtp-port"
          inputmode="numeric"
          value={props.draft.port}
          onInput={(e) => props.set({ port: e.currentTarget.value })}
          error={err("port")}
        />
      </div>
      <div class="field" classList={{ "has-error": !!err("security") }}>
        <label for="smtp-security">{t("setup.encryption")}</label>
        <select
          id="smtp-security"
          class="input"
          value={props.draft.security}
          onChange={(e) => {
            const next = SECURITY.find((s) => s.value === e.currentTarget.value)!;
            const usual = SECURITY.some((s) => s.port === props.draft.port.trim());
            props.set({ security: next.value, ...(usual ? { port: next.port } : {}) });
          }}
        >
          <For each={SECURITY}>{(s) => <option value={s.value}>{t(s.label)}</option>}</For>
        </select>
      </div>
      <div class="grid-2">
        <Field
          label={t("setup.username")}
          name="smtp-username"
          autocomplete="off"
          value={props.draft.username}
          onInput={(e) => props.set({ username: e.currentTarget.value })}
          error={err("username")}
          hint={t("setup.noLogin")}
        />
        <Field
          label={t("setup.password")}
          name="smtp-password"
          type="password"
          autocomplete="new-password"
          placeholder={props.passwordSet ? t("setup.savedPlaceholder") : ""}
          value={props.draft.password}
          onInput={(e) => props.set({ password: e.currentTarget.value })}
          error={err("password")}
          hint={props.passwordSet ? t("setup.keepPassword") : t("setup.encrypted")}
        />
      </div>
      <Field
        label={t("setup.sendFrom")}
        name="smtp-from"
        type="email"
        placeholder="no-reply@your-site.com"
        value={props.draft.from}
        onInput={(e) => props.set({ from: e.currentTarget.value })}
        error={err("from")}
        hint={t("setup.sendFromHint")}
      />
    </>
  );
}
