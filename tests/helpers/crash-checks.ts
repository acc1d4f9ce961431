// The crash campaign's checks after a restart (tests/helpers/crash-campaign.ts): retries of what got no
// answer, the wait for background work, and what must hold of acknowledged writes, renewals and files.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { AppProcess } from "./app-process.ts";
import type { CampaignResult } from "./crash-campaign.ts";
import { deliverStripe, send, sendTip, type Person, type Recorded } from "./crash-workloads.ts";
import type { rawSql } from "./engine.ts";
import type { FakeStripe } from "./fake-stripe.ts";
import { ffmpegProcesses } from "./live.ts";

const SETTLE_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function leftovers(dataDir: string, raw: ReturnType<typeof rawSql>) {
  const mediaDir = join(dataDir, "media");
  const dirs = existsSync(mediaDir) ? readdirSync(mediaDir) : [];
  const rows = new Set(
    ((await raw.prepare("SELECT id FROM media").all()) as { id: string }[]).map((r) => r.id),
  );
  const tmp = join(dataDir, "tmp");
  return {
    dirs: dirs.filter((d) => !rows.has(d)).map((d) => join(mediaDir, d)),
    tmp: (existsSync(tmp) ? readdirSync(tmp) : [])
      .filter((f) => f.endsWith(".upload") || f.endsWith(".work"))
      .map((f) => join(tmp, f)),
  };
}

const count = async (raw: ReturnType<typeof rawSql>, sql: string, ...params: unknown[]) =>
  Number(((await raw.prepare(sql).get(...params)) as { n: number | string }).n);

/** Acknowledged writes by kind (a card top-up is two: its checkout, then its delivered webhook). */
export function acknowledgedByKind(rec: Recorded): Record<string, number> {
  return {
    media: rec.media.length,
    posts: rec.posts.length,
    unlocks: rec.unlocks.filter((u) => u.acked).length,
    tips: rec.tips.filter((t) => t.txnId).length,
    checkouts: rec.topups.length,
    webhooks: rec.topups.filter((t) => t.delivered).length,
    massMessages: rec.mass.length,
    liveStreams: rec.live.length,
  };
}

export const acknowledged = (rec: Recorded): number =>
  Object.values(acknowledgedByKind(rec)).reduce((a, b) => a + b, 0);

export type Problem = (
  kind: "lost" | "doubled" | "halfDone" | "orphans" | "doctorFailures",
  what: string,
) => void;
export type Raw = ReturnType<typeof rawSql>;

/** Retries what got no answer before the kill, the way a client would: the same key, the same event. */
export async function retryUnacknowledged(
  app: AppProcess,
  rec: Recorded,
  mark: Record<keyof Recorded, number>,
  star: Person,
  stripe: FakeStripe,
  raw: Raw,
  result: CampaignResult,
  problem: Problem,
): Promise<void> {
  for (const u of rec.unlocks.slice(mark.unlocks).filter((x) => !x.acked)) {
    const r = await send(app, "POST", `/api/v1/posts/${u.postId}/unlock`, {
      json: { payWith: "wallet" },
      token: u.token,
    });
    if (r.status === 200 || (r.status === 409 && r.body?.error?.code === "already_owned")) u.retried = true;
    else problem("lost", `unlock retry of ${u.postId}: ${r.status} ${JSON.stringify(r.body)}`);
    result.retriesChecked++;
  }
  // The un-acknowledged ones, and the last acknowledged one (a replay: a client whose answer was lost in
  // the crash cannot tell the two apart).
  const tips = rec.tips.slice(mark.tips);
  const lastTip = tips.filter((t) => t.txnId).at(-1);
  for (const t of tips.filter((x) => !x.txnId || x === lastTip)) {
    const r = await sendTip(app, star.username, t);
    if (r.status !== 201) problem("lost", `tip retry ${t.key}: ${r.status} ${JSON.stringify(r.body)}`);
    else if (t.txnId && r.body.tip.id !== t.txnId)
      problem("doubled", `tip retry ${t.key} answered another transaction (${r.body.tip.id} for ${t.txnId})`);
    else t.retriedTxnId = r.body.tip.id;
    const n = await count(
      raw,
      "SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'tip' AND idempotency_key LIKE ?",
      `%:${t.key}`,
    );
    if (n !== 1) problem(n === 0 ? "lost" : "doubled", `tip ${t.key}: ${n} transactions`);
    if (t.txnId) result.replaysChecked++;
    else result.retriesChecked++;
  }
  const topups = rec.topups.slice(mark.topups);
  const lastTopup = topups.filter((t) => t.delivered).at(-1);
  for (const t of topups.filter((x) => !x.delivered || x === lastTopup)) {
    // Stripe delivers again until it gets a 2xx; a duplicate of a delivered event must be a no-op.
    const r = await deliverStripe(app, stripe, t.event);
    if (r.status !== 200)
      problem("lost", `webhook retry of ${t.checkoutId}: ${r.status} ${JSON.stringify(r.body)}`);
    else t.redelivered = true;
    if (t.delivered) result.replaysChecked++;
    else result.retriesChecked++;
  }
}

