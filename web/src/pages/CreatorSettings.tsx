// "Become a creator" and editing the creator profile: pictures, name, bio, price, currency, bundles, trial;
// then who may message the creator and the welcome message (MessageSettings).
import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { api, ApiError, errorMessage, formMessage } from "../api/client";
import type { BundleMonths, Creator, CreatorProfileInput } from "../api/schema.gen";
import { Field, FormError, TextArea } from "../components/Field";
import { RequireAuth } from "../components/Guards";
import Icon from "../components/Icon";
import BlockedCountries from "../components/BlockedCountries";
import MessageSettings from "../components/MessageSettings";
import PromotionsSettings from "../components/PromotionsSettings";
import ProfileImageEditor from "../components/ProfileImageEditor";
import { LineSkeleton } from "../components/Skeleton";
import { centsToInput, currencySymbol, formatMoney, parseMoneyToCents } from "../lib/format";
import { isCreator, loadMe, markCreator, user } from "../stores/session";
import { siteCurrency } from "../stores/site";
import { loadSuggested } from "../stores/creators";
import { toast } from "../stores/toasts";

type Currency = NonNullable<CreatorProfileInput["currency"]>;
const CURRENCIES: Currency[] = ["USD", "EUR", "GBP"];
const BUNDLE_MONTHS: BundleMonths[] = [3, 6, 12];
const DEFAULT_DISCOUNT: Record<BundleMonths, number> = { 3: 10, 6: 15, 12: 25 };

interface BundleRow {
  months: BundleMonths;
  on: boolean;
  discount: string;
}

