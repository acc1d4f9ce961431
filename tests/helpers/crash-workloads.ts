// The crash campaign's workloads: what real clients do to a running `fanzctl serve` while it may be
// SIGKILLed at any moment. Each loop records what the server acknowledged (a 2xx answer) and what it
// did not (no answer, or a dropped connection), so the campaign can check the first after a restart and
// retry the second. Every loop ends when the campaign says the server is gone; every request is bounded.
import { randomBytes } from "node:crypto";
import type { FakeStripe } from "./fake-stripe.ts";
import type { Rng } from "./prng.ts";
import { publishTestPattern, type Publisher } from "./live.ts";

export interface Person {
  id: string;
  username: string;
  token: string;
}

/** One answer of the server: a status, or none (the connection failed: the server died). */
export interface Answer {
  status: number | null;
  body: any;
}

/** What the driver saw of every write, across all kills (the campaign checks and retries from these). */
export interface Recorded {
  media: { id: string; kind: "image" | "video" }[];
  posts: { id: string; mediaIds: string[] }[];
  /** A PPV unlock; `acked` false: asked, no answer (retried after the restart). */
  unlocks: { fanId: string; token: string; postId: string; acked: boolean; retried: boolean }[];
  /** A tip with its Idempotency-Key; `txnId` when acknowledged. */
  tips: {
    fanId: string;
    token: string;
    key: string;
    amountCents: number;
    txnId: string | null;
    /** What the retry after the restart answered. */
    retriedTxnId: string | null;
  }[];
  /** A card top-up: its checkout (acknowledged 202) and the signed completion event, delivered or not. */
  topups: { checkoutId: string; fanId: string; event: string; delivered: boolean; redelivered: boolean }[];
  mass: { id: string }[];
  /** Streams seen live before a kill. */
  live: { streamId: string }[];
}

export const emptyRecord = (): Recorded => ({
  media: [],
  posts: [],
  unlocks: [],
  tips: [],
  topups: [],
  mass: [],
  live: [],
});

export interface Target {
  baseUrl: string;
  /** True once the campaign has killed the server: loops stop at their next step. */
  dead: () => boolean;
}

const REQUEST_MS = 20_000;

/** One request; a connection failure (the server died) is an answer without a status. */
export async function send(
  t: Pick<Target, "baseUrl">,
  method: string,
  path: string,
  opts: {
    json?: unknown;
    form?: FormData;
    raw?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | FormData | undefined = opts.form ?? opts.raw;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  }
  try {
    const res = await fetch(t.baseUrl + path, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(REQUEST_MS),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: null, body: null };
  }
}

/** Answers the campaign treats as wrong in any workload: a 5xx other than "busy", or an answer it did not expect. */
export interface Tally {
  unexpected: string[];
}

function note(tally: Tally, what: string, a: Answer): void {
  if (a.status !== null)
    tally.unexpected.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
}

export interface Fixtures {
  images: { name: string; bytes: Buffer }[];
  video: Buffer;
}

export interface WorkloadEnv {
  target: Target;
  rng: Rng;
  rec: Recorded;
  tally: Tally;
  star: Person;
  fans: Person[];
  fixtures: Fixtures;
  stripe: FakeStripe;
  /** Makes the star's subscriptions due (the clock reaching their renewal); resolves once written. */
  makeRenewalsDue: () => Promise<void>;
  rtmpUrl: string;
  streamKey: string;
  /** Streams live in the database now (the live workload's acknowledgement). */
  liveStreamIds: () => Promise<string[]>;
  publishers: Publisher[];
}

/** Uploads real small images and videos; some become a post. */
async function uploads(w: WorkloadEnv): Promise<void> {
  while (!w.target.dead()) {
    const video = w.rng.next() < 0.25;
    const file = video ? { name: "clip.mp4", bytes: w.fixtures.video } : w.rng.pick(w.fixtures.images);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
    const up = await send(w.target, "POST", "/api/v1/media", { form, token: w.star.token });
    if (up.status === null) return;
    if (up.status !== 201) {
      note(w.tally, "upload", up);
      return;
    }
    const id = up.body.media.id as string;
    w.rec.media.push({ id, kind: video ? "video" : "image" });
    if (w.rng.next() < 0.5) {
      const post = await send(w.target, "POST", "/api/v1/posts", {
        json: { text: `crash upload ${id}`, visibility: "subscribers", mediaIds: [id] },
        token: w.star.token,
      });
      if (post.status === null) return;
      if (post.status !== 201) note(w.tally, "post with media", post);
      else w.rec.posts.push({ id: post.body.post.id, mediaIds: [id] });
    }
  }
}

