// Transactional mail: what a person must get whatever they chose in their notification settings (a
// password reset link, a link proving the address, "your password was changed"). The caller renders the
// words; this queues one outbox row in the caller's transaction (so the mail goes only if the action
// commits) and wakes the sender after COMMIT. Links are built by the caller from `server.public_url`.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { newId } from "../../lib/ids.ts";
import type { SiteService } from "../site/service.ts";
import type { MailPayload } from "./outbox.ts";
import { outboxRepo } from "./repo.ts";

export interface TransactionalMail {
  /** The account it is about (outbox rows belong to a person). */
  userId: string;
  to: string;
  subject: string;
  /** Plain text; paragraphs separated by a blank line. */
  text: string;
  /** The one button of the HTML part (its URL is also in the text). */
  action?: { label: string; url: string } | undefined;
  /** What it is, for the outbox (`account`, `password_reset`…). */
  kind: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function createTransactionalMailer(
  ctx: AppContext,
  deps: { site: Pick<SiteService, "settings">; wake: () => void },
) {
  return {
    /** Inside the caller's write: queues the mail; it is sent after COMMIT (never after a rollback). */
    async mailTx(tx: DrizzleDb, m: TransactionalMail): Promise<void> {
      const siteName = (await deps.site.settings(tx)).name;
      const paragraphs = m.text.trim().split(/\n{2,}/);
      const html =
        `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d1b26">` +
        paragraphs.map((p) => `<p style="font-size:15px">${esc(p).replace(/\n/g, "<br>")}</p>`).join("") +
        (m.action
          ? `<p><a href="${esc(m.action.url)}" style="display:inline-block;padding:10px 18px;border-radius:8px;` +
            `background:#6d4aff;color:#fff;text-decoration:none">${esc(m.action.label)}</a></p>`
          : "") +
        `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#777">${esc(siteName)}</p>` +
        `</body></html>`;
      const payload: MailPayload = {
        to: m.to,
        subject: m.subject,
        text: `${m.text.trim()}\n\n-- \n${siteName}\n`,
        html,
      };
      const t = ctx.clock.now();
      await outboxRepo.insert(tx, {
        id: newId(),
        channel: "email",
        userId: m.userId,
        kind: m.kind,
        groupKey: null,
        payload: { ...payload },
        status: "queued",
        attempts: 0,
        runAt: t,
        lockedUntil: null,
        lastError: null,
        createdAt: t,
        updatedAt: t,
        sentAt: null,
      });
      ctx.db.afterCommit(tx, () => deps.wake());
    },
  };
}
