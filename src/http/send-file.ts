// Streams a stored file (local disk or a bucket: lib/storage) as an HTTP response: single byte ranges
// (206 / 416), ETag and If-None-Match (304), never the whole file in memory. The caller has already
// authorised the request.
import { Readable } from "node:stream";
import { NotFound } from "../lib/errors.ts";
import { contentTypeOf, type StoredFile } from "../lib/storage/index.ts";

/** Parses `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`; "invalid" = unsatisfiable, null = ignore. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "invalid" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(",") ? null : "invalid"; // multi-range: serve the whole file
  const [a, b] = [m[1]!, m[2]!];
  if (a === "" && b === "") return "invalid";
  let start: number;
  let end: number;
  if (a === "") {
    const n = Number(b);
    if (n === 0) return "invalid";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return { start, end };
}

export async function sendFile(
  req: Request,
  file: StoredFile,
  opts: { cacheControl: string },
): Promise<Response> {
  const st = await file.stat();
  if (!st) throw new NotFound("File");
  const { size, etag } = st;
  const headers = new Headers({
    "content-type": contentTypeOf(file.key),
    "cache-control": opts.cacheControl,
    etag,
    "last-modified": st.modified.toUTCString(),
    "accept-ranges": "bytes",
  });
  const inm = req.headers.get("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  let range = parseRange(req.headers.get("range") ?? undefined, size);
  // If-Range with a stale validator: send the whole (new) file.
  const ifRange = req.headers.get("if-range");
  if (range && ifRange && ifRange !== etag) range = null;
  if (range === "invalid") {
    headers.set("content-range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  headers.set("content-length", String(length));
  if (range) headers.set("content-range", `bytes ${start}-${end}/${size}`);
  const body =
    req.method === "HEAD" || length === 0
      ? null
      : (Readable.toWeb(await file.open(range ? { start, end } : null)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
