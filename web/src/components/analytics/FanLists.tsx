// A creator's fan lists: make one, rename, delete (the fans stay fans), show a list's fans, and write
// to a list (the mass-message composer opens with it chosen).
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { call, errorMessage } from "../../api/client";
import type { FanList } from "../../api/schema.gen";
import { t } from "../../i18n";
import { toast } from "../../stores/toasts";
import ConfirmDialog from "../ConfirmDialog";
import { Field, FormError } from "../Field";

export default function FanLists(props: {
  lists: FanList[];
  onChange: (lists: FanList[]) => void;
  onShow: (listId: string) => void;
}) {
  const [name, setName] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [draft, setDraft] = createSignal("");
  const [deleting, setDeleting] = createSignal<FanList | null>(null);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  const replace = (l: FanList) => props.onChange(props.lists.map((x) => (x.id === l.id ? l : x)));

  async function create(e: Event) {
    e.preventDefault();
    if (!name().trim()) return setError(t("fans.nameRequired"));
    setBusy(true);
    setError(null);
    try {
      const { list } = await call("post", "/api/v1/lists", { body: { name: name().trim() } });
      props.onChange([...props.lists, list]);
      setName("");
      toast(t("fans.created", { name: list.name }), "success");
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function rename(id: string) {
    try {
      replace(
        (await call("patch", "/api/v1/lists/{id}", { params: { id }, body: { name: draft().trim() } })).list,
      );
      setEditing(null);
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  async function remove() {
    const l = deleting();
    if (!l) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await call("delete", "/api/v1/lists/{id}", { params: { id: l.id } });
      props.onChange(props.lists.filter((x) => x.id !== l.id));
      setDeleting(null);
      toast(t("fans.deleted"), "success");
    } catch (err) {
      setDeleteError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card form-card stack" aria-labelledby="lists-title">
      <div>
        <h2 id="lists-title">{t("fans.listsTitle")}</h2>
        <p class="muted small">{t("fans.listsHint")}</p>
      </div>
      <Show when={props.lists.length > 0} fallback={<p class="muted">{t("fans.noLists")}</p>}>
        <ul class="lists-manage" data-testid="fan-lists">
          <For each={props.lists}>
            {(l) => (
              <li class="list-row">
                <Show
                  when={editing() === l.id}
                  fallback={
                    <>
                      <span class="list-row-name">{l.name}</span>
                      <span class="badge badge-muted">{t("fans.members", { count: l.memberCount })}</span>
                      <button type="button" class="btn btn-ghost btn-sm" onClick={() => props.onShow(l.id)}>
                        {t("fans.showFans")}
                      </button>
                      <A href={`/messages/mass?list=${l.id}`} class="btn btn-secondary btn-sm">
                        {t("fans.messageList")}
                      </A>
                      <button
                        type="button"
                        class="btn btn-ghost btn-sm"
                        onClick={() => {
                          setDraft(l.name);
                          setEditing(l.id);
                        }}
                      >
                        {t("fans.rename")}
                      </button>
                      <button type="button" class="btn btn-ghost btn-sm" onClick={() => setDeleting(l)}>
                        {t("fans.delete")}
                      </button>
                    </>
                  }
                >
                  <input
                    class="input list-row-name"
                    aria-label={t("fans.listName")}
                    value={draft()}
                    maxLength={60}
                    onInput={(e) => setDraft(e.currentTarget.value)}
                  />
                  <button type="button" class="btn btn-primary btn-sm" onClick={() => void rename(l.id)}>
                    {t("fans.save")}
                  </button>
                  <button type="button" class="btn btn-ghost btn-sm" onClick={() => setEditing(null)}>
                    {t("fans.cancel")}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="list-create" onSubmit={(e) => void create(e)}>
        <Field
          label={t("fans.listName")}
          value={name()}
          maxLength={60}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {t("fans.createList")}
        </button>
      </form>
      <FormError message={error()} />
      <Show when={deleting()}>
        {(l) => (
          <ConfirmDialog
            title={t("fans.deleteTitle")}
            cancelLabel={t("fans.cancel")}
            confirmLabel={t("fans.delete")}
            busyLabel={t("fans.delete")}
            busy={busy()}
            error={deleteError()}
            onConfirm={() => void remove()}
            onClose={() => setDeleting(null)}
          >
            <p>{t("fans.deleteBody", { name: l().name })}</p>
          </ConfirmDialog>
        )}
      </Show>
    </section>
  );
}
