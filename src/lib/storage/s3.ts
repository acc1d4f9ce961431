// Media in an S3-compatible bucket, keys media/<id>/<file>. Uploads stream straight into a multipart
// upload (lib-storage's Upload: a few parts in memory at a time, never the whole file); workers get a
// temporary local copy of the original in data_dir/tmp and their outputs are uploaded afterwards.
import {
  AbortMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough, Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { NotFound } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { checkKey } from "./local.ts";
import { contentTypeOf, type Incoming, type MediaStorage, type StoredFile } from "./types.ts";

export interface S3Settings {
  s3_endpoint: string;
  s3_region: string;
  s3_bucket: string;
  s3_access_key_id: string;
  s3_secret_access_key: string;
  s3_force_path_style: boolean;
}

/** Every key of the site sits under this prefix, so the bucket mirrors data_dir's layout. */
export const KEY_PREFIX = "media/";
/** Part size (S3 takes 5 MiB and up); it grows for uploads that would need more than MAX_PARTS parts. */
const MIN_PART = 5 * 1024 * 1024;
const MAX_PARTS = 9_000;
/**
 * Parts in flight per upload. One keeps an upload's memory near two parts (measured: a 1 GiB upload grows
 * the server's RSS by ~65 MB, ~85 MB with two); a creator's uplink is slower than the bucket anyway.
 */
const QUEUE = 1;
/** Files uploaded at once when a worker's outputs are saved (HLS makes many small segments). */
const SAVE_CONCURRENCY = 8;

export function createS3Client(s: S3Settings): S3Client {
  return new S3Client({
    ...(s.s3_endpoint ? { endpoint: s.s3_endpoint } : {}),
    region: s.s3_region,
    forcePathStyle: s.s3_force_path_style,
    credentials: { accessKeyId: s.s3_access_key_id, secretAccessKey: s.s3_secret_access_key },
    // The SDK's default adds CRC32 trailers (aws-chunked bodies) that many S3-compatible servers refuse;
    // checksums are sent where the API requires them, and `storage migrate` checks every object's MD5.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

const status = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
export const isNotFound = (err: unknown) =>
  status(err) === 404 || ["NotFound", "NoSuchKey"].includes((err as Error).name);

export function s3Storage(s: S3Settings, dirs: { tmp: string }, logger: Logger): MediaStorage {
  const client = createS3Client(s);
  const Bucket = s.s3_bucket;
  const keyOf = (key: string) => KEY_PREFIX + checkKey(key);

  function file(key: string): StoredFile {
    const Key = keyOf(key);
    return {
      key,
      async stat() {
        try {
          const h = await client.send(new HeadObjectCommand({ Bucket, Key }));
          return {
            size: h.ContentLength ?? 0,
            etag: h.ETag ?? `"${(h.ContentLength ?? 0).toString(36)}"`,
            modified: h.LastModified ?? new Date(0),
          };
        } catch (err) {
          if (isNotFound(err)) return null;
          throw err;
        }
      },
      async open(range) {
        // An explicit first-last range: the caller has the size and has answered 416 itself.
        const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
        try {
          return (await client.send(new GetObjectCommand({ Bucket, Key, Range }))).Body as Readable;
        } catch (err) {
          if (isNotFound(err)) throw new NotFound("File"); // removed since stat()
          throw err;
        }
      },
    };
  }

  /** A multipart upload fed by a Writable whose finish means "stored"; destroying it aborts the upload. */
  function upload(key: string, contentType: string, maxBytes?: number) {
    const body = new PassThrough({ highWaterMark: 64 * 1024 });
    const partSize = Math.max(MIN_PART, Math.ceil((maxBytes ?? 0) / MAX_PARTS));
    const up = new Upload({
      client,
      params: { Bucket, Key: keyOf(key), Body: body, ContentType: contentType },
      partSize,
      queueSize: QUEUE,
      leavePartsOnError: false,
    });
    const done = up.done().then(() => undefined);
    done.catch(() => undefined);
    let stored = false;
    let cancelled: Error | null = null;
    const writable = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, cb) {
        if (body.write(chunk)) return cb();
        const go = () => {
          body.off("drain", go);
          body.off("close", go);
          cb();
        };
        body.on("drain", go);
        body.on("close", go);
      },
      final(cb) {
        body.end();
        done.then(() => {
          stored = true;
          cb();
        }, cb);
      },
      // Never end() the body on a failure: the upload would complete with what it had.
      destroy(err, cb) {
        if (!stored) body.destroy((cancelled = err ?? new Error("upload cancelled")));
        done.then(
          () => cb(err),
          () => cb(err),
        );
      },
    });
    // A failed upload (the bucket refuses, the network breaks) stops the writer instead of stalling it.
    done.catch((err: unknown) => writable.destroy(err as Error));
    return { writable, done, cancelled: () => cancelled };
  }

  async function deleteKeys(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const r = await client.send(
        new DeleteObjectsCommand({
          Bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if (r.Errors?.length) throw new Error(`could not delete ${r.Errors[0]!.Key}: ${r.Errors[0]!.Message}`);
    }
  }

  async function* pages(Prefix: string, Delimiter?: string): AsyncIterable<ListObjectsV2CommandOutput> {
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket, Prefix, Delimiter, ContinuationToken }),
      );
      yield page;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async function put(key: string, body: Readable): Promise<void> {
    const up = new Upload({
      client,
      params: { Bucket, Key: keyOf(key), Body: body, ContentType: contentTypeOf(key) },
      partSize: MIN_PART,
      queueSize: QUEUE,
    });
    await up.done();
  }

  return {
    driver: "s3",
    localDir: null,
    receive(key, maxBytes?: number): Incoming {
      const u = upload(key, "application/octet-stream", maxBytes);
      return {
        writable: u.writable,
        localPath: null,
        commit: async () => undefined,
        async discard() {
          if (!u.writable.destroyed) u.writable.destroy(); // no error event: nobody listens any more
          const failure = await u.done.then(
            () => null,
            (err: unknown) => err,
          );
          if (!failure) return deleteKeys([keyOf(key)]);
          // lib-storage aborts the multipart upload and rethrows our cancel; any other error may be a
          // failed abort, whose parts the stale-upload sweep removes later.
          if (failure !== u.cancelled())
            logger.warn("an unfinished multipart upload may be left in the bucket", {
              key: keyOf(key),
              err: String(failure),
            });
        },
      };
    },
    put,
    file,
    async deletePrefix(prefix) {
      const keys: string[] = [];
      for await (const page of pages(keyOf(prefix))) for (const o of page.Contents ?? []) keys.push(o.Key!);
      await deleteKeys(keys);
    },
    async *listPrefixes() {
      for await (const page of pages(KEY_PREFIX, "/"))
        yield (page.CommonPrefixes ?? []).map((p) => p.Prefix!.slice(KEY_PREFIX.length).replace(/\/$/, ""));
    },
    async lastModified(prefix) {
      let newest: number | null = null;
      for await (const page of pages(keyOf(prefix)))
        for (const o of page.Contents ?? []) {
          const t = o.LastModified?.getTime() ?? 0;
          if (newest === null || t > newest) newest = t;
        }
      return newest;
    },
    async workspace(id) {
      const dir = join(dirs.tmp, `${checkKey(id)}.work`);
      await rm(dir, { recursive: true, force: true }); // left by an attempt that died
      const outDir = join(dir, "out");
      await mkdir(outDir, { recursive: true });
      const input = join(dir, "original");
      try {
        await pipeline(await file(`${id}/original`).open(null), createWriteStream(input, { mode: 0o640 }));
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
      return {
        input,
        outDir,
        async save() {
          const names = await readdir(outDir);
          let next = 0;
          const worker = async () => {
            while (next < names.length) {
              const name = names[next++]!;
              await put(`${id}/${name}`, createReadStream(join(outDir, name)));
            }
          };
          await Promise.all(Array.from({ length: Math.min(SAVE_CONCURRENCY, names.length) }, worker));
        },
        release: () => rm(dir, { recursive: true, force: true }),
      };
    },
    async abortStaleUploads(ms) {
      const before = Date.now() - ms;
      let aborted = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListMultipartUploadsCommand({ Bucket, Prefix: KEY_PREFIX, KeyMarker, UploadIdMarker }),
          );
          for (const u of page.Uploads ?? []) {
            if ((u.Initiated?.getTime() ?? 0) > before) continue;
            await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
            aborted++;
          }
          [KeyMarker, UploadIdMarker] = page.IsTruncated
            ? [page.NextKeyMarker, page.NextUploadIdMarker]
            : [undefined, undefined];
        } while (KeyMarker);
      } catch (err) {
        // Some S3-compatible servers cannot list uploads: a bucket lifecycle rule has to do it there.
        if ((err as Error).name === "NotImplemented") return aborted;
        throw err;
      }
      return aborted;
    },
    async problem() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return null;
      } catch (err) {
        const code = status(err);
        return `bucket ${Bucket}: ${code === 404 ? "not found" : code === 403 ? "access denied" : (err as Error).message || (err as Error).name}`;
      }
    },
  };
}
