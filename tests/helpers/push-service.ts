// A web push service on a loopback port, as a browser vendor's would receive our pushes: a browser-side
// subscription (a P-256 key pair and an auth secret), an HTTP endpoint that checks each request's VAPID
// signature (RFC 8292: `Authorization: vapid t=<ES256 JWT>, k=<public key>`, audience = the endpoint's
// origin, expiry ahead) and decrypts its aes128gcm body (RFC 8188 with the keys of RFC 8291), and a
// status to answer with (201, or 410 for a subscription that is gone).
import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface PushRequest {
  headers: IncomingMessage["headers"];
  /** Why the VAPID header is not valid, or null when it is. */
  vapidProblem: string | null;
  /** The VAPID public key the request was signed with (base64url). */
  vapidKey: string | null;
  jwt: { aud?: string; exp?: number; sub?: string } | null;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** Decrypts an aes128gcm push body for the subscription (one record, as pushes are). */
function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const shared = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), ua.getPublicKey(), asPublic]);
  const ikm = hmac(hmac(authSecret, shared), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01", "binary")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01", "binary")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end);
}

function checkVapid(header: string | undefined, origin: string) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) return { problem: `not a vapid Authorization header: ${header}`, key: null, jwt: null };
  const [, token, k] = m as unknown as [string, string, string];
  const [h, p, s] = token.split(".");
  if (!h || !p || !s) return { problem: "the JWT has not three parts", key: k, jwt: null };
  const head = JSON.parse(Buffer.from(h, "base64url").toString()) as { alg?: string };
  const jwt = JSON.parse(Buffer.from(p, "base64url").toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (head.alg !== "ES256") return { problem: `alg ${head.alg}`, key: k, jwt };
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4)
    return { problem: "k is not an uncompressed P-256 point", key: k, jwt };
  const publicKey = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(s, "base64url"),
  );
  if (!signed) return { problem: "the signature does not verify", key: k, jwt };
  if (jwt.aud !== origin) return { problem: `aud ${jwt.aud}, not ${origin}`, key: k, jwt };
  const now = Date.now() / 1000;
  if (!jwt.exp || jwt.exp <= now || jwt.exp > now + 24 * 3600)
    return { problem: `exp ${jwt.exp} is not within the next 24 hours`, key: k, jwt };
  if (!jwt.sub || !/^(mailto:|https:)/.test(jwt.sub)) return { problem: `sub ${jwt.sub}`, key: k, jwt };
  return { problem: null, key: k, jwt };
}

export async function startPushService() {
  const requests: PushRequest[] = [];
  let status = 201;
  const browser = createECDH("prime256v1");
  browser.generateKeys();
  const authSecret = randomBytes(16);
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const v = checkVapid(req.headers.authorization, origin);
      let payload: unknown = null;
      try {
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        payload = JSON.parse(decrypt(Buffer.concat(chunks), browser, authSecret).toString("utf8"));
      } catch (err) {
        payload = { undecryptable: String(err) };
      }
      requests.push({ headers: req.headers, vapidProblem: v.problem, vapidKey: v.key, jwt: v.jwt, payload });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    requests,
    /** A browser's PushSubscription.toJSON() for a new endpoint on this service. */
    subscription: () => ({
      endpoint: `${origin}/push/${++n}-${randomBytes(6).toString("hex")}`,
      keys: { p256dh: browser.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url") },
    }),
    /** What the endpoint answers from now on (410: the subscription is gone). */
    answer(code: number) {
      status = code;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