/** Waits (bounded) until background work is done; returns what is still not done at the deadline. */
export async function settle(
  raw: Raw,
  starId: string,
  dataDir: string,
): Promise<{ failed: string[]; waitedFor: string }> {
  const deadline = Date.now() + SETTLE_MS;
  let waitedFor = "";
  for (;;) {
    const open = {
      jobs: await count(raw, "SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')"),
      media: await count(raw, "SELECT count(*) AS n FROM media WHERE status = 'processing'"),
      mass: await count(
        raw,
        "SELECT count(*) AS n FROM mass_messages WHERE status IN ('scheduled', 'sending')",
      ),
      renewals: await count(
        raw,
        "SELECT count(*) AS n FROM subscriptions WHERE creator_id = ? AND status = 'active' AND current_period_end <= ?",
        starId,
        Date.now(),
      ),
      live: await count(raw, "SELECT count(*) AS n FROM live_streams WHERE status = 'live'"),
      ffmpeg: ffmpegProcesses(dataDir).length,
      checkouts: await count(
        raw,
        "SELECT count(*) AS n FROM checkouts WHERE status = 'paid' AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.idempotency_key = 'checkout:' || checkouts.id)",
      ),
    };
    const stuck = Object.entries(open).filter(([, v]) => v > 0);
    if (stuck.length === 0) break;
    waitedFor = stuck.map(([k]) => k).join("+");
    if (Date.now() > deadline)
      return {
        failed: stuck.map(([k, v]) => `${v} ${k} not finished after ${SETTLE_MS / 1000} s`),
        waitedFor,
      };
    await sleep(200);
  }
  const failed: string[] = [];
  const jobs = (await raw.prepare("SELECT name, last_error FROM jobs WHERE status = 'failed'").all()) as {
    name: string;
    last_error: string | null;
  }[];
  for (const j of jobs) failed.push(`job ${j.name} failed: ${j.last_error}`);
  const media = (await raw.prepare("SELECT id, failure_reason FROM media WHERE status = 'failed'").all()) as {
    id: string;
    failure_reason: string | null;
  }[];
  for (const m of media) failed.push(`media ${m.id} failed: ${m.failure_reason}`);
  // A purchase is whole: an unlock row with its sale, a sale with its unlock row.
  const unlockWithoutSale = await count(
    raw,
    "SELECT count(*) AS n FROM post_unlocks u WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.kind = 'ppv' AND t.user_id = u.user_id AND t.post_id = u.post_id)",
  );
  const saleWithoutUnlock = await count(
    raw,
    "SELECT count(*) AS n FROM ledger_transactions t WHERE t.kind = 'ppv' AND NOT EXISTS (SELECT 1 FROM post_unlocks u WHERE u.user_id = t.user_id AND u.post_id = t.post_id)",
  );
  if (unlockWithoutSale) failed.push(`${unlockWithoutSale} unlocks without their sale`);
  if (saleWithoutUnlock) failed.push(`${saleWithoutUnlock} PPV sales without their unlock`);
  return { failed, waitedFor };
}

