// Compresses the API's JSON answers for clients that accept brotli or gzip (a feed page of ~14 KB goes
// out as ~3 KB). Files kept in memory are encoded by assetResponse; streams (downloads, CSV, events) are
// never buffered here: only JSON bodies, which the app always builds whole.
import type { MiddlewareHandler } from "hono";
import { encode, MIN_COMPRESS_BYTES, negotiateEncoding } from "../../lib/compression.ts";

const JSON_TYPE = /^application\/(problem\+)?json/i;

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!JSON_TYPE.test(res.headers.get("content-type") ?? "")) return;
    const vary = res.headers.get("vary");
    if (!vary) res.headers.set("Vary", "Accept-Encoding");
    else if (!/accept-encoding/i.test(vary)) res.headers.set("Vary", `${vary}, Accept-Encoding`);
    if (c.req.method === "HEAD" || res.headers.has("content-encoding")) return;
    const encoding = negotiateEncoding(c.req.header("accept-encoding"));
    // Reading `res.body` turns the node adapter's light response into a full fetch Response with a
    // stream: only done when the answer is to be compressed.
    if (!encoding || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    // Hono copies the old answer's headers onto the new one, so they are adjusted after the swap.
    if (body.byteLength < MIN_COMPRESS_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    c.res = new Response(new Uint8Array(encode(body, encoding, "fast")), res);
    c.res.headers.set("Content-Encoding", encoding);
    c.res.headers.delete("Content-Length");
    const etag = c.res.headers.get("etag");
    if (etag && !etag.startsWith("W/")) c.res.headers.set("ETag", `W/${etag}`);
  };
}
