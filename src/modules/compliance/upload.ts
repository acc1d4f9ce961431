// Reads a compliance form (multipart/form-data: a few text fields and the named document files) with
// busboy. Each file part is sniffed by its first bytes (JPEG, PNG, WebP or PDF, else 415), cut off at the
// size limit (413), a photo's header read from its first bytes (kept in memory: what does not parse, or
// declares more pixels than an image decoder takes, is refused with 415), and encrypted while it streams into <data_dir>/private/tmp/<id>.part (with
// backpressure: never a whole file in memory, never the plaintext on disk). On any failure every file
// received so far is removed before the error is thrown; on success the caller commits or removes them.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { Transform } from "node:stream";
import busboy from "busboy";
import sharp from "sharp";
import { discard } from "../../lib/drain.ts";
import { Invalid, TooLarge, UnsupportedMediaType } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import { sniffDocument, type DocumentStore, type SniffedDocument } from "./documents.ts";

export interface ReceivedDocument {
  id: string;
  fileName: string;
  size: number;
  sniffed: SniffedDocument;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  files: Map<string, ReceivedDocument>;
}

export interface FormSpec {
  /** The file fields the form has (each at most once). */
  files: readonly string[];
  /** The text fields read; others are ignored. */
  fields: readonly string[];
  maxFileBytes: number;
}

const SNIFF_BYTES = 16;
/** A photo's first bytes kept to read its header: the frame header of a JPEG comes after its EXIF and ICC segments. */
const HEADER_BYTES = 512 * 1024;
const notMultipart = () => new Invalid("Send the form as multipart/form-data.", undefined, "not_multipart");
const malformed = (message = "Malformed multipart body.") => new Invalid(message, undefined, "bad_multipart");
const tooLarge = (max: number) => new TooLarge(`A document may be at most ${Math.round(max / 1048576)} MB.`);
const notADocument = (field: string) =>
  new UnsupportedMediaType(
    `The file in "${field}" is not a JPEG, PNG or WebP photo or a PDF.`,
    "unsupported_document",
  );
const unreadablePhoto = (field: string, tooManyPixels: boolean) =>
  new UnsupportedMediaType(
    tooManyPixels
      ? `The photo in "${field}" declares more pixels than any camera takes.`
      : `The photo in "${field}" cannot be read.`,
    "unsupported_document",
  );

/**
 * Why a photo's header is refused, or null. Only what is sure: a pixel count over sharp's decoder limit (a
 * decompression bomb), or any error when `head` is the whole file; a header beyond the kept bytes passes.
 */
async function photoHeaderProblem(head: Buffer, whole: boolean): Promise<"pixels" | "unreadable" | null> {
  try {
    await sharp(head).metadata();
    return null;
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) return "pixels";
    return whole ? "unreadable" : null;
  }
}

interface Part {
  field: string;
  id: string;
  fileName: string;
  size: number;
  head: Buffer[];
  headLength: number;
  /** The first HEADER_BYTES of a photo, to read its header at the end. */
  photoHead: Buffer[];
  photoHeadLength: number;
  sniffed: SniffedDocument | null;
  enc: Transform;
  out: WriteStream;
  written: Promise<void>;
}

