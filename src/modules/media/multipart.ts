// Reads an upload's multipart/form-data body with busboy: the one `file` part goes straight to its sink (a
// file in data_dir/tmp, or a multipart upload to the bucket) with backpressure (never a whole file in
// memory) and is cut off at the size limit; small text fields are allowed and ignored; anything else (a
// second file, too many or too large fields, a broken body) is a 400. The first bytes are kept for sniffing.
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { once } from "node:events";
import type { Writable } from "node:stream";
import busboy from "busboy";
import { discard } from "../../lib/drain.ts";
import { AppError, Invalid, TooLarge } from "../../lib/errors.ts";

export { DRAIN_CAP, discard } from "../../lib/drain.ts";

export interface ReceivedFile {
  /** The file name the client sent, as-is (sanitise before use). */
  fileName: string;
  size: number;
  /** The file's first bytes (up to `headBytes`). */
  head: Buffer;
}

/** Where the file part goes; `discard` removes what it received (called after `writable` closed). */
export interface FileSink {
  writable: Writable;
  discard(): Promise<void>;
}

export interface ReceiveOptions {
  /** How many leading bytes to keep in `head` (default: enough to sniff the type). */
  headBytes?: number;
  /** Looks at the first bytes as soon as they are in (or at the end of a shorter file): an error refuses. */
  check?: (head: Buffer) => AppError | null;
}

/** Enough for every signature sniff.ts knows. */
export const SNIFF_BYTES = 64;

// Part headers are capped by busboy itself at 16 KiB each.
const LIMITS = { fields: 20, fieldSize: 64 * 1024, parts: 24 };

export function tooLarge(maxBytes: number): TooLarge {
  return new TooLarge(`The file is larger than ${Math.round(maxBytes / 1048576)} MB.`);
}

const notMultipart = () =>
  new Invalid('Send the file as multipart/form-data with a field named "file".', undefined, "not_multipart");
const malformed = (message = "Malformed multipart body.") => new Invalid(message, undefined, "bad_multipart");

/** busboy's own errors, as the client's mistake they are. */
function parseError(err: Error): AppError {
  if (/unexpected end/i.test(err.message)) return malformed("The upload was cut off before its end.");
  return malformed();
}

const fileSink = (dest: string): FileSink => ({
  writable: createWriteStream(dest, { flags: "wx", mode: 0o640 }),
  discard: () => rm(dest, { force: true }),
});

/**
 * Streams the `file` part of a multipart body into a file at `dest`, or into the sink `dest()` makes when
 * the part arrives (resolving once the sink has stored it). Nothing is left behind on any failure.
 */
export async function receiveFile(
  body: ReadableStream<Uint8Array> | null,
  contentType: string | undefined,
  dest: string | (() => FileSink),
  maxBytes: number,
  opts: ReceiveOptions = {},
): Promise<ReceivedFile> {
  const headBytes = Math.max(SNIFF_BYTES, opts.headBytes ?? SNIFF_BYTES);
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) throw notMultipart();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send file names as raw UTF-8; busboy would read them as latin1.
      defParamCharset: "utf8",
      // busboy's limit fires on reaching fileSize bytes: one more than allowed means "over the limit".
      limits: { ...LIMITS, files: 1, fileSize: maxBytes + 1 },
    });
  } catch {
    throw notMultipart(); // no usable boundary
  }
  if (!body) throw new Invalid("The request has no body.", undefined, "no_file");

  // The first failure wins; `stopped` rejects with it so waits on the parser or the disk end early.
  let failure: unknown = null;
  let stop: (err: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const fail = (err: unknown) => {
    if (failure !== null) return;
    failure = err;
    stop(err);
  };

  // Set from busboy's callbacks, which TypeScript's narrowing does not see.
  let file = null as { fileName: string } | null;
  let sink = null as FileSink | null;
  let size = 0;
  const head: Buffer[] = [];
  let headLength = 0;
  let written: Promise<void> = Promise.resolve();
  let refused = null as AppError | null;
  parser.on("file", (name, stream, info) => {
    if (name !== "file") {
      stream.resume();
      return fail(malformed('Send one file, in a form field named "file".'));
    }
    file = { fileName: info.filename ?? "" };
    try {
      sink = typeof dest === "string" ? fileSink(dest) : dest();
    } catch (err) {
      stream.resume();
      return fail(err);
    }
    const out = sink.writable;
    let checked = !opts.check;
    // A file the first bytes refuse is read to its end but stored no further (its sink is discarded at
    // once), so the answer is the one the whole file gets: 413 over the limit, else the check's.
    const check = () => {
      if (checked) return;
      checked = true;
      refused = opts.check!(Buffer.concat(head));
      if (!refused) return;
      out.destroy();
      stream.resume();
    };
    written = new Promise<void>((ok, ko) => {
      out.once("finish", ok);
      out.once("error", ko);
      out.once("close", () =>
        refused || out.writableFinished ? ok() : ko(new Error("the sink closed early")),
      );
    }).catch(fail);
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (headLength < headBytes) {
        head.push(chunk.subarray(0, headBytes - headLength));
        headLength = Math.min(headBytes, headLength + chunk.length);
      }
      if (headLength >= SNIFF_BYTES) check();
      if (refused || out.destroyed) return;
      // Backpressure: the part waits while the disk or the bucket catches up.
      if (!out.write(chunk)) {
        stream.pause();
        out.once("drain", () => stream.resume());
      }
    });
    stream.on("end", () => {
      check();
      if (!refused && !out.destroyed) out.end();
    });
    stream.on("limit", () => fail(tooLarge(maxBytes)));
    stream.on("error", (err: Error) => fail(parseError(err)));
  });
  parser.on("field", (_name, _value, info) => {
    if (info.valueTruncated) fail(new Invalid("Form fields other than the file are too large."));
  });
  parser.on("filesLimit", () => fail(new Invalid("Send one file per upload.", undefined, "too_many_files")));
  parser.on("fieldsLimit", () => fail(malformed("The form has too many fields.")));
  parser.on("partsLimit", () => fail(malformed("The form has too many parts.")));
  parser.on("error", (err: Error) => fail(parseError(err)));
  const closed = once(parser, "close").catch(() => undefined); // a parse error has already failed the upload

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      // Backpressure: busboy holds the write back while the file stream waits for the disk.
      if (!parser.write(chunk)) await Promise.race([once(parser, "drain"), stopped]);
      if (failure) throw failure;
    }
    parser.end();
    await Promise.race([closed, stopped]);
    await Promise.race([written, stopped]);
    if (failure) throw failure;
    if (refused) throw refused;
    if (!file) throw new Invalid('Send the file in a form field named "file".', undefined, "no_file");
    return { fileName: file.fileName, size, head: Buffer.concat(head) };
  } catch (err) {
    parser.destroy();
    const out = sink as FileSink | null;
    if (out) {
      if (!out.writable.closed) {
        const outClosed = once(out.writable, "close").catch(() => undefined);
        out.writable.destroy();
        await outClosed;
      }
      // The failure is the answer; leftovers have no row, and the site's sweeps remove them later.
      await out.discard().catch(() => undefined);
    }
    await discard(reader);
    throw err;
  }
}
