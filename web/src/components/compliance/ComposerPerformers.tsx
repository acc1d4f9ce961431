// The composer's 2257 part: who else performs in the post. Verified creators by username (they confirm
// before the post goes out) and the creator's own releases. Folded away until opened.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { compliance } from "../../api/compliance";
import type { Release } from "../../api/schema.gen";
import "../../compliance.css";
import Icon from "../Icon";
import { t } from "../../i18n";

export function createPerformers(postId?: string) {
  const [open, setOpen] = createSignal(false);
  const [names, setNames] = createSignal("");
  const [releaseIds, setReleaseIds] = createSignal<string[]>([]);
  const [touched, setTouched] = createSignal(false);
  const usernames = () =>
    names()
      .split(/[\s,]+/)
      .map((n) => n.trim().replace(/^@/, ""))
      .filter(Boolean);
  if (postId)
    void compliance
      .postPerformers(postId)
      .then((r) => {
        setNames(r.performers.coPerformers.map((c) => `@${c.username}`).join(", "));
        setReleaseIds(r.performers.releases.map((x) => x.id));
        if (r.performers.coPerformers.length || r.performers.releases.length) setOpen(true);
      })
      .catch(() => undefined);
  return {
    open,
    setOpen,
    names,
    setNames: (v: string) => {
      setTouched(true);
      setNames(v);
    },
    releaseIds,
    toggleRelease: (id: string) => {
      setTouched(true);
      setReleaseIds(releaseIds().includes(id) ? releaseIds().filter((x) => x !== id) : [...releaseIds(), id]);
    },
    /** What goes into the post's body: only when named (a new post) or changed (an edit). */
    body: () =>
      touched() || (!postId && (usernames().length || releaseIds().length))
        ? { coPerformers: usernames().map((username) => ({ username })), releaseIds: releaseIds() }
        : {},
    named: () => usernames().length > 0,
    reset: () => {
      setNames("");
      setReleaseIds([]);
      setTouched(false);
      setOpen(false);
    },
  };
}
export type Performers = ReturnType<typeof createPerformers>;

export default function ComposerPerformers(props: {
  state: Performers;
  idPrefix: string;
  error?: string | undefined;
}) {
  const [releases, setReleases] = createSignal<Release[] | null>(null);
  onMount(() => {
    if (props.state.open()) loadReleases();
  });
  function loadReleases() {
    if (releases()) return;
    compliance
      .releases()
      .then((r) => setReleases(r.items))
      .catch(() => setReleases([]));
  }
  return (
    <Show
      when={props.state.open()}
      fallback={
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          onClick={() => {
            props.state.setOpen(true);
            loadReleases();
          }}
        >
          <Icon name="user" size={18} /> {t("compliance.coPerformers")}
        </button>
      }
    >
      <div class="performers" role="group" aria-label={t("compliance.performersGroup")}>
        <div class="field" classList={{ "has-error": !!props.error }}>
          <label for={`${props.idPrefix}-coperf`}>{t("compliance.coPerformers")}</label>
          <input
            id={`${props.idPrefix}-coperf`}
            class="input"
            placeholder={t("compliance.coPlaceholder")}
            value={props.state.names()}
            onInput={(e) => props.state.setNames(e.currentTarget.value)}
          />
          <Show when={props.error} fallback={<p class="field-hint">{t("compliance.coHint")}</p>}>
            <p class="field-error">{props.error}</p>
          </Show>
        </div>
        <div class="release-list">
          <span class="small" style={{ "font-weight": 600 }}>
            {t("compliance.releases")}
          </span>
          <Show when={releases()} fallback={<span class="muted small">{t("compliance.loading")}</span>}>
            {(list) => (
              <Show
                when={list().length > 0}
                fallback={
                  <span class="muted small">
                    {t("compliance.notOnSite")} <A href="/settings/records">{t("compliance.keepRelease")}</A>{" "}
                    {t("compliance.first")}
                  </span>
                }
              >
                <For each={list()}>
                  {(r) => (
                    <label class="checkbox small">
                      <input
                        type="checkbox"
                        checked={props.state.releaseIds().includes(r.id)}
                        onChange={() => props.state.toggleRelease(r.id)}
                      />
                      {r.legalName}
                      {r.otherNames.length ? ` (${r.otherNames[0]})` : ""}
                    </label>
                  )}
                </For>
              </Show>
            )}
          </Show>
        </div>
      </div>
    </Show>
  );
}
