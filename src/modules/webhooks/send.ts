// One delivery attempt over HTTP(S): signed, to an address checked by the outbound guard (lib/ssrf.ts)
// both before the request and in the socket's own lookup, with a timeout on the whole attempt, a cap on
// the answer that is read, and no redirect followed (a 3xx is a failure like any non-2xx).
import { createHmac } from "node:crypto";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { checkedLookup, RefusedAddress, resolveChecked, type Resolver } from "../../lib/ssrf.ts";

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>`, as Stripe signs. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
  /** The address was refused by the guard: nothing was sent. */
  refused: boolean;
}

export interface SendOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
  resolve?: Resolver;
}

export async function sendSigned(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: SendOptions,
): Promise<AttemptResult> {
  const t0 = performance.now();
  const done = (r: Omit<AttemptResult, "durationMs">): AttemptResult => ({
    ...r,
    durationMs: Math.round(performance.now() - t0),
  });
  const target = new URL(url);
  try {
    // A literal address never reaches `lookup`; a name is checked here and again by the socket's lookup.
    await resolveChecked(target.hostname, opts);
  } catch (err) {
    return done({
      ok: false,
      status: null,
      body: null,
      error: (err as Error).message,
      refused: err instanceof RefusedAddress,
    });
  }
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: checkedLookup(opts),
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < opts.maxResponseBytes) chunks.push(chunk.subarray(0, opts.maxResponseBytes - size));
          size += chunk.length;
          // Past the cap the rest is not read: the receiver's answer is not ours to store.
          if (size >= opts.maxResponseBytes) res.destroy();
        });
        const settle = () => {
          const status = res.statusCode ?? 0;
          finish({
            ok: status >= 200 && status < 300,
            status,
            body: Buffer.concat(chunks).toString("utf8").slice(0, 2000),
            error: status >= 200 && status < 300 ? null : `The receiver answered ${status}.`,
            refused: false,
          });
        };
        res.on("end", settle);
        res.on("close", settle);
      },
    );
    const timer = setTimeout(() => {
      finish({
        ok: false,
        status: null,
        body: null,
        error: `No complete answer within ${opts.timeoutMs} ms.`,
        refused: false,
      });
      req.destroy();
    }, opts.timeoutMs);
    req.on("error", (err) =>
      finish({
        ok: false,
        status: null,
        body: null,
        error: err.message,
        refused: err instanceof RefusedAddress,
      }),
    );
    req.end(body);
  });
}
