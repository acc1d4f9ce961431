// The public /dmca page: a copyright infringement notice under 17 U.S.C. § 512(c)(3). Every element the
// law asks for is a field; the server checks them too and names what is missing.
import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError, formMessage } from "../../api/client";
import { compliance } from "../../api/compliance";
import "../../compliance.css";
import { Field, FormError, TextArea } from "../../components/Field";
import Icon from "../../components/Icon";
import { siteName } from "../../stores/site";

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
    if (!name().trim()) errs["claimant.name"] = "Your full name.";
    if (!/^\S+@\S+\.\S+$/.test(email().trim()))
      errs["claimant.email"] = "An e-mail address we can reach you at.";
    if (!address().trim()) errs["claimant.address"] = "Your postal address.";
    if (!work().trim()) errs.work = "Describe the copyrighted work.";
    if (urlList().length === 0) errs.urls = "At least one address on this site.";
    if (!goodFaith()) errs.goodFaith = "This statement is required.";
    if (!accuracy()) errs.accuracy = "This statement is required.";
    if (!signature().trim()) errs.signature = "Type your full name as your signature.";
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
        <h1 class="page-title">Report copyright infringement (DMCA)</h1>
        <p class="muted lead">
          If content on {siteName()} infringes a copyright you own or represent, send a notice under the
          Digital Millennium Copyright Act. We review every notice; content found infringing is removed and
          its creator is told.
        </p>
      </div>
      <Show
        when={!sent()}
        fallback={
          <section class="card form-card notice-success stack-sm" role="status">
            <h2>
              <Icon name="check" size={20} /> Notice received
            </h2>
            <p>
              Reference <code>{sent()}</code>. We review it and answer by e-mail at {email()}. Keep this
              reference.
            </p>
            <A href="/" class="btn btn-secondary">
              Back to the site
            </A>
          </section>
        }
      >
        <form class="card form-card" onSubmit={(e) => void submit(e)} novalidate aria-label="DMCA notice">
          <h2>You</h2>
          <Field
            label="Full name"
            name="name"
            autocomplete="name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            error={fields()["claimant.name"]}
            hint="The copyright owner, or the person authorised to act for them."
          />
          <div class="grid-2">
            <Field
              label="E-mail"
              name="email"
              type="email"
              autocomplete="email"
              value={email()}
              onInput={(e) => setEmail(e.currentTarget.value)}
              error={fields()["claimant.email"]}
            />
            <Field
              label="Phone (optional)"
              name="phone"
              type="tel"
              autocomplete="tel"
              value={phone()}
              onInput={(e) => setPhone(e.currentTarget.value)}
              error={fields()["claimant.phone"]}
            />
          </div>
          <TextArea
            label="Postal address"
            name="address"
            rows={3}
            autocomplete="street-address"
            value={address()}
            onInput={(e) => setAddress(e.currentTarget.value)}
            error={fields()["claimant.address"]}
          />
          <h2 class="form-subhead">The infringement</h2>
          <TextArea
            label="The copyrighted work"
            name="work"
            rows={3}
            value={work()}
            onInput={(e) => setWork(e.currentTarget.value)}
            error={fields().work}
            hint="What is copied: a title, a registration number, a link to the original."
          />
          <TextArea
            label="Addresses of the infringing content on this site"
            name="urls"
            rows={3}
            value={urls()}
            onInput={(e) => setUrls(e.currentTarget.value)}
            error={urlError()}
            hint="One per line: the post's address (…/posts/…) or the image's."
          />
          <h2 class="form-subhead">Statements</h2>
          <For
            each={[
              {
                key: "goodFaith",
                get: goodFaith,
                set: setGoodFaith,
                text: "I have a good-faith belief that the use of the material described above is not authorised by the copyright owner, its agent or the law.",
              },
              {
                key: "accuracy",
                get: accuracy,
                set: setAccuracy,
                text: "The information in this notice is accurate, and under penalty of perjury, I am the owner, or authorised to act on behalf of the owner, of the copyright that is allegedly infringed.",
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
            label="Signature"
            name="signature"
            value={signature()}
            onInput={(e) => setSignature(e.currentTarget.value)}
            error={fields().signature}
            hint="Type your full legal name: it is your electronic signature."
          />
          <p class="muted small">
            A notice that knowingly misrepresents infringement may make you liable for damages (17 U.S.C. §
            512(f)).
          </p>
          <FormError message={error()} />
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" disabled={busy()}>
              {busy() ? "Sending…" : "Send notice"}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
