// The admin console's sign-in providers: the config file's (read-only) and the saved ones, a form to add
// or change one (the client secret is write-only), and the redirect URI to register at the provider.
import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError, call, errorMessage, formMessage } from "../../api/client";
import type { SignInProviderSettings as Provider } from "../../api/schema.gen";
import { Field, FormError } from "../../components/Field";
import { LineSkeleton } from "../../components/Skeleton";
import { t } from "../../i18n";
import { toast } from "../../stores/toasts";

interface Draft {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  enabled: boolean;
  secretSet: boolean;
  existing: boolean;
}

const blank = (): Draft => ({
  id: "",
  name: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  scopes: "openid email profile",
  enabled: true,
  secretSet: false,
  existing: false,
});

export default function SignInProviders() {
  const [answer, { refetch }] = createResource(() => call("get", "/api/v1/admin/sso/providers"));
  const list = () => answer()?.items;
  const redirectUri = (id: string) => `${answer()?.redirectUriBase ?? ""}${id || "<id>"}/callback`;
  const [draft, setDraft] = createSignal<Draft | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const set = (p: Partial<Draft>) => setDraft({ ...draft()!, ...p });

  function edit(p: Provider) {
    setError(null);
    setFields({});
    setDraft({
      id: p.id,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: "",
      scopes: p.scopes.join(" "),
      enabled: p.enabled,
      secretSet: p.clientSecretSet,
      existing: true,
    });
  }

  async function save(e: Event) {
    e.preventDefault();
    const d = draft();
    if (!d) return;
    setError(null);
    if (!/^[a-z0-9][a-z0-9_-]{0,31}$/.test(d.id)) {
      setFields({ id: t("sso.idHint") });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      await call("put", "/api/v1/admin/sso/providers/{provider}", {
        params: { provider: d.id },
        body: {
          name: d.name.trim(),
          issuer: d.issuer.trim(),
          clientId: d.clientId.trim(),
          ...(d.clientSecret || !d.existing ? { clientSecret: d.clientSecret } : {}),
          scopes: d.scopes.split(/[\s,]+/).filter(Boolean),
          enabled: d.enabled,
        },
      });
      toast(t("sso.saved"), "success");
      setDraft(null);
      await refetch();
    } catch (err) {
      setError(formMessage(err, ["name", "issuer", "clientId", "clientSecret"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  async function remove(p: Provider) {
    try {
      await call("delete", "/api/v1/admin/sso/providers/{provider}", { params: { provider: p.id } });
      toast(t("sso.removed"), "success");
      await refetch();
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  return (
    <section class="card form-card" aria-labelledby="sso-title">
      <h2 id="sso-title">{t("sso.adminTitle")}</h2>
      <p class="muted">{t("sso.adminLead")}</p>
      <Show when={list()} fallback={<LineSkeleton />}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="muted">{t("sso.adminNone")}</p>}>
            <ul class="security-list sso-provider-list" data-testid="sso-providers">
              <For each={items()}>
                {(p) => (
                  <li class="security-row">
                    <span class="security-row-text">
                      <strong class="truncate">
                        {p.name}{" "}
                        <span class="badge badge-muted">
                          {p.source === "config" ? t("sso.fromConfig") : p.id}
                        </span>
                        <Show when={!p.enabled}>
                          {" "}
                          <span class="badge badge-warn">{t("sso.off")}</span>
                        </Show>
                      </strong>
                      <span class="muted small truncate">{p.issuer}</span>
                      <span class="muted small sso-uri">
                        {t("sso.redirectUri", { uri: redirectUri(p.id) })}
                      </span>
                    </span>
                    <Show when={p.source === "site"}>
                      <span class="row-actions">
                        <button
                          type="button"
                          class="btn btn-ghost btn-sm"
                          aria-label={t("sso.edit", { name: p.name })}
                          onClick={() => edit(p)}
                        >
                          {t("sso.editShort")}
                        </button>
                        <button
                          type="button"
                          class="btn btn-ghost btn-sm"
                          aria-label={t("sso.remove", { name: p.name })}
                          onClick={() => void remove(p)}
                        >
                          {t("sso.removeShort")}
                        </button>
                      </span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show
        when={draft()}
        fallback={
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" onClick={() => setDraft(blank())}>
              {t("sso.add")}
            </button>
          </div>
        }
      >
        {(d) => (
          <form onSubmit={(e) => void save(e)} novalidate>
            <Field
              label={t("sso.id")}
              name="id"
              required
              readonly={d().existing}
              value={d().id}
              onInput={(e) => set({ id: e.currentTarget.value.trim().toLowerCase() })}
              error={fields().id}
              hint={t("sso.redirectUri", { uri: redirectUri(d().id) })}
            />
            <Field
              label={t("sso.name")}
              name="name"
              required
              value={d().name}
              onInput={(e) => set({ name: e.currentTarget.value })}
              error={fields().name}
            />
            <Field
              label={t("sso.issuer")}
              name="issuer"
              type="url"
              required
              placeholder="https://accounts.example.com"
              value={d().issuer}
              onInput={(e) => set({ issuer: e.currentTarget.value })}
              error={fields().issuer}
            />
            <Field
              label={t("sso.clientId")}
              name="clientId"
              required
              value={d().clientId}
              onInput={(e) => set({ clientId: e.currentTarget.value })}
              error={fields().clientId}
            />
            <Field
              label={t("sso.clientSecret")}
              name="clientSecret"
              type="password"
              autocomplete="off"
              value={d().clientSecret}
              onInput={(e) => set({ clientSecret: e.currentTarget.value })}
              error={fields().clientSecret}
              hint={d().secretSet ? t("sso.secretKept") : undefined}
            />
            <Field
              label={t("sso.scopes")}
              name="scopes"
              value={d().scopes}
              onInput={(e) => set({ scopes: e.currentTarget.value })}
              error={fields().scopes}
            />
            <div class="field">
              <label class="checkbox">
                <input
                  type="checkbox"
                  name="enabled"
                  checked={d().enabled}
                  onChange={(e) => set({ enabled: e.currentTarget.checked })}
                />
                <span>{t("sso.enabled")}</span>
              </label>
            </div>
            <FormError message={error()} />
            <div class="form-actions">
              <button type="submit" class="btn btn-primary" disabled={busy()}>
                {busy() ? t("sso.saving") : t("sso.save")}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setDraft(null)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
