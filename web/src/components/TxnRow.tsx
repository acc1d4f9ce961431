// One line of money history: what it was, when, from where, and the signed amount.
import { hasMessage, t } from "../i18n";
import { A } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import type { TxnKind } from "../api/schema.gen";
import { formatMoney } from "../lib/format";
import Icon, { type IconName } from "./Icon";
import RelTime from "./RelTime";

const KIND_ICON: Record<TxnKind, IconName> = {
  topup: "card",
  subscription: "repeat",
  renewal: "repeat",
  ppv: "lock",
  message: "message",
  tip: "coin",
  ticket: "play",
  release: "check",
  payout_request: "bank",
  payout_reject: "undo",
  payout_paid: "bank",
  refund: "undo",
  chargeback: "undo",
  chargeback_reversal: "check",
  forfeit: "undo",
  referral: "user",
  referral_reversal: "undo",
};

/** "+$25.00" / "−$9.99" with a real minus sign. */
export function signedMoney(cents: number, currency: string): string {
  const abs = formatMoney(Math.abs(cents), currency);
  return cents > 0 ? `+${abs}` : cents < 0 ? `\u2212${abs}` : abs;
}

/** How the money moved: "By card", "From wallet"; for a refund, where it went back to. */
export function sourceLabel(source: string | null, kind?: TxnKind): string | null {
  const back = kind === "refund" || kind === "chargeback";
  if (source === "card") return back ? t("pay.backToCard") : t("pay.byCard");
  if (source === "wallet") return back ? t("pay.backToWallet") : t("pay.fromWalletShort");
  return null;
}

/** The kind's name in the reader's language; the server's (English) label for a kind not in the catalog. */
function kindLabel(kind: TxnKind, label: string): string {
  const key = `pay.kind_${kind}`;
  return hasMessage(key) ? t(key) : label;
}

export default function TxnRow(props: {
  kind: TxnKind;
  label: string;
  /** Signed (wallet view) or unsigned (a payment's amount) — `signed` says which. */
  amountCents: number;
  signed?: boolean;
  currency: string;
  source: string | null;
  memo: string | null;
  postId: string | null;
  refunded: boolean;
  createdAt: number;
  /** Extra detail under the label (who paid whom, in the admin list). */
  detail?: JSX.Element;
  /** An action at the end of the row (refund, in the admin list). */
  action?: JSX.Element;
}) {
  const dir = () => (props.signed ? Math.sign(props.amountCents) : 0);
  return (
    <li class="txn" classList={{ "txn-refunded": props.refunded }}>
      <span class="txn-icon" classList={{ "txn-in": dir() > 0, "txn-out": dir() < 0 }} aria-hidden="true">
        <Icon name={KIND_ICON[props.kind] ?? "receipt"} size={18} />
      </span>
      <div class="txn-main">
        <div class="txn-title">
          <strong>{kindLabel(props.kind, props.label)}</strong>
          <Show when={props.refunded}>
            <span class="badge badge-warn">{t("pay.refunded")}</span>
          </Show>
        </div>
        <Show when={props.detail}>
          <div class="txn-detail">{props.detail}</div>
        </Show>
        <Show when={props.memo}>
          <p class="txn-memo">“{props.memo}”</p>
        </Show>
        <p class="txn-meta muted small">
          <RelTime ms={props.createdAt} />
          <Show when={sourceLabel(props.source, props.kind)}>
            {(s) => (
              <>
                {" · "}
                {s()}
              </>
            )}
          </Show>
          <Show when={props.postId}>
            {(id) => (
              <>
                {" · "}
                <A href={`/posts/${id()}`} class="link">
                  {t("pay.viewPost")}
                </A>
              </>
            )}
          </Show>
        </p>
      </div>
      <div class="txn-end">
        <span
          class="txn-amount"
          classList={{ "amount-in": dir() > 0, "amount-out": dir() < 0, "amount-struck": props.refunded }}
        >
          {props.signed
            ? signedMoney(props.amountCents, props.currency)
            : formatMoney(props.amountCents, props.currency)}
        </span>
        {props.action}
      </div>
    </li>
  );
}

export function TxnSkeletons(props: { count?: number }) {
  return (
    <ul class="txn-list" aria-busy="true" aria-label={t("pay.loadingHistory")}>
      {Array.from({ length: props.count ?? 4 }).map(() => (
        <li class="txn" aria-hidden="true">
          <span class="sk sk-circle txn-icon" />
          <div class="txn-main sk-lines">
            <span class="sk sk-line" style={{ width: "45%" }} />
            <span class="sk sk-line sk-thin" style={{ width: "30%" }} />
          </div>
          <span class="sk sk-line" style={{ width: "64px" }} />
        </li>
      ))}
    </ul>
  );
}
