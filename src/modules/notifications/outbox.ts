// The sender of the e-mail and push outbox (table notification_outbox). Rows are written in the
// transaction of the notification they tell of; this claims due rows in a short READ COMMITTED write
// (FOR UPDATE SKIP LOCKED on PostgreSQL, so nodes take different rows), sends them outside any write,
// then settles each: sent, dropped (a message read meanwhile, a push subscription gone), queued again
// with exponential backoff, or failed with its last error once the attempts are used up. It runs on a
// wake-up after the writing transaction commits and on every scheduler tick (delayed mails, retries,
// rows of a node that died mid-send, whose lock lapses).
import type { AppContext } from "../../context.ts";
import { DAY, MINUTE } from "../../lib/clock.ts";
import type { Mail, Mailer } from "./mail.ts";
import type { Push, PushPayload } from "./push.ts";
import { PushGone, PushRefused } from "./push.ts";
import { outboxRepo, pushRepo } from "./repo.ts";
import type { OutboxRow } from "./tables.ts";

/** An e-mail row's payload; `unlessRead`: not sent if the person has read the conversation up to it. */
export interface MailPayload extends Mail {
  unlessRead?: { conversationId: string; messageId: string };
}
/** A push row's payload: one browser subscription and what to show. */
export interface PushRowPayload {
  subscriptionId: string;
  push: PushPayload;
}

/** Has this person read the conversation up to (and including) this message? (The messages module.) */
export type ReadState = (userId: string, conversationId: string, messageId: string) => Promise<boolean>;

export const OUTBOX_MAX_ATTEMPTS = 6;
/** First retry after this; each further one waits twice as long (30 s, 1, 2, 4, 8 min). */
export const OUTBOX_BACKOFF_MS = 30_000;
const LOCK_MS = 2 * MINUTE;
const BATCH = 20;
const PARALLEL = 4;
/** Settled rows are kept this long (what was sent, for support questions), then pruned. */
export const OUTBOX_RETENTION_MS = 7 * DAY;

type Outcome =
  | { status: "sent" }
  | { status: "dropped"; why: string; goneSubscription?: string }
  | { status: "retry" | "failed"; why: string };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

export function createOutboxSender(
  ctx: AppContext,
  deps: { mailer: Pick<Mailer, "send">; push: Pick<Push, "send">; readState: () => ReadState },
) {
  const now = () => ctx.clock.now();
  let stopped = false;
  /** Passes run one after another; a caller joins the pass that has not started yet. */
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<number> | null = null;
  let wake: NodeJS.Timeout | null = null;

  async function claim(): Promise<OutboxRow[]> {
    return ctx.db.write(
      async (tx) => {
        const t = now();
        const claimed: OutboxRow[] = [];
        for (const row of await outboxRepo.claimable(tx, t, BATCH)) {
          // A row that was being sent when its node stopped, with no attempts left.
          if (row.status === "sending" && row.attempts >= OUTBOX_MAX_ATTEMPTS) {
            await outboxRepo.update(tx, row.id, {
              status: "failed",
              lockedUntil: null,
              lastError: row.lastError ?? "The process stopped while sending.",
              updatedAt: t,
            });
            continue;
          }
          const patch = {
            status: "sending" as const,
            attempts: row.attempts + 1,
            lockedUntil: t + LOCK_MS,
            updatedAt: t,
          };
          await outboxRepo.update(tx, row.id, patch);
          claimed.push({ ...row, ...patch });
        }
        return claimed;
      },
      // The row locks of the claim make it exclusive across nodes (as the job queue's).
      { isolation: "read committed" },
    );
  }

  async function deliver(row: OutboxRow): Promise<Outcome> {
    try {
      if (row.channel === "email") {
        const p = row.payload as unknown as MailPayload;
        if (p.unlessRead) {
          const { conversationId, messageId } = p.unlessRead;
          if (await deps.readState()(row.userId, conversationId, messageId))
            return { status: "dropped", why: "Read in the app before the mail was due." };
        }
        await deps.mailer.send({ to: p.to, subject: p.subject, text: p.text, html: p.html });
        return { status: "sent" };
      }
      const p = row.payload as unknown as PushRowPayload;
      const sub = await pushRepo.byId(ctx.db.read, p.subscriptionId);
      if (!sub) return { status: "dropped", why: "The browser unsubscribed." };
      try {
        await deps.push.send(sub, p.push);
      } catch (err) {
        if (err instanceof PushGone)
          return { status: "dropped", why: `Subscription gone: ${err.message}`, goneSubscription: sub.id };
        throw err;
      }
      return { status: "sent" };
    } catch (err) {
      if (err instanceof PushRefused) return { status: "failed", why: errorText(err) };
      return { status: row.attempts >= OUTBOX_MAX_ATTEMPTS ? "failed" : "retry", why: errorText(err) };
    }
  }

  async function settle(row: OutboxRow, o: Outcome): Promise<void> {
    await ctx.db.write(async (tx) => {
      const t = now();
      const base = { lockedUntil: null, updatedAt: t };
      const patch =
        o.status === "sent"
          ? { ...base, status: "sent" as const, sentAt: t, lastError: null }
          : o.status === "retry"
            ? {
                ...base,
                status: "queued" as const,
                lastError: o.why,
                runAt: t + OUTBOX_BACKOFF_MS * 2 ** (row.attempts - 1),
              }
            : { ...base, status: o.status, lastError: o.why };
      // Taken over by another node after our lock lapsed: its run decides.
      if (!(await outboxRepo.settle(tx, row.id, row.attempts, patch))) return;
      if (o.status === "dropped" && o.goneSubscription) await pushRepo.removeById(tx, o.goneSubscription);
    });
  }

  async function pass(): Promise<number> {
    let sent = 0;
    while (!stopped && (await outboxRepo.anyDue(ctx.db.read, now()))) {
      const rows = await claim();
      for (let i = 0; i < rows.length; i += PARALLEL) {
        await Promise.all(
          rows.slice(i, i + PARALLEL).map(async (row) => {
            const outcome = await deliver(row);
            await settle(row, outcome);
            if (outcome.status === "sent") sent++;
          }),
        );
      }
      if (rows.length < BATCH) break;
    }
    return sent;
  }

  /** Sends what is due now; resolves with how many were sent once the pass that covers now ends. */
  function runDue(): Promise<number> {
    if (waiting) return waiting;
    const p = tail.then(() => {
      waiting = null;
      return pass();
    });
    waiting = p;
    tail = p.catch((err: unknown) => ctx.logger.error("notification outbox failed", { err: errorText(err) }));
    return p;
  }

  return {
    runDue,
    /** After a commit that queued rows: a pass soon, without making the committing request wait. */
    wake(): void {
      if (stopped || wake) return;
      wake = setTimeout(() => {
        wake = null;
        runDue().catch(() => undefined);
      }, 0);
      wake.unref();
    },
    /** Removes sent, failed and dropped rows older than the retention. */
    prune: () => ctx.db.write((tx) => outboxRepo.prune(tx, now() - OUTBOX_RETENTION_MS)),
    /** Lets the pass in flight finish and starts no other (shutdown). */
    async stop(): Promise<void> {
      stopped = true;
      if (wake) clearTimeout(wake);
      wake = null;
      await tail;
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
