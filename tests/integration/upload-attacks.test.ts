// The upload attack corpus (tests/fixtures/upload-attacks.ts) through every upload route: the vault
// (POST /media), avatar and banner (POST /creators/me/{image}), identity verification (POST /kyc) and
// releases (POST /releases). Each attack is refused with a 4xx JSON error and a code, never a 500; a refused
// upload leaves no file in the data dir and no row; polyglots that really are pictures are served only as
// re-encoded copies; and the worker pool still processes a good picture afterwards.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { birthDate, pdf, photo, privateFiles, sendForm } from "../helpers/compliance.ts";
import { until } from "../helpers/until.ts";
import * as fx from "../fixtures/media.ts";
import {
  neutralisedPolyglots,
  refusedByProcessing,
  SCRIPT,
  uploadAttacks,
  type Attack,
} from "../fixtures/upload-attacks.ts";

describe("upload attack corpus", () => {
  let app: TestApp;
  let creator: Actor;
  let attacks: Attack[];
  const ROWS = ["media", "jobs", "kyc_submissions", "releases", "compliance_documents"];

  const count = async (table: string) =>
    Number(((await app.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get()) as { n: number | string }).n);
  const counts = async () =>
    Object.fromEntries(await Promise.all(ROWS.map(async (t) => [t, await count(t)])));
  const ls = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  /** Media directories without a row (what the orphan sweep would have to remove). */
  async function orphanMediaDirs(): Promise<string[]> {
    const ids = new Set(
      ((await app.raw.prepare("SELECT id FROM media").all()) as { id: string }[]).map((r) => r.id),
    );
    return ls(join(app.dir, "media")).filter((d) => !ids.has(d));
  }
  const media = async (id: string) => (await app.get(`/api/v1/media/${id}`, creator.token)).body.media;
  const settled = (id: string) =>
    until(`media ${id} processed`, async () => {
      const m = await media(id);
      return m.status !== "processing" && m;
    });

  beforeAll(async () => {
    app = await startTestApp({ jobs: true, env: { FANZ_JOBS__WORKERS: "2" } });
    creator = await app.creator("uploader", { priceCents: 500 });
    attacks = await uploadAttacks();
  }, 60_000);
  afterAll(() => app.close());

  function expectRefusal(r: { status: number; body: any }, what: string) {
    expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
    expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
    expect(typeof r.body?.error?.code, what).toBe("string");
    expect(typeof r.body?.error?.message, what).toBe("string");
  }

  it("refuses every attack on the vault, the avatar and the banner, leaving nothing behind", async () => {
    const before = await counts();
    const codes: Record<string, string[]> = {};
    for (const path of ["/api/v1/media", "/api/v1/creators/me/avatar", "/api/v1/creators/me/banner"]) {
      for (const a of attacks) {
        const r = await app.upload(creator, a.bytes, a.fileName, path);
        expectRefusal(r, `${a.name} -> ${path}`);
        (codes[a.name] ??= []).push(`${r.status} ${r.body.error.code}`);
      }
    }
    // Sniffed from the bytes, never the name; a header that does not parse, or declares more pixels than
    // the workers decode (sharp's limit), is refused before anything is stored.
    for (const a of attacks)
      expect(codes[a.name], a.name).toEqual(Array(3).fill("415 unsupported_media_type"));
    expect(await counts()).toEqual(before);
    expect(ls(join(app.dir, "tmp"))).toEqual([]);
    expect(await orphanMediaDirs()).toEqual([]);
  }, 120_000);

  it("serves polyglots that really are pictures only as re-encoded copies, never the original bytes", async () => {
    for (const a of await neutralisedPolyglots()) {
      const up = await app.upload(creator, a.bytes, a.fileName);
      expect(up.status, a.name).toBe(201);
      const m = await settled(up.body.media.id);
      expect(m.status, a.name).toBe("ready");
      // Every variant's URL (srcset lists the same files with their widths).
      const urls = Object.entries(m.urls)
        .filter(([k, u]) => k !== "srcset" && typeof u === "string")
        .map(([, u]) => u as string);
      expect(urls.length).toBeGreaterThan(2);
      for (const url of urls) {
        const res = await app.getRaw(url, creator);
        expect(res.status, url).toBe(200);
        expect(res.headers.get("content-type"), url).toMatch(/^image\/(webp|jpeg)$/);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.includes(Buffer.from("<script")), `${a.name}: ${url}`).toBe(false);
        expect(bytes.includes(Buffer.from("PK\x05\x06", "latin1")), `${a.name}: ${url}`).toBe(false);
      }
      // The uploaded file itself is never delivered.
      expect((await app.getRaw(`/media/${m.id}/original`, creator)).status).toBe(404);
    }
  }, 120_000);

  it("fails what only processing can find out with a reason, and the pool keeps working", async () => {
    for (const a of await refusedByProcessing()) {
      const up = await app.upload(creator, a.bytes, a.fileName);
      expect(up.status, `${a.name}: ${JSON.stringify(up.body)}`).toBe(201);
      const m = await settled(up.body.media.id);
      expect(m.status, a.name).toBe("failed");
      expect(m.reason, a.name).toMatch(/could not be read|not a video|could not/i);
      // A failed medium cannot be posted.
      const post = await app.post(
        "/api/v1/posts",
        { text: "x", visibility: "public", mediaIds: [m.id] },
        creator.token,
      );
      expectRefusal(post, a.name);
    }
    // The worker pool survived every attack: a good picture and a good avatar still process.
    const good = await app.upload(creator, await fx.jpeg(640, 480), "good.jpg");
    expect((await settled(good.body.media.id)).status).toBe("ready");
    const avatar = await app.upload(creator, await fx.png(300, 300), "me.png", "/api/v1/creators/me/avatar");
    expect(avatar.status).toBe(202);
    expect((await settled(avatar.body.media.id)).status).toBe("ready");
    expect(ls(join(app.dir, "tmp")).filter((f) => !f.endsWith(".work"))).toEqual([]);
    expect(await orphanMediaDirs()).toEqual([]);
    expect((await app.get("/readyz")).status).toBe(200);
  }, 120_000);

  it("refuses every attack as a verification or release document, leaving no file and no row", async () => {
    const before = await counts();
    const good = { legalName: "Jane Q. Performer", dateOfBirth: birthDate(30), country: "US" };
    const selfie = { bytes: await photo(480, 640, 9), name: "selfie.jpg" };
    for (const a of attacks) {
      const doc = { bytes: a.bytes, name: a.fileName };
      const kyc = await sendForm(app, creator, "/api/v1/kyc", good, { idDocument: doc, selfie });
      expectRefusal(kyc, `${a.name} -> /kyc`);
      expect(kyc.body.error.code, a.name).toBe(a.bytes.length === 0 ? "empty_file" : "unsupported_document");
      if (/pixels|PNG decompression bomb/.test(a.name))
        expect(kyc.body.error.message, a.name).toMatch(/more pixels/);
      const release = await sendForm(
        app,
        creator,
        "/api/v1/releases",
        { legalName: "R. Performer", dateOfBirth: birthDate(25) },
        { idDocument: { bytes: await photo(320, 200, 3), name: "id.jpg" }, releaseDocument: doc },
      );
      expectRefusal(release, `${a.name} -> /releases`);
    }
    expect(await counts()).toEqual(before);
    expect(privateFiles(app)).toEqual([]);
    // A real one still goes through afterwards, also a photo larger than the header bytes kept to read it.
    const ok = await sendForm(
      app,
      creator,
      "/api/v1/releases",
      { legalName: "R", dateOfBirth: birthDate(25) },
      {
        idDocument: { bytes: await fx.bigPng(900_000), name: "id.png" },
        releaseDocument: { bytes: pdf(), name: "release.pdf" },
      },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(SCRIPT).toContain("<script>");
  }, 120_000);
});
