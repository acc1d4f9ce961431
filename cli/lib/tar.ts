// Streaming .tar.gz writing and reading for backups, on the `tar` package (node-tar): it writes PAX
// headers where ustar falls short (files of 8 GiB and more, long paths) and reads what GNU tar, bsdtar
// and it write. Entries come from any source (a snapshot under another name, a buffer), data flows
// through in chunks with backpressure, so an archive of any size never sits in memory.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { Header, Pack, Parser, ReadEntry } from "tar";

/** Read size for archived files: large reads keep the per-chunk cost small on 100 GB of media. */
const CHUNK = 1024 * 1024;

export interface TarWriter {
  /** Adds a file whose content is a buffer. */
  add(path: string, content: Buffer): Promise<void>;
  /** Adds the first `size` bytes of `file`; fails when the file holds fewer. */
  addFile(path: string, file: string, size: number, onChunk?: (chunk: Buffer) => void): Promise<void>;
  finish(): Promise<void>;
  abort(): void;
}

export function createTarGz(dest: string): TarWriter {
  // Level 1: media (JPEG, MP4, HLS segments) does not compress anyway, and speed matters at 100 GB.
  const pack = new Pack({ gzip: { level: 1 } });
  const out = createWriteStream(dest, { mode: 0o600 });
  pack.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    pack.once("error", reject);
    out.once("error", reject);
  });
  failed.catch(() => undefined);
  const guard = <T>(p: Promise<T>) => Promise.race([p, failed]);

  /** One regular file entry of exactly `size` bytes, written by `fill` through `write`. */
  async function entry(
    path: string,
    size: number,
    fill: (write: (chunk: Buffer) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const header = new Header({ path, type: "File", size, mode: 0o644, uid: 0, gid: 0, mtime: new Date() });
    const body = new ReadEntry(header);
    pack.add(body);
    await fill(async (chunk) => {
      if (!body.write(chunk)) await guard(once(body, "drain"));
    });
    body.end();
  }

  return {
    add: (path, content) => entry(path, content.length, (write) => write(content)),
    addFile: (path, file, size, onChunk) =>
      entry(path, size, async (write) => {
        let seen = 0;
        if (size > 0) {
          for await (const chunk of createReadStream(file, {
            start: 0,
            end: size - 1,
            highWaterMark: CHUNK,
          }) as AsyncIterable<Buffer>) {
            seen += chunk.length;
            onChunk?.(chunk);
            await write(chunk);
          }
        }
        if (seen !== size) throw new Error(`${file} changed size while being archived.`);
      }),
    async finish() {
      pack.end();
      await guard(once(out, "close"));
    },
    abort() {
      pack.destroy();
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

/** A tar or gzip level problem, worded for the operator; errors of the caller's sinks pass unchanged. */
function damaged(err: Error & { tarCode?: string; code?: string }): Error {
  if (err.tarCode === "TAR_BAD_ARCHIVE") return new Error("The archive is truncated.");
  if (err.tarCode || err.code?.startsWith("Z_"))
    return new Error(`The archive is damaged (${err.message.replace(/^TAR_\w+: /, "")}).`);
  return err;
}

/**
 * Streams a .tar.gz, calling onEntry for every regular file, in order; returning STOP ends reading early
 * (e.g. after the first entry), returning null skips the entry's data. Directories and other entry
 * types (from an archive repacked by another tool) are passed over.
 */
export async function readTarGz(
  file: string,
  onEntry: (e: TarEntry) => Promise<EntrySink | null | typeof STOP> | EntrySink | null | typeof STOP,
  /** Compressed bytes read so far, for a progress bar. */
  onRead?: (bytes: number) => void,
): Promise<void> {
  const input = createReadStream(file, { highWaterMark: CHUNK });
  let read = 0;
  if (onRead) input.on("data", (c) => onRead((read += c.length)));
  // Strict: a bad header checksum or a cut-off entry is an error, not a warning. No decompression-ratio
  // limit: a sparse or zero-filled file legitimately compresses past node-tar's default of 1000:1.
  const parser = new Parser({ strict: true, maxDecompressionRatio: Infinity });
  let sawEnd = false;
  parser.on("eof", () => (sawEnd = true));
  // Entries are handled one after another: each waits for the previous sink to finish.
  let work: Promise<void> = Promise.resolve();
  let stopped = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        stopped = true;
        reject(damaged(err));
      };
      parser.on("entry", (e: ReadEntry) => {
        if (stopped || (e.type !== "File" && e.type !== "OldFile" && e.type !== "ContiguousFile")) {
          e.resume();
          return;
        }
        const previous = work;
        work = (async () => {
          await previous;
          const sink = stopped ? null : await onEntry({ path: e.path, size: e.size });
          if (sink === STOP) {
            stopped = true;
            resolve();
          }
          if (!sink || sink === STOP) {
            e.resume();
            return;
          }
          for await (const chunk of e as AsyncIterable<Buffer>) await sink.write(chunk);
          await sink.end();
        })();
        work.catch(fail);
      });
      parser.on("error", fail);
      input.on("error", fail);
      parser.on("end", () => {
        work.then(() => {
          if (!sawEnd) fail(new Error("The archive is truncated (no end-of-archive marker)."));
          else resolve();
        }, fail);
      });
      input.pipe(parser);
    });
  } finally {
    input.destroy();
  }
}
