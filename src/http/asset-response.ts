// Answers a request with a file kept in memory (the web UI, the API reference's script): revalidation by
// ETag, and the body in the encoding the client prefers (each encoding has its own ETag, so a cache never
// revalidates one with the other).
import type { Context } from "hono";
import { encodedBody, type Asset } from "../lib/assets.ts";
import { isCompressible, negotiateEncoding } from "../lib/compression.ts";

export function assetResponse(c: Context, asset: Asset, cacheControl: string): Response {
  const encoding = negotiateEncoding(c.req.header("accept-encoding"));
  const body = encoding ? encodedBody(asset, encoding) : null;
  const etag = body && encoding ? `${asset.etag.slice(0, -1)}-${encoding}"` : asset.etag;
  c.header("Cache-Control", cacheControl);
  c.header("ETag", etag);
  if (isCompressible(asset.type)) c.header("Vary", "Accept-Encoding");
  if (c.req.header("if-none-match") === etag) return c.body(null, 304);
  c.header("Content-Type", asset.type);
  if (body && encoding) c.header("Content-Encoding", encoding);
  return c.body(new Uint8Array(body ?? asset.body));
}
