// The one interface media files go through: uploads arriving, workers' inputs and outputs, delivery,
// removal and the orphan sweep. Keys are "<media id>/<file>" (a medium's files share the prefix "<id>/").
// Drivers: local.ts (data_dir/media, the default) and s3.ts (an S3-compatible bucket).
import type { Readable, Writable } from "node:stream";

/** Size and validators of a stored file. */
export interface FileStat {
  size: number;
  /** A quoted HTTP entity tag. */
  etag: string;
  modified: Date;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** One stored file, as delivery sees it: nothing is read until asked. */
export interface StoredFile {
  key: string;
  /** null when there is no such file. */
  stat(): Promise<FileStat | null>;
  open(range: ByteRange | null): Promise<Readable>;
}

/** An upload's bytes while they arrive. Exactly one of commit() or discard() ends it. */
export interface Incoming {
  /** Receives the bytes; it finishes only once they are stored (or fails). */
  writable: Writable;
  /** The received bytes as a local file (local driver), for checks that read the whole file; else null. */
  localPath: string | null;
  /** Puts the received bytes at their key (local: a rename; s3: already there). */
  commit(): Promise<void>;
  /** Removes whatever was received or stored: a partial file, an aborted multipart upload, an object. */
  discard(): Promise<void>;
}

/** Local files for a worker: the original to read and a directory to write outputs into. */
export interface Workspace {
  input: string;
  outDir: string;
  /** Stores every file the worker wrote in outDir under the medium's prefix. */
  save(): Promise<void>;
  /** Removes the temporary files (nothing on the local driver, where the workspace is the medium's directory). */
  release(): Promise<void>;
}

export interface MediaStorage {
  readonly driver: "local" | "s3";
  /** The directory nginx serves media from (local driver), else null. */
  readonly localDir: string | null;
  /** Starts receiving a file for `key`; `maxBytes` (the upload limit) lets a driver size its parts. */
  receive(key: string, maxBytes?: number): Incoming;
  /** Stores a stream at `key` (whole files only; a failed put leaves nothing). */
  put(key: string, body: Readable, size?: number): Promise<void>;
  file(key: string): StoredFile;
  /** Removes every file under `prefix` ("<id>/"). */
  deletePrefix(prefix: string): Promise<void>;
  /** The top-level prefixes that hold files (media ids, without the slash), in batches. */
  listPrefixes(): AsyncIterable<string[]>;
  /** When something under `prefix` was last written (ms since the epoch), or null when nothing is there. */
  lastModified(prefix: string): Promise<number | null>;
  /** A local copy of `<id>/original` and a directory for outputs (see Workspace). */
  workspace(id: string): Promise<Workspace>;
  /** Aborts unfinished multipart uploads older than `ms` (a crash mid-upload); returns how many. */
  abortStaleUploads(ms: number): Promise<number>;
  /** null when the storage is usable, else what is wrong (for /readyz and doctor). */
  problem(): Promise<string | null>;
}

const TYPES: Record<string, string> = {
  webp: "image/webp",
  jpg: "image/jpeg",
  png: "image/png",
  m3u8: "application/vnd.apple.mpegurl",
  ts: "video/mp2t",
  m4s: "video/iso.segment",
  mp4: "video/mp4",
  zip: "application/zip",
};

/** The Content-Type of a delivered file, by its extension (names are the workers' own). */
export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot >= 0 && TYPES[name.slice(dot + 1)]) || "application/octet-stream";
}
