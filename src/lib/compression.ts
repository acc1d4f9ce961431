// Content encoding for text responses: which encoding a client accepts (brotli before gzip), and the
// encoded bytes of a body. The web UI's files come pre-compressed from the build (web/vite.config.ts
// writes .br and .gz beside each one, at the highest levels); API answers are compressed as they go, at
// levels that cost well under a millisecond for a feed page.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Below this a compressed body saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/i;

export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * The encoding to answer with for an Accept-Encoding header: the one with the highest q (brotli wins
 * a tie), none when neither is acceptable. `identity` needs no entry: it is always acceptable here.
 */
export function negotiateEncoding(header: string | null | undefined): Encoding | null {
  if (!header) return null;
  let best: Encoding | null = null;
  let bestQ = 0;
  let wildcard: number | null = null;
  const q: Partial<Record<Encoding, number>> = {};
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    const weight = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
    if (name === "br" || name === "gzip") q[name] = weight;
    else if (name === "*") wildcard = weight;
  }
  for (const enc of ["br", "gzip"] as const) {
    const w = q[enc] ?? wildcard ?? 0;
    if (w > bestQ) {
      best = enc;
      bestQ = w;
    }
  }
  return best;
}

/** `body` encoded; `quality` "max" for what is compressed once and kept, "fast" for every answer. */
export function encode(body: Uint8Array, encoding: Encoding, quality: "max" | "fast"): Buffer {
  if (encoding === "br") {
    return brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality === "max" ? constants.BROTLI_MAX_QUALITY : 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    });
  }
  return gzipSync(body, { level: quality === "max" ? 9 : 6 });
}
