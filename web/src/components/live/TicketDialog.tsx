// Buying a ticket to a live stream: the shared unlock dialog (price, source, seller, what the fan gets).
// From the wallet the stream opens in place; by card the checkout brings the fan back to the watch page.
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
      ? "The stream is live now: it opens right here."
      : s().scheduledAt
        ? `The stream starts ${absoluteTime(s().scheduledAt ?? 0)}; it opens here when it does.`
        : "The stream opens here when it starts.";
  return (
    <UnlockDialog
      open
      title="Buy a ticket"
      priceCents={s().priceCents}
      currency={s().currency}
      seller={s().creator}
      gets={
        <>
          A ticket to “{s().title}”: watch it live and join the chat. {when()} No subscription is started.
        </>
      }
      checkoutLabel={`Ticket to “${s().title}” by ${s().creator.displayName} (@${s().creator.username})`}
      unlock={async (payWith) => {
        const res = await api.buyLiveTicket(s().id, payWith);
        return "stream" in res ? res.stream : res;
      }}
      onClose={props.onClose}
      onUnlocked={(stream: LiveStream) => props.onBought(stream)}
    />
  );
}
