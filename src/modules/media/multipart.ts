// A streaming multipart/form-data reader for uploads: the one `file` part goes straight to disk with
// backpressure (never a whole file in memory) and is cut off at the size limit; other parts are skipped.
import { createWriteStream, type WriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { discard } from "../../lib/drain.ts";
import { Invalid, TooLarge } from "../../lib/errors.ts";

export { DRAIN_CAP, discard } from "../../lib/drain.ts";

export interface ReceivedFile {
  /** The file name the client sent, as-is (sanitise before use). */
  fileName: string;
  size: number;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_OTHER_BYTES = 64 * 1024;

export function tooLarge(maxBytes: number): TooLarge {
  return new TooLarge(`The file is larger than ${Math.round(maxBytes / 1048576)} MB.`);
}

function boundaryOf(contentType: string | undefined): string {
  const m = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(
    contentType ?? "",
  );
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary)
    throw new Invalid(
      'Send the file as multipart/form-data with a field named "file".',
      undefined,
      "not_multipart",
    );
  return boundary;
}

function parseHeaders(raw: string): { name: string | null; fileName: string | null } {
  let name: string | null = null;
  let fileName: string | null = null;
  for (const line of raw.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== "content-disposition") continue;
    const value = line.slice(colon + 1);
    name = /;\s*name="([^"]*)"/i.exec(value)?.[1] ?? null;
    fileName = /;\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null;
  }
  return { name, fileName };
}

/** Streams the `file` part of a multipart body into `dest`. Removes `dest` on any failure. */
export async function receiveFile(
  body: ReadableStream<Uint8Array> | null,
  contentType: string | undefined,
  dest: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const boundary = boundaryOf(contentType);
  if (!body) throw new Invalid("The request has no body.", undefined, "no_file");
  const delim = Buffer.from(`\r\n--${boundary}`);
  const crlf2 = Buffer.from("\r\n\r\n");
  let buf: Buffer = Buffer.from("\r\n"); // so the first boundary looks like every other one
  type State = "preamble" | "afterDelim" | "headers" | "body" | "done";
  let state = "preamble" as State;
  let out: WriteStream | null = null;
  let inFile = false;
  let file: ReceivedFile | null = null;
  let otherBytes = 0;

  async function emit(data: Buffer): Promise<void> {
    if (data.length === 0) return;
    if (!inFile) {
      otherBytes += data.length;
      if (otherBytes > MAX_OTHER_BYTES) throw new Invalid("Form fields other than the file are too large.");
      return;
    }
    file!.size += data.length;
    if (file!.size > maxBytes) throw tooLarge(maxBytes);
    if (!out!.write(data)) await once(out!, "drain");
  }

  async function step(): Promise<void> {
    for (;;) {
      switch (state) {
        case "preamble": {
          const i = buf.indexOf(delim);
          if (i < 0) {
            buf = buf.subarray(Math.max(0, buf.length - delim.length + 1));
            return;
          }
          buf = buf.subarray(i + delim.length);
          state = "afterDelim";
          break;
        }
        case "afterDelim": {
          if (buf.length < 2) return;
          const two = buf.subarray(0, 2).toString("latin1");
          if (two === "--") {
            state = "done";
            return;
          }
          if (two !== "\r\n") throw new Invalid("Malformed multipart body.", undefined, "bad_multipart");
          buf = buf.subarray(2);
          state = "headers";
          break;
        }
        case "headers": {
          const i = buf.indexOf(crlf2);
          if (i < 0) {
            if (buf.length > MAX_HEADER_BYTES)
              throw new Invalid("Malformed multipart body.", undefined, "bad_multipart");
            return;
          }
          const h = parseHeaders(buf.subarray(0, i).toString("utf8"));
          buf = buf.subarray(i + 4);
          inFile = h.name === "file" && h.fileName !== null && file === null;
          if (inFile) {
            file = { fileName: h.fileName ?? "", size: 0 };
            out = createWriteStream(dest, { flags: "wx", mode: 0o640 });
          }
          state = "body";
          break;
        }
        case "body": {
          const i = buf.indexOf(delim);
          if (i < 0) {
            const safe = buf.length - (delim.length - 1);
            if (safe > 0) {
              const chunk = buf.subarray(0, safe);
              buf = buf.subarray(safe);
              await emit(chunk);
            }
            return;
          }
          const chunk = buf.subarray(0, i);
          buf = buf.subarray(i + delim.length);
          await emit(chunk);
          if (inFile) {
            out!.end();
            await finished(out!);
            inFile = false;
          }
          state = "afterDelim";
          break;
        }
        case "done":
          return;
      }
    }
  }

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buf = buf.length === 0 ? Buffer.from(value) : Buffer.concat([buf, value]);
      await step();
      if (state === "done") break;
    }
    if (state !== "done")
      throw new Invalid("The upload was cut off before its end.", undefined, "bad_multipart");
    if (!file) throw new Invalid('Send the file in a form field named "file".', undefined, "no_file");
    await discard(reader);
    return file;
  } catch (err) {
    if (out) {
      const o: WriteStream = out;
      if (!o.closed) {
        const closed = once(o, "close").catch(() => undefined);
        o.destroy();
        await closed;
      }
    }
    await rm(dest, { force: true });
    await discard(reader);
    throw err;
  }
}