function Form() {
  const me = () => user()!;
  const [loaded, setLoaded] = createSignal(false);
  const [displayName, setDisplayName] = createSignal(me().displayName);
  const [bio, setBio] = createSignal("");
  const [price, setPrice] = createSignal("9.99");
  const [currency, setCurrency] = createSignal(siteCurrency());
  const [trialDays, setTrialDays] = createSignal("0");
  const [bundles, setBundles] = createSignal<BundleRow[]>(
    BUNDLE_MONTHS.map((m) => ({ months: m, on: false, discount: String(DEFAULT_DISCOUNT[m]) })),
  );
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [creatorNow, setCreatorNow] = createSignal(isCreator());
  /** The saved profile, once there is one (its pictures are edited on their own, outside the form). */
  const [saved, setSaved] = createSignal<Creator | null>(null);
  const imageChanged = (c: Creator) => {
    setSaved(c);
    // The profile menu shows the signed-in creator's avatar.
    void loadMe();
    void loadSuggested(true);
  };

  onMount(async () => {
    try {
      const { creator } = await api.creator(me().username);
      setCreatorNow(true);
      setSaved(creator);
      setDisplayName(creator.displayName);
      setBio(creator.bio ?? "");
      setPrice(centsToInput(creator.priceCents));
      setCurrency(creator.currency || siteCurrency());
      setTrialDays(String(creator.trialDays ?? 0));
      setBundles(
        BUNDLE_MONTHS.map((m) => {
          const b = creator.bundles.find((x) => x.months === m);
          return { months: m, on: !!b, discount: String(b?.discountPercent ?? DEFAULT_DISCOUNT[m]) };
        }),
      );
    } catch (err) {
      // 404: no creator page yet, so the form starts from sensible defaults.
      if (!(err instanceof ApiError && err.status === 404)) setError(errorMessage(err));
    } finally {
      setLoaded(true);
    }
  });

  const priceCents = () => parseMoneyToCents(price());
  // The server names bundle errors by position ("bundles.0.discountPercent") or as a whole ("bundles").
  const bundlesError = () =>
    fields().bundles ?? Object.entries(fields()).find(([k]) => /^bundles\.\d+\./.test(k))?.[1];
  const setBundle = (months: BundleMonths, patch: Partial<BundleRow>) =>
    setBundles((rows) => rows.map((r) => (r.months === months ? { ...r, ...patch } : r)));
  const bundleEstimate = (r: BundleRow) => {
    const p = priceCents() ?? 0;
    const d = Number(r.discount) || 0;
    return Math.round(p * r.months * (1 - d / 100));
  };

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    const cents = priceCents();
    if (cents === null || cents < 0) errs.priceCents = t("settings.errPrice");
    const trial = Number(trialDays());
    if (!Number.isInteger(trial) || trial < 0 || trial > 90) errs.trialDays = t("settings.errTrial");
    for (const r of bundles()) {
      const d = Number(r.discount);
      if (r.on && (!Number.isFinite(d) || d <= 0 || d > 90 || !Number.isInteger(d)))
        errs[`bundles.${r.months}`] = t("settings.errDiscount");
    }
    setFields(errs);
    if (Object.keys(errs).length) return;

    const body: CreatorProfileInput = {
      displayName: displayName().trim(),
      bio: bio().trim(),
      priceCents: cents ?? 0,
      // One of CURRENCIES (the select) or the profile's own; the server checks it.
      currency: currency() as Currency,
      bundles:
        (cents ?? 0) > 0
          ? bundles()
              .filter((r) => r.on)
              .map((r) => ({ months: r.months, discountPercent: Number(r.discount) }))
          : [],
      trialDays: (cents ?? 0) > 0 ? trial : 0,
    };
    setBusy(true);
    try {
      setSaved((await api.updateMyCreator(body)).creator);
      markCreator();
      await loadMe();
      void loadSuggested(true);
      toast(creatorNow() ? t("settings.profileSaved") : t("settings.welcomeCreator"), "success");
      setCreatorNow(true);
    } catch (err) {
      // currency_locked names the currency field: its message (what is in the old currency) shows there.
      setError(formMessage(err, ["displayName", "bio", "priceCents", "currency", "trialDays"]));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show
      when={loaded()}
      fallback={
        <div class="card stack-sm">
          <LineSkeleton width="40%" />
          <LineSkeleton />
          <LineSkeleton width="70%" />
        </div>
      }
    >
      <form class="stack" onSubmit={(e) => void save(e)} novalidate>
        <Show when={saved()}>
          {(c) => (
            <section class="card form-card" aria-labelledby="pictures-title">
              <h2 id="pictures-title">{t("settings.pictures")}</h2>
              <div class="pictures">
                <div class="stack-sm">
                  <h3 class="field-label">{t("settings.profilePicture")}</h3>
                  <p class="field-hint">{t("settings.profilePictureHint")}</p>
                  <ProfileImageEditor kind="avatar" creator={c()} onChange={imageChanged} />
                </div>
                <div class="stack-sm">
                  <h3 class="field-label">{t("settings.banner")}</h3>
                  <p class="field-hint">{t("settings.bannerHint")}</p>
                  <ProfileImageEditor kind="banner" creator={c()} onChange={imageChanged} />
                </div>
              </div>
            </section>
          )}
        </Show>
        <section class="card form-card">
          <h2>{t("settings.profile")}</h2>
          <Field
            label={t("settings.displayName")}
            name="displayName"
            value={displayName()}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
            error={fields().displayName}
          />
          <TextArea
            label={t("settings.bio")}
            name="bio"
            rows={4}
            maxLength={1000}
            placeholder={t("settings.bioPlaceholder")}
            value={bio()}
            onInput={(e) => setBio(e.currentTarget.value)}
            error={fields().bio}
          />
        </section>

        <section class="card form-card">
          <h2>{t("settings.pricing")}</h2>
          <div class="grid-2">
            <Field
              label={t("settings.monthlyPrice")}
              name="priceCents"
              inputmode="decimal"
              prefix={currencySymbol(currency())}
              value={price()}
              onInput={(e) => setPrice(e.currentTarget.value)}
              error={fields().priceCents}
              hint={t("settings.priceHint")}
            />
            <div class="field" classList={{ "has-error": !!fields().currency }}>
              <label for="currency">{t("settings.currency")}</label>
              <select
                id="currency"
                class="input"
                value={currency()}
                aria-invalid={fields().currency ? "true" : undefined}
                aria-describedby={fields().currency ? "currency-error" : undefined}
                onChange={(e) => setCurrency(e.currentTarget.value)}
              >
                <For each={CURRENCIES}>{(c) => <option value={c}>{c}</option>}</For>
              </select>
              <Show when={fields().currency}>
                {(msg) => (
                  <p class="field-error" id="currency-error">
                    {msg()}
                  </p>
                )}
              </Show>
            </div>
          </div>

          <Show when={(priceCents() ?? 0) > 0} fallback={<p class="notice">{t("settings.freePage")}</p>}>
            <fieldset class="bundle-editor">
              <legend>{t("settings.bundles")}</legend>
              <p class="field-hint">{t("settings.bundlesHint")}</p>
              <For each={bundles()}>
                {(r) => (
                  <div class="bundle-row" classList={{ on: r.on }}>
                    <label class="checkbox">
                      <input
                        type="checkbox"
                        checked={r.on}
                        onChange={(e) => setBundle(r.months, { on: e.currentTarget.checked })}
                      />
                      <span>{t("settings.months", { count: r.months })}</span>
                    </label>
                    <div class="input-wrap has-suffix bundle-discount">
                      <label class="sr-only" for={`bundle-${r.months}`}>
                        {t("settings.discountFor", { count: r.months })}
                      </label>
                      <input
                        id={`bundle-${r.months}`}
                        class="input"
                        inputmode="numeric"
                        disabled={!r.on}
                        value={r.discount}
                        onInput={(e) => setBundle(r.months, { discount: e.currentTarget.value })}
                      />
                      <span class="input-affix input-suffix" aria-hidden="true">
                        {t("settings.off")}
                      </span>
                    </div>
                    <span class="bundle-total muted">
                      {r.on
                        ? t("settings.bundleTotal", { amount: formatMoney(bundleEstimate(r), currency()) })
                        : t("settings.bundleOff")}
                    </span>
                    <Show when={fields()[`bundles.${r.months}`]}>
                      <p class="field-error bundle-error">{fields()[`bundles.${r.months}`]}</p>
                    </Show>
                  </div>
                )}
              </For>
              <Show when={bundlesError()}>
                <p class="field-error">{bundlesError()}</p>
              </Show>
            </fieldset>
            <Field
              label={t("settings.freeTrial")}
              name="trialDays"
              inputmode="numeric"
              suffix={t("settings.days")}
              value={trialDays()}
              onInput={(e) => setTrialDays(e.currentTarget.value)}
              error={fields().trialDays}
              hint={t("settings.trialHint")}
            />
          </Show>
        </section>

        <FormError message={error()} />
        <div class="form-actions split">
          <Show when={creatorNow()}>
            <A href={`/${me().username}`} class="btn btn-ghost">
              {t("settings.viewPage")}
            </A>
          </Show>
          <div class="spacer" />
          <button type="submit" class="btn btn-primary btn-lg" disabled={busy()}>
            {busy()
              ? t("settings.saving")
              : creatorNow()
                ? t("settings.saveChanges")
                : t("settings.becomeCreator")}
          </button>
        </div>
      </form>
    </Show>
  );
}

