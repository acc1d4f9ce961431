// Linked accounts: the sign-in providers linked to this account (unlink, unless it is the last way in),
// and a "Link <name>" button for each provider not linked yet. The provider sends the browser back here
// with `#sso=linked` or `#sso_error=<code>`.
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { call, errorMessage } from "../../api/client";
import { t } from "../../i18n";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import Icon from "../Icon";
import RelTime from "../RelTime";
import { LineSkeleton } from "../Skeleton";
import { providerList, ssoErrorText, startProvider, takeFragment } from "../sso/ProviderButtons";

interface Linked {
  id: string;
  providerId: string;
  providerName: string;
  email: string | null;
  createdAt: number;
}

export default function LinkedAccountsCard() {
  const [linked, { refetch }] = createResource(() => call("get", "/api/v1/auth/sso/identities"));
  const [providers] = createResource(providerList);
  const [removing, setRemoving] = createSignal<Linked | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  onMount(() => {
    const back = takeFragment();
    if (back.get("sso") === "linked") toast(t("sso.linked"), "success");
    const code = back.get("sso_error");
    if (code) toast(ssoErrorText(code), "error");
  });

  const notLinked = () => {
    const have = new Set((linked()?.items ?? []).map((i) => i.providerId));
    return (providers() ?? []).filter((p) => !have.has(p.id));
  };

  async function link(id: string) {
    setBusy(true);
    try {
      await startProvider(id, "link", "/settings/security");
    } catch (err) {
      toast(errorMessage(err), "error");
      setBusy(false);
    }
  }

  async function unlink() {
    const row = removing();
    if (!row) return;
    setBusy(true);
    setError(null);
    try {
      await call("delete", "/api/v1/auth/sso/identities/{id}", { params: { id: row.id } });
      toast(t("sso.unlinked", { name: row.providerName }), "success");
      setRemoving(null);
      await refetch();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={(providers() ?? []).length > 0 || (linked()?.items.length ?? 0) > 0}>
      <section class="card form-card security-card" aria-labelledby="linked-title">
        <div class="security-head">
          <span class="security-icon" aria-hidden="true">
            <Icon name="user" size={20} />
          </span>
          <div>
            <h2 id="linked-title">{t("sso.linkedTitle")}</h2>
            <p class="muted small">{t("sso.linkedHint")}</p>
          </div>
        </div>
        <Show when={linked()} fallback={<LineSkeleton width="50%" />}>
          {(l) => (
            <>
              <Show when={!l().hasPassword}>
                <p class="notice small">{t("sso.noPassword")}</p>
              </Show>
              <Show when={l().items.length > 0} fallback={<p class="muted">{t("sso.noneLinked")}</p>}>
                <ul class="security-list" aria-label={t("sso.linkedTitle")}>
                  <For each={l().items}>
                    {(i) => (
                      <li class="security-row">
                        <span class="security-row-icon" aria-hidden="true">
                          <Icon name="user" size={18} />
                        </span>
                        <span class="security-row-text">
                          <strong class="truncate">{i.providerName}</strong>
                          <span class="muted small">
                            {i.email ? `${i.email} · ` : ""}
                            {t("sso.linkedOn")} <RelTime ms={i.createdAt} />
                          </span>
                        </span>
                        <span class="row-actions">
                          <button
                            type="button"
                            class="btn btn-ghost btn-sm"
                            aria-label={t("sso.unlink", { name: i.providerName })}
                            onClick={() => {
                              setError(null);
                              setRemoving(i);
                            }}
                          >
                            {t("sso.unlinkConfirm")}
                          </button>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
        <Show when={notLinked().length > 0}>
          <div class="form-actions wrap">
            <For each={notLinked()}>
              {(p) => (
                <button
                  type="button"
                  class="btn btn-secondary"
                  disabled={busy()}
                  onClick={() => void link(p.id)}
                >
                  <Icon name="plus" size={18} /> {t("sso.link", { name: p.name })}
                </button>
              )}
            </For>
          </div>
        </Show>
        <Show when={removing()}>
          {(r) => (
            <ConfirmDialog
              title={t("sso.unlinkTitle")}
              cancelLabel={t("sso.keep")}
              confirmLabel={t("sso.unlinkConfirm")}
              busyLabel={t("sso.unlinking")}
              busy={busy()}
              error={error()}
              onConfirm={() => void unlink()}
              onClose={() => setRemoving(null)}
            >
              <p>{t("sso.unlinkBody", { name: r().providerName })}</p>
            </ConfirmDialog>
          )}
        </Show>
      </section>
    </Show>
  );
}
