// One message in the chat: the viewer's own on the right, the other person's on the left. Text, media
// (the post gallery: lazy, sizes reserved), or for a pay-per-view message still locked the teaser, the
// blurred previews, what it holds and "Unlock for $X". Own messages carry read ticks and, within a day
// and while nobody bought them, "Unsend".
import { t } from "../../i18n";
import { createSignal, Show } from "solid-js";
import { api, errorMessage } from "../../api/client";
import type { Media, Message, PublicUser } from "../../api/schema.gen";
import { absoluteTime, clockTime, formatMoney, hueFor } from "../../lib/format";
import { mediaCount } from "../../lib/media";
import type { PendingMessage } from "../../stores/chat";
import { toast } from "../../stores/toasts";
import Dialog from "../Dialog";
import { FormError } from "../Field";
import Icon from "../Icon";
import MediaGallery, { LockedPreviews } from "../MediaGallery";
import Menu from "../Menu";
import RichText from "../RichText";
import UnlockDialog from "../UnlockDialog";
import ReportDialog from "../ReportDialog";
import { focusComposer } from "./ChatComposer";

const UNSEND_WINDOW_MS = 24 * 60 * 60 * 1000;

function Locked(props: { message: Message; seller: PublicUser; onUnlock: () => void }) {
  const m = () => props.message;
  return (
    <div
      class="locked bubble-locked"
      classList={{ "locked-has-media": m().media.length > 0 }}
      style={{ "--lock-hue": String(hueFor(props.seller.username)) }}
    >
      <Show
        when={m().media.some((x) => x.urls.preview)}
        fallback={
          <div class="locked-art" aria-hidden="true">
            <span class="blob blob-a" />
            <span class="blob blob-b" />
            <span class="blob blob-c" />
          </div>
        }
      >
        <LockedPreviews media={m().media} />
      </Show>
      <div class="locked-inner">
        <span class="lock-circle">
          <Icon name="lock" size={22} label={t("messages.locked")} />
        </span>
        <Show when={m().media.length > 0}>
          <p class="locked-count">{mediaCount(m().media)}</p>
        </Show>
        <button type="button" class="btn btn-primary" onClick={() => props.onUnlock()}>
          {t("messages.unlockFor", { price: formatMoney(m().priceCents, m().currency) })}
        </button>
      </div>
    </div>
  );
}

/** A bubble's text and media, as sent. */
function Content(props: { text: string; media: Media[] }) {
  return (
    <>
      <Show when={props.text}>{(t) => <RichText text={t()} class="bubble-text" />}</Show>
      <Show when={props.media.length > 0}>
        <MediaGallery media={props.media} />
      </Show>
    </>
  );
}