export async function checkAcknowledged(
  rec: Recorded,
  mark: Record<keyof Recorded, number>,
  raw: Raw,
  dataDir: string,
  result: CampaignResult,
  problem: Problem,
): Promise<void> {
  const checked = () => result.writesChecked++;
  for (const m of rec.media.slice(mark.media)) {
    const row = (await raw.prepare("SELECT status FROM media WHERE id = ?").get(m.id)) as
      { status: string } | undefined;
    if (!row) problem("lost", `media ${m.id} (${m.kind})`);
    else if (row.status !== "ready") problem("halfDone", `media ${m.id} is ${row.status}`);
    else if (!existsSync(join(dataDir, "media", m.id, "original")))
      problem("lost", `media ${m.id}: its original`);
    checked();
  }
  for (const p of rec.posts.slice(mark.posts)) {
    if (!(await count(raw, "SELECT count(*) AS n FROM posts WHERE id = ?", p.id)))
      problem("lost", `post ${p.id}`);
    for (const mediaId of p.mediaIds)
      if (
        !(await count(
          raw,
          "SELECT count(*) AS n FROM post_media WHERE post_id = ? AND media_id = ?",
          p.id,
          mediaId,
        ))
      )
        problem("lost", `post ${p.id}: its media ${mediaId}`);
    checked();
  }
  for (const u of rec.unlocks.slice(mark.unlocks).filter((x) => x.acked || x.retried)) {
    const unlocked = await count(
      raw,
      "SELECT count(*) AS n FROM post_unlocks WHERE user_id = ? AND post_id = ?",
      u.fanId,
      u.postId,
    );
    const sales = await count(
      raw,
      "SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'ppv' AND user_id = ? AND post_id = ?",
      u.fanId,
      u.postId,
    );
    if (!unlocked || !sales) problem("lost", `unlock of ${u.postId} (row ${unlocked}, sales ${sales})`);
    if (sales > 1) problem("doubled", `unlock of ${u.postId}: ${sales} sales`);
    checked();
  }
  for (const t of rec.tips.slice(mark.tips).filter((x) => x.txnId ?? x.retriedTxnId)) {
    const id = t.txnId ?? t.retriedTxnId;
    if (!(await count(raw, "SELECT count(*) AS n FROM ledger_transactions WHERE id = ?", id)))
      problem("lost", `tip ${id}`);
    checked();
  }
  for (const t of rec.topups.slice(mark.topups)) {
    const co = (await raw.prepare("SELECT status FROM checkouts WHERE id = ?").get(t.checkoutId)) as
      { status: string } | undefined;
    if (!co) problem("lost", `checkout ${t.checkoutId}`);
    checked();
    if (!t.delivered && !t.redelivered) continue;
    const credits = await count(
      raw,
      "SELECT count(*) AS n FROM ledger_transactions WHERE kind = 'topup' AND idempotency_key = ?",
      `checkout:${t.checkoutId}`,
    );
    if (co?.status !== "paid" || credits !== 1)
      problem(
        credits > 1 ? "doubled" : "lost",
        `top-up ${t.checkoutId}: checkout ${co?.status}, ${credits} credits`,
      );
    checked();
  }
  for (const m of rec.mass.slice(mark.mass)) {
    const row = (await raw
      .prepare("SELECT status, total, sent FROM mass_messages WHERE id = ?")
      .get(m.id)) as { status: string; total: number; sent: number } | undefined;
    checked();
    if (!row) {
      problem("lost", `mass message ${m.id}`);
      continue;
    }
    const copies = (await raw
      .prepare(
        "SELECT cm.other_id AS fan, count(*) AS n FROM messages m JOIN conversation_members cm " +
          "ON cm.conversation_id = m.conversation_id AND cm.user_id = m.sender_id " +
          "WHERE m.mass_message_id = ? GROUP BY cm.other_id",
      )
      .all(m.id)) as { fan: string; n: number }[];
    const twice = copies.filter((c) => Number(c.n) !== 1).length;
    if (twice) problem("doubled", `mass message ${m.id}: ${twice} fans got more than one copy`);
    if (
      row.status !== "done" ||
      copies.length !== Number(row.total) ||
      Number(row.sent) !== Number(row.total)
    )
      problem(
        "halfDone",
        `mass message ${m.id}: ${row.status}, ${row.sent}/${row.total} sent, ${copies.length} fans`,
      );
  }
  for (const l of rec.live.slice(mark.live)) {
    const row = (await raw.prepare("SELECT status FROM live_streams WHERE id = ?").get(l.streamId)) as
      { status: string } | undefined;
    if (!row) problem("lost", `live stream ${l.streamId}`);
    else if (row.status !== "ended") problem("halfDone", `live stream ${l.streamId} is ${row.status}`);
    checked();
  }
}

/** Every subscription renewed exactly once per time it fell due, and paid up to a future period. */
export async function checkRenewals(
  raw: Raw,
  subIdOf: Map<string, string>,
  due: Map<string, number>,
  problem: Problem,
): Promise<number> {
  const rows = (await raw
    .prepare(
      "SELECT subscription_id AS id, count(*) AS n FROM ledger_transactions WHERE kind = 'renewal' GROUP BY subscription_id",
    )
    .all()) as { id: string; n: number }[];
  const renewed = new Map(rows.map((r) => [r.id, Number(r.n)]));
  let checked = 0;
  for (const [fanId, expected] of due) {
    const got = renewed.get(subIdOf.get(fanId)!) ?? 0;
    if (got < expected) problem("lost", `subscription of ${fanId}: ${got} renewals, ${expected} due`);
    if (got > expected) problem("doubled", `subscription of ${fanId}: ${got} renewals, ${expected} due`);
    checked += expected;
  }
  return checked;
}

/** No file without its row, no row without its files, no partial upload left (after the site's sweep). */
export async function checkFiles(raw: Raw, dataDir: string, problem: Problem): Promise<void> {
  const left = await leftovers(dataDir, raw);
  for (const d of left.dirs) problem("orphans", `media directory without a row: ${d}`);
  for (const f of left.tmp) problem("orphans", `partial upload left: ${f}`);
  const rows = (await raw.prepare("SELECT id, status, files FROM media").all()) as {
    id: string;
    status: string;
    files: string | null;
  }[];
  const liveDir = join(dataDir, "live");
  const live = new Set(
    ((await raw.prepare("SELECT id FROM live_streams WHERE status = 'live'").all()) as { id: string }[]).map(
      (r) => r.id,
    ),
  );
  for (const d of existsSync(liveDir) ? readdirSync(liveDir) : [])
    if (!live.has(d)) problem("orphans", `live files of a finished stream: ${join(liveDir, d)}`);
  for (const r of rows) {
    if (r.status === "failed") continue;
    const dir = join(dataDir, "media", r.id);
    const names = [
      "original",
      ...Object.values((r.files ? JSON.parse(r.files) : {}) as Record<string, string>),
    ];
    for (const name of names)
      if (!existsSync(join(dir, name))) problem("orphans", `media ${r.id} points at a missing ${name}`);
  }
}
