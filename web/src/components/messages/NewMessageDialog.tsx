// "New message": the conversation with a person by username (made if new). When the server says the
// viewer may not write to them, its reason shows, with the way to their page when they are a creator.
import { t } from "../../i18n";
import { A, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { api, ApiError, errorMessage } from "../../api/client";
import Dialog from "../Dialog";
import { Field } from "../Field";

export default function NewMessageDialog(props: { onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<{ message: string; subscribe: string | null } | null>(null);
  const username = () => name().trim().replace(/^@/, "");

  async function start(e: Event) {
    e.preventDefault();
    if (!username()) {
      setError({ message: t("messages.enterUsername"), subscribe: null });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { conversation } = await api.startConversation(username());
      props.onClose();
      navigate(`/messages/${conversation.id}`);
    } catch (err) {
      const notAllowed = err instanceof ApiError && err.code === "dm_not_allowed";
      setError({ message: errorMessage(err), subscribe: notAllowed ? username() : null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t("messages.newMessage")}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="new-message-form" class="btn btn-primary" disabled={busy()}>
            {busy() ? t("messages.opening") : t("messages.write")}
          </button>
        </>
      }
    >
      <form id="new-message-form" onSubmit={(e) => void start(e)} novalidate>
        <Field
          label={t("common.to")}
          prefix="@"
          placeholder={t("messages.usernamePlaceholder")}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          autofocus
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          hint={t("messages.toHint")}
        />
      </form>
      <Show when={error()}>
        {(err) => (
          <div class="form-error" role="alert">
            <p>{err().message}</p>
            <Show when={err().subscribe}>
              {(u) => (
                <A href={`/${u()}`} class="link" onClick={props.onClose}>
                  {t("messages.goToPage", { user: u() })}
                </A>
              )}
            </Show>
          </div>
        )}
      </Show>
    </Dialog>
  );
}
