// Uploads, processing into variants, the vault, posts with media, and protected delivery; on both storage
// drivers (local disk, and an S3 bucket on a real S3-compatible server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";
import * as fx from "../fixtures/media.ts";

describe.each(["local", "s3"] as const)("media on %s storage: upload, processing, delivery", (driver) => {
  let app: TestApp;
  let s3: TestS3 | null = null;
  /** The files stored for a medium, read from the disk or the bucket itself. */
  const storedFiles = async (id: string) =>
    s3
      ? (await s3.keys(`media/${id}/`)).map((k) => k.slice(`media/${id}/`.length))
      : existsSync(join(app.dir, "media", id))
        ? readdirSync(join(app.dir, "media", id)).sort()
        : [];
  let creator: Actor, other: Actor, fan: Actor, subscriber: Actor, buyer: Actor, admin: Actor;

  const ready = async (id: string, who: Actor = creator) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await app.get(`/api/v1/media/${id}`, who.token);
      if (r.body.media.status !== "processing" || Date.now() > deadline) return r.body.media;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  const uploadReady = async (bytes: Buffer, name = "photo.jpg", who: Actor = creator) => {
    const r = await app.upload(who, bytes, name);
    expect(r.status).toBe(201);
    return ready(r.body.media.id, who);
  };
  const fetchAs = (path: string, who?: Actor | null, headers: Record<string, string> = {}) =>
    fetch(app.base + path, {
      headers: { ...headers, ...(who ? { authorization: `Bearer ${who.token}` } : {}) },
    });
  const tmpFiles = () => readdirSync(join(app.dir, "tmp"));

  beforeAll(async () => {
    if (driver === "s3") s3 = await startS3();
    app = await startTestApp({
      jobs: true,
      env: { FANZ_MEDIA__MAX_UPLOAD_MB: "1", FANZ_JOBS__WORKERS: "2", ...s3?.env },
    });
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    creator = await app.creator("mediastudio", { priceCents: 900 });
    other = await app.creator("otherstudio", { priceCents: 900 });
    fan = await app.signup("mfan");
    subscriber = await app.signup("msub");
    buyer = await app.signup("mbuyer");
    await app.grant(subscriber, creator);
  });
  afterAll(async () => {
    await app.close();
    await s3?.stop();
  });

  it("accepts each image type, sniffed from the bytes, and builds variants without upscaling", async () => {
    const cases: [string, Buffer, string, number, number][] = [
      ["a.jpg", await fx.jpeg(1600, 1200), "image/jpeg", 1600, 1200],
      ["a.png", await fx.png(800, 600), "image/png", 800, 600],
      ["a.webp", await fx.webp(3000, 2000), "image/webp", 3000, 2000],
      ["a.gif", await fx.gif(200, 100), "image/gif", 200, 100],
      ["a.avif", await fx.avif(300, 200), "image/avif", 300, 200],
      // The name lies; the content decides.
      ["looks-like.txt", await fx.png(120, 90), "image/png", 120, 90],
    ];
    for (const [name, bytes, mime, w, h] of cases) {
      const up = await app.upload(creator, bytes, name);
      expect(up.status, name).toBe(201);
      expect(up.body.media).toMatchObject({ kind: "image", status: "processing", mime });
      const m = await ready(up.body.media.id);
      expect(m, name).toMatchObject({ status: "ready", width: w, height: h, reason: null });
      // srcset names each distinct variant with its real width ("<url> <width>w"), smallest first.
      const srcset = new Map<string, number>(
        (m.urls.srcset as string).split(", ").map((c) => {
          const [u, wd] = c.split(" ");
          return [u!, Number(wd!.replace(/w$/, ""))];
        }),
      );
      const widths = [...srcset.values()];
      expect(widths, name).toEqual([...new Set(widths)].sort((a, b) => a - b));
      for (const [variant, max] of [
        ["thumb", 320],
        ["feed", 1080],
        ["full", 2560],
      ] as const) {
        const res = await fetchAs(m.urls[variant], creator);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/webp");
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
        expect(Math.max(meta.width, meta.height), `${name} ${variant}`).toBe(Math.min(max, Math.max(w, h)));
        if (srcset.has(m.urls[variant]))
          expect(srcset.get(m.urls[variant]), `${name} ${variant}`).toBe(meta.width);
        else expect(widths, `${name} ${variant}: a variant as wide as one listed`).toContain(meta.width);
        const jpg = await fetchAs(m.urls.fallback[variant], creator);
        expect(jpg.headers.get("content-type")).toBe("image/jpeg");
        await jpg.arrayBuffer();
      }
      const prev = await sharp(
        Buffer.from(await (await fetchAs(m.urls.preview, creator)).arrayBuffer()),
      ).metadata();
      expect(Math.max(prev.width, prev.height)).toBeLessThanOrEqual(64);
      expect(await storedFiles(m.id)).toEqual(
        ["original", "preview.webp"]
          .concat(...["feed", "full", "thumb"].map((v) => [`${v}.jpg`, `${v}.webp`]))
          .sort(),
      );
    }
    // Workers' copies (s3) and uploads' temporary files are gone.
    expect(tmpFiles()).toEqual([]);
    if (s3) expect(readdirSync(join(app.dir, "media"))).toEqual([]);
  });

  it("strips EXIF and GPS and applies the orientation", async () => {
    const input = await fx.jpegWithGps();
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif?.includes(Buffer.from("SpyCam"))).toBe(true);
    expect(inMeta.orientation).toBe(6);
    const m = await uploadReady(input, "gps.jpg");
    expect(m).toMatchObject({ width: 300, height: 400 });
    for (const url of [
      m.urls.thumb,
      m.urls.feed,
      m.urls.full,
      m.urls.preview,
      ...Object.values(m.urls.fallback),
    ]) {
      const bytes = Buffer.from(await (await fetchAs(url as string, creator)).arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, url as string).toBeUndefined();
      expect(bytes.includes(Buffer.from("SpyCam"))).toBe(false);
      expect(meta.height! >= meta.width!).toBe(true);
    }
  });

  it("rejects what is not media, what is too large, and uploads by non-creators", async () => {
    const polyglot = Buffer.concat([
      Buffer.from("GIF89a"),
      Buffer.from("/*<script>alert(1)</script>*/".repeat(20)),
    ]);
    const r1 = await app.upload(creator, polyglot, "x.gif");
    expect(r1.status).toBe(415);
    expect(r1.body.error.code).toBe("unsupported_media_type");
    const full = await fx.jpeg(800, 600);
    expect((await app.upload(creator, full.subarray(0, 10), "cut.jpg")).status).toBe(415);
    expect((await app.upload(creator, Buffer.from("hello, world"), "a.jpg")).status).toBe(415);
    const fakeHeic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypheic"),
      Buffer.alloc(200, 7),
    ]);
    expect((await app.upload(creator, fakeHeic, "a.heic")).status).toBe(415);

    // Cut in the middle of the image data: accepted, then fails processing with a readable reason.
    const half = await app.upload(creator, full.subarray(0, Math.floor(full.length / 2)), "half.jpg");
    expect(half.status).toBe(201);
    const failed = await ready(half.body.media.id);
    expect(failed.status).toBe("failed");
    expect(failed.reason).toMatch(/could not be read/);
    const job = (await app.get("/api/v1/admin/jobs?status=failed", admin.token)).body.items[0];
    expect(job).toMatchObject({ name: "media.process", status: "failed", attempts: 1 });
    expect(job.lastError).toMatch(/could not be read/);

    // Over the limit while streaming (the declared length is within the multipart slack).
    const over = await fx.bigPng(1024 * 1024 + 10_000);
    const big = await app.upload(creator, over, "big.png");
    expect(big.status).toBe(413);
    expect(tmpFiles()).toEqual([]);
    // Far over the limit: refused from Content-Length before reading.
    expect((await app.upload(creator, Buffer.alloc(3 * 1024 * 1024), "huge.bin")).status).toBe(413);
    expect(tmpFiles()).toEqual([]);
    if (s3) expect(s3.pendingUploads()).toEqual([]);

    expect((await app.upload(fan, full, "a.jpg")).status).toBe(403);
    expect((await app.upload(null, full, "a.jpg")).status).toBe(401);
    const notMultipart = await app.call("POST", "/api/v1/media", { raw: "{}", token: creator.token });
    expect(notMultipart.status).toBe(400);
    const noFile = new FormData();
    noFile.append("other", "x");
    const r = await fetch(app.base + "/api/v1/media", {
      method: "POST",
      body: noFile,
      headers: { authorization: `Bearer ${creator.token}` },
    });
    expect(r.status).toBe(400);
  });

  it("never uses the client's file name as a path", async () => {
    // A control character in a part header is malformed HTTP: refused before any file is written.
    const nul = await app.upload(creator, await fx.png(50, 50), "../../../../etc/passwd\u0000.png");
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe("bad_multipart");
    expect(readdirSync(join(app.dir, "tmp"))).toEqual([]);
    const up = await app.upload(creator, await fx.png(50, 50), "../../../../etc/passwd\u202e.png");
    expect(up.status).toBe(201);
    expect(up.body.media.fileName).toBe("passwd.png");
    expect(await storedFiles(up.body.media.id)).toContain("original");
    expect(readdirSync(join(app.dir)).sort()).toEqual(expect.arrayContaining(["media", "tmp"]));
    expect(existsSync(join(app.dir, "etc"))).toBe(false);
    await ready(up.body.media.id);
  });

  it("lists the creator's own vault with keyset pagination", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (;;) {
      const r = await app.get(`/api/v1/media?limit=3${cursor ? `&cursor=${cursor}` : ""}`, creator.token);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((m: { id: string }) => m.id));
      if (!r.body.nextCursor) break;
      cursor = r.body.nextCursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await app.get("/api/v1/media", other.token)).body.items).toEqual([]);
    expect((await app.get("/api/v1/media")).status).toBe(401);
  });

  it("gates every media URL by entitlement, and previews only for locked posts", async () => {
    const [mPub, mSubs, mPpv, mLoose] = [
      await uploadReady(await fx.jpeg(640, 480)),
      await uploadReady(await fx.jpeg(640, 480)),
      await uploadReady(await fx.jpeg(640, 480)),
      await uploadReady(await fx.jpeg(640, 480)),
    ];
    await app.postAs(creator, { text: "pub", visibility: "public", mediaIds: [mPub.id] });
    const subs = await app.postAs(creator, { text: "subs", visibility: "subscribers", mediaIds: [mSubs.id] });
    const ppv = await app.postAs(creator, {
      text: "ppv",
      visibility: "ppv",
      priceCents: 300,
      mediaIds: [mPpv.id, mPub.id],
    });
    await app.ctx.db.write((tx) => app.services.entitlement.grantPostUnlock(tx, buyer.user.id, ppv.id));

    // Locked post: only previews, with kind and dimensions so the card can count them.
    const lockedView = (await app.get(`/api/v1/posts/${ppv.id}`, fan.token)).body.post;
    expect(lockedView.locked).toBe(true);
    expect(lockedView.media).toHaveLength(2);
    expect(lockedView.media[0]).toMatchObject({
      id: mPpv.id,
      kind: "image",
      width: 640,
      height: 480,
      locked: true,
    });
    expect(lockedView.media[0].urls).toMatchObject({
      thumb: null,
      feed: null,
      full: null,
      fallback: null,
      srcset: null,
    });
    expect(lockedView.media[0].urls.preview).toMatch(/^\/media\/[a-z2-7]{26}\/preview\.webp$/);
    const openView = (await app.get(`/api/v1/posts/${ppv.id}`, buyer.token)).body.post;
    expect(openView.media.map((m: { id: string }) => m.id)).toEqual([mPpv.id, mPub.id]);
    expect(openView.media[0].urls.full).toBe(mPpv.urls.full);
    expect((await app.get(`/api/v1/posts/${subs.id}`, subscriber.token)).body.post.media[0].urls.feed).toBe(
      mSubs.urls.feed,
    );

    const who: Record<string, Actor | null> = {
      anon: null,
      fan,
      subscriber,
      buyer,
      owner: creator,
      admin,
      other,
    };
    // [media, expected status for full variant per viewer, expected for preview]
    const matrix: [string, typeof mPub, Record<string, number>, Record<string, number>][] = [
      [
        "public (also in ppv)",
        mPub,
        { anon: 200, fan: 200, subscriber: 200, buyer: 200, owner: 200, admin: 200, other: 200 },
        { anon: 200, fan: 200, subscriber: 200, buyer: 200, owner: 200, admin: 200, other: 200 },
      ],
      [
        "subscribers",
        mSubs,
        { anon: 401, fan: 403, subscriber: 200, buyer: 403, owner: 200, admin: 200, other: 403 },
        { anon: 200, fan: 200, subscriber: 200, buyer: 200, owner: 200, admin: 200, other: 200 },
      ],
      [
        "ppv",
        mPpv,
        { anon: 401, fan: 403, subscriber: 403, buyer: 200, owner: 200, admin: 200, other: 403 },
        { anon: 200, fan: 200, subscriber: 200, buyer: 200, owner: 200, admin: 200, other: 200 },
      ],
      [
        "in no post",
        mLoose,
        { anon: 404, fan: 404, subscriber: 404, buyer: 404, owner: 200, admin: 200, other: 404 },
        { anon: 404, fan: 404, subscriber: 404, buyer: 404, owner: 200, admin: 200, other: 404 },
      ],
    ];
    const authStatus = (s: number, viewer: Actor | null) => (s === 200 ? 200 : viewer ? 403 : 401);
    for (const [label, m, full, preview] of matrix) {
      for (const [name, viewer] of Object.entries(who)) {
        for (const [url, expected] of [
          [m.urls.full, full[name]],
          [m.urls.fallback.thumb, full[name]],
          [m.urls.preview, preview[name]],
        ] as [string, number][]) {
          const res = await fetchAs(url, viewer);
          await res.arrayBuffer();
          expect(res.status, `${label} ${name} ${url}`).toBe(expected);
          if (res.status === 200) expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
          // nginx auth_request: same decision, only 200/401/403.
          const auth = await fetchAs("/internal/media-auth", viewer, { "x-original-uri": url });
          expect(auth.status, `auth ${label} ${name} ${url}`).toBe(authStatus(expected, viewer));
        }
      }
      // The media resource follows the same rule (404 where nothing at all is visible).
      expect((await app.get(`/api/v1/media/${m.id}`, fan.token)).status).toBe(full.fan === 404 ? 404 : 200);
    }
    // Unknown files or media, and path tricks, are plain 404s.
    expect((await fetchAs(`/media/${mPub.id}/original`, creator)).status).toBe(404);
    expect((await fetchAs(`/media/${mPub.id}/..%2Foriginal`, creator)).status).toBe(404);
    expect((await fetchAs(`/media/${"a".repeat(26)}/full.webp`, creator)).status).toBe(404);
    expect((await fetchAs("/internal/media-auth", creator, { "x-original-uri": "/etc/passwd" })).status).toBe(
      403,
    );

    // A deleted post stops granting access.
    await app.del(`/api/v1/posts/${subs.id}`, creator.token);
    expect((await fetchAs(mSubs.urls.full, subscriber)).status).toBe(404);
  });

  it("the creator page's Media tab lists only posts with media, locked ones as previews, with counts", async () => {
    const [a, b, c] = [
      await uploadReady(await fx.jpeg(320, 240), "a.jpg", other),
      await uploadReady(await fx.jpeg(320, 240), "b.jpg", other),
      await uploadReady(await fx.jpeg(320, 240), "c.jpg", other),
    ];
    const pub = await app.postAs(other, { text: "pub", visibility: "public", mediaIds: [a.id] });
    await app.postAs(other, { text: "words only", visibility: "public" });
    const subs = await app.postAs(other, { text: "", visibility: "subscribers", mediaIds: [b.id, c.id] });
    const ppv = await app.postAs(other, {
      text: "ppv",
      visibility: "ppv",
      priceCents: 500,
      mediaIds: [c.id],
    });
    await app.postAs(other, {
      text: "draft with media",
      visibility: "public",
      mediaIds: [b.id],
      draft: true,
    });

    const tab = (cursor?: string) =>
      app.get(
        `/api/v1/creators/otherstudio/posts?only=media&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        fan.token,
      );
    const first = await tab();
    expect(first.status).toBe(200);
    const second = await tab(first.body.nextCursor);
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items];
    expect(items.map((p: { id: string }) => p.id)).toEqual([ppv.id, subs.id, pub.id]);
    const [lockedPpv, lockedSubs, open] = items;
    expect(lockedPpv).toMatchObject({ locked: true, priceCents: 500 });
    expect(lockedSubs.locked).toBe(true);
    for (const m of [...lockedPpv.media, ...lockedSubs.media]) {
      expect(m.urls).toMatchObject({ thumb: null, feed: null, full: null });
      expect(m.urls.preview).toMatch(/preview\.webp$/);
    }
    expect(lockedSubs.media).toHaveLength(2);
    expect(open.media[0].urls.thumb).toBe(a.urls.thumb);

    expect((await app.post(`/api/v1/posts/${pub.id}/likes`, undefined, fan.token)).status).toBe(200);
    const profile = (await app.get("/api/v1/creators/otherstudio", fan.token)).body.creator;
    expect(profile).toMatchObject({ postsCount: 4, mediaCount: 4, likesCount: 1 });
    expect((await app.get("/api/v1/creators/otherstudio/posts?only=photos", fan.token)).status).toBe(400);
  });

  it("attaches only the owner's own, usable media to posts, on create and edit", async () => {
    const mine = await uploadReady(await fx.png(64, 64));
    const theirs = await uploadReady(await fx.png(64, 64), "p.png", other);
    const bad = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "public", mediaIds: [theirs.id] },
      creator.token,
    );
    expect(bad.status).toBe(400);
    const dup = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "public", mediaIds: [mine.id, mine.id] },
      creator.token,
    );
    expect(dup.status).toBe(400);
    const p = await app.postAs(creator, { text: "x", visibility: "public" });
    expect(p.media).toEqual([]);
    const edited = await app.patch(`/api/v1/posts/${p.id}`, { mediaIds: [mine.id] }, creator.token);
    expect(edited.body.post.media.map((m: { id: string }) => m.id)).toEqual([mine.id]);
    const cleared = await app.patch(`/api/v1/posts/${p.id}`, { mediaIds: [] }, creator.token);
    expect(cleared.body.post.media).toEqual([]);
    // Still processing is fine: the post shows it once ready.
    const up = await app.upload(creator, await fx.png(64, 64), "p.png");
    const withProcessing = await app.patch(
      `/api/v1/posts/${p.id}`,
      { mediaIds: [up.body.media.id] },
      creator.token,
    );
    expect(withProcessing.status).toBe(200);
    await ready(up.body.media.id);

    // A photo set needs no caption; a post with neither words nor media is refused.
    const captionless = await app.post(
      "/api/v1/posts",
      { visibility: "public", mediaIds: [mine.id] },
      creator.token,
    );
    expect(captionless.status).toBe(201);
    expect(captionless.body.post).toMatchObject({
      text: "",
      media: [expect.objectContaining({ id: mine.id })],
    });
    const empty = await app.post(
      "/api/v1/posts",
      { text: " ", visibility: "public", mediaIds: [] },
      creator.token,
    );
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields.text).toBe("Write something or add media.");
  });

  it("serves byte ranges and revalidates with ETags", async () => {
    const m = await uploadReady(await fx.jpeg(1200, 900));
    const whole = await fetchAs(m.urls.full, creator);
    const body = Buffer.from(await whole.arrayBuffer());
    const etag = whole.headers.get("etag")!;
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(Number(whole.headers.get("content-length"))).toBe(body.length);

    const part = await fetchAs(m.urls.full, creator, { range: "bytes=10-99" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-99/${body.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(10, 100))).toBe(true);
    const tail = await fetchAs(m.urls.full, creator, { range: "bytes=-16" });
    expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(body.length - 16))).toBe(true);
    const open = await fetchAs(m.urls.full, creator, { range: `bytes=${body.length - 5}-` });
    expect(open.headers.get("content-range")).toBe(
      `bytes ${body.length - 5}-${body.length - 1}/${body.length}`,
    );
    await open.arrayBuffer();
    const bad = await fetchAs(m.urls.full, creator, { range: `bytes=${body.length}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers.get("content-range")).toBe(`bytes */${body.length}`);
    const cached = await fetchAs(m.urls.full, creator, { "if-none-match": etag });
    expect(cached.status).toBe(304);
    // Range checks come after entitlement: a stranger learns nothing.
    expect((await fetchAs(m.urls.full, fan, { range: "bytes=0-1" })).status).toBe(404);
  });

  it("watermarks feed and full variants when the site setting is on", async () => {
    const input = await fx.jpeg(1200, 900);
    const plain = await uploadReady(input);
    const set = await app.put("/api/v1/admin/settings", { watermark: true }, admin.token);
    expect(set.body.settings.watermark).toBe(true);
    const marked = await uploadReady(input);
    await app.put("/api/v1/admin/settings", { watermark: false }, admin.token);
    const raw = async (url: string) =>
      sharp(Buffer.from(await (await fetchAs(url, creator)).arrayBuffer()))
        .raw()
        .toBuffer();
    expect((await raw(marked.urls.feed)).equals(await raw(plain.urls.feed))).toBe(false);
    expect((await raw(marked.urls.thumb)).equals(await raw(plain.urls.thumb))).toBe(true);
  });

  it("shows jobs to admins only", async () => {
    const r = await app.get("/api/v1/admin/jobs?status=done&limit=2", admin.token);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(2);
    expect(r.body.items[0]).toMatchObject({ name: "media.process", status: "done", progress: 100 });
    expect(r.body.nextCursor).toBeTruthy();
    expect((await app.get("/api/v1/admin/jobs", creator.token)).status).toBe(403);
    expect((await app.get("/api/v1/admin/jobs?status=bogus", admin.token)).status).toBe(400);
  });

  it("limits uploads per person and reports the ffmpeg in use", async () => {
    const small = await startTestApp({ env: { FANZ_MEDIA__UPLOADS_PER_HOUR: "2", ...s3?.env } });
    try {
      const c = await small.creator("limited");
      const img = await fx.png(40, 40);
      expect((await small.upload(c, img, "1.png")).status).toBe(201);
      expect((await small.upload(c, img, "2.png")).status).toBe(201);
      const third = await small.upload(c, img, "3.png");
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBeTruthy();
      const ready = await small.get("/readyz");
      expect(ready.status).toBe(200);
      expect(ready.body.checks.storage).toBe("ok");
      expect(Object.keys(ready.body.ffmpeg)).toEqual(
        expect.arrayContaining(ready.body.ffmpeg.missing ? ["problems"] : ["path", "source", "version"]),
      );
    } finally {
      await small.close();
    }
  });
});
