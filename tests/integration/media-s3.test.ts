// Media in an S3 bucket (a real S3-compatible server, s3rver): uploads stream into multipart uploads,
// a refused or broken upload leaves no object, no unfinished multipart upload and no row; a large image is
// processed from a temporary copy; a video becomes HLS in the bucket and plays through the delivery
// route; unfinished multipart uploads a crash left are aborted; objects without a row are swept (by the
// scheduler's step and by `fanzctl doctor --fix`); /readyz reports a missing bucket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateMultipartUploadCommand, UploadPartCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { execFile, execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { newId } from "../../src/lib/ids.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { testEngine } from "../helpers/engine.ts";
import { repoRoot } from "../helpers/app-process.ts";
import { testFfmpeg } from "../helpers/ffmpeg.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";
import * as fx from "../fixtures/media.ts";

const MB = 1024 * 1024;
const HOUR = 3_600_000;

describe("media in an S3 bucket", () => {
  let s3: TestS3;
  let app: TestApp;
  let creator: Actor;
  const work = mkdtempSync(join(tmpdir(), "fanz-media-s3-"));

  const rows = async () =>
    ((await app.raw.prepare("SELECT id FROM media").all()) as { id: string }[]).map((r) => r.id);
  const ready = async (id: string, timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await app.get(`/api/v1/media/${id}`, creator.token);
      if (r.body.media.status !== "processing" || Date.now() > deadline) return r.body.media;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  };
  const until = async (what: string, test: () => boolean | Promise<boolean>, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };

  /**
   * POSTs a multipart upload of `bytes` chunk by chunk without a Content-Length (so only reading tells the
   * server the size); with `cutAfter` the client goes away after sending that many file bytes.
   */
  const streamUpload = (bytes: Buffer, opts: { cutAfter?: number } = {}) =>
    new Promise<{ status: number; body: any } | "cut">((resolve, reject) => {
      const boundary = `----fanz${randomBytes(8).toString("hex")}`;
      const req = request(`${app.base}/api/v1/media`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${creator.token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
      });
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        const parts: Buffer[] = [];
        res.on("data", (d: Buffer) => parts.push(d));
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(parts).toString() || "null"),
          });
          req.destroy();
        });
      });
      req.on("error", (err) =>
        opts.cutAfter !== undefined ? resolve("cut") : answered ? undefined : reject(err),
      );
      void (async () => {
        const write = (b: Buffer) =>
          new Promise<void>((ok) => (req.write(b) ? ok() : req.once("drain", () => ok())));
        await write(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.bin"\r\n` +
              `Content-Type: application/octet-stream\r\n\r\n`,
          ),
        );
        const end = opts.cutAfter ?? bytes.length;
        for (let at = 0; at < end && !answered && !req.destroyed; at += 256 * 1024)
          await write(bytes.subarray(at, Math.min(end, at + 256 * 1024)));
        if (opts.cutAfter !== undefined) {
          // Long enough for the server to have started the multipart upload.
          await new Promise((ok) => setTimeout(ok, 300));
          req.destroy();
          resolve("cut");
        } else if (!answered && !req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
      })();
    });

  beforeAll(async () => {
    s3 = await startS3();
    app = await startTestApp({
      jobs: true,
      env: { ...s3.env, FANZ_MEDIA__MAX_UPLOAD_MB: "20", FANZ_JOBS__WORKERS: "2" },
    });
    creator = await app.creator("bucketstudio", { priceCents: 500 });
  });
  afterAll(async () => {
    await app.close();
    await s3.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("a refused or broken upload leaves no object, no unfinished multipart upload and no row", async () => {
    const big = await fx.bigPng(12 * MB);
    // Not media: the first bytes stop it from going to the bucket; it is still read to its end (415).
    const junk = Buffer.concat([Buffer.from("<html><script>alert(1)</script>"), Buffer.alloc(12 * MB, 7)]);
    const notMedia = await streamUpload(junk);
    expect(notMedia).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    // Over the 20 MB limit while streaming: two 8 MiB parts are in the bucket by then; aborted.
    const over = await streamUpload(Buffer.concat([big, big]));
    expect(over).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    // Stored whole (a single PUT), then the image header does not parse: the object is deleted.
    const polyglot = Buffer.concat([
      Buffer.from("GIF89a"),
      Buffer.from("/*<script>alert(1)</script>*/".repeat(20)),
    ]);
    expect((await app.upload(creator, polyglot, "x.gif")).status).toBe(415);
    // The client goes away halfway through a multipart upload.
    expect(await streamUpload(big, { cutAfter: 10 * MB })).toBe("cut");
    await until("the cut upload to be aborted", () => s3.pendingUploads().length === 0);

    expect(await s3.keys()).toEqual([]);
    expect(s3.pendingUploads()).toEqual([]);
    expect(await rows()).toEqual([]);
    expect(readdirSync(join(app.dir, "tmp"))).toEqual([]);
  });

  it("a 12 MB image streams into a multipart upload and is processed from a temporary copy", async () => {
    const big = await fx.bigPng(12 * MB);
    const up = await streamUpload(big);
    expect(up).toMatchObject({ status: 201, body: { media: { kind: "image", sizeBytes: big.length } } });
    const id = up !== "cut" ? (up.body.media.id as string) : "";
    expect(await s3.md5(`media/${id}/original`)).toBe(createHash("md5").update(big).digest("hex"));
    const m = await ready(id);
    expect(m.status).toBe("ready");
    const full = await fetch(app.base + m.urls.full, {
      headers: { authorization: `Bearer ${creator.token}` },
    });
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(await s3.get(`media/${id}/full.webp`))).toBe(true);
    expect(readdirSync(join(app.dir, "tmp"))).toEqual([]);
    expect(readdirSync(join(app.dir, "media"))).toEqual([]);
  });

  it(
    "a video becomes HLS in the bucket and plays through the delivery route",
    { timeout: 60_000 },
    async () => {
      const clip = join(work, "clip.mp4");
      execFileSync(testFfmpeg(), [
        ...["-hide_banner", "-loglevel", "error", "-y"],
        ...["-f", "lavfi", "-i", "testsrc=size=640x360:rate=24:duration=2"],
        ...["-f", "lavfi", "-i", "sine=frequency=440:duration=2"],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"],
        clip,
      ]);
      const up = await app.upload(creator, readFileSync(clip), "clip.mp4");
      expect(up.status).toBe(201);
      const m = await ready(up.body.media.id);
      expect(m).toMatchObject({ status: "ready", kind: "video", width: 640, height: 360 });
      const keys = (await s3.keys(`media/${m.id}/`)).map((k) => k.slice(`media/${m.id}/`.length));
      expect(keys).toEqual(
        expect.arrayContaining([
          "original",
          "master.m3u8",
          "360p.m3u8",
          "360p_0000.ts",
          "poster.webp",
          "preview.webp",
        ]),
      );
      const auth = { authorization: `Bearer ${creator.token}` };
      const master = await fetch(app.base + m.urls.hls, { headers: auth });
      expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
      expect(await master.text()).toContain("360p.m3u8");
      const segment = `/media/${m.id}/360p_0000.ts`;
      const whole = Buffer.from(await (await fetch(app.base + segment, { headers: auth })).arrayBuffer());
      expect(whole.equals(await s3.get(`media/${m.id}/360p_0000.ts`))).toBe(true);
      const part = await fetch(app.base + segment, { headers: { ...auth, range: "bytes=188-375" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 188-375/${whole.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(188, 376))).toBe(true);
      // Strangers get the same answers as on local disk.
      expect((await fetch(app.base + segment)).status).toBe(404);
      expect(readdirSync(join(app.dir, "tmp"))).toEqual([]);
    },
  );

  it("aborts multipart uploads a crash left unfinished for more than a day, and only those", async () => {
    const start = async (key: string) => {
      const { UploadId } = await s3.client.send(
        new CreateMultipartUploadCommand({ Bucket: s3.bucket, Key: key }),
      );
      await s3.client.send(
        new UploadPartCommand({
          Bucket: s3.bucket,
          Key: key,
          UploadId,
          PartNumber: 1,
          Body: Buffer.alloc(1024, 1),
        }),
      );
    };
    const old = `media/${newId()}/original`;
    await start(old);
    s3.ageUploads(25 * HOUR);
    const fresh = `media/${newId()}/original`;
    await start(fresh);
    expect(s3.pendingUploads().sort()).toEqual([old, fresh].sort());
    expect(await app.services.media.cleanStaleUploads()).toBe(1);
    expect(s3.pendingUploads()).toEqual([fresh]);
  });

  it(
    "sweeps objects without a row past the grace period (the scheduler's step and fanzctl doctor)",
    { timeout: 60_000 },
    async () => {
      const kept = (await rows())[0]!;
      const put = (key: string) =>
        s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: Buffer.from("left over") }));
      const [orphanA, orphanB, fresh] = [newId(), newId(), newId()];
      for (const id of [orphanA, orphanB, fresh]) {
        await put(`media/${id}/original`);
        await put(`media/${id}/thumb.webp`);
      }
      s3.ageObjects(`media/${orphanA}/`, HOUR);
      s3.ageObjects(`media/${orphanB}/`, HOUR);
      s3.ageObjects(`media/${kept}/`, HOUR);
      expect((await app.services.media.orphanDirs()).sort()).toEqual([orphanA, orphanB].sort());
      expect(await app.services.media.removeOrphanDirs()).toHaveLength(2);
      expect(await s3.keys(`media/${orphanA}/`)).toEqual([]);
      expect(await s3.keys(`media/${orphanB}/`)).toEqual([]);
      expect(await s3.keys(`media/${fresh}/`)).toHaveLength(2);
      expect(await s3.keys(`media/${kept}/`)).toContain(`media/${kept}/original`);

      // fanzctl doctor on the same site and bucket: reports an old orphan, --fix removes it. (Doctor's
      // database checks read the SQLite file, and it skips the media check without them.)
      if (testEngine !== "sqlite") return;
      s3.ageObjects(`media/${fresh}/`, HOUR);
      // Asynchronously: the bucket's server runs in this process. Other checks may fail on a test site (its
      // exit status is theirs); the media line is the one looked at.
      const doctor = async (...args: string[]) => {
        try {
          return (
            await promisify(execFile)(
              process.execPath,
              ["cli/bin.mjs", "doctor", "--data-dir", app.dir, ...args],
              {
                cwd: repoRoot,
                env: { ...process.env, ...app.dbEnv, ...s3.env, FANZ_LOG__LEVEL: "error" },
                encoding: "utf8",
                timeout: 60_000,
              },
            )
          ).stdout;
        } catch (err) {
          return (err as { stdout?: string }).stdout ?? String(err);
        }
      };
      const line = (out: string) => out.split("\n").find((l) => l.includes("Media files:")) ?? out;
      expect(line(await doctor())).toMatch(new RegExp(`\\[WARN\\] Media files: 1 medi.*${fresh}`));
      expect(line(await doctor("--fix"))).toMatch(/\[pass\] Media files: removed 1 /);
      expect(await s3.keys(`media/${fresh}/`)).toEqual([]);
      expect(await s3.keys(`media/${kept}/`)).toContain(`media/${kept}/original`);
    },
  );

  it("/readyz says when the bucket is missing", async () => {
    const other = await startTestApp({ env: { ...s3.env, FANZ_STORAGE__S3_BUCKET: "no-such-bucket" } });
    try {
      const r = await other.get("/readyz");
      expect(r.status).toBe(503);
      expect(r.body.checks.storage).toBe("error: bucket no-such-bucket: not found");
      expect((await app.get("/readyz")).body.checks.storage).toBe("ok");
    } finally {
      await other.close();
    }
  });
});
