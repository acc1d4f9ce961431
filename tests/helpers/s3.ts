// A real S3-compatible server for tests: s3rver (the S3 wire protocol over a directory) on a loopback port,
// with one bucket. s3rver 3.7 lacks AbortMultipartUpload and ListMultipartUploads; the two small handlers
// below add them over its own upload store, so refused uploads and the stale-upload sweep can be seen.
import S3rver from "s3rver";
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandOutput,
} from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** FANZ_STORAGE__* for an app (or fanzctl) on this bucket. */
  env: Record<string, string>;
  /** An SDK client of the test's own (not the app's driver). */
  client: S3Client;
  /** Every key in the bucket (or under `prefix`), sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** Every object with its size, ETag and last-modified time. */
  objects(prefix?: string): Promise<{ key: string; size: number; etag: string; modified: number }[]>;
  /** An object's bytes. */
  get(key: string): Promise<Buffer>;
  /** MD5 (hex) of an object's bytes. */
  md5(key: string): Promise<string>;
  /** Multipart uploads started and neither completed nor aborted (their keys). */
  pendingUploads(): string[];
  /** Makes every pending multipart upload look as if it started `ms` ago. */
  ageUploads(ms: number): void;
  /** Makes every object under `prefix` look as if it was written `ms` ago. */
  ageObjects(prefix: string, ms: number): void;
  stop(): Promise<void>;
}

const ACCESS = "S3RVER"; // s3rver's built-in account
// The SDK's notice about the Node versions of its future releases is not the tests' business.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

/** The keys s3rver holds under `prefix`: its `<key>._S3rver_object` files; a file gone meanwhile is skipped. */
function storedKeys(root: string, prefix: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return; // removed while we looked
    }
    for (const name of names) {
      if (name.startsWith("._S3rver")) continue;
      const path = rel ? `${rel}/${name}` : name;
      if (name.endsWith("._S3rver_object")) {
        const key = path.slice(0, -"._S3rver_object".length);
        if (key.startsWith(prefix)) out.push(key);
      } else if (!name.includes("._S3rver_")) {
        try {
          if (statSync(join(root, path)).isDirectory()) walk(path);
        } catch {
          /* removed while we looked */
        }
      }
    }
  };
  walk("");
  return out.sort();
}

export async function startS3(bucket = "fanz-media"): Promise<TestS3> {
  const dir = mkdtempSync(join(tmpdir(), "fanz-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const uploadsDir = join(dir, bucket, "._S3rver_uploads");
  const uploadIds = () => (existsSync(uploadsDir) ? readdirSync(uploadsDir) : []);
  server.middleware.unshift(async (ctx, next) => {
    const [b, ...key] = ctx.path.split("/").filter(Boolean);
    if (b !== bucket) return next();
    const uploadId = ctx.query.uploadId;
    if (ctx.method === "DELETE" && key.length > 0 && uploadId && uploadIds().includes(uploadId)) {
      rmSync(join(uploadsDir, uploadId), { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = "";
      return;
    }
    if (ctx.method === "GET" && key.length === 0 && "uploads" in ctx.query) {
      const prefix = ctx.query.prefix ?? "";
      const uploads = uploadIds()
        .map((id) => ({ id, file: join(uploadsDir, id, "key") }))
        .filter((u) => existsSync(u.file))
        .map((u) => ({ ...u, key: readFileSync(u.file, "utf8"), at: statSync(u.file).mtime }))
        .filter((u) => u.key.startsWith(prefix));
      ctx.type = "application/xml";
      ctx.body =
        `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult xmlns="${XMLNS}">` +
        `<Bucket>${bucket}</Bucket><Prefix>${prefix}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>` +
        uploads
          .map(
            (u) =>
              `<Upload><Key>${u.key}</Key><UploadId>${u.id}</UploadId><Initiated>${u.at.toISOString()}</Initiated></Upload>`,
          )
          .join("") +
        `</ListMultipartUploadsResult>`;
      return;
    }
    return next();
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS, secretAccessKey: ACCESS },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  async function objects(prefix = "") {
    const out: { key: string; size: number; etag: string; modified: number }[] = [];
    let token: string | undefined;
    do {
      const page: ListObjectsV2CommandOutput = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? [])
        out.push({
          key: o.Key!,
          size: o.Size ?? 0,
          etag: o.ETag ?? "",
          modified: o.LastModified?.getTime() ?? 0,
        });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }
  const get = async (key: string) =>
    Buffer.from(
      await (
        await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      ).Body!.transformToByteArray(),
    );

  return {
    endpoint,
    bucket,
    client,
    env: {
      FANZ_STORAGE__DRIVER: "s3",
      FANZ_STORAGE__S3_ENDPOINT: endpoint,
      FANZ_STORAGE__S3_REGION: "us-east-1",
      FANZ_STORAGE__S3_BUCKET: bucket,
      FANZ_STORAGE__S3_ACCESS_KEY_ID: ACCESS,
      FANZ_STORAGE__S3_SECRET_ACCESS_KEY: ACCESS,
      FANZ_STORAGE__S3_FORCE_PATH_STYLE: "true",
    },
    // Read from s3rver's directory, not through ListObjects: a listing while the app deletes the same
    // objects makes s3rver open a file already gone and throw outside any request (an uncaught ENOENT).
    keys: async (prefix = "") => storedKeys(join(dir, bucket), prefix),
    objects,
    get,
    md5: async (key) =>
      createHash("md5")
        .update(await get(key))
        .digest("hex"),
    pendingUploads: () =>
      uploadIds()
        .map((id) => join(uploadsDir, id, "key"))
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f, "utf8")),
    ageUploads(ms) {
      const past = new Date(Date.now() - ms);
      for (const id of uploadIds()) {
        const f = join(uploadsDir, id, "key");
        if (existsSync(f)) utimesSync(f, past, past);
      }
    },
    ageObjects(prefix, ms) {
      const past = new Date(Date.now() - ms);
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
        );
      const root = join(dir, bucket, prefix);
      for (const f of existsSync(root) ? walk(root) : [])
        if (f.endsWith("._S3rver_object")) utimesSync(f, past, past);
    },
    async stop() {
      client.destroy();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
