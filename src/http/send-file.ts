// Streams a file from disk as an HTTP response: single byte ranges (206 / 416), ETag and
// If-None-Match (304), never the whole file in memory. The caller has already authorised the request.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { NotFound } from "../lib/errors.ts";

const TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".m3u8": "application/vnd.apple.mpegurl",
  ".ts": "video/mp2t",
  ".m4s": "video/iso.segment",
  ".mp4": "video/mp4",
};

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
  path: string,
  opts: { cacheControl: string },
): Promise<Response> {
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new NotFound("File");
  const size = st.size;
  const etag = `"${size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
  const headers = new Headers({
    "content-type": TYPES[extname(path)] ?? "application/octet-stream",
    "cache-control": opts.cacheControl,
    etag,
    "last-modified": st.mtime.toUTCString(),
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
      : (Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}