/** Reads the whole form; throws (leaving no file behind) when anything about it is refused. */
export async function receiveForm(
  body: ReadableStream<Uint8Array> | null,
  contentType: string | undefined,
  spec: FormSpec,
  store: Pick<DocumentStore, "tmpPath" | "encrypt" | "remove">,
): Promise<ReceivedForm> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) {
    if (body) await discard(body.getReader());
    throw notMultipart();
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fields: 20,
        fieldSize: 8 * 1024,
        files: spec.files.length,
        parts: 20 + spec.files.length,
        fileSize: spec.maxFileBytes + 1,
      },
    });
  } catch {
    throw notMultipart();
  }
  if (!body) throw new Invalid("The request has no body.", undefined, "no_file");

  let failure: unknown = null;
  let stop: (err: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const fail = (err: unknown) => {
    if (failure !== null) return;
    failure = err;
    stop(err);
  };

  const fields: Record<string, string> = {};
  const parts: Part[] = [];
  parser.on("file", (name, stream, info) => {
    if (!spec.files.includes(name) || parts.some((p) => p.field === name)) {
      stream.resume();
      return fail(malformed(`Unexpected file field "${name}".`));
    }
    const id = newId();
    const enc = store.encrypt();
    const out = createWriteStream(store.tmpPath(id), { flags: "wx", mode: 0o600 });
    enc.pipe(out);
    const part: Part = {
      field: name,
      id,
      fileName: info.filename ?? "",
      size: 0,
      head: [],
      headLength: 0,
      photoHead: [],
      photoHeadLength: 0,
      sniffed: null,
      enc,
      out,
      written: new Promise<void>((ok, ko) => {
        out.once("finish", ok);
        out.once("error", ko);
        enc.once("error", ko);
      }),
    };
    part.written.catch(fail);
    parts.push(part);
    let checked = false;
    const check = () => {
      if (checked) return true;
      checked = true;
      part.sniffed = sniffDocument(Buffer.concat(part.head));
      if (part.sniffed) return true;
      fail(notADocument(name));
      stream.resume();
      return false;
    };
    stream.on("data", (chunk: Buffer) => {
      if (failure) return;
      part.size += chunk.length;
      if (part.headLength < SNIFF_BYTES) {
        part.head.push(chunk.subarray(0, SNIFF_BYTES - part.headLength));
        part.headLength = Math.min(SNIFF_BYTES, part.headLength + chunk.length);
        if (part.headLength >= SNIFF_BYTES && !check()) return;
      }
      if (part.photoHeadLength < HEADER_BYTES) {
        const kept = chunk.subarray(0, HEADER_BYTES - part.photoHeadLength);
        part.photoHead.push(kept);
        part.photoHeadLength += kept.length;
      }
      if (!enc.write(chunk)) {
        stream.pause();
        enc.once("drain", () => stream.resume());
      }
    });
    stream.on("end", () => {
      if (failure) return;
      if (part.size === 0)
        return fail(new Invalid(`The file in "${name}" is empty.`, undefined, "empty_file"));
      if (!check()) return;
      if (part.sniffed?.mime === "application/pdf") return enc.end();
      // The encrypted file is finished only once the header is known good, so the form waits for it.
      void photoHeaderProblem(Buffer.concat(part.photoHead), part.size <= part.photoHeadLength).then(
        (problem) => (problem ? fail(unreadablePhoto(name, problem === "pixels")) : enc.end()),
      );
    });
    stream.on("limit", () => fail(tooLarge(spec.maxFileBytes)));
    stream.on("error", () => fail(malformed()));
  });
  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) return fail(new Invalid(`The field "${name}" is too long.`));
    if (spec.fields.includes(name)) fields[name] = value;
  });
  parser.on("filesLimit", () => fail(malformed("The form has too many files.")));
  parser.on("fieldsLimit", () => fail(malformed("The form has too many fields.")));
  parser.on("partsLimit", () => fail(malformed("The form has too many parts.")));
  parser.on("error", (err: Error) =>
    fail(
      malformed(/unexpected end/i.test(err.message) ? "The upload was cut off before its end." : undefined),
    ),
  );
  const closed = once(parser, "close").catch(() => undefined);

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!parser.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength)))
        await Promise.race([once(parser, "drain"), stopped]);
      if (failure) throw failure;
    }
    parser.end();
    await Promise.race([closed, stopped]);
    await Promise.race([Promise.all(parts.map((p) => p.written)), stopped]);
    if (failure) throw failure;
    return {
      fields,
      files: new Map(
        parts.map((p) => [p.field, { id: p.id, fileName: p.fileName, size: p.size, sniffed: p.sniffed! }]),
      ),
    };
  } catch (err) {
    parser.destroy();
    for (const p of parts) {
      p.enc.destroy();
      if (!p.out.closed) {
        const outClosed = once(p.out, "close").catch(() => undefined);
        p.out.destroy();
        await outClosed;
      }
    }
    await store.remove(parts.map((p) => p.id)).catch(() => undefined);
    await discard(reader);
    throw err;
  }
}
