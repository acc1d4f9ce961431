// Buying a ticket to a live stream: the shared unlock dialog (price, source, seller, what the fan gets).
// From the wallet the stream opens in place; by card the checkout brings the fan back to the watch page.
import { t } from "../../i18n";
import { api } from "../../api/client";
import type { LiveStream } from "../../api/schema.gen";
import { absoluteTime } from "../../lib/format";
import UnlockDialog from "../UnlockDialog";

export default function TicketDialog(props: {
  stream: LiveStream;
  onClose: () => void;
  onBought: (stream: LiveStream) => void;
}) {
  const s = () => props.stream;
  const when = () =>
    s().status === "live"
      ? t("live.ticketLiveNow")
      : s().scheduledAt
        ? t("live.ticketStarts", { when: absoluteTime(s().scheduledAt ?? 0) })
        : t("live.ticketWhenStarts");
  return (
    <UnlockDialog
      open
      title={t("live.buyTicket")}
      priceCents={s().priceCents}
      currency={s().currency}
      seller={s().creator}
      gets={<>{t("live.ticketGets", { title: s().title, when: when() })}</>}
      checkoutLabel={t("live.ticketCheckout", {
        title: s().title,
        name: s().creator.displayName,
        user: s().creator.username,
      })}
      unlock={async (payWith) => {
        const res = await api.buyLiveTicket(s().id, payWith);
        return "stream" in res ? res.stream : res;
      }}
      onClose={props.onClose}
      onUnlocked={(stream: LiveStream) => props.onBought(stream)}
    />
  );
}
