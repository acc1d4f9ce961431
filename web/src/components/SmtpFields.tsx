// The SMTP server fields, shared by the setup wizard and the admin console's e-mail settings.
import { For } from "solid-js";
import type { SmtpInput } from "../api/schema.gen";
import { Field } from "./Field";

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

const SECURITY: { value: SmtpSecurity; label: string; port: string }[] = [
  { value: "starttls", label: "STARTTLS (usually port 587)", port: "587" },
  { value: "tls", label: "TLS from the start (usually port 465)", port: "465" },
  { value: "none", label: "None (a relay on this machine)", port: "25" },
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
  if (!d.host.trim()) errors["smtp.host"] = "Enter the mail server's host name.";
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    errors["smtp.port"] = "Enter a port from 1 to 65535.";
  if (d.from.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.from.trim()))
    errors["smtp.from"] = "Enter an e-mail address, or leave it empty.";
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
          label="SMTP server"
          name="smtp-host"
          placeholder="smtp.example.com"
          autocomplete="off"
          spellcheck={false}
          value={props.draft.host}
          onInput={(e) => props.set({ host: e.currentTarget.value })}
          error={err("host")}
        />
        <Field
          label="Port"
          name="smtp-port"
          inputmode="numeric"
          value={props.draft.port}
          onInput={(e) => props.set({ port: e.currentTarget.value })}
          error={err("port")}
        />
      </div>
      <div class="field" classList={{ "has-error": !!err("security") }}>
        <label for="smtp-security">Encryption</label>
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
          <For each={SECURITY}>{(s) => <option value={s.value}>{s.label}</option>}</For>
        </select>
      </div>
      <div class="grid-2">
        <Field
          label="Username"
          name="smtp-username"
          autocomplete="off"
          value={props.draft.username}
          onInput={(e) => props.set({ username: e.currentTarget.value })}
          error={err("username")}
          hint="Leave empty if the server needs no login."
        />
        <Field
          label="Password"
          name="smtp-password"
          type="password"
          autocomplete="new-password"
          placeholder={props.passwordSet ? "•••••••• (saved)" : ""}
          value={props.draft.password}
          onInput={(e) => props.set({ password: e.currentTarget.value })}
          error={err("password")}
          hint={props.passwordSet ? "Leave empty to keep the saved password." : "Stored encrypted."}
        />
      </div>
      <Field
        label="Send from"
        name="smtp-from"
        type="email"
        placeholder="no-reply@your-site.com"
        value={props.draft.from}
        onInput={(e) => props.set({ from: e.currentTarget.value })}
        error={err("from")}
        hint="The address mails come from; the sender's name is the site's name."
      />
    </>
  );
}
