// The web push channel: the site's VAPID key pair (made once, the private key sealed with the site's
// key), browsers' subscriptions, and delivery. web-push encrypts the payload (aes128gcm) and signs the
// VAPID JWT; the request itself goes out with fetch, so a push service's answer is read here: 404/410
// mean the subscription is gone (removed), other 4xx will never work, 429/5xx are retried.
import { isIP } from "node:net";
import type { AppContext } from "../../context.ts";
import { Invalid } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { SiteService } from "../site/service.ts";
import type { Mailer } from "./mail.ts";
import { pushRepo } from "./repo.ts";
import type { PushSubscriptionRow } from "./tables.ts";

/** What the service worker shows (web/public/sw.js reads exactly these fields). */
export interface PushPayload {
  title: string;
  body: string;
  /** Opened on click: a path of this site. */
  link: string | null;
  /** Notifications with one tag replace each other on the device (a conversation, a post's likes). */
  tag: string;
}

export interface NewPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The push service says the subscription no longer exists (404, 410). */
export class PushGone extends Error {}
/** The push service refused the request for good (another 4xx: a bad key, a payload too large). */
export class PushRefused extends Error {}

const VAPID_KEY = "vapid";
const TIMEOUT_MS = 15_000;
/** How long a push service keeps a push for an offline device. */
const TTL_SECONDS = 24 * 3600;

const decodedLength = (s: string) => Buffer.from(s, "base64url").length;

/** A DNS name with a dot, not an IP address, localhost or a name of the local network. */
const isPublicHostName = (host: string): boolean =>
  host.includes(".") &&
  isIP(host.replace(/^\[|\]$/g, "")) === 0 &&
  !/(^|\.)(localhost|local|internal|lan|home\.arpa)$/i.test(host);

/** web-push is loaded on first use: commands that never push start without it. */
let loaded: Promise<typeof import("web-push")> | null = null;
const webpushLib = () => (loaded ??= import("web-push").then((m) => m.default ?? m));

export function createPush(ctx: AppContext, site: Pick<SiteService, "secret">, mailer: Pick<Mailer, "from">) {
  let keys: { publicKey: string; privateKey: string } | null = null;

  /** The site's VAPID keys, made on first use (the write re-reads, so racing nodes keep one pair). */
  async function vapid(): Promise<{ publicKey: string; privateKey: string }> {
    if (keys) return keys;
    const open = (raw: string) => {
      const v = JSON.parse(raw) as { publicKey: string; privateKeySealed: string };
      return { publicKey: v.publicKey, privateKey: ctx.sealer.open(v.privateKeySealed) };
    };
    const existing = await site.secret.get(VAPID_KEY);
    if (existing) return (keys = open(existing));
    const made = (await webpushLib()).generateVAPIDKeys();
    const raw = await ctx.db.write(async (tx) => {
      const raced = await site.secret.get(VAPID_KEY, tx);
      if (raced) return raced;
      const value = JSON.stringify({
        publicKey: made.publicKey,
        privateKeySealed: ctx.sealer.seal(made.privateKey),
      });
      await site.secret.put(tx, VAPID_KEY, value);
      return value;
    });
    return (keys = open(raw));
  }

  return {
    /** The application server key browsers subscribe with (base64url, uncompressed P-256 point). */
    publicKey: async () => (await vapid()).publicKey,

    /** Saves a browser's subscription for this person; the same endpoint again replaces it. */
    async subscribe(userId: string, sub: NewPushSubscription): Promise<void> {
      const url = new URL(sub.endpoint);
      const local = ctx.config.push.allow_http_endpoints;
      if (url.protocol !== "https:" && !(local && url.protocol === "http:"))
        throw new Invalid("A push endpoint must be an https:// URL.", {
          fields: { endpoint: "Must be https." },
        });
      // Browsers' push services have public host names; the server must not be made to post into its
      // own network (an address, localhost, a .local name) on a person's say-so.
      if (!local && !isPublicHostName(url.hostname))
        throw new Invalid("A push endpoint must be on a push service's public host.", {
          fields: { endpoint: "Not a public host name." },
        });
      if (decodedLength(sub.keys.p256dh) !== 65 || decodedLength(sub.keys.auth) !== 16)
        throw new Invalid("These are not a browser's push keys.", {
          fields: { keys: "p256dh must be a P-256 public key and auth 16 bytes (base64url)." },
        });
      await ctx.db.write((tx) =>
        pushRepo.upsert(tx, {
          id: newId(),
          userId,
          endpoint: sub.endpoint,
          p256dh: sub.keys.p256dh,
          auth: sub.keys.auth,
          createdAt: ctx.clock.now(),
        }),
      );
    },

    async unsubscribe(userId: string, endpoint: string): Promise<void> {
      await ctx.db.write((tx) => pushRepo.remove(tx, userId, endpoint));
    },

    /** Pushes one payload to one subscription; throws PushGone, PushRefused, or an Error to retry. */
    async send(sub: PushSubscriptionRow, payload: PushPayload): Promise<void> {
      const v = await vapid();
      const req = (await webpushLib()).generateRequestDetails(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        JSON.stringify(payload),
        {
          vapidDetails: {
            subject: `mailto:${await mailer.from()}`,
            publicKey: v.publicKey,
            privateKey: v.privateKey,
          },
          TTL: TTL_SECONDS,
          contentEncoding: "aes128gcm",
        },
      );
      const res = await fetch(req.endpoint, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
      const why = async () => `${res.status} ${(await res.text().catch(() => "")).slice(0, 300)}`.trim();
      if (res.ok) return;
      if (res.status === 404 || res.status === 410) throw new PushGone(await why());
      if (res.status === 429 || res.status >= 500) throw new Error(`push service answered ${await why()}`);
      throw new PushRefused(`push service refused: ${await why()}`);
    },
  };
}

export type Push = ReturnType<typeof createPush>;
