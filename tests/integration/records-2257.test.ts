// 2257 records over real HTTP on a real database (both engines): posts name verified co-performers (held
// as drafts until each confirms; a decline keeps them held) or the creator's releases (legal identity,
// 18+, ID document and signed release, stored encrypted); the admin's export is a zip, read back with
// yauzl, whose CSV has a line per post and performer with legal names and dates of birth and whose
// documents are the decrypted uploads; the public custodian-of-records statement.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { birthDate, pdf, photo, privateFiles, sendForm, submitKyc } from "../helpers/compliance.ts";
import { parseCsvRecords } from "../helpers/csv.ts";

/** Every entry of a zip, by name. */
function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((ok, ko) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return ko(err);
      const out = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return ko(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => ok(out));
      zip.on("error", ko);
      zip.readEntry();
    });
  });
}

describe("2257 records: co-performers, releases and the export", () => {
  let app: TestApp;
  let admin: Actor, star: Actor, partner: Actor, unverified: Actor, fan: Actor;
  const uploads = new Map<string, Buffer>();

  /** A creator with an approved verification, whose ID photo is remembered for the export check. */
  async function verifiedCreator(name: string, legalName: string, dob: string) {
    const c = await app.creator(name);
    const id = await photo(500, 320, name.length);
    const r = await submitKyc(app, c, {
      fields: { legalName, dateOfBirth: dob },
      files: { idDocument: { bytes: id, name: "id.jpg" } },
    });
    expect(r.status).toBe(201);
    uploads.set(`${name}:id`, id);
    await app.post(`/api/v1/admin/kyc/${r.body.kyc.id}/approve`, undefined, admin.token);
    return c;
  }
  const notifications = async (a: Actor) =>
    (await app.get("/api/v1/notifications", a.token)).body.items as { kind: string; data: any }[];
  const request = async (a: Actor, postId: string) =>
    ((await app.get("/api/v1/records/requests", a.token)).body.items as any[]).find(
      (r) => r.postId === postId,
    );
  const addRelease = (a: Actor, fields: Record<string, string>, idDoc: Buffer, release: Buffer) =>
    sendForm(app, a, "/api/v1/releases", fields, {
      idDocument: { bytes: idDoc, name: "licence.jpg" },
      releaseDocument: { bytes: release, name: "release.pdf" },
    });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signupAdmin();
    star = await verifiedCreator("star", "Stella Marie Ray", "1990-04-12");
    partner = await verifiedCreator("partner", "Paul O. Artner", "1988-11-30");
    unverified = await app.creator("unverified");
    fan = await app.signup("records_fan");
    await app.grant(fan, star);
  });
  afterAll(() => app.close());

  it("co-performers must be verified creators; the post is held until they confirm", async () => {
    const bad = await app.post(
      "/api/v1/posts",
      {
        text: "duo",
        visibility: "subscribers",
        coPerformers: [{ username: "unverified" }, { username: "nobody" }],
      },
      star.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("co_performer_not_verified");
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual([
      "coPerformers.0.username",
      "coPerformers.1.username",
    ]);
    expect(
      (
        await app.post(
          "/api/v1/posts",
          { text: "x", visibility: "public", coPerformers: [{ username: "star" }] },
          star.token,
        )
      ).status,
    ).toBe(400);

    const post = await app.postAs(star, {
      text: "With Paul",
      visibility: "subscribers",
      coPerformers: [{ username: "partner" }],
    });
    expect(post.status).toBe("draft");
    expect((await app.get(`/api/v1/posts/${post.id}`, fan.token)).status).toBe(404);
    expect((await app.get("/api/v1/feed", fan.token)).body.items.map((p: any) => p.id)).not.toContain(
      post.id,
    );
    const held = (await app.get("/api/v1/records/held", star.token)).body.items;
    expect(held).toEqual([
      { postId: post.id, publishAt: null, waitingFor: [{ username: "partner", status: "pending" }] },
    ]);
    expect((await app.get(`/api/v1/records/posts/${post.id}`, star.token)).body.performers).toEqual({
      held: true,
      coPerformers: [{ username: "partner", status: "pending" }],
      releases: [],
    });

    // The co-performer is asked, and confirms: the post goes out.
    const asked = (await notifications(partner)).find((n) => n.kind === "co_performer_request");
    expect(asked?.data.postId).toBe(post.id);
    const req = await request(partner, post.id);
    expect(req).toMatchObject({ status: "pending", creator: { username: "star" } });
    expect((await app.post(`/api/v1/records/requests/${req.id}/confirm`, undefined, fan.token)).status).toBe(
      404,
    );
    expect(
      (await app.post(`/api/v1/records/requests/${req.id}/confirm`, undefined, partner.token)).status,
    ).toBe(204);
    expect(
      (await app.post(`/api/v1/records/requests/${req.id}/confirm`, undefined, partner.token)).body.error
        .code,
    ).toBe("already_decided");
    const live = await app.get(`/api/v1/posts/${post.id}`, fan.token);
    expect(live.status).toBe(200);
    expect(live.body.post.status).toBe("published");
    expect((await app.get("/api/v1/feed", fan.token)).body.items.map((p: any) => p.id)).toContain(post.id);
    expect((await notifications(star)).map((n) => n.kind)).toContain("post_released");
    expect((await app.get("/api/v1/records/held", star.token)).body.items).toEqual([]);

    // Published: its co-performers are fixed.
    const locked = await app.patch(`/api/v1/posts/${post.id}`, { coPerformers: [] }, star.token);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("performers_locked");
  });

  it("a decline keeps the post held; removing the co-performer publishes it as asked", async () => {
    const post = await app.postAs(star, {
      text: "Take two",
      visibility: "public",
      coPerformers: [{ username: "partner" }],
    });
    const req = await request(partner, post.id);
    expect(
      (await app.post(`/api/v1/records/requests/${req.id}/decline`, undefined, partner.token)).status,
    ).toBe(204);
    expect((await app.get(`/api/v1/posts/${post.id}`, fan.token)).status).toBe(404);
    expect((await notifications(star))[0]!.kind).toBe("co_performer_declined");
    expect((await app.get("/api/v1/records/held", star.token)).body.items[0]).toMatchObject({
      postId: post.id,
      waitingFor: [{ username: "partner", status: "declined" }],
    });
    // Editing the text keeps it held; taking the co-performer off lets it out.
    expect(
      (await app.patch(`/api/v1/posts/${post.id}`, { text: "Take two, edited" }, star.token)).body.post
        .status,
    ).toBe("draft");
    const out = await app.patch(`/api/v1/posts/${post.id}`, { coPerformers: [] }, star.token);
    expect(out.body.post.status).toBe("published");
    expect((await app.get(`/api/v1/posts/${post.id}`, fan.token)).status).toBe(200);
  });

  it("releases: 18+, both documents, stored encrypted; named by the creator's own posts only", async () => {
    const before = privateFiles(app);
    const young = await addRelease(
      star,
      { legalName: "Too Young", dateOfBirth: birthDate(17) },
      await photo(),
      pdf(),
    );
    expect(young.status).toBe(400);
    expect(young.body.error.code).toBe("under_18");
    const noPdf = await sendForm(
      app,
      star,
      "/api/v1/releases",
      { legalName: "A", dateOfBirth: "1990-01-01" },
      {
        idDocument: { bytes: await photo(), name: "id.jpg" },
      },
    );
    expect(Object.keys(noPdf.body.error.details.fields)).toEqual(["releaseDocument"]);
    expect(privateFiles(app)).toEqual(before);
    expect(
      (await addRelease(fan, { legalName: "X", dateOfBirth: "1990-01-01" }, await photo(), pdf())).body.error
        .code,
    ).toBe("not_a_creator");

    const idDoc = await photo(420, 300, 42);
    const signed = pdf("Release of Rhea Lease, signed");
    uploads.set("release:id", idDoc);
    uploads.set("release:signed", signed);
    const r = await addRelease(
      star,
      { legalName: "Rhea Lease", dateOfBirth: "1995-06-01", otherNames: "Rhea L.\nRL Stage" },
      idDoc,
      signed,
    );
    expect(r.status).toBe(201);
    expect(r.body.release).toMatchObject({
      legalName: "Rhea Lease",
      dateOfBirth: "1995-06-01",
      otherNames: ["Rhea L.", "RL Stage"],
    });
    expect((await app.get("/api/v1/releases", star.token)).body.items.map((x: any) => x.id)).toEqual([
      r.body.release.id,
    ]);
    expect((await app.get("/api/v1/releases", partner.token)).body.items).toEqual([]);

    const theirs = await app.post(
      "/api/v1/posts",
      { text: "x", visibility: "public", releaseIds: [r.body.release.id] },
      partner.token,
    );
    expect(theirs.status).toBe(400);
    const post = await app.postAs(star, {
      text: "With Rhea",
      visibility: "ppv",
      priceCents: 900,
      releaseIds: [r.body.release.id],
    });
    expect(post.status).toBe("published"); // releases need no confirmation
    expect((await app.get(`/api/v1/records/posts/${post.id}`, star.token)).body.performers.releases).toEqual([
      { id: r.body.release.id, legalName: "Rhea Lease" },
    ]);
    uploads.set("release:post", Buffer.from(post.id));
  });

  it("the export: a zip of every post's performers with legal names and dates of birth, and the documents", async () => {
    expect((await app.getRaw("/api/v1/admin/records/2257", star)).status).toBe(403);
    const solo = await app.postAs(unverified, { text: "Solo", visibility: "public" });
    const res = await app.getRaw("/api/v1/admin/records/2257", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="2257-records-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    expect([...files.keys()].filter((n) => !n.startsWith("documents/")).sort()).toEqual([
      "README.txt",
      "performers.csv",
      "records.csv",
    ]);
    const records = parseCsvRecords(files.get("records.csv")!.toString());
    const duo = records.filter(
      (r) => r.post_id && records.find((x) => x.post_id === r.post_id && x.performer_role === "co_performer"),
    );
    const duoPost = duo[0]!.post_id;
    expect(
      records
        .filter((r) => r.post_id === duoPost)
        .map((r) => [
          r.performer_role,
          r.performer_username,
          r.legal_name,
          r.date_of_birth,
          r.performer_status,
        ]),
    ).toEqual([
      ["creator", "star", "Stella Marie Ray", "1990-04-12", "creator"],
      ["co_performer", "partner", "Paul O. Artner", "1988-11-30", "confirmed"],
    ]);
    const starRow = records.find((r) => r.post_id === duoPost && r.performer_role === "creator")!;
    expect(starRow).toMatchObject({ post_status: "published", country: "US", record_type: "kyc" });
    expect(Number(starRow.age_on_post_date)).toBeGreaterThanOrEqual(18);
    expect(starRow.id_document).toMatch(/^documents\/[a-z2-7]{26}\.jpg$/);
    expect(files.get(starRow.id_document!)!.equals(uploads.get("star:id")!)).toBe(true);
    expect(
      files
        .get(starRow.selfie!)!
        .subarray(0, 3)
        .equals(Buffer.from([0xff, 0xd8, 0xff])),
    ).toBe(true);

    const releasePost = uploads.get("release:post")!.toString();
    const rel = records.find((r) => r.post_id === releasePost && r.performer_role === "release")!;
    expect(rel).toMatchObject({
      legal_name: "Rhea Lease",
      other_names: "Rhea L.; RL Stage",
      date_of_birth: "1995-06-01",
      record_type: "release",
    });
    expect(files.get(rel.id_document!)!.equals(uploads.get("release:id")!)).toBe(true);
    expect(files.get(rel.release_document!)!.equals(uploads.get("release:signed")!)).toBe(true);
    expect(rel.release_document).toMatch(/\.pdf$/);
    // A creator without a verification: the line says the record is missing.
    expect(records.find((r) => r.post_id === solo.id)).toMatchObject({
      performer_username: "unverified",
      legal_name: "",
      record_type: "missing",
    });
    const performers = parseCsvRecords(files.get("performers.csv")!.toString());
    expect(performers.map((p) => p.legal_name).sort()).toEqual([
      "Paul O. Artner",
      "Rhea Lease",
      "Stella Marie Ray",
    ]);
    const [entry] = (await app.get("/api/v1/admin/audit?action=records.export", admin.token)).body.items;
    expect(entry).toMatchObject({ actor: { id: admin.user.id }, action: "records.export" });
  });

  it("the custodian-of-records statement is public and comes from the site settings", async () => {
    const statement =
      "Records required by 18 U.S.C. 2257 are kept by: Custodian of Records, 1 Main St, Springfield.";
    expect(
      (await app.put("/api/v1/admin/settings", { custodianOfRecords: statement }, admin.token)).status,
    ).toBe(200);
    const r = await app.get("/api/v1/records/2257");
    expect(r.status).toBe(200);
    expect(r.body.statement).toEqual({ siteName: "Test Site", custodianOfRecords: statement });
  });
});
