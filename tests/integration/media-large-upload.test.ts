// Uploads stream to disk: a 1 GiB multipart upload into a real `fanzctl serve` process is stored whole
// while the server's resident memory (its own VmRSS, read from /proc) grows by less than 100 MB, and an
// oversized one is refused with 413 by the same streaming path, leaving nothing behind in data_dir/tmp.
// The same holds with media in an S3 bucket (s3rver in this process): the upload streams into a
// multipart upload, and a refused one is aborted. The test process generates the body on the fly (never
// holding it in memory) and honours backpressure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { closeSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { testFfmpeg } from "../helpers/ffmpeg.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";

const MB = 1024 * 1024;
/** FANZ_LARGE_UPLOAD_MB measures another size by hand (small ones end before 5 RSS samples are taken). */
const FILE_BYTES = Number(process.env.FANZ_LARGE_UPLOAD_MB ?? 1024) * MB;
const RSS_BUDGET = 100 * MB;

/** The process's resident set size in bytes (VmRSS), or null once it is gone. */
function rssOf(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 100 ms until stopped; returns the peak seen. */
function sampleRss(pid: number) {
  let peak = rssOf(pid) ?? 0;
  let samples = 1;
  const timer = setInterval(() => {
    const r = rssOf(pid);
    if (r !== null) {
      peak = Math.max(peak, r);
      samples++;
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      const r = rssOf(pid);
      if (r !== null) peak = Math.max(peak, r);
      return { peak, samples };
    },
  };
}

interface Streamed {
  status: number;
  body: any;
  /** File bytes written to the socket before the answer came (or all of them). */
  sentFileBytes: number;
}

/**
 * POSTs a multipart body whose `file` part is `head` followed by zero bytes up to `fileBytes`, generated
 * chunk by chunk with backpressure. With `chunked` no Content-Length is declared. Stops sending as soon
 * as the server answers (a refusal).
 */
function streamUpload(
  app: AppProcess,
  token: string,
  head: Buffer,
  fileBytes: number,
  chunked: boolean,
): Promise<Streamed> {
  const boundary = `----fanz${randomBytes(12).toString("hex")}`;
  const opening = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\n` +
      `Content-Type: video/mp4\r\n\r\n`,
  );
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
  const padding = Buffer.alloc(MB);
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = request(`${app.baseUrl}/api/v1/media`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        ...(chunked ? {} : { "content-length": String(opening.length + fileBytes + closing.length) }),
      },
    });
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, body, sentFileBytes: sent });
        req.destroy();
      });
      res.on("error", reject);
    });
    // A refusal may reset the connection after the answer; before it, any error fails the upload.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const drained = () =>
      new Promise<void>((ok) => {
        const done = () => {
          req.off("drain", done);
          req.off("close", done);
          ok();
        };
        req.on("drain", done);
        req.on("close", done);
      });
    const write = async (chunk: Buffer) => {
      if (!req.write(chunk)) await drained();
    };
    void (async () => {
      await write(opening);
      await write(head);
      sent = head.length;
      while (sent < fileBytes && !answered && !req.destroyed) {
        const n = Math.min(padding.length, fileBytes - sent);
        await write(n === padding.length ? padding : padding.subarray(0, n));
        sent += n;
      }
      if (!answered && !req.destroyed) req.end(closing);
    })().catch(reject);
  });
}

async function creatorToken(app: AppProcess): Promise<string> {
  const post = async (path: string, body: unknown, token?: string, method = "POST") => {
    const res = await fetch(app.baseUrl + path, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { token: string };
  };
  const { token } = await post("/api/v1/setup", {
    token: app.setupToken(),
    siteName: "Large uploads",
    admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
  });
  await post("/api/v1/creators/me", { priceCents: 500 }, token, "PUT");
  return token;
}

describe("media: large uploads stream", () => {
  const work = mkdtempSync(join(tmpdir(), "fanz-large-upload-"));
  const procs: AppProcess[] = [];
  let mp4: Buffer;
  let s3: TestS3 | null = null;

  beforeAll(() => {
    const out = join(work, "small.mp4");
    // The clip at the head of the upload, made with the ffmpeg the app would use.
    execFileSync(testFfmpeg(), [
      ...["-hide_banner", "-loglevel", "error", "-y"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=24:duration=1"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:duration=1"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"],
      out,
    ]);
    mp4 = readFileSync(out);
  });
  afterAll(async () => {
    for (const p of procs) await p.stop("SIGKILL");
    await s3?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const start = async (name: string, maxMb: number, env: Record<string, string> = {}) => {
    const dataDir = join(work, name);
    const app = await startApp({
      dataDir,
      env: {
        FANZ_MEDIA__MAX_UPLOAD_MB: String(maxMb),
        FANZ_LOG__LEVEL: "error",
        FANZ_JOBS__WORKERS: "1",
        ...env,
      },
    });
    procs.push(app);
    const token = await creatorToken(app);
    // Warm the upload path (and the worker pool) with a small upload so the baseline is a warm server.
    const warm = await streamUpload(app, token, mp4, mp4.length, false);
    expect(warm.status).toBe(201);
    // Its processing (a worker thread, ffmpeg) must be over before the baseline is read.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${app.baseUrl}/api/v1/media/${warm.body.media.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { media } = (await res.json()) as { media: { status: string } };
      if (media.status !== "processing") break;
      if (Date.now() > deadline) throw new Error("the warm-up upload is still processing");
      await new Promise((r) => setTimeout(r, 100));
    }
    return { app, token, pid: app.child.pid! };
  };

  it("stores a 1 GiB upload whole while the server's RSS grows < 100 MB", { timeout: 120_000 }, async () => {
    const { app, token, pid } = await start("accept", 2048);
    await new Promise((r) => setTimeout(r, 500));
    const before = rssOf(pid)!;
    const sampler = sampleRss(pid);
    const t0 = performance.now();
    const up = await streamUpload(app, token, mp4, FILE_BYTES, false);
    const seconds = (performance.now() - t0) / 1000;
    const { peak, samples } = sampler.stop();
    console.log(
      `${FILE_BYTES / MB} MB upload: ${up.status} in ${seconds.toFixed(1)} s; server RSS ${(before / MB).toFixed(0)} MB -> ` +
        `peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(1)} MB, ${samples} samples)`,
    );
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.media).toMatchObject({ kind: "video", mime: "video/mp4", sizeBytes: FILE_BYTES });
    expect(samples).toBeGreaterThan(5);
    expect(peak - before).toBeLessThan(RSS_BUDGET);

    const original = join(app.dataDir, "media", up.body.media.id, "original");
    expect(statSync(original).size).toBe(FILE_BYTES);
    // The stored bytes are the ones sent: the MP4 at the start, zeros up to the very end.
    const fd = openSync(original, "r");
    try {
      const start = Buffer.alloc(mp4.length);
      readSync(fd, start, 0, start.length, 0);
      expect(start.equals(mp4)).toBe(true);
      const end = Buffer.alloc(64 * 1024, 1);
      readSync(fd, end, 0, end.length, FILE_BYTES - end.length);
      expect(end.equals(Buffer.alloc(end.length))).toBe(true);
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(join(app.dataDir, "tmp"))).toEqual([]);
    await app.stop("SIGKILL");
    rmSync(app.dataDir, { recursive: true, force: true });
  });

  it(
    "refuses a 1 GiB upload over a 100 MB limit with 413, streaming, and cleans tmp",
    { timeout: 120_000 },
    async () => {
      const { app, token, pid } = await start("refuse", 100);
      await new Promise((r) => setTimeout(r, 500));
      const before = rssOf(pid)!;
      const sampler = sampleRss(pid);
      // Without Content-Length the server only learns the size by reading: it writes up to the limit to
      // data_dir/tmp, then refuses and removes the partial file.
      const chunked = await streamUpload(app, token, mp4, FILE_BYTES, true);
      // With a declared Content-Length over the limit it refuses before reading.
      const declared = await streamUpload(app, token, mp4, FILE_BYTES, false);
      const { peak } = sampler.stop();
      console.log(
        `oversized: chunked ${chunked.status} after ${(chunked.sentFileBytes / MB).toFixed(0)} MB sent, ` +
          `declared ${declared.status} after ${(declared.sentFileBytes / MB).toFixed(0)} MB sent; ` +
          `server RSS +${((peak - before) / MB).toFixed(1)} MB`,
      );
      for (const r of [chunked, declared]) {
        expect(r.status, JSON.stringify(r.body)).toBe(413);
        expect(r.body.error.code).toBe("payload_too_large");
        expect(r.sentFileBytes).toBeLessThan(FILE_BYTES);
      }
      // The streamed refusal read past the limit before answering; the declared one answered at once.
      expect(chunked.sentFileBytes).toBeGreaterThan(100 * MB);
      expect(peak - before).toBeLessThan(RSS_BUDGET);
      expect(readdirSync(join(app.dataDir, "tmp"))).toEqual([]);
      // Only the warm-up upload was filed.
      expect(readdirSync(join(app.dataDir, "media"))).toHaveLength(1);
      await app.stop("SIGKILL");
      expect(existsSync(app.dataDir)).toBe(true);
      rmSync(app.dataDir, { recursive: true, force: true });
    },
  );

  describe("into an S3 bucket", () => {
    beforeAll(async () => {
      s3 = await startS3();
    });
    const uploads = () => readdirSync(join(work, "s3-accept", "tmp")).filter((n) => n.endsWith(".upload"));

    it(
      "stores a 1 GiB upload in the bucket (multipart) while the server's RSS grows < 100 MB",
      { timeout: 120_000 },
      async () => {
        const { app, token, pid } = await start("s3-accept", 2048, s3!.env);
        await new Promise((r) => setTimeout(r, 500));
        const before = rssOf(pid)!;
        const sampler = sampleRss(pid);
        const t0 = performance.now();
        const up = await streamUpload(app, token, mp4, FILE_BYTES, false);
        const seconds = (performance.now() - t0) / 1000;
        const { peak, samples } = sampler.stop();
        console.log(
          `${FILE_BYTES / MB} MB upload to s3: ${up.status} in ${seconds.toFixed(1)} s; server RSS ${(before / MB).toFixed(0)} MB -> ` +
            `peak ${(peak / MB).toFixed(0)} MB (+${((peak - before) / MB).toFixed(1)} MB, ${samples} samples)`,
        );
        expect(up.status, JSON.stringify(up.body)).toBe(201);
        expect(up.body.media).toMatchObject({ kind: "video", sizeBytes: FILE_BYTES });
        expect(peak - before).toBeLessThan(RSS_BUDGET);
        const key = `media/${up.body.media.id}/original`;
        const [stored] = await s3!.objects(key);
        expect(stored!.size).toBe(FILE_BYTES);
        const range = async (r: string) =>
          Buffer.from(
            await (
              await s3!.client.send(new GetObjectCommand({ Bucket: s3!.bucket, Key: key, Range: r }))
            ).Body!.transformToByteArray(),
          );
        expect((await range(`bytes=0-${mp4.length - 1}`)).equals(mp4)).toBe(true);
        const tail = await range(`bytes=${FILE_BYTES - 65536}-${FILE_BYTES - 1}`);
        expect(tail.equals(Buffer.alloc(65536))).toBe(true);
        expect(s3!.pendingUploads()).toEqual([]);
        // Nothing of the upload went through the data dir.
        expect(uploads()).toEqual([]);
        expect(readdirSync(join(app.dataDir, "media"))).toEqual([]);
        await app.stop("SIGKILL");
      },
    );

    it(
      "refuses a 1 GiB upload over a 100 MB limit with 413 and aborts its multipart upload",
      { timeout: 120_000 },
      async () => {
        const { app, token, pid } = await start("s3-refuse", 100, s3!.env);
        const keysBefore = await s3!.keys();
        await new Promise((r) => setTimeout(r, 500));
        const before = rssOf(pid)!;
        const sampler = sampleRss(pid);
        const chunked = await streamUpload(app, token, mp4, FILE_BYTES, true);
        const { peak } = sampler.stop();
        console.log(
          `oversized to s3: chunked ${chunked.status} after ${(chunked.sentFileBytes / MB).toFixed(0)} MB sent; ` +
            `server RSS +${((peak - before) / MB).toFixed(1)} MB`,
        );
        expect(chunked.status, JSON.stringify(chunked.body)).toBe(413);
        expect(chunked.sentFileBytes).toBeGreaterThan(100 * MB);
        expect(peak - before).toBeLessThan(RSS_BUDGET);
        expect(s3!.pendingUploads()).toEqual([]);
        expect(await s3!.keys()).toEqual(keysBefore);
        await app.stop("SIGKILL");
      },
    );
  });
});