export default function CreatorSettings() {
  usePageTitle(() => (isCreator() ? t("settings.creatorSettings") : t("settings.becomeCreator")));
  return (
    <RequireAuth>
      <div class="stack">
        <div>
          <h1 class="page-title">
            {isCreator() ? t("settings.creatorSettings") : t("settings.becomeCreator")}
          </h1>
          <Show when={!isCreator()}>
            <p class="muted lead">{t("settings.setupLead")}</p>
          </Show>
        </div>
        <Form />
        <Show when={isCreator()}>
          <PromotionsSettings />
          <MessageSettings />
          <BlockedCountries />
          <A href="/settings/security" class="card link-card">
            <Icon name="shield" />
            <span>
              <strong>{t("settings.security")}</strong>
              <span class="muted">{t("settings.securityHint")}</span>
            </span>
            <span aria-hidden="true" class="chev">
              ›
            </span>
          </A>
          <A href="/settings/blocked" class="card link-card">
            <Icon name="block" />
            <span>
              <strong>{t("settings.blockedPeople")}</strong>
              <span class="muted">{t("settings.blockedPeopleHint")}</span>
            </span>
            <span aria-hidden="true" class="chev">
              ›
            </span>
          </A>
          <A href="/drafts" class="card link-card">
            <Icon name="file" />
            <span>
              <strong>{t("settings.draftsLink")}</strong>
              <span class="muted">{t("settings.draftsHint")}</span>
            </span>
            <span aria-hidden="true" class="chev">
              ›
            </span>
          </A>
        </Show>
      </div>
    </RequireAuth>
  );
}
