// A minimal streaming ustar writer and reader over gzip (node:zlib), for backups. Only regular files;
// data flows through in chunks, so an archive of any size never sits in memory.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { createGunzip, createGzip, type Gzip } from "node:zlib";

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

/** Splits a path into ustar's prefix (155) and name (100) fields. */
function splitPath(path: string): { prefix: string; name: string } {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  throw new Error(`Path too long for the archive: ${path}`);
}

function header(path: string, size: number, mtimeMs: number): Buffer {
  // ustar's 11 octal digits: 8 GiB - 1 per file.
  if (size >= 8 ** 11)
    throw new Error(`${path} is larger than 8 GiB, which this archive format cannot hold.`);
  const h = Buffer.alloc(BLOCK);
  const { prefix, name } = splitPath(path);
  h.write(name, 0, 100, "utf8");
  h.write(octal(0o644, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii");
  h.write(octal(0, 8), 116, "ascii");
  h.write(octal(size, 12), 124, "ascii");
  h.write(octal(Math.floor(mtimeMs / 1000), 12), 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + " ", 148, "ascii");
  return h;
}

async function push(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

export interface TarWriter {
  /** Adds a file whose content comes from `source` (exactly `size` bytes) or from a buffer. */
  add(path: string, content: Buffer): Promise<void>;
  addFile(path: string, file: string, size: number, onChunk?: (chunk: Buffer) => void): Promise<void>;
  finish(): Promise<void>;
  abort(): void;
}

export function createTarGz(dest: string): TarWriter {
  // Level 1: media (JPEG, MP4, HLS segments) does not compress anyway, and speed matters at 100 GB.
  const gz: Gzip = createGzip({ level: 1 });
  const out = createWriteStream(dest, { mode: 0o600 });
  gz.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    gz.once("error", reject);
    out.once("error", reject);
  });
  failed.catch(() => undefined);
  const pad = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
  const guard = <T>(p: Promise<T>) => Promise.race([p, failed]);

  return {
    async add(path, content) {
      await guard(push(gz, header(path, content.length, Date.now())));
      await guard(push(gz, content));
      await guard(push(gz, pad(content.length)));
    },
    async addFile(path, file, size, onChunk) {
      await guard(push(gz, header(path, size, Date.now())));
      let seen = 0;
      if (size > 0) {
        for await (const chunk of createReadStream(file, {
          start: 0,
          end: size - 1,
        }) as AsyncIterable<Buffer>) {
          seen += chunk.length;
          onChunk?.(chunk);
          await guard(push(gz, chunk));
        }
      }
      if (seen !== size) throw new Error(`${file} changed size while being archived.`);
      await guard(push(gz, pad(size)));
    },
    async finish() {
      await guard(push(gz, Buffer.alloc(BLOCK * 2)));
      gz.end();
      await guard(once(out, "close"));
    },
    abort() {
      gz.destroy();
      out.destroy();
    },
  };
}

export interface TarEntry {
  path: string;
  size: number;
}

/** Receives one entry's data; `end` is called once all of it arrived. */
export interface EntrySink {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
}

export const STOP = Symbol("stop");

function parseHeader(h: Buffer): (TarEntry & { regular: boolean }) | null {
  if (h.every((b) => b === 0)) return null;
  const field = (start: number, len: number) => {
    const raw = h.subarray(start, start + len);
    const nul = raw.indexOf(0);
    return raw.subarray(0, nul === -1 ? len : nul).toString("utf8");
  };
  const stored = parseInt(field(148, 8).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  if (stored !== sum) throw new Error("The archive is damaged (a tar header checksum does not match).");
  const type = field(156, 1);
  // Directories and pax/GNU extension headers (from archives repacked by other tools) carry no file.
  if (!["0", "", "5", "x", "g", "L", "K"].includes(type))
    throw new Error(`Unsupported archive entry type "${type}".`);
  const prefix = field(345, 155);
  const name = field(0, 100);
  return {
    path: prefix ? `${prefix}/${name}` : name,
    size: parseInt(field(124, 12).trim(), 8),
    regular: type === "0" || type === "",
  };
}

/**
 * Streams a .tar.gz, calling onEntry for every file; returning STOP ends reading early (e.g. after
 * the first entry), returning null skips the entry's data.
 */
export async function readTarGz(
  file: string,
  onEntry: (e: TarEntry) => Promise<EntrySink | null | typeof STOP> | EntrySink | null | typeof STOP,
  /** Compressed bytes read so far, for a progress bar. */
  onRead?: (bytes: number) => void,
): Promise<void> {
  const input = createReadStream(file);
  let read = 0;
  if (onRead) input.on("data", (c) => onRead((read += c.length)));
  const gunzip = createGunzip();
  input.pipe(gunzip);
  input.once("error", (err) => gunzip.destroy(err));
  let headerBuf = Buffer.alloc(0);
  let sink: EntrySink | null = null;
  let remaining = 0;
  let skip = 0;
  let pad = 0;
  let inBody = false;
  let ended = false;
  try {
    for await (const c of gunzip as AsyncIterable<Buffer>) {
      let chunk = c;
      while (chunk.length > 0 && !ended) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length);
          skip -= n;
          chunk = chunk.subarray(n);
          continue;
        }
        if (inBody) {
          const n = Math.min(remaining, chunk.length);
          if (sink && n > 0) await sink.write(chunk.subarray(0, n));
          remaining -= n;
          chunk = chunk.subarray(n);
          if (remaining === 0) {
            inBody = false;
            skip = pad;
            if (sink) await sink.end();
          }
          continue;
        }
        const need = BLOCK - headerBuf.length;
        headerBuf = Buffer.concat([headerBuf, chunk.subarray(0, need)]);
        chunk = chunk.subarray(need);
        if (headerBuf.length < BLOCK) continue;
        const entry = parseHeader(headerBuf);
        headerBuf = Buffer.alloc(0);
        if (!entry) {
          ended = true;
          break;
        }
        const r = entry.regular ? await onEntry({ path: entry.path, size: entry.size }) : null;
        if (r === STOP) return;
        sink = r;
        remaining = entry.size;
        pad = (BLOCK - (entry.size % BLOCK)) % BLOCK;
        inBody = remaining > 0;
        if (!inBody) {
          skip = pad;
          if (sink) await sink.end();
        }
      }
      if (ended) break;
    }
    if (!ended) throw new Error("The archive is truncated (no end-of-archive marker).");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code?.startsWith("Z_"))
      throw new Error(`The archive is damaged (${(err as Error).message}).`);
    throw err;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}
