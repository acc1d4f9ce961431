// Creator settings › Promotions: make discount and free-trial links (kind, percent or days, a use limit,
// an expiry, who may use it, whether the creator page shows it), see each link with its uses, copy it,
// delete it after a confirmation.
import { createSignal, For, onMount, Show } from "solid-js";
import { api, errorMessage, formMessage } from "../api/client";
import type { Promotion, PromotionInput } from "../api/schema.gen";
import { formatDate, t } from "../i18n";
import { toast } from "../stores/toasts";
import ConfirmDialog from "./ConfirmDialog";
import { Field, FormError } from "./Field";
import { offerText } from "./PromotionOffer";
import { LineSkeleton } from "./Skeleton";
import "../promotions.css";

type Kind = PromotionInput["kind"];
type Audience = NonNullable<PromotionInput["audience"]>;
const AUDIENCES: Audience[] = ["all", "new", "expired"];

async function copy(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast(t("promotions.copied"), "success");
  } catch {
    // Clipboard refused (no permission, not https): the link is on screen to copy by hand.
    toast(text, "info", 10_000);
  }
}

export default function PromotionsSettings() {
  const [items, setItems] = createSignal<Promotion[] | null>(null);
  const [kind, setKind] = createSignal<Kind>("trial");
  const [percent, setPercent] = createSignal("20");
  const [days, setDays] = createSignal("7");
  const [maxUses, setMaxUses] = createSignal("");
  const [expires, setExpires] = createSignal("");
  const [audience, setAudience] = createSignal<Audience>("all");
  const [isPublic, setPublic] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [deleting, setDeleting] = createSignal<Promotion | null>(null);
  const [deleteBusy, setDeleteBusy] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);

  async function load() {
    try {
      setItems((await api.promotions()).items);
    } catch (err) {
      setItems([]);
      setError(errorMessage(err));
    }
  }
  onMount(() => void load());

  function validate(): Record<string, string> {
    const errs: Record<string, string> = {};
    const whole = (s: string, min: number, max: number) => /^\d+$/.test(s) && +s >= min && +s <= max;
    if (kind() === "discount" && !whole(percent(), 1, 99)) errs.percentOff = t("promotions.error.percent");
    if (kind() === "trial" && !whole(days(), 1, 90)) errs.trialDays = t("promotions.error.days");
    if (maxUses() !== "" && !whole(maxUses(), 1, 1_000_000)) errs.maxUses = t("promotions.error.maxUses");
    return errs;
  }

  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    const errs = validate();
    setFields(errs);
    if (Object.keys(errs).length) return;
    const body: PromotionInput = { kind: kind(), audience: audience(), public: isPublic() };
    if (kind() === "discount") body.percentOff = +percent();
    else body.trialDays = +days();
    if (maxUses() !== "") body.maxUses = +maxUses();
    // The end of the chosen day, in the creator's own time zone.
    if (expires()) body.expiresAt = new Date(`${expires()}T23:59:59`).getTime();
    setBusy(true);
    try {
      const { promotion } = await api.createPromotion(body);
      setItems([promotion, ...(items() ?? [])]);
      toast(t("promotions.created"), "success");
    } catch (err) {
      setError(formMessage(err, ["percentOff", "trialDays", "maxUses", "expiresAt"]));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const p = deleting();
    if (!p) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.deletePromotion(p.id);
      setItems((items() ?? []).filter((x) => x.id !== p.id));
      setDeleting(null);
      toast(t("promotions.deleted"), "success");
    } catch (err) {
      setDeleteError(errorMessage(err));
    } finally {
      setDeleteBusy(false);
    }
  }

  const state = (p: Promotion) =>
    p.available
      ? null
      : p.expiresAt !== null && p.expiresAt <= Date.now()
        ? t("promotions.state.expired")
        : t("promotions.state.usedUp");

  return (
    <section class="card form-card" aria-labelledby="promotions-title">
      <h2 id="promotions-title">{t("promotions.settings.title")}</h2>
      <p class="muted promo-intro">{t("promotions.settings.intro")}</p>
      <form class="promo-form" onSubmit={(e) => void create(e)} novalidate>
        <div class="field">
          <label for="promo-kind">{t("promotions.field.kind")}</label>
          <select
            id="promo-kind"
            class="input"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
          >
            <option value="trial">{t("promotions.kind.trial")}</option>
            <option value="discount">{t("promotions.kind.discount")}</option>
          </select>
        </div>
        <Show
          when={kind() === "discount"}
          fallback={
            <Field
              label={t("promotions.field.days")}
              name="trialDays"
              inputmode="numeric"
              value={days()}
              onInput={(e) => setDays(e.currentTarget.value.trim())}
              error={fields().trialDays}
            />
          }
        >
          <Field
            label={t("promotions.field.percent")}
            name="percentOff"
            inputmode="numeric"
            suffix="%"
            value={percent()}
            onInput={(e) => setPercent(e.currentTarget.value.trim())}
            error={fields().percentOff}
          />
        </Show>
        <Field
          label={t("promotions.field.maxUses")}
          name="maxUses"
          inputmode="numeric"
          value={maxUses()}
          onInput={(e) => setMaxUses(e.currentTarget.value.trim())}
          hint={t("promotions.field.maxUsesHint")}
          error={fields().maxUses}
        />
        <Field
          label={t("promotions.field.expires")}
          name="expiresAt"
          type="date"
          value={expires()}
          onInput={(e) => setExpires(e.currentTarget.value)}
          hint={t("promotions.field.expiresHint")}
          error={fields().expiresAt}
        />
        <div class="field">
          <label for="promo-audience">{t("promotions.field.audience")}</label>
          <select
            id="promo-audience"
            class="input"
            value={audience()}
            onChange={(e) => setAudience(e.currentTarget.value as Audience)}
          >
            <For each={AUDIENCES}>{(a) => <option value={a}>{t(`promotions.audience.${a}`)}</option>}</For>
          </select>
        </div>
        <label class="checkbox">
          <input type="checkbox" checked={isPublic()} onChange={(e) => setPublic(e.currentTarget.checked)} />
          <span>{t("promotions.field.public")}</span>
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy()}>
          {busy() ? t("promotions.creating") : t("promotions.create")}
        </button>
      </form>
      <FormError message={error()} />

      <Show when={items()} fallback={<LineSkeleton />}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t("promotions.empty")}</p>}>
            <ul class="promo-list">
              <For each={list()}>
                {(p) => (
                  <li class="promo-item" data-code={p.code}>
                    <div class="promo-item-main">
                      <strong>
                        {offerText(p)} · {t(`promotions.audience.${p.audience}`)}
                      </strong>
                      <span class="muted">
                        {p.maxUses === null
                          ? t("promotions.usesUnlimited", { count: p.uses })
                          : t("promotions.uses", { count: p.uses, max: p.maxUses })}
                        <Show when={p.expiresAt}>
                          {(at) => <> · {t("promotions.expires", { date: formatDate(at()) })}</>}
                        </Show>
                      </span>
                      <span class="promo-item-url">{p.url}</span>
                    </div>
                    <Show when={state(p)}>{(s) => <span class="badge badge-muted">{s()}</span>}</Show>
                    <Show when={p.public && p.available}>
                      <span class="badge badge-accent">{t("promotions.state.public")}</span>
                    </Show>
                    <button type="button" class="btn btn-ghost btn-sm" onClick={() => void copy(p.url)}>
                      {t("promotions.copy")}
                    </button>
                    <button type="button" class="btn btn-ghost btn-sm" onClick={() => setDeleting(p)}>
                      {t("promotions.delete")}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>

      <Show when={deleting()}>
        {(p) => (
          <ConfirmDialog
            title={t("promotions.deleteTitle")}
            cancelLabel={t("promotions.cancel")}
            confirmLabel={t("promotions.delete")}
            busyLabel={t("promotions.deleting")}
            busy={deleteBusy()}
            error={deleteError()}
            onConfirm={() => void remove()}
            onClose={() => setDeleting(null)}
          >
            <p>
              <strong>{offerText(p())}</strong> · {p().code}
            </p>
            <p>{t("promotions.deleteBody")}</p>
          </ConfirmDialog>
        )}
      </Show>
    </section>
  );
}
