// The size limit of JSON request bodies. Unlike hono's bodyLimit, an oversized body is read to its end
// (see lib/drain.ts) and thrown away before the 413, so a keep-alive client's connection stays usable.
import type { MiddlewareHandler } from "hono";
import { discard } from "../../lib/drain.ts";
import { TooLarge } from "../../lib/errors.ts";

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () =>
    new TooLarge(`The request body is larger than ${Math.round(maxBytes / 1048576)} MB.`);
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.header("transfer-encoding")) {
      // The HTTP parser holds the body to its declared length.
      const declared = Number(length);
      if (declared <= maxBytes) return next();
      await discard(body.getReader());
      throw tooLarge();
    }
    const reader = body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await discard(reader);
        throw tooLarge();
      }
      parts.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(parts, size) });
    return next();
  };
}
