// `fanzctl storage migrate --to s3` on a site with media on local disk: every medium's files land in the
// bucket with the local file's MD5 (a 17 MB original as a multipart upload), a second run copies nothing,
// a bucket holding other data is refused, and the site switched to the bucket serves the same bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot, startApp } from "../helpers/app-process.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { testEngine } from "../helpers/engine.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";
import * as fx from "../fixtures/media.ts";

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

describe("fanzctl storage migrate --to s3", () => {
  let s3: TestS3;
  let app: TestApp;
  let creator: Actor;
  const media: { id: string; urls: Record<string, any> }[] = [];

  /** Runs fanzctl asynchronously (the bucket's server runs in this process); never throws. */
  const fanzctl = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const r = await promisify(execFile)(process.execPath, ["cli/bin.mjs", ...args], {
        cwd: repoRoot,
        env: { ...process.env, ...app.dbEnv, FANZ_LOG__LEVEL: "error", ...env },
        encoding: "utf8",
        timeout: 90_000,
      });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
    }
  };
  // The bucket comes from the usual [storage] keys; the site itself stays on local disk.
  const bucketEnv = () => ({ ...s3.env, FANZ_STORAGE__DRIVER: "local" });
  /** Every file of every medium on local disk, as bucket key -> MD5. */
  const localSums = () => {
    const out: Record<string, string> = {};
    for (const id of readdirSync(join(app.dir, "media")))
      for (const name of readdirSync(join(app.dir, "media", id)))
        out[`media/${id}/${name}`] = md5(readFileSync(join(app.dir, "media", id, name)));
    return out;
  };

  beforeAll(async () => {
    s3 = await startS3();
    app = await startTestApp({
      jobs: true,
      env: { FANZ_MEDIA__MAX_UPLOAD_MB: "40", FANZ_JOBS__WORKERS: "2" },
    });
    creator = await app.creator("movingstudio", { priceCents: 500 });
    for (const bytes of [
      await fx.jpeg(800, 600),
      await fx.png(300, 300),
      await fx.bigPng(17 * 1024 * 1024),
    ]) {
      const up = await app.upload(creator, bytes, "photo");
      expect(up.status).toBe(201);
      media.push(up.body.media);
    }
    const avatar = await app.upload(creator, await fx.jpeg(400, 400), "me.jpg", "/api/v1/creators/me/avatar");
    expect(avatar.status).toBe(202);
    media.push(avatar.body.media);
    const deadline = Date.now() + 40_000;
    for (const m of media) {
      for (;;) {
        const r = await app.get(`/api/v1/media/${m.id}`, creator.token);
        if (r.body.media.status !== "processing" || Date.now() > deadline) {
          expect(r.body.media.status).toBe("ready");
          Object.assign(m, r.body.media);
          break;
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    await app.postAs(creator, { text: "moved", visibility: "public", mediaIds: [media[0]!.id] });
  }, 90_000);
  afterAll(async () => {
    await app.close();
    await s3.stop();
  });

  it(
    "copies every medium's files with their checksums and prints the config change",
    { timeout: 90_000 },
    async () => {
      const r = await fanzctl(["storage", "migrate", "--to", "s3", "--data-dir", app.dir], bucketEnv());
      expect(r.code, r.stderr).toBe(0);
      const sums = localSums();
      const keys = Object.keys(sums);
      expect(keys.length).toBeGreaterThan(20);
      expect(r.stdout).toContain(`Copied ${keys.length} objects`);
      expect(r.stdout).toContain("; 0 already in fanz-media");
      expect(r.stdout).toMatch(/\[storage\]\ndriver = "s3"\n(.+\n)*s3_bucket = "fanz-media"/);
      expect(r.stdout).not.toContain(s3.env.FANZ_STORAGE__S3_SECRET_ACCESS_KEY!);
      expect(await s3.keys()).toEqual(keys.sort());
      for (const [key, sum] of Object.entries(sums)) expect(await s3.md5(key), key).toBe(sum);
      // The 17 MB original went up in parts: its ETag is the multipart kind or the plain MD5.
      const big = (await s3.objects(`media/${media[2]!.id}/original`))[0]!;
      expect(big.size).toBeGreaterThan(16 * 1024 * 1024);
    },
  );

  it("a second run copies nothing and changes no object", { timeout: 90_000 }, async () => {
    const before = await s3.objects();
    await new Promise((ok) => setTimeout(ok, 1100)); // a rewrite would show in LastModified (seconds)
    const r = await fanzctl(["storage", "migrate", "--to", "s3", "--data-dir", app.dir], bucketEnv());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Copied 0 objects (0 B); ${before.length} already in fanz-media`);
    expect(await s3.objects()).toEqual(before);
  });

  it("refuses a bucket that holds other data, and says what is missing", async () => {
    await s3.client.send(new CreateBucketCommand({ Bucket: "shared" }));
    await s3.client.send(
      new PutObjectCommand({ Bucket: "shared", Key: "backups/site.tar.gz", Body: Buffer.from("not media") }),
    );
    const r = await fanzctl(
      ["storage", "migrate", "--to", "s3", "--data-dir", app.dir, "--bucket", "shared"],
      bucketEnv(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "The bucket shared holds 1 object that is not this site's media (e.g. backups/site.tar.gz)",
    );
    expect(await s3.keys()).toHaveLength(Object.keys(localSums()).length);

    const none = await fanzctl(["storage", "migrate", "--to", "s3", "--data-dir", app.dir], {
      FANZ_STORAGE__S3_BUCKET: "",
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      "No storage.s3_bucket, storage.s3_access_key_id, storage.s3_secret_access_key",
    );
  });

  it("the site switched to the bucket serves the same files", { timeout: 60_000 }, async () => {
    const sums = localSums();
    const site = await startApp({ dataDir: app.dir, env: { ...app.dbEnv, ...s3.env } });
    try {
      const auth = { authorization: `Bearer ${creator.token}` };
      for (const url of [media[0]!.urls.full, media[2]!.urls.thumb, media[0]!.urls.preview]) {
        const res = await fetch(site.baseUrl + url, { headers: auth });
        expect(res.status, url).toBe(200);
        expect(md5(Buffer.from(await res.arrayBuffer()))).toBe(sums[`media${url.slice("/media".length)}`]);
      }
      const avatar = (await (await fetch(`${site.baseUrl}/api/v1/creators/movingstudio`)).json()) as any;
      expect((await fetch(site.baseUrl + avatar.creator.avatarUrl)).status).toBe(200);
      expect((await (await fetch(`${site.baseUrl}/readyz`)).json()) as any).toMatchObject({
        checks: { storage: "ok" },
      });
    } finally {
      await site.stop();
    }
    // A backup of the switched site leaves the media out: they are in the bucket, not on this disk.
    if (testEngine !== "sqlite") return; // backups copy the SQLite file
    const archive = join(app.dir, "after-switch.tar.gz");
    const backup = await fanzctl(["backup", "--data-dir", app.dir, "--to", archive], s3.env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(
      'Media are in the bucket fanz-media ([storage] driver = "s3"): not in this backup.',
    );
    const entries = (await promisify(execFile)("tar", ["-tzf", archive], { encoding: "utf8" })).stdout;
    expect(entries).toContain("fanz.db");
    expect(entries).not.toMatch(/^media\//m);
  });
});
