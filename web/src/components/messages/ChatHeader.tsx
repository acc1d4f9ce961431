// The chat's header: back to the list (phones), who it is with, and the menu with their page and
// Block / Unblock (blocking asks first and says what it does).
import { t } from "../../i18n";
import { A } from "@solidjs/router";
import { createSignal, onMount, Show } from "solid-js";
import { errorMessage } from "../../api/client";
import type { PublicUser } from "../../api/schema.gen";
import { block, isBlocked, loadBlocks, unblock } from "../../stores/blocks";
import { isCreator } from "../../stores/session";
import { toast } from "../../stores/toasts";
import Avatar from "../Avatar";
import Dialog from "../Dialog";
import { FormError } from "../Field";
import Icon from "../Icon";
import Menu from "../Menu";
import ReportDialog from "../ReportDialog";

export default function ChatHeader(props: { other: PublicUser; onBlockChange: () => void }) {
  const o = () => props.other;
  const [confirming, setConfirming] = createSignal(false);
  const [reporting, setReporting] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // Fans write to creators (and the site's staff): the other person has a page to visit.
  const hasPage = () => !isCreator();
  onMount(() => void loadBlocks().catch(() => undefined));

  async function doBlock() {
    setBusy(true);
    setError(null);
    try {
      await block(o());
      setConfirming(false);
      toast(t("messages.blocked", { user: o().username }), "success");
      props.onBlockChange();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function doUnblock() {
    try {
      await unblock(o());
      toast(t("messages.unblocked", { user: o().username }), "success");
      props.onBlockChange();
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  const who = () => (
    <>
      <Avatar name={o().displayName} username={o().username} url={o().avatarUrl} srcset={o().avatarSrcset} />
      <span class="chat-who-names">
        <strong class="truncate">{o().displayName}</strong>
        <span class="muted small truncate">@{o().username}</span>
      </span>
    </>
  );

  return (
    <header class="chat-head">
      <A href="/messages" class="icon-btn chat-back" aria-label={t("messages.back")}>
        <Icon name="arrow-left" />
      </A>
      <Show when={hasPage()} fallback={<div class="chat-who">{who()}</div>}>
        <A href={`/${o().username}`} class="chat-who">
          {who()}
        </A>
      </Show>
      <div class="spacer" />
      <Menu label={t("messages.options", { user: o().username })} button={<Icon name="more" />}>
        {(close) => (
          <>
            <Show when={hasPage()}>
              <A href={`/${o().username}`} role="menuitem" class="menu-item" onClick={close}>
                <Icon name="user" size={18} /> {t("messages.viewProfile")}
              </A>
            </Show>
            <Show
              when={isBlocked(o().id)}
              fallback={
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item menu-danger"
                  onClick={() => {
                    close();
                    setError(null);
                    setConfirming(true);
                  }}
                >
                  <Icon name="block" size={18} /> {t("messages.blockUser", { user: o().username })}
                </button>
              }
            >
              <button
                type="button"
                role="menuitem"
                class="menu-item"
                onClick={() => {
                  close();
                  void doUnblock();
                }}
              >
                <Icon name="block" size={18} /> {t("messages.unblockUser", { user: o().username })}
              </button>
            </Show>
            <button
              type="button"
              role="menuitem"
              class="menu-item"
              onClick={() => {
                close();
                setReporting(true);
              }}
            >
              <Icon name="flag" size={18} /> {t("messages.reportUser", { user: o().username })}
            </button>
          </>
        )}
      </Menu>
      <Show when={reporting()}>
        <ReportDialog target={{ type: "user", id: o().id }} onClose={() => setReporting(false)} />
      </Show>

      <Show when={confirming()}>
        <Dialog
          open
          title={t("messages.blockTitle", { user: o().username })}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </button>
              <button type="button" class="btn btn-danger" disabled={busy()} onClick={() => void doBlock()}>
                {busy() ? t("messages.blocking") : t("messages.block")}
              </button>
            </>
          }
        >
          <p>{t("messages.blockBody")}</p>
          <FormError message={error()} />
        </Dialog>
      </Show>
    </header>
  );
}
