// `fanzctl storage migrate --to s3`: copies every medium's files (original, variants, HLS) from data_dir/media
// to the bucket of the [storage] s3_* settings (flags override them), each object checked against the
// local file's MD5 (S3's ETag for a single PUT, or its multipart form; else the object is read back and
// hashed). Resumable: an object already there with the same size and checksum is skipped, so a second
// run copies only what is new. A bucket holding anything but this site's media is refused. The site may
// keep running on local disk meanwhile; the command prints the config change that switches it.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { Config } from "../../src/config/schema.ts";
import { isId } from "../../src/lib/ids.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { contentTypeOf } from "../../src/lib/storage/index.ts";
import { createS3Client, KEY_PREFIX, type S3Settings } from "../../src/lib/storage/s3.ts";
import { buildApp } from "../../src/main.ts";
import { CliError } from "../errors.ts";
import { createSteps, formatBytes } from "./steps.ts";
import { configFrom, type CommonOptions } from "../options.ts";

export interface MigrateOptions extends CommonOptions {
  to: string;
  endpoint?: string;
  region?: string;
  bucket?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

/** Files above this go up as multipart uploads of parts this size (their ETag is MD5s of the parts). */
const PART = 16 * 1024 * 1024;
/** Files copied at once (HLS makes many small segments; a round trip each). */
const CONCURRENCY = 4;
const MEDIA_KEY = /^media\/([a-z2-7]{26})\/[a-z0-9_.]+$/;

interface LocalFile {
  id: string;
  name: string;
  path: string;
  size: number;
}

/** The file's MD5 and the ETag S3 gives a multipart upload of it in PART-sized parts. */
async function digest(path: string): Promise<{ md5: string; multipart: string | null }> {
  const whole = createHash("md5");
  const parts: Buffer[] = [];
  let part = createHash("md5");
  let inPart = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    whole.update(chunk);
    for (let at = 0; at < chunk.length;) {
      const take = Math.min(chunk.length - at, PART - inPart);
      part.update(chunk.subarray(at, at + take));
      at += take;
      inPart += take;
      if (inPart === PART) {
        parts.push(part.digest());
        part = createHash("md5");
        inPart = 0;
      }
    }
  }
  if (inPart > 0) parts.push(part.digest());
  const multipart =
    parts.length > 1
      ? `${createHash("md5").update(Buffer.concat(parts)).digest("hex")}-${parts.length}`
      : null;
  return { md5: whole.digest("hex"), multipart };
}

