// The report queue: what was reported (a preview of what it said, by whom, a link to it), why, by whom;
// and the three answers: dismiss, remove the content, ban its author. Each is confirmed first.
import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { adminApi } from "../../api/admin";
import { errorMessage } from "../../api/client";
import type { Report, ReportAction } from "../../api/schema.gen";
import ConfirmDialog from "../../components/ConfirmDialog";
import EmptyState from "../../components/EmptyState";
import PagerFooter from "../../components/PagerFooter";
import PersonLink from "../../components/PersonLink";
import RelTime from "../../components/RelTime";
import { CreatorSkeletons } from "../../components/Skeleton";
import { createPager } from "../../lib/pager";
import { toast } from "../../stores/toasts";
import AdminShell from "./AdminShell";
import { ACTION_LABEL, REASON_LABEL } from "./adminLabels";
import { t, type MessageKey } from "../../i18n";

const TARGET_WORD: Record<Report["target"]["type"], MessageKey> = {
  post: "admin.targetPost",
  comment: "admin.targetComment",
  message: "admin.targetMessage",
  user: "admin.targetUser",
  stream: "admin.targetStream",
};

export default function AdminReports() {
  const [status, setStatus] = createSignal<"open" | "resolved">("open");
  const list = createPager<Report>((cursor) => adminApi.reports(status(), cursor));
  onMount(() => void list.reset());
  const [pending, setPending] = createSignal<{ report: Report; action: ReportAction } | null>(null);
  const [note, setNote] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  function choose(s: "open" | "resolved") {
    if (s === status()) return;
    setStatus(s);
    void list.reset();
  }

  function open(report: Report, action: ReportAction) {
    setNote("");
    setError(null);
    setPending({ report, action });
  }

  async function act() {
    const p = pending();
    if (!p) return;
    setBusy(true);
    setError(null);
    try {
      await adminApi.resolveReport(p.report.id, p.action, note().trim() || undefined);
      list.remove(p.report.id);
      toast(t("admin.resolvedToast", { action: ACTION_LABEL[p.action] }), "success");
      setPending(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AdminShell>
      <fieldset class="segmented filter-bar">
        <legend class="sr-only">{t("admin.showReports")}</legend>
        <For
          each={
            [
              { value: "open", label: "admin.open" },
              { value: "resolved", label: "admin.resolved" },
            ] as const
          }
        >
          {(f) => (
            <label class="segment" classList={{ active: status() === f.value }}>
              <input
                type="radio"
                name="report-filter"
                value={f.value}
                checked={status() === f.value}
                onChange={() => choose(f.value)}
              />
              <span>{t(f.label)}</span>
            </label>
          )}
        </For>
      </fieldset>

      <Show when={!list.initial() || list.items.length > 0} fallback={<CreatorSkeletons compact count={3} />}>
        <Show
          when={list.items.length > 0 || list.error()}
          fallback={
            <EmptyState icon="shield" title={status() === "open" ? t("admin.noOpen") : t("admin.noResolved")}>
              <p class="muted">{status() === "open" ? t("admin.noOpenHint") : t("admin.noResolvedHint")}</p>
            </EmptyState>
          }
        >
          <ul class="report-list" data-testid="admin-reports">
            <For each={list.items}>
              {(r) => (
                <li class="card report-card">
                  <div class="report-head">
                    <span class="badge badge-danger">{REASON_LABEL[r.reason]}</span>
                    <span class="badge badge-muted">{t(TARGET_WORD[r.target.type])}</span>
                    <span class="muted small">
                      {t("admin.reported")} <RelTime ms={r.createdAt} />
                      <Show when={r.reporter}>
                        {(who) => <> {t("admin.byUser", { username: who().username })}</>}
                      </Show>
                    </span>
                  </div>
                  <blockquote class="report-preview">
                    <Show when={r.preview.author}>{(a) => <PersonLink person={a()} />}</Show>
                    <p class="report-text">
                      {r.preview.text || <span class="muted">{t("admin.noText")}</span>}
                    </p>
                    <Show when={r.preview.link}>
                      {(href) => (
                        <A href={href()} class="small">
                          {t("admin.openIt")}
                        </A>
                      )}
                    </Show>
                  </blockquote>
                  <Show when={r.details}>
                    <p class="small admin-note">
                      <strong>{t("admin.reporterDetails")}</strong> {r.details}
                    </p>
                  </Show>
                  <Show
                    when={r.resolution}
                    fallback={
                      <div class="admin-actions report-actions">
                        <button
                          type="button"
                          class="btn btn-secondary btn-sm"
                          onClick={() => open(r, "dismiss")}
                        >
                          {t("admin.dismiss")}
                        </button>
                        <Show when={r.target.type !== "user"}>
                          <button
                            type="button"
                            class="btn btn-secondary btn-sm"
                            onClick={() => open(r, "remove_content")}
                          >
                            {r.target.type === "stream" ? t("admin.endStream") : t("admin.removeContent")}
                          </button>
                        </Show>
                        <button
                          type="button"
                          class="btn btn-danger btn-sm"
                          onClick={() => open(r, "ban_user")}
                        >
                          {t("admin.banAuthor")}
                        </button>
                      </div>
                    }
                  >
                    {(res) => (
                      <p class="small admin-note">
                        <strong>{ACTION_LABEL[res().action]}</strong>
                        <Show when={res().by}>
                          {(b) => <> {t("admin.byUser", { username: b().username })}</>}
                        </Show>{" "}
                        <RelTime ms={res().at} />
                        <Show when={res().note}>{(n) => <> · {n()}</>}</Show>
                      </p>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <PagerFooter pager={list} />

      <Show when={pending()}>
        {(p) => {
          const who = () => p().report.preview.author;
          return (
            <ConfirmDialog
              title={
                p().action === "dismiss"
                  ? t("admin.dismissTitle")
                  : p().action === "remove_content"
                    ? p().report.target.type === "stream"
                      ? t("admin.endTitle")
                      : t("admin.removeTitle")
                    : who()?.username
                      ? t("admin.banTitle", { username: who()!.username })
                      : t("admin.banTitleAuthor")
              }
              cancelLabel={t("common.cancel")}
              confirmLabel={
                p().action === "dismiss"
                  ? t("admin.dismiss")
                  : p().action === "remove_content"
                    ? t("admin.remove")
                    : t("admin.ban")
              }
              busyLabel={t("admin.saving")}
              busy={busy()}
              error={error()}
              onConfirm={() => void act()}
              onClose={() => setPending(null)}
            >
              <p>
                {p().action === "dismiss"
                  ? t("admin.dismissBody")
                  : p().action === "remove_content"
                    ? t("admin.removeBody")
                    : t("admin.banBody")}
              </p>
              <div class="field">
                <label for="resolve-note">{t("admin.note")}</label>
                <textarea
                  id="resolve-note"
                  class="input"
                  rows={2}
                  maxLength={500}
                  value={note()}
                  onInput={(e) => setNote(e.currentTarget.value)}
                />
              </div>
            </ConfirmDialog>
          );
        }}
      </Show>
    </AdminShell>
  );
}
