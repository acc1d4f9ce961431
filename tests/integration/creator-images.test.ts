// Creator avatars and banners: uploaded through the media pipeline, cropped into square / 3:1 WebP
// variants, public to everyone, outside the vault, and shown wherever the creator's card appears; a
// replaced or removed one leaves no files, on local disk and in an S3 bucket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { startS3, type TestS3 } from "../helpers/s3.ts";
import * as fx from "../fixtures/media.ts";

const AVATAR = "/api/v1/creators/me/avatar";
const BANNER = "/api/v1/creators/me/banner";

describe.each(["local", "s3"] as const)("creator profile images on %s storage", (driver) => {
  let app: TestApp;
  let s3: TestS3 | null = null;
  let creator: Actor, fan: Actor;
  /** Whether a medium has files, looked up on the disk or in the bucket itself. */
  const hasFiles = async (id: string) =>
    s3 ? (await s3.keys(`media/${id}/`)).length > 0 : existsSync(join(app.dir, "media", id));
  const until = async (test: () => Promise<boolean>) => {
    const deadline = Date.now() + 5000;
    while (!(await test()) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
    return test();
  };

  const profile = async (username = "pixstudio") =>
    (await app.get(`/api/v1/creators/${username}`)).body.creator;
  /** Waits until the profile shows an image other than `previous` (or gives up after 20 s). */
  const settled = async (field: "avatarUrl" | "bannerUrl", previous: string | null = null) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const c = await profile();
      if (c[field] !== previous || Date.now() > deadline) return c;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  const media = async (id: string) => (await app.get(`/api/v1/media/${id}`, creator.token)).body.media;
  const image = async (url: string) => {
    const res = await fetch(app.base + url); // logged out
    expect(res.status, url).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await res.arrayBuffer());
    return { meta: await sharp(bytes).metadata(), bytes };
  };
  /** `srcset` candidates as [url, width]. */
  const candidates = (srcset: string) =>
    srcset.split(", ").map((c) => {
      const [url, w] = c.split(" ");
      return [url!, Number(w!.replace("w", ""))] as const;
    });

  beforeAll(async () => {
    if (driver === "s3") s3 = await startS3();
    app = await startTestApp({
      jobs: true,
      env: {
        FANZ_MEDIA__MAX_UPLOAD_MB: "8",
        FANZ_MEDIA__MAX_PROFILE_IMAGE_MB: "2",
        FANZ_JOBS__WORKERS: "2",
        ...s3?.env,
      },
    });
    creator = await app.creator("pixstudio", { priceCents: 500 });
    fan = await app.signup("pixfan");
  });
  afterAll(async () => {
    await app.close();
    await s3?.stop();
  });

  it("an avatar upload becomes square WebP variants without EXIF, public, in the profile and on post cards", async () => {
    const post = await app.postAs(creator, { text: "hello", visibility: "public" });
    // Author cards are cached: this read stores the card without an avatar.
    const before = await app.get(`/api/v1/posts/${post.id}`);
    expect(before.body.post.creator.avatarUrl).toBeNull();

    const up = await app.upload(creator, await fx.jpegWithGps(), "me.jpg", AVATAR);
    expect(up.status).toBe(202);
    expect(up.body.creator).toMatchObject({ username: "pixstudio", avatarUrl: null });
    expect(up.body.media).toMatchObject({ kind: "image", status: "processing" });

    const c = await settled("avatarUrl");
    expect(c.avatarUrl).toMatch(new RegExp(`^/media/${up.body.media.id}/`));
    const sizes = candidates(c.avatarSrcset);
    // The source is 300x400 after rotation: 64, 128 and 256 fit inside it.
    expect(sizes.map(([, w]) => w)).toEqual([64, 128, 256]);
    for (const [url, w] of sizes) {
      const { meta } = await image(url);
      expect([meta.width, meta.height]).toEqual([w, w]);
      expect(meta.exif).toBeUndefined();
    }
    expect(c.avatarUrl).toBe(sizes.at(-1)![0]);

    // The author card, the feed of the creator's page, the creator list and the signed-in self.
    expect((await app.get(`/api/v1/posts/${post.id}`)).body.post.creator).toMatchObject({
      avatarUrl: c.avatarUrl,
      avatarSrcset: c.avatarSrcset,
    });
    const page = await app.get(`/api/v1/creators/pixstudio/posts`);
    expect(page.body.items[0].creator.avatarUrl).toBe(c.avatarUrl);
    const list = await app.get(`/api/v1/creators?query=pixstudio`);
    expect(list.body.items[0].avatarUrl).toBe(c.avatarUrl);
    expect((await app.get("/api/v1/users/me", creator.token)).body.user.avatarUrl).toBe(c.avatarUrl);
    await app.grant(fan, creator);
    const feed = await app.get("/api/v1/feed", fan.token);
    expect(feed.body.items.find((p: { id: string }) => p.id === post.id).creator.avatarUrl).toBe(c.avatarUrl);

    // nginx asks the same question for a logged-out viewer.
    const auth = await fetch(app.base + "/internal/media-auth", {
      headers: { "x-original-uri": c.avatarUrl },
    });
    expect(auth.status).toBe(200);
  });

  it("crops the region the creator chose", async () => {
    // The fixture's top-left quadrant is orange, the rest blue.
    const up = await app.upload(creator, await fx.png(800, 800), "sq.png", `${AVATAR}?crop=0,0,0.5,0.5`);
    expect(up.status).toBe(202);
    const c = await settled("avatarUrl", (await profile()).avatarUrl);
    const { bytes } = await image(c.avatarUrl);
    const { channels } = await sharp(bytes).stats();
    // Orange (#e0a030) everywhere: the blue never made it in.
    expect(channels[0]!.mean).toBeGreaterThan(200);
    expect(channels[2]!.mean).toBeLessThan(70);
  });

  it("refuses a crop outside the image", async () => {
    const r = await app.upload(creator, await fx.png(200, 200), "x.png", `${AVATAR}?crop=0.8,0,0.5,0.5`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
  });

  it("a banner becomes 3:1 variants 320, 640, 1280 and 1920 wide", async () => {
    const up = await app.upload(creator, await fx.jpeg(2400, 1200), "wide.jpg", BANNER);
    expect(up.status).toBe(202);
    const c = await settled("bannerUrl");
    const sizes = candidates(c.bannerSrcset);
    expect(sizes.map(([, w]) => w)).toEqual([320, 640, 1280, 1920]);
    for (const [url, w] of sizes) {
      const { meta } = await image(url);
      expect([meta.width, meta.height]).toEqual([w, Math.round(w / 3)]);
    }
  });

  it("replacing the avatar removes the old medium and its files", async () => {
    const old = (await profile()).avatarUrl as string;
    const oldId = old.split("/")[2]!;
    expect(await hasFiles(oldId)).toBe(true);
    const up = await app.upload(creator, await fx.jpeg(600, 600), "new.jpg", AVATAR);
    expect(up.status).toBe(202);
    const c = await settled("avatarUrl", old);
    expect(c.avatarUrl).toMatch(new RegExp(`^/media/${up.body.media.id}/`));
    expect((await fetch(app.base + old)).status).toBe(404);
    expect((await app.get(`/api/v1/media/${oldId}`, creator.token)).status).toBe(404);
    // Files go right after the commit that removed the row.
    expect(await until(async () => !(await hasFiles(oldId)))).toBe(true);
    expect(await hasFiles(up.body.media.id)).toBe(true);
    // No worker copies are left behind either.
    expect(readdirSync(join(app.dir, "tmp"))).toEqual([]);
  });

  it("a file that fails processing leaves the current avatar in place and says why", async () => {
    const current = (await profile()).avatarUrl;
    const full = await fx.jpeg(800, 800);
    const up = await app.upload(creator, full.subarray(0, full.length / 2), "half.jpg", AVATAR);
    expect(up.status).toBe(202);
    const deadline = Date.now() + 20_000;
    let m = await media(up.body.media.id);
    while (m.status === "processing" && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 50));
      m = await media(up.body.media.id);
    }
    expect(m).toMatchObject({ status: "failed" });
    expect(m.reason).toMatch(/could not be read/);
    expect((await profile()).avatarUrl).toBe(current);
  });

  it("profile images stay out of the vault and cannot be attached to a post", async () => {
    const c = await profile();
    const ids = [c.avatarUrl, c.bannerUrl].map((u: string) => u.split("/")[2]);
    const vault = await app.get("/api/v1/media?limit=100", creator.token);
    expect(vault.status).toBe(200);
    for (const id of ids) expect(vault.body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    const r = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "public", mediaIds: [ids[0]] },
      creator.token,
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/profile image/i);
  });

  it("refuses videos and junk (415), non-creators (403), logged-out callers (401) and big files (413)", async () => {
    const mp4 = Buffer.concat([
      Buffer.from("\0\0\0\x18ftypisom\0\0\x02\0isomiso2", "latin1"),
      Buffer.alloc(512),
    ]);
    for (const [bytes, name] of [
      [mp4, "clip.mp4"],
      [Buffer.from("just some text, not an image"), "notes.txt"],
    ] as const) {
      const r = await app.upload(creator, bytes, name, AVATAR);
      expect(r.status, name).toBe(415);
      expect(r.body.error.code).toBe("unsupported_media_type");
    }
    const notCreator = await app.upload(fan, await fx.png(100, 100), "a.png", AVATAR);
    expect(notCreator.status).toBe(403);
    expect((await app.upload(null, await fx.png(100, 100), "a.png", BANNER)).status).toBe(401);

    // The profile limit (2 MB here), not the 1 MB limit on JSON bodies, and not the vault's 8 MB.
    const withinLimit = await app.upload(creator, await fx.bigPng(1_500_000), "ok.png", AVATAR);
    expect(withinLimit.status).toBe(202);
    const big = await fx.bigPng(2_500_000);
    const tooBig = await app.upload(creator, big, "big.png", BANNER);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({
      code: "payload_too_large",
      message: "The file is larger than 2 MB.",
    });
    expect((await app.upload(creator, big, "big.png")).status).toBe(201);
  });

  it("DELETE goes back to the generated fallback and removes the files", async () => {
    const before = await profile();
    const avatarId = before.avatarUrl.split("/")[2];
    const bannerId = before.bannerUrl.split("/")[2];
    const r = await app.del(AVATAR, creator.token);
    expect(r.status).toBe(200);
    expect(r.body.creator).toMatchObject({ avatarUrl: null, avatarSrcset: null });
    expect(r.body.creator.bannerUrl).toBe(before.bannerUrl);
    const b = await app.del(BANNER, creator.token);
    expect(b.body.creator).toMatchObject({ bannerUrl: null, bannerSrcset: null });
    expect((await fetch(app.base + before.avatarUrl)).status).toBe(404);
    expect((await app.get("/api/v1/creators/pixstudio/posts")).body.items[0].creator.avatarUrl).toBeNull();
    const gone = async () => !(await hasFiles(avatarId)) && !(await hasFiles(bannerId));
    expect(await until(gone)).toBe(true);
    expect((await app.del(AVATAR, fan.token)).status).toBe(403);
  });
});