const unquote = (etag: string | undefined) => (etag ?? "").replace(/"/g, "");

async function bucketObjects(client: S3Client, Bucket: string) {
  const found = new Map<string, { size: number; etag: string }>();
  let ContinuationToken: string | undefined;
  do {
    const page: ListObjectsV2CommandOutput = await client.send(
      new ListObjectsV2Command({ Bucket, ContinuationToken }),
    );
    for (const o of page.Contents ?? []) found.set(o.Key!, { size: o.Size ?? 0, etag: unquote(o.ETag) });
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return found;
}

/** Every medium's files under data_dir/media, by media id. */
async function localFiles(mediaDir: string): Promise<Map<string, LocalFile[]>> {
  const byId = new Map<string, LocalFile[]>();
  for (const e of await readdir(mediaDir, { withFileTypes: true }).catch(() => [])) {
    if (!e.isDirectory() || !isId(e.name)) continue;
    const files: LocalFile[] = [];
    for (const f of await readdir(join(mediaDir, e.name), { withFileTypes: true })) {
      if (!f.isFile()) continue;
      const path = join(mediaDir, e.name, f.name);
      files.push({ id: e.name, name: f.name, path, size: (await stat(path)).size });
    }
    byId.set(e.name, files);
  }
  return byId;
}

/** The target bucket: the [storage] s3_* settings, each overridden by its flag. */
function target(config: Config, o: MigrateOptions): S3Settings {
  const st = config.storage;
  const s: S3Settings = {
    s3_endpoint: o.endpoint ?? st.s3_endpoint,
    s3_region: o.region ?? st.s3_region,
    s3_bucket: o.bucket ?? st.s3_bucket,
    s3_access_key_id: o.accessKeyId ?? st.s3_access_key_id,
    s3_secret_access_key: o.secretAccessKey ?? st.s3_secret_access_key,
    s3_force_path_style: o.forcePathStyle ?? st.s3_force_path_style,
  };
  const missing = (
    [
      ["s3_bucket", "--bucket"],
      ["s3_access_key_id", "--access-key-id"],
      ["s3_secret_access_key", "--secret-access-key"],
    ] as const
  ).filter(([k]) => !s[k]);
  if (missing.length > 0)
    throw new CliError(
      `No ${missing.map(([k]) => `storage.${k}`).join(", ")} to copy to.`,
      `Set them in the [storage] section (or FANZ_STORAGE__* variables), or pass ${missing.map(([, f]) => f).join(", ")}.`,
    );
  return s;
}

/** The lines of config.toml that switch the site to the bucket (secrets only named, never printed). */
function configChange(s: S3Settings, current: Config["storage"]): string {
  const toml = (v: string | boolean) => (typeof v === "string" ? JSON.stringify(v) : String(v));
  const lines = ['driver = "s3"'];
  for (const key of ["s3_endpoint", "s3_region", "s3_bucket", "s3_force_path_style"] as const)
    if (s[key] !== current[key] || key === "s3_bucket") lines.push(`${key} = ${toml(s[key])}`);
  for (const key of ["s3_access_key_id", "s3_secret_access_key"] as const)
    if (s[key] !== current[key]) lines.push(`${key} = "<the one you passed>"`);
  return `[storage]\n${lines.join("\n")}`;
}

/** `fanzctl storage migrate`: see the top of this file. */
export async function migrateToS3(opts: MigrateOptions): Promise<void> {
  if (opts.to !== "s3")
    throw new CliError(`Cannot migrate to "${opts.to}".`, "Use `fanzctl storage migrate --to s3`.");
  const config = configFrom(opts);
  const s = target(config, opts);
  const Bucket = s.s3_bucket;
  const paths = dataPaths(config.data.dir);
  const client = createS3Client(s);
  // The site's database says which media exist; the app is opened on local storage, so nothing
  // but this command talks to the bucket.
  const app = await buildApp({ ...config, storage: { ...config.storage, driver: "local" } }, { web: null });
  const steps = createSteps();
  try {
    const s1 = steps.step(`Read the media in ${paths.media}`);
    const byId = await localFiles(paths.media);
    const ids = [...byId.keys()];
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += 500)
      for (const id of await app.services.media.existingIds(ids.slice(i, i + 500))) known.add(id);
    const files = ids.filter((id) => known.has(id)).flatMap((id) => byId.get(id)!);
    const total = files.reduce((n, f) => n + f.size, 0);
    const unowned = ids.length - known.size;
    s1.done(
      `${known.size} media, ${files.length} files, ${formatBytes(total)}` +
        (unowned ? `; ${unowned} director${unowned === 1 ? "y" : "ies"} without a media row left out` : ""),
    );

    const s2 = steps.step(`Check the bucket ${Bucket}`);
    try {
      await client.send(new HeadBucketCommand({ Bucket }));
    } catch (err) {
      s2.fail();
      const code = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      throw new CliError(
        `The bucket ${Bucket} cannot be used: ${code === 404 ? "it does not exist" : code === 403 ? "access denied" : (err as Error).message || (err as Error).name}.`,
        "Create the bucket (one for this site alone) and give the access key read, write, list and delete rights on it.",
      );
    }
    const there = await bucketObjects(client, Bucket);
    const bucketIds = [...new Set([...there.keys()].flatMap((k) => MEDIA_KEY.exec(k)?.[1] ?? []))];
    const ours = new Set(known);
    for (let i = 0; i < bucketIds.length; i += 500)
      for (const id of await app.services.media.existingIds(bucketIds.slice(i, i + 500))) ours.add(id);
    const foreign = [...there.keys()].filter((k) => !ours.has(MEDIA_KEY.exec(k)?.[1] ?? ""));
    if (foreign.length > 0) {
      s2.fail(`${foreign.length} other objects`);
      throw new CliError(
        `The bucket ${Bucket} holds ${foreign.length} object${foreign.length === 1 ? "" : "s"} that ${foreign.length === 1 ? "is" : "are"} not this site's media (e.g. ${foreign[0]}).`,
        "Use an empty bucket that only this site uses (--bucket NAME), or remove those objects.",
      );
    }
    s2.done(there.size === 0 ? "empty" : `${there.size} objects of this site already there`);

    const s3 = steps.step(`Copy to ${Bucket}`);
    let done = 0;
    let copied = 0;
    let copiedBytes = 0;
    let skipped = 0;
    const copy = async (f: LocalFile) => {
      const Key = `${KEY_PREFIX}${f.id}/${f.name}`;
      const sums = await digest(f.path);
      const matches = (etag: string) => etag === sums.md5 || etag === sums.multipart;
      const existing = there.get(Key);
      if (existing && existing.size === f.size && matches(existing.etag)) {
        skipped++;
      } else {
        await new Upload({
          client,
          params: { Bucket, Key, Body: createReadStream(f.path), ContentType: contentTypeOf(f.name) },
          partSize: PART,
          queueSize: 2,
        }).done();
        const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
        let ok = head.ContentLength === f.size && matches(unquote(head.ETag));
        if (!ok && head.ContentLength === f.size) {
          // An ETag that is no MD5 (e.g. encrypted with KMS): read the object back.
          const body = (await client.send(new GetObjectCommand({ Bucket, Key }))).Body as Readable;
          const h = createHash("md5");
          for await (const chunk of body as AsyncIterable<Buffer>) h.update(chunk);
          ok = h.digest("hex") === sums.md5;
        }
        if (!ok) {
          await client.send(new DeleteObjectCommand({ Bucket, Key }));
          throw new CliError(
            `${Key} does not match ${f.path} after the copy (size or checksum); it was removed again.`,
            "Run the command again; it copies only what is missing or different.",
          );
        }
        copied++;
        copiedBytes += f.size;
      }
      done += f.size;
      s3.progress(done, total);
    };
    let next = 0;
    const worker = async () => {
      while (next < files.length) await copy(files[next++]!);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
    } catch (err) {
      s3.fail(`${copied} copied before the error`);
      throw err;
    }
    s3.done(
      `${copied} copied (${formatBytes(copiedBytes)}), ${skipped} already there with the same checksum`,
    );

    const out = (line = "") => process.stdout.write(line + "\n");
    out(
      `Copied ${copied} object${copied === 1 ? "" : "s"} (${formatBytes(copiedBytes)}); ` +
        `${skipped} already in ${Bucket} with the same size and checksum.`,
    );
    out();
    out("To serve media from the bucket, set this in the config file (or FANZ_STORAGE__* variables):");
    out();
    out(configChange(s, config.storage));
    out();
    out(
      "Then stop the site, run this command once more (it copies only what was uploaded since), and start " +
        `the site again. The files under ${paths.media} are left in place; remove them once the site ` +
        "serves from the bucket.",
    );
  } finally {
    await app.ctx.db.close();
    client.destroy();
  }
}