/** Wallet purchases: a PPV post, a fan's unlock of it, and a tip with an Idempotency-Key. */
async function purchases(w: WorkloadEnv): Promise<void> {
  while (!w.target.dead()) {
    const post = await send(w.target, "POST", "/api/v1/posts", {
      json: { text: "crash ppv", visibility: "ppv", priceCents: w.rng.int(3, 30) * 100 },
      token: w.star.token,
    });
    if (post.status === null) return;
    if (post.status !== 201) return note(w.tally, "ppv post", post);
    const postId = post.body.post.id as string;
    w.rec.posts.push({ id: postId, mediaIds: [] });
    const fan = w.rng.pick(w.fans);
    const unlock = { fanId: fan.id, token: fan.token, postId, acked: false, retried: false };
    w.rec.unlocks.push(unlock);
    const u = await send(w.target, "POST", `/api/v1/posts/${postId}/unlock`, {
      json: { payWith: "wallet" },
      token: fan.token,
    });
    if (u.status === null) return;
    if (u.status !== 200) return note(w.tally, "unlock", u);
    unlock.acked = true;
    const tipper = w.rng.pick(w.fans);
    const tip = {
      fanId: tipper.id,
      token: tipper.token,
      key: `crash-${randomBytes(9).toString("hex")}`,
      amountCents: w.rng.int(1, 20) * 100,
      txnId: null as string | null,
      retriedTxnId: null as string | null,
    };
    w.rec.tips.push(tip);
    const t = await sendTip(w.target, w.star.username, tip);
    if (t.status === null) return;
    if (t.status !== 201) return note(w.tally, "tip", t);
    tip.txnId = t.body.tip.id;
  }
}

export function sendTip(
  target: Pick<Target, "baseUrl">,
  creator: string,
  tip: { token: string; key: string; amountCents: number },
): Promise<Answer> {
  return send(target, "POST", "/api/v1/tips", {
    json: { creator, amountCents: tip.amountCents, payWith: "wallet", message: "crash tip" },
    token: tip.token,
    headers: { "idempotency-key": tip.key },
  });
}

/** Delivers a Stripe event to the app, signed with the SDK's test signer. */
export function deliverStripe(
  target: Pick<Target, "baseUrl">,
  stripe: FakeStripe,
  raw: string,
): Promise<Answer> {
  return send(target, "POST", "/api/v1/webhooks/stripe", {
    raw,
    headers: { "stripe-signature": stripe.sign(raw), "content-type": "application/json" },
  });
}

/** Card top-ups: a checkout at the Stripe fake, paid, its signed completion delivered twice at once. */
async function cardTopups(w: WorkloadEnv): Promise<void> {
  while (!w.target.dead()) {
    const fan = w.rng.pick(w.fans);
    const started = await send(w.target, "POST", "/api/v1/wallet/topups", {
      json: { amountCents: w.rng.int(5, 50) * 100 },
      token: fan.token,
    });
    if (started.status === null) return;
    if (started.status !== 202) return note(w.tally, "top-up", started);
    const checkoutId = started.body.checkoutId as string;
    const session = w.stripe.sessionFor(checkoutId);
    const topup = {
      checkoutId,
      fanId: fan.id,
      event: JSON.stringify(w.stripe.pay(session.id)),
      delivered: false,
      redelivered: false,
    };
    w.rec.topups.push(topup);
    // Stripe delivers at least once: a duplicate may arrive while the first is being handled.
    const answers = await Promise.all([
      deliverStripe(w.target, w.stripe, topup.event),
      deliverStripe(w.target, w.stripe, topup.event),
    ]);
    for (const a of answers) if (a.status !== null && a.status !== 200) note(w.tally, "stripe webhook", a);
    if (answers.some((a) => a.status === 200)) topup.delivered = true;
    if (answers.some((a) => a.status === null)) return;
  }
}

/** A mass message to every subscriber of the star (its fan-out runs as a job). */
async function massMessage(w: WorkloadEnv): Promise<void> {
  const r = await send(w.target, "POST", "/api/v1/messages/mass", {
    json: { text: `crash mass ${randomBytes(4).toString("hex")}`, audience: "subscribers" },
    token: w.star.token,
  });
  if (r.status === 202) w.rec.mass.push({ id: r.body.massMessage.id });
  else if (r.status !== null) note(w.tally, "mass message", r);
}

/** The clock reaches the renewal of every subscription to the star: the scheduler renews them. */
async function renewalRun(w: WorkloadEnv): Promise<void> {
  await w.makeRenewalsDue();
}

/** An RTMP publisher (ffmpeg, as OBS would) on the star's key; acknowledged once the stream is live. */
async function liveIngest(w: WorkloadEnv): Promise<void> {
  const p = publishTestPattern(w.rtmpUrl, w.streamKey, { seconds: 30, size: "320x180" });
  w.publishers.push(p);
  while (!w.target.dead() && p.child.exitCode === null) {
    const live = await w.liveStreamIds();
    if (live.length > 0) {
      for (const streamId of live)
        if (!w.rec.live.some((l) => l.streamId === streamId)) w.rec.live.push({ streamId });
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const WORKLOADS = {
  uploads,
  purchases,
  cardTopups,
  massMessage,
  renewalRun,
  liveIngest,
} as const;
export type WorkloadName = keyof typeof WORKLOADS;
