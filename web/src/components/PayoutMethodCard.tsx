// Where a creator's payouts go: PayPal, a bank account by IBAN, or a US bank account. Shows the method
// masked (the server never returns it in full), edits it with the server's per-field errors, removes it.
import { t } from "../i18n";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../api/client";
import type { PayoutMethod, PayoutMethodInput } from "../api/schema.gen";
import Dialog from "./Dialog";
import { Field, FormError } from "./Field";
import Icon from "./Icon";
import RelTime from "./RelTime";
import { toast } from "../stores/toasts";

type Form = "paypal" | "iban" | "us";

const FORMS: { value: Form; label: string }[] = [
  { value: "paypal", label: "PayPal" },
  {
    value: "iban",
    get label() {
      return t("earnings.formIban");
    },
  },
  {
    value: "us",
    get label() {
      return t("earnings.formUs");
    },
  },
];

const FIELDS = ["email", "accountHolder", "iban", "accountNumber", "routingNumber"];

export default function PayoutMethodCard(props: {
  method: PayoutMethod | null;
  onChange: (m: PayoutMethod | null) => void;
}) {
  const [editing, setEditing] = createSignal(false);
  const [form, setForm] = createSignal<Form>("paypal");
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [removing, setRemoving] = createSignal(false);

  const value = (k: string) => values()[k] ?? "";
  const set = (k: string, v: string) => setValues({ ...values(), [k]: v });

  function edit() {
    setForm(props.method?.kind === "paypal" || !props.method ? "paypal" : "iban");
    setValues({});
    setFields({});
    setError(null);
    setEditing(true);
  }

  function input(): PayoutMethodInput {
    switch (form()) {
      case "paypal":
        return { kind: "paypal", email: value("email") };
      case "iban":
        return { kind: "bank", accountHolder: value("accountHolder"), iban: value("iban") };
      case "us":
        return {
          kind: "bank",
          accountHolder: value("accountHolder"),
          accountNumber: value("accountNumber"),
          routingNumber: value("routingNumber"),
        };
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const res = await api.setPayoutMethod(input());
      props.onChange(res.method);
      setEditing(false);
      toast(t("earnings.methodSaved"), "success");
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setError(formMessage(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.removePayoutMethod();
      props.onChange(null);
      setRemoving(false);
      toast(t("earnings.methodRemoved"), "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, extra: { hint?: string; inputmode?: "numeric" | "email" }) => (
    <Field
      label={label}
      name={name}
      value={value(name)}
      onInput={(e) => set(name, e.currentTarget.value)}
      error={fields()[name]}
      hint={extra.hint}
      inputmode={extra.inputmode}
      autocomplete="off"
      spellcheck={false}
    />
  );

  return (
    <section class="card form-card" aria-labelledby="method-title">
      <h2 id="method-title">{t("earnings.methodTitle")}</h2>
      <Show
        when={editing()}
        fallback={
          <>
            <Show
              when={props.method}
              fallback={<p class="muted method-empty">{t("earnings.methodEmpty")}</p>}
            >
              {(m) => (
                <div class="method-row">
                  <Icon name={m().kind === "paypal" ? "wallet" : "bank"} size={22} />
                  <div class="method-info">
                    <strong data-testid="payout-method">{m().masked}</strong>
                    <span class="muted small">
                      {t("earnings.methodUpdated")} <RelTime ms={m().updatedAt} />{" "}
                      {t("earnings.methodStored")}
                    </span>
                  </div>
                </div>
              )}
            </Show>
            <Show when={!removing()}>
              <FormError message={error()} />
            </Show>
            <div class="row-actions">
              <button type="button" class="btn btn-secondary btn-sm" onClick={edit}>
                <Icon name={props.method ? "edit" : "plus"} size={16} />{" "}
                {props.method ? t("earnings.change") : t("earnings.addMethod")}
              </button>
              <Show when={props.method}>
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  onClick={() => {
                    setError(null);
                    setRemoving(true);
                  }}
                >
                  <Icon name="trash" size={16} /> {t("earnings.remove")}
                </button>
              </Show>
            </div>
          </>
        }
      >
        <form class="method-form" onSubmit={(e) => void save(e)} novalidate>
          <fieldset class="segmented method-kinds">
            <legend class="sr-only">{t("earnings.payMeBy")}</legend>
            <For each={FORMS}>
              {(f) => (
                <label class="segment" classList={{ active: form() === f.value }}>
                  <input
                    type="radio"
                    name="method-kind"
                    value={f.value}
                    checked={form() === f.value}
                    onChange={() => {
                      setForm(f.value);
                      setFields({});
                      setError(null);
                    }}
                  />
                  <span>{f.label}</span>
                </label>
              )}
            </For>
          </fieldset>
          <Switch>
            <Match when={form() === "paypal"}>
              {field("email", t("earnings.paypalEmail"), {
                inputmode: "email",
                hint: t("earnings.paypalHint"),
              })}
            </Match>
            <Match when={form() === "iban"}>
              {field("accountHolder", t("earnings.accountHolder"), { hint: t("earnings.holderHint") })}
              {field("iban", "IBAN", { hint: t("earnings.ibanHint") })}
            </Match>
            <Match when={form() === "us"}>
              {field("accountHolder", t("earnings.accountHolder"), { hint: t("earnings.holderHint") })}
              {field("routingNumber", t("earnings.routingNumber"), {
                inputmode: "numeric",
                hint: t("earnings.routingHint"),
              })}
              {field("accountNumber", t("earnings.accountNumber"), {
                inputmode: "numeric",
                hint: t("earnings.accountHint"),
              })}
            </Match>
          </Switch>
          <FormError message={error()} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {busy() ? t("earnings.saving") : t("earnings.saveMethod")}
            </button>
            <button type="button" class="btn btn-ghost" onClick={() => setEditing(false)}>
              {t("earnings.cancel")}
            </button>
          </div>
        </form>
      </Show>

      <Show when={removing() && props.method}>
        {(m) => (
          <Dialog
            open
            title={t("earnings.removeTitle")}
            onClose={() => setRemoving(false)}
            footer={
              <>
                <button type="button" class="btn btn-ghost" onClick={() => setRemoving(false)}>
                  {t("earnings.keepIt")}
                </button>
                <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void remove()}>
                  {busy() ? t("earnings.removing") : t("earnings.remove")}
                </button>
              </>
            }
          >
            <p>{t("earnings.removeBody", { method: m().masked })}</p>
            <FormError message={error()} />
          </Dialog>
        )}
      </Show>
    </section>
  );
}
