// Outgoing webhooks: a creator's (their own events) or an admin's (the site's events) URLs that receive
// the domain events they chose, as signed JSON. The `webhooks` event consumer writes one delivery row
// per event and webhook (the outbox) and queues a `webhooks.deliver` job in the same transaction; each
// job is one attempt (send.ts), outside any write, and settles the row: delivered, retried later with
// exponential backoff until `[webhooks] retry_hours` after the event, or failed. Failed attempts in a
// row disable the webhook and tell its owner. Addresses are checked at registration and before every
// attempt (lib/ssrf.ts) unless `[webhooks] allow_private`.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import type { JobHandler } from "../../jobs/registry.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { HOUR } from "../../lib/clock.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId, newSecret } from "../../lib/ids.ts";
import { RefusedAddress, resolveChecked } from "../../lib/ssrf.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { UsersService } from "../users/service.ts";
import { EVENT_MAP, TEST_EVENT, type WebhookEventType } from "./events.ts";
import { webhooksRepo } from "./repo.ts";
import { sendSigned, signatureHeader, type AttemptResult } from "./send.ts";
import type { WebhookDeliveryRow, WebhookRow } from "./tables.ts";

export const DELIVER_JOB = "webhooks.deliver";
/** The longest wait between two attempts. */
const MAX_DELAY_MS = 6 * HOUR;

export interface WebhookView {
  id: string;
  url: string;
  events: string[];
  audience: "creator" | "site";
  status: "active" | "disabled";
  failuresInRow: number;
  disabledAt: number | null;
  createdAt: number;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  type: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: number | null;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number | null;
  createdAt: number;
  updatedAt: number;
}

const present = (w: WebhookRow): WebhookView => ({
  id: w.id,
  url: w.url,
  events: w.events,
  audience: w.audience,
  status: w.status,
  failuresInRow: w.failuresInRow,
  disabledAt: w.disabledAt,
  createdAt: w.createdAt,
});