export default function MessageBubble(props: {
  message: Message;
  mine: boolean;
  /** The other person read up to here or later (own messages). */
  read: boolean;
  other: PublicUser;
  onChange: (m: Message) => void;
  onUnsend: (id: string) => Promise<void>;
}) {
  const m = () => props.message;
  const [unlockOpen, setUnlockOpen] = createSignal(false);
  const [confirmUnsend, setConfirmUnsend] = createSignal(false);
  const [unsending, setUnsending] = createSignal(false);
  const [unsendError, setUnsendError] = createSignal<string | null>(null);
  const [reporting, setReporting] = createSignal(false);
  const price = () => formatMoney(m().priceCents, m().currency);
  const canUnsend = () => props.mine && !m().purchased && Date.now() - m().createdAt < UNSEND_WINDOW_MS;

  async function unsend() {
    setUnsending(true);
    setUnsendError(null);
    try {
      const conversationId = m().conversationId;
      await props.onUnsend(m().id);
      setConfirmUnsend(false);
      toast(t("messages.unsent"), "success");
      focusComposer(conversationId);
    } catch (err) {
      setUnsendError(errorMessage(err));
    } finally {
      setUnsending(false);
    }
  }

  return (
    <div class="bubble-row" classList={{ mine: props.mine }} data-message-id={m().id}>
      <div class="bubble" classList={{ "bubble-mine": props.mine, "bubble-media": m().media.length > 0 }}>
        <Show when={m().locked} fallback={<Content text={m().text} media={m().media} />}>
          <Show when={m().text}>{(t) => <RichText text={t()} class="bubble-text" />}</Show>
          <Locked message={m()} seller={props.other} onUnlock={() => setUnlockOpen(true)} />
        </Show>
        <Show when={m().priceCents > 0 && !m().locked}>
          <p class="bubble-price">
            <Icon name={props.mine && !m().purchased ? "lock" : "check"} size={14} />
            {props.mine
              ? m().purchased
                ? t("messages.bought", { price: price() })
                : t("messages.ppvNotBought", { price: price() })
              : t("messages.unlocked", { price: price() })}
          </p>
        </Show>
      </div>
      <div class="bubble-meta">
        <time datetime={new Date(m().createdAt).toISOString()} title={absoluteTime(m().createdAt)}>
          {clockTime(m().createdAt)}
        </time>
        <Show when={props.mine}>
          <span
            class="ticks"
            classList={{ read: props.read }}
            title={props.read ? t("messages.read") : t("messages.sent")}
          >
            <Icon
              name={props.read ? "check-double" : "check"}
              size={15}
              label={props.read ? t("messages.read") : t("messages.sent")}
            />
          </span>
        </Show>
        <Show when={canUnsend() || !props.mine}>
          <Menu
            label={t("messages.messageOptions")}
            placement="above"
            buttonClass="icon-btn icon-btn-sm bubble-more"
            button={<Icon name="more" size={16} />}
          >
            {(close) => (
              <Show
                when={canUnsend()}
                fallback={
                  <button
                    type="button"
                    role="menuitem"
                    class="menu-item"
                    onClick={() => {
                      close();
                      setReporting(true);
                    }}
                  >
                    <Icon name="flag" size={18} /> {t("messages.report")}
                  </button>
                }
              >
                <button
                  type="button"
                  role="menuitem"
                  class="menu-item menu-danger"
                  onClick={() => {
                    close();
                    setUnsendError(null);
                    setConfirmUnsend(true);
                  }}
                >
                  <Icon name="undo" size={18} /> {t("messages.unsend")}
                </button>
              </Show>
            )}
          </Menu>
        </Show>
        <Show when={reporting()}>
          <ReportDialog target={{ type: "message", id: m().id }} onClose={() => setReporting(false)} />
        </Show>
      </div>

      <Show when={confirmUnsend()}>
        <Dialog
          open
          title={t("messages.unsendTitle")}
          onClose={() => setConfirmUnsend(false)}
          footer={
            <>
              <button type="button" class="btn btn-ghost" onClick={() => setConfirmUnsend(false)}>
                {t("messages.keepIt")}
              </button>
              <button
                type="button"
                class="btn btn-danger"
                disabled={unsending()}
                onClick={() => void unsend()}
              >
                {unsending() ? t("messages.unsending") : t("messages.unsend")}
              </button>
            </>
          }
        >
          <p>{t("messages.unsendBody", { name: props.other.displayName })}</p>
          <FormError message={unsendError()} />
        </Dialog>
      </Show>

      <Show when={unlockOpen()}>
        <UnlockDialog
          open
          title={t("messages.unlockTitle")}
          priceCents={m().priceCents}
          currency={m().currency}
          seller={props.other}
          gets={<>{t("messages.unlockGets", { what: mediaCount(m().media) || t("messages.thisMessage") })}</>}
          checkoutLabel={t("messages.unlockCheckout", {
            name: props.other.displayName,
            user: props.other.username,
          })}
          unlock={async (payWith) => {
            const res = await api.unlockMessage(m().id, payWith);
            return "message" in res ? res.message : res;
          }}
          onClose={() => setUnlockOpen(false)}
          onUnlocked={(message: Message) => {
            setUnlockOpen(false);
            toast(t("messages.unlockedToast"), "success");
            props.onChange(message);
          }}
        />
      </Show>
    </div>
  );
}

/** A message on its way, or one that failed with the server's reason and the choice to retry. */
export function PendingBubble(props: {
  pending: PendingMessage;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}) {
  const p = () => props.pending;
  return (
    <div class="bubble-row mine" classList={{ "bubble-failed": p().state === "failed" }}>
      <div class="bubble bubble-mine bubble-pending" classList={{ "bubble-media": p().media.length > 0 }}>
        <Content text={p().input.text ?? ""} media={p().media} />
        <Show when={(p().input.priceCents ?? 0) > 0}>
          <p class="bubble-price">
            <Icon name="lock" size={14} /> {t("messages.ppv")}
          </p>
        </Show>
      </div>
      <Show
        when={p().state === "failed"}
        fallback={
          <div class="bubble-meta">
            <Icon name="clock" size={14} label={t("messages.sendingLabel")} />
            <span>{t("common.sending")}</span>
          </div>
        }
      >
        <div class="bubble-error" role="alert">
          <span>{t("messages.notSent", { error: p().error ?? "" })}</span>
          <span class="row-actions">
            <button type="button" class="link-btn" onClick={() => props.onRetry(p().clientId)}>
              {t("common.tryAgain")}
            </button>
            <button type="button" class="link-btn" onClick={() => props.onDiscard(p().clientId)}>
              {t("messages.delete")}
            </button>
          </span>
        </div>
      </Show>
    </div>
  );
}
