// The public /dmca page: a copyright infringement notice under 17 U.S.C. § 512(c)(3). Every element the
// law asks for is a field; the server checks them too and names what is missing.
import { usePageTitle } from "../../lib/page-title";
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import "../../compliance.css";
import { Field, FormError, TextArea } from "../../components/Field";
import Icon from "../../components/Icon";
import { siteName } from "../../stores/site";
import { t } from "../../i18n";

const FIELDS = [
  "claimant.name",
  "claimant.email",
  "claimant.address",
  "claimant.phone",
  "work",
  "urls",
  "goodFaith",
  "accuracy",
  "signature",
];

export default function DmcaForm() {
  usePageTitle(() => t("compliance.dfTitle"));
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [address, setAddress] = createSignal("");
  const [phone, setPhone] = createSignal("");
  const [work, setWork] = createSignal("");
  const [urls, setUrls] = createSignal("");
  const [goodFaith, setGoodFaith] = createSignal(false);
  const [accuracy, setAccuracy] = createSignal(false);
  const [signature, setSignature] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [sent, setSent] = createSignal<string | null>(null);

  const urlList = () =>
    urls()
      .split(/\s+/)
      .map((u) => u.trim())
      .filter(Boolean);
  const urlError = () => fields().urls ?? Object.entries(fields()).find(([k]) => k.startsWith("urls."))?.[1];

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!name().trim()) errs["claimant.name"] = t("compliance.dfErrName");
    if (!/^\S+@\S+\.\S+$/.test(email().trim())) errs["claimant.email"] = t("compliance.dfErrEmail");
    if (!address().trim()) errs["claimant.address"] = t("compliance.dfErrAddress");
    if (!work().trim()) errs.work = t("compliance.dfErrWork");
    if (urlList().length === 0) errs.urls = t("compliance.dfErrUrls");
    if (!goodFaith()) errs.goodFaith = t("compliance.dfErrStatement");
    if (!accuracy()) errs.accuracy = t("compliance.dfErrStatement");
    if (!signature().trim()) errs.signature = t("compliance.dfErrSignature");
    setFields(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const r = await compliance.submitDmca({
        claimant: {
          name: name().trim(),
          email: email().trim(),
          address: address().trim(),
          ...(phone().trim() ? { phone: phone().trim() } : {}),
        },
        work: work().trim(),
        urls: urlList(),
        goodFaith: true,
        accuracy: true,
        signature: signature().trim(),
      });
      setSent(r.notice.id);
    } catch (err) {
      setError(formMessage(err, FIELDS));
      if (err instanceof ApiError) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <div>
        <h1 class="page-title">{t("compliance.dfTitle")}</h1>
        <p class="muted lead">{t("compliance.dfLead", { site: siteName() })}</p>
      </div>
      <Show
        when={!sent()}
        fallback={
          <section class="card form-card notice-success stack-sm" role="status">
            <h2>
              <Icon name="check" size={20} /> {t("compliance.dfReceived")}
            </h2>
            <p>
              {t("compliance.dfRef")} <code>{sent()}</code>
              {t("compliance.dfRefAfter", { email: email() })}
            </p>
            <A href="/" class="btn btn-secondary">
              {t("compliance.dfBack")}
            </A>
          </section>
        }
      >
        <form
          class="card form-card"
          onSubmit={(e) => void submit(e)}
          novalidate
          aria-label={t("compliance.dfFormLabel")}
        >
          <h2>{t("compliance.dfYou")}</h2>
          <Field
            label={t("compliance.dfFullName")}
            name="name"
            autocomplete="name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            error={fields()["claimant.name"]}
            hint={t("compliance.dfFullNameHint")}
          />
          <div class="grid-2">
            <Field
              label={t("compliance.dfEmail")}
              name="email"
              type="email"
              autocomplete="email"
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
              error={fields()["claimant.email"]}
            />
            <Field
              label={t("compliance.dfPhone")}
              name="phone"
              type="tel"
              autocomplete="tel"
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
              error={fields()["claimant.phone"]}
            />
          </div>
          <TextArea
            label={t("compliance.dfAddress")}
            name="address"
            rows={3}
            autocomplete="street-address"
            value={address()}
            onInput={(e) => setAddress(e.currentTarget.value)}
            error={fields()["claimant.address"]}
          />
          <h2 class="form-subhead">{t("compliance.dfInfringement")}</h2>
          <TextArea
            label={t("compliance.dfWork")}
            name="work"
            rows={3}
            value={work()}
            onInput={(e) => setWork(e.currentTarget.value)}
            error={fields().work}
            hint={t("compliance.dfWorkHint")}
          />
          <TextArea
            label={t("compliance.dfUrls")}
            name="urls"
            rows={3}
            value={urls()}
            onInput={(e) => setUrls(e.currentTarget.value)}
            error={urlError()}
            hint={t("compliance.dfUrlsHint")}
          />
          <h2 class="form-subhead">{t("compliance.dfStatements")}</h2>
          <For
            each={[
              {
                key: "goodFaith",
                get: goodFaith,
                set: setGoodFaith,
                text: t("compliance.dfGoodFaith"),
              },
              {
                key: "accuracy",
                get: accuracy,
                set: setAccuracy,
                text: t("compliance.dfAccuracy"),
              },
            ]}
          >
            {(s) => (
              <label class="legal-check" classList={{ "has-error": !!fields()[s.key] }}>
                <input
                  type="checkbox"
                  name={s.key}
                  checked={s.get()}
                  onChange={(e) => s.set(e.currentTarget.checked)}
                />
                <span>{s.text}</span>
              </label>
            )}
          </For>
          <Field
            label={t("compliance.dfSignature")}
            name="signature"
            value={signature()}
            onInput={(e) => setSignature(e.currentTarget.value)}
            error={fields().signature}
            hint={t("compliance.dfSignatureHint")}
          />
          <p class="muted small">{t("compliance.dfLiable")}</p>
          <FormError message={error()} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {busy() ? t("compliance.dfSending") : t("compliance.dfSend")}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