const presentDelivery = (d: WebhookDeliveryRow): DeliveryView => ({
  id: d.id,
  eventId: d.eventId,
  type: d.type,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  responseStatus: d.responseStatus,
  responseBody: d.responseBody,
  error: d.error,
  durationMs: d.durationMs,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

type Outcome = { skipped: true } | ({ skipped: false } & AttemptResult);

export function createOutgoingWebhooksService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byId" | "isHeldTx">;
    jobs: Pick<JobQueue, "enqueue">;
    notifications: Pick<NotificationsService, "notifyTx">;
  },
) {
  // Read at call time: the operator's setting, as it is now.
  const cfg = () => ctx.config.webhooks;
  const now = () => ctx.clock.now();

  /** The URL as it will be called, or 400: http(s), no credentials, a host that resolves to a public address. */
  async function checkUrl(raw: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Invalid("Not a URL.", { fields: { url: "Not a URL." } });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new Invalid("Webhook URLs are http or https.", { fields: { url: "Use http:// or https://." } });
    if (url.username || url.password)
      throw new Invalid("Put no credentials in the URL; verify the signature instead.", {
        fields: { url: "No user or password in the URL." },
      });
    url.hash = "";
    try {
      await resolveChecked(url.hostname, { allowPrivate: cfg().allow_private });
    } catch (err) {
      if (err instanceof RefusedAddress)
        throw new Invalid(err.message, { fields: { url: err.message } }, "address_not_allowed");
      throw new Invalid(
        `${url.hostname} does not resolve.`,
        { fields: { url: "The host does not resolve." } },
        "unresolvable_host",
      );
    }
    return url.toString();
  }

  async function owned(userId: string, id: string): Promise<WebhookRow> {
    const w = await webhooksRepo.byId(ctx.db.read, id);
    if (!w || w.userId !== userId) throw new NotFound("Webhook");
    return w;
  }

  /** Inside a write: a delivery row and its first attempt's job. */
  async function queueTx(
    tx: DrizzleDb,
    w: WebhookRow,
    eventId: string,
    type: string,
    data: unknown,
    at: number,
  ) {
    const body = JSON.stringify({ id: eventId, type, createdAt: at, data });
    const row: WebhookDeliveryRow = {
      id: newId(),
      webhookId: w.id,
      eventId,
      type,
      body,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now(),
      responseStatus: null,
      responseBody: null,
      error: null,
      durationMs: null,
      createdAt: now(),
      updatedAt: now(),
    };
    await webhooksRepo.insertDelivery(tx, row);
    // The job is only the trigger; the row is the truth, so the queue's own retries are not used.
    await deps.jobs.enqueue(tx, DELIVER_JOB, { deliveryId: row.id }, { maxAttempts: 1 });
    return row;
  }

  // The outbox: each domain event that maps to an outgoing one, for every webhook that wants it.
  ctx.events.consume(
    "webhooks",
    Object.fromEntries(
      Object.entries(EVENT_MAP).map(([name, map]) => [
        name,
        async (tx: DrizzleDb, payload: never, event: { seq: number; createdAt: number }) => {
          const out = (map as (p: never) => { type: string; owner: string | null; data: unknown })(payload);
          const hooks = await webhooksRepo.activeFor(tx, out.owner);
          for (const w of hooks)
            // A banned, suspended or erased owner's webhooks hear nothing meanwhile.
            if (w.events.includes(out.type) && !(await deps.users.isHeldTx(tx, w.userId)))
              await queueTx(tx, w, `evt_${event.seq}`, out.type, out.data, event.createdAt);
        },
      ]),
    ),
  );

  /** Settles one attempt inside the job's write: the row, the retry, the webhook's failure count. */
  async function settleTx(tx: DrizzleDb, deliveryId: string, outcome: Outcome): Promise<void> {
    const d = await webhooksRepo.delivery(tx, deliveryId);
    if (!d || d.status !== "pending") return;
    const w = await webhooksRepo.byId(tx, d.webhookId);
    const t = now();
    if (!w) return;
    if (outcome.skipped) {
      await webhooksRepo.updateDelivery(tx, d.id, {
        status: "failed",
        nextAttemptAt: null,
        error: "The webhook is disabled.",
        updatedAt: t,
      });
      return;
    }
    const attempts = d.attempts + 1;
    const common = {
      attempts,
      responseStatus: outcome.status,
      responseBody: outcome.body,
      error: outcome.error,
      durationMs: outcome.durationMs,
      updatedAt: t,
    };
    if (outcome.ok) {
      await webhooksRepo.updateDelivery(tx, d.id, { ...common, status: "delivered", nextAttemptAt: null });
      if (w.failuresInRow !== 0) await webhooksRepo.update(tx, w.id, { failuresInRow: 0 });
      return;
    }
    const delay = Math.min(MAX_DELAY_MS, cfg().retry_base_seconds * 1000 * 2 ** (attempts - 1));
    const retryAt = t + delay;
    // A refused address is the operator's rule, not the receiver's bad moment: no retry.
    const giveUp = outcome.refused || retryAt > d.createdAt + cfg().retry_hours * HOUR;
    const failures = w.failuresInRow + 1;
    const disable = w.status === "active" && failures >= cfg().disable_after_failures;
    await webhooksRepo.updateDelivery(tx, d.id, {
      ...common,
      status: giveUp || disable ? "failed" : "pending",
      nextAttemptAt: giveUp || disable ? null : retryAt,
    });
    await webhooksRepo.update(tx, w.id, {
      failuresInRow: failures,
      ...(disable ? { status: "disabled" as const, disabledAt: t } : {}),
    });
    if (!giveUp && !disable)
      await deps.jobs.enqueue(tx, DELIVER_JOB, { deliveryId: d.id }, { runAt: retryAt, maxAttempts: 1 });
    if (disable)
      await deps.notifications.notifyTx(tx, {
        userId: w.userId,
        kind: "webhook_disabled",
        text: `Your webhook to ${new URL(w.url).host} was turned off after ${failures} failed deliveries in a row.`,
        link: "/settings/webhooks",
        data: { webhookId: w.id, url: w.url },
      });
  }

  const deliverHandler: JobHandler = {
    async run(payload): Promise<Outcome> {
      const { deliveryId } = payload as { deliveryId: string };
      const d = await webhooksRepo.delivery(ctx.db.read, deliveryId);
      const w = d ? await webhooksRepo.byId(ctx.db.read, d.webhookId) : undefined;
      if (!d || !w || d.status !== "pending") return { skipped: true };
      if (w.status !== "active") return { skipped: true };
      const c = cfg();
      const unix = Math.floor(now() / 1000);
      const attempt = await sendSigned(
        w.url,
        d.body,
        {
          "content-type": "application/json",
          "user-agent": "Fanz-Webhooks/1",
          "fanz-event-id": d.eventId,
          "fanz-event-type": d.type,
          "fanz-signature": signatureHeader(ctx.sealer.open(w.secretSealed), d.body, unix),
        },
        {
          allowPrivate: c.allow_private,
          timeoutMs: c.timeout_seconds * 1000,
          maxResponseBytes: c.max_response_bytes,
        },
      );
      if (!attempt.ok)
        ctx.logger.info("webhook delivery failed", { delivery: d.id, webhook: w.id, error: attempt.error });
      return { skipped: false, ...attempt };
    },
    // The process died during the attempt, or the attempt threw: it counts as a failed one.
    onFailed: (tx, payload, reason) =>
      settleTx(tx, (payload as { deliveryId: string }).deliveryId, {
        skipped: false,
        ok: false,
        status: null,
        body: null,
        error: reason,
        durationMs: 0,
        refused: false,
      }),
    onDone: (tx, payload, result) =>
      settleTx(tx, (payload as { deliveryId: string }).deliveryId, result as Outcome),
  };

  return {
    deliverHandler,

    async create(
      userId: string,
      input: { url: string; events: WebhookEventType[] },
    ): Promise<WebhookView & { secret: string }> {
      const owner = await deps.users.byId(userId);
      if (!owner) throw new NotFound("User");
      const audience = owner.role === "admin" ? "site" : owner.role === "creator" ? "creator" : null;
      if (!audience)
        throw new Forbidden(
          "Webhooks are for creators (their events) and admins (the site's).",
          "not_a_creator",
        );
      const url = await checkUrl(input.url);
      const secret = `whsec_${newSecret(32)}`;
      const row: WebhookRow = {
        id: newId(),
        userId,
        url,
        events: [...new Set(input.events)],
        audience,
        secretSealed: ctx.sealer.seal(secret),
        status: "active",
        failuresInRow: 0,
        disabledAt: null,
        createdAt: now(),
      };
      await ctx.db.write(async (tx) => {
        if ((await webhooksRepo.ofUser(tx, userId)).length >= cfg().max_per_owner)
          throw new Conflict(
            `A person may have ${cfg().max_per_owner} webhooks; delete one first.`,
            "too_many_webhooks",
          );
        await webhooksRepo.insert(tx, row);
      });
      return { ...present(row), secret };
    },

    list: async (userId: string): Promise<WebhookView[]> =>
      (await webhooksRepo.ofUser(ctx.db.read, userId)).map(present),

    async remove(userId: string, id: string): Promise<void> {
      if (!(await ctx.db.write((tx) => webhooksRepo.remove(tx, userId, id)))) throw new NotFound("Webhook");
    },

    /** GDPR export: the person's webhooks as listed (never a secret). */
    personalData: async (userId: string) => ({
      webhooks: (await webhooksRepo.ofUser(ctx.db.read, userId)).map(present),
    }),
    /** GDPR erasure: the person's webhooks and their delivery logs go. */
    eraseTx: (tx: DrizzleDb, userId: string) => webhooksRepo.removeAllOf(tx, userId),

    /** Turns a disabled webhook back on (its failure count starts again). */
    async enable(userId: string, id: string): Promise<WebhookView> {
      const w = await owned(userId, id);
      const patch = { status: "active" as const, failuresInRow: 0, disabledAt: null };
      await ctx.db.write((tx) => webhooksRepo.update(tx, w.id, patch));
      return present({ ...w, ...patch });
    },

    /** Queues a `webhook.test` event to this webhook alone ("send test event"). */
    async sendTest(userId: string, id: string): Promise<DeliveryView> {
      const w = await owned(userId, id);
      if (w.status !== "active") throw new Conflict("Turn the webhook on again first.", "webhook_disabled");
      const t = now();
      const row = await ctx.db.write((tx) =>
        queueTx(
          tx,
          w,
          `evt_test_${newId()}`,
          TEST_EVENT,
          { webhookId: w.id, message: "A test event from Fanz." },
          t,
        ),
      );
      return presentDelivery(row);
    },

    async deliveries(userId: string, id: string, cursor: Cursor | null, limit: number) {
      await owned(userId, id);
      const p = page(await webhooksRepo.deliveries(ctx.db.read, id, cursor, limit + 1), limit, (d) => ({
        key: d.createdAt,
        id: d.id,
      }));
      return { items: p.items.map(presentDelivery), nextCursor: p.nextCursor };
    },
  };
}

export type OutgoingWebhooksService = ReturnType<typeof createOutgoingWebhooksService>;
