// Creator verification (KYC) over real HTTP on a real database (both engines): a submission's documents
// are stored encrypted outside the media tree (the bytes on disk are not the upload, no JPEG header, no
// run of the photo's bytes), reachable through no media route, shown decrypted to admins only (no-store);
// under 18 and bad files leave no file and no row; admins approve and reject (audited, the creator told);
// with `requireCreatorVerification` on, every paid path answers 403 `kyc_required` until approval, and
// with it off nothing is gated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { birthDate, photo, privateFiles, submitKyc } from "../helpers/compliance.ts";
import { hashKey } from "../../src/modules/live/ingest.ts";
import * as fx from "../fixtures/media.ts";

describe("creator verification (KYC)", () => {
  let app: TestApp;
  let admin: Actor;

  const audit = async (action: string) =>
    (await app.get(`/api/v1/admin/audit?action=${action}`, admin.token)).body.items as any[];
  const setRequired = async (on: boolean) =>
    expect(
      (await app.put("/api/v1/admin/settings", { requireCreatorVerification: on }, admin.token)).status,
    ).toBe(200);
  const kycRows = async (userId: string) =>
    (await app.raw.prepare("SELECT * FROM kyc_submissions WHERE user_id = ?").all(userId)) as any[];
  const notifications = async (a: Actor) =>
    (await app.get("/api/v1/notifications", a.token)).body.items as { kind: string; text: string }[];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signupAdmin();
  });
  afterAll(() => app.close());

  it("a submission is pending; a second one while pending is 409; the person sees their status", async () => {
    const c = await app.creator("kyc_one");
    expect((await app.get("/api/v1/kyc", c.token)).body).toEqual({ kyc: null, required: false });
    const r = await submitKyc(app, c);
    expect(r.status).toBe(201);
    expect(r.body.kyc).toMatchObject({
      status: "pending",
      legalName: "Jane Q. Performer",
      country: "US",
      rejectionReason: null,
    });
    const again = await submitKyc(app, c);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("kyc_pending");
    expect((await app.get("/api/v1/kyc", c.token)).body.kyc).toMatchObject({
      id: r.body.kyc.id,
      status: "pending",
    });
    expect(await kycRows(c.user.id)).toHaveLength(1);
    const [entry] = await audit("kyc.submit");
    expect(entry).toMatchObject({ actor: { id: c.user.id }, target: { type: "kyc", id: r.body.kyc.id } });
  });

  it("documents are encrypted at rest outside the media tree; identity fields are sealed in the database", async () => {
    const c = await app.creator("kyc_disk");
    const idPhoto = await photo(800, 500, 3);
    const r = await submitKyc(app, c, { files: { idDocument: { bytes: idPhoto, name: "id.jpg" } } });
    expect(r.status).toBe(201);
    const detail = (await app.get(`/api/v1/admin/kyc/${r.body.kyc.id}`, admin.token)).body.kyc;
    expect(detail.documents.map((d: any) => d.kind)).toEqual(["id_document", "selfie"]);
    const doc = detail.documents[0];
    expect(doc).toMatchObject({ mime: "image/jpeg", sizeBytes: idPhoto.length, fileName: "id.jpg" });
    const path = app.services.compliance.storedPath(doc.id);
    expect(path).toBe(join(app.dir, "private", "documents", doc.id));
    const stored = readFileSync(path);
    expect(stored.equals(idPhoto)).toBe(false);
    expect(stored.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(stored.subarray(0, 4).toString()).toBe("FZD1");
    expect(stored.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    expect(stored.includes(idPhoto.subarray(1000, 1032))).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(app.dir, "private")).mode & 0o777).toBe(0o700);
    expect(statSync(join(app.dir, "documents.key")).mode & 0o777).toBe(0o600);
    const [row] = await kycRows(c.user.id);
    expect(JSON.stringify(row)).not.toContain("Performer");
    expect(JSON.stringify(row)).not.toContain(birthDate(30).slice(0, 4) + "-");
  });

  it("documents are unreachable through media routes; admins alone see them decrypted, never cached", async () => {
    const c = await app.creator("kyc_view");
    const idPhoto = await photo(600, 400, 11);
    const r = await submitKyc(app, c, { files: { idDocument: { bytes: idPhoto, name: "id.jpg" } } });
    const doc = (await app.get(`/api/v1/admin/kyc/${r.body.kyc.id}`, admin.token)).body.kyc.documents[0];
    for (const path of [
      `/media/${doc.id}/original`,
      `/media/${doc.id}/${doc.id}`,
      `/media/${doc.id}/full.webp`,
      `/media/../private/documents/${doc.id}`,
      `/media/%2e%2e/private/documents/${doc.id}`,
      `/private/documents/${doc.id}`,
    ]) {
      for (const who of [null, c, admin]) {
        const res = await app.getRaw(path, who);
        expect(res.status, `${path} as ${who?.user.username ?? "anonymous"}`).not.toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).includes(idPhoto.subarray(200, 232))).toBe(false);
      }
    }
    const auth = await fetch(`${app.base}/internal/media-auth`, {
      headers: { "x-original-uri": `/media/${doc.id}/original`, authorization: `Bearer ${admin.token}` },
    });
    expect(auth.status).toBe(403);

    expect((await app.getRaw(doc.url, null)).status).toBe(401);
    const asOwner = await app.getRaw(doc.url, c);
    expect(asOwner.status).toBe(403);
    expect(((await asOwner.json()) as any).error.code).toBe("admin_only");
    expect((await app.getRaw(`/api/v1/admin/kyc/${r.body.kyc.id}`, c)).status).toBe(403);
    expect((await app.getRaw("/api/v1/admin/kyc", c)).status).toBe(403);

    const res = await app.getRaw(doc.url, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await res.arrayBuffer()).equals(idPhoto)).toBe(true);
    const [seen] = await audit("document.view");
    expect(seen).toMatchObject({ actor: { id: admin.user.id }, target: { type: "document", id: doc.id } });
  });

  it("under 18 by date of birth is refused with 400 and keeps no file and no row", async () => {
    const c = await app.creator("kyc_young");
    const before = privateFiles(app);
    const r = await submitKyc(app, c, { fields: { dateOfBirth: birthDate(18, 1) } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("under_18");
    expect(r.body.error.details.fields).toEqual({ dateOfBirth: "Under 18" });
    expect(privateFiles(app)).toEqual(before);
    expect(await kycRows(c.user.id)).toEqual([]);
    // 18 today is old enough.
    expect((await submitKyc(app, c, { fields: { dateOfBirth: birthDate(18) } })).status).toBe(201);
  });

  it("incomplete or wrong forms are refused, naming what is wrong, and leave nothing behind", async () => {
    const c = await app.creator("kyc_bad");
    const before = privateFiles(app);
    const missing = await submitKyc(app, c, {
      fields: { legalName: "", country: "ZZ" },
      files: { selfie: null },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.details.fields).sort()).toEqual(["selfie"]);
    const fields = await submitKyc(app, c, {
      fields: { legalName: " ", country: "ZZ", dateOfBirth: "1990-02-31" },
    });
    expect(fields.status).toBe(400);
    expect(Object.keys(fields.body.error.details.fields).sort()).toEqual([
      "country",
      "dateOfBirth",
      "legalName",
    ]);
    const gif = await submitKyc(app, c, { files: { selfie: { bytes: await fx.gif(), name: "me.gif" } } });
    expect(gif.status).toBe(415);
    expect(gif.body.error.code).toBe("unsupported_document");
    const text = await submitKyc(app, c, {
      files: { idDocument: { bytes: Buffer.from("hello ".repeat(50)), name: "id.jpg" } },
    });
    expect(text.status).toBe(415);
    const big = await submitKyc(app, c, {
      files: {
        idDocument: {
          bytes: Buffer.concat([await photo(), Buffer.alloc(16 * 1024 * 1024)]),
          name: "big.jpg",
        },
      },
    });
    expect(big.status).toBe(413);
    expect(privateFiles(app)).toEqual(before);
    expect(await kycRows(c.user.id)).toEqual([]);
  });

  it("admins reject with a reason and approve; each is audited and the creator is told", async () => {
    const c = await app.creator("kyc_review");
    const first = (await submitKyc(app, c)).body.kyc;
    const queue = (await app.get("/api/v1/admin/kyc?status=pending", admin.token)).body.items as any[];
    expect(queue.map((k) => k.id)).toContain(first.id);
    expect(queue.find((k) => k.id === first.id).user.username).toBe("kyc_review");
    expect((await app.post(`/api/v1/admin/kyc/${first.id}/reject`, {}, admin.token)).status).toBe(400);
    const rejected = await app.post(
      `/api/v1/admin/kyc/${first.id}/reject`,
      { reason: "The photo of the ID is blurred." },
      admin.token,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.kyc).toMatchObject({
      status: "rejected",
      rejectionReason: "The photo of the ID is blurred.",
    });
    expect((await app.get("/api/v1/kyc", c.token)).body.kyc).toMatchObject({
      status: "rejected",
      rejectionReason: "The photo of the ID is blurred.",
    });
    expect((await notifications(c))[0]).toMatchObject({
      kind: "kyc_rejected",
      text: "Your identity verification was not accepted: The photo of the ID is blurred.",
    });
    expect(
      (await app.post(`/api/v1/admin/kyc/${first.id}/approve`, undefined, admin.token)).body.error.code,
    ).toBe("kyc_not_pending");
    // A new submission after a rejection; approval.
    const second = (await submitKyc(app, c)).body.kyc;
    expect(second.status).toBe("pending");
    const approved = await app.post(`/api/v1/admin/kyc/${second.id}/approve`, undefined, admin.token);
    expect(approved.body.kyc).toMatchObject({ status: "approved", reviewerId: admin.user.id });
    expect((await notifications(c))[0]!.kind).toBe("kyc_approved");
    expect((await submitKyc(app, c)).body.error.code).toBe("already_verified");
    expect((await audit("kyc.reject"))[0]).toMatchObject({
      actor: { id: admin.user.id },
      target: { id: first.id },
      details: { reason: "The photo of the ID is blurred." },
    });
    expect((await audit("kyc.approve"))[0]).toMatchObject({
      actor: { id: admin.user.id },
      target: { id: second.id },
    });
    // Only admins decide.
    const other = await app.creator("kyc_other");
    const theirs = (await submitKyc(app, other)).body.kyc;
    expect((await app.post(`/api/v1/admin/kyc/${theirs.id}/approve`, undefined, c.token)).status).toBe(403);
  });

  describe("the gate on every paid path", () => {
    let creator: Actor, fan: Actor, mediaId: string, streamKey: string;
    const code = (r: { status: number; body: any }) => (r.status === 403 ? r.body?.error?.code : r.status);

    /** Every paid path, with what each answers (a status, or the 403's code). */
    async function paidPaths() {
      const conv = (await app.post("/api/v1/conversations", { username: fan.user.username }, creator.token))
        .body.conversation.id;
      const draft = await app.postAs(creator, { text: "later", visibility: "subscribers", draft: true });
      const open = await app.postAs(creator, { text: "free", visibility: "public" });
      const publish = await ctxIngest();
      return {
        subscribersPost: code(
          await app.post("/api/v1/posts", { text: "s", visibility: "subscribers" }, creator.token),
        ),
        ppvPost: code(
          await app.post(
            "/api/v1/posts",
            { text: "p", visibility: "ppv", priceCents: 500, mediaIds: [mediaId] },
            creator.token,
          ),
        ),
        scheduledPaidPost: code(
          await app.post(
            "/api/v1/posts",
            { text: "t", visibility: "subscribers", publishAt: Date.now() + 86_400_000 },
            creator.token,
          ),
        ),
        publishPaidDraft: code(await app.patch(`/api/v1/posts/${draft.id}`, { draft: false }, creator.token)),
        publicToPaid: code(
          await app.patch(`/api/v1/posts/${open.id}`, { visibility: "subscribers" }, creator.token),
        ),
        pricedMessage: code(
          await app.post(
            `/api/v1/conversations/${conv}/messages`,
            { text: "pay", priceCents: 300, mediaIds: [mediaId] },
            creator.token,
          ),
        ),
        pricedMassMessage: code(
          await app.post(
            "/api/v1/messages/mass",
            { text: "all", priceCents: 300, mediaIds: [mediaId], audience: "subscribers" },
            creator.token,
          ),
        ),
        pricedWelcomeMessage: code(
          await app.put(
            "/api/v1/creators/me",
            { welcomeMessage: { text: "hi", priceCents: 200, mediaIds: [mediaId] } },
            creator.token,
          ),
        ),
        liveKey: code(await app.get("/api/v1/live/key", creator.token)),
        liveKeyRotate: code(await app.post("/api/v1/live/key/rotate", undefined, creator.token)),
        liveStream: code(
          await app.post("/api/v1/live/streams", { title: "Tonight", access: "subscribers" }, creator.token),
        ),
        liveIngest: publish,
        payout: code(await app.post("/api/v1/payouts", { amountCents: 2000 }, creator.token)),
      };
    }
    /** RTMP publishing with a key issued before the site required verification. */
    async function ctxIngest() {
      const live = await app.services.live.ingestHooks.publish(hashKey(streamKey));
      if (!live) return "refused";
      await app.services.live.ingestHooks.left(live.streamId, live.publishedAt);
      return "live";
    }

    beforeAll(async () => {
      creator = await app.creator("gated");
      fan = await app.signup("gated_fan");
      await app.grant(fan, creator);
      const up = await app.upload(creator, await fx.jpeg(320, 240), "p.jpg");
      mediaId = up.body.media.id;
      streamKey = (await app.get("/api/v1/live/key", creator.token)).body.streamKey;
    });

    it("off (the default): nothing asks for verification", async () => {
      const paths = await paidPaths();
      expect(Object.values(paths)).not.toContain("kyc_required");
    });

    it("on: every paid path answers 403 kyc_required for an unverified creator; free and draft posts still work", async () => {
      // The key as it was issued before the site began to require verification.
      streamKey = (await app.get("/api/v1/live/key", creator.token)).body.streamKey;
      await setRequired(true);
      try {
        expect((await app.get("/api/v1/kyc", creator.token)).body.required).toBe(true);
        expect(await paidPaths()).toEqual({
          subscribersPost: "kyc_required",
          ppvPost: "kyc_required",
          scheduledPaidPost: "kyc_required",
          publishPaidDraft: "kyc_required",
          publicToPaid: "kyc_required",
          pricedMessage: "kyc_required",
          pricedMassMessage: "kyc_required",
          pricedWelcomeMessage: "kyc_required",
          liveKey: "kyc_required",
          liveKeyRotate: "kyc_required",
          liveStream: "kyc_required",
          liveIngest: "refused",
          payout: "kyc_required",
        });
        const refused = await app.post(
          "/api/v1/posts",
          { text: "s", visibility: "subscribers" },
          creator.token,
        );
        expect(refused.body.error.message).toMatch(/Verify your identity/);
        expect(
          (await app.post("/api/v1/posts", { text: "free", visibility: "public" }, creator.token)).status,
        ).toBe(201);
        expect(
          (
            await app.post(
              "/api/v1/posts",
              { text: "d", visibility: "ppv", priceCents: 100, draft: true },
              creator.token,
            )
          ).status,
        ).toBe(201);
        // A pending verification is not enough.
        const kyc = (await submitKyc(app, creator)).body.kyc;
        expect(Object.values(await paidPaths())).toContain("kyc_required");

        // Approved: the gate is lifted on every path.
        await app.post(`/api/v1/admin/kyc/${kyc.id}/approve`, undefined, admin.token);
        const after = await paidPaths();
        expect(after).toMatchObject({
          subscribersPost: 201,
          ppvPost: 201,
          scheduledPaidPost: 201,
          publishPaidDraft: 200,
          publicToPaid: 200,
          pricedMessage: 201,
          pricedMassMessage: 202,
          pricedWelcomeMessage: 200,
          liveKey: 200,
          liveKeyRotate: 200,
          liveStream: 201,
          liveIngest: "live",
        });
        // The payout goes on to its own checks (no earnings yet), past the gate.
        expect(after.payout).not.toBe("kyc_required");
      } finally {
        await setRequired(false);
      }
    });

    it("on: admins are not asked, and a fan's free messages are not gated", async () => {
      await setRequired(true);
      try {
        const unverified = await app.creator("gated_free");
        const conv = (
          await app.post("/api/v1/conversations", { username: fan.user.username }, unverified.token)
        ).body;
        // Not subscribed: the creator may not start this conversation; the refusal is not the KYC gate.
        expect(conv.error?.code ?? null).not.toBe("kyc_required");
        expect((await app.get("/api/v1/kyc", admin.token)).status).toBe(200);
        expect(
          (await app.post("/api/v1/posts", { text: "free", visibility: "public" }, unverified.token)).status,
        ).toBe(201);
      } finally {
        await setRequired(false);
      }
    });
  });

  it("the setting is an admin setting and a setup wizard choice", async () => {
    const s = (await app.get("/api/v1/admin/settings", admin.token)).body.settings;
    expect(s).toMatchObject({
      requireCreatorVerification: false,
      dmcaStrikeLimit: 3,
      dmcaRestoreWaitDays: 14,
    });
    const wizard = await startTestApp({ setup: false });
    try {
      const token = await wizard.services.setup.issueTokenIfNeeded();
      const r = await wizard.post("/api/v1/setup", {
        token,
        siteName: "Verified Site",
        admin: { email: "a@example.com", username: "boss", password: "admin-password-1" },
        requireCreatorVerification: true,
      });
      expect(r.status).toBe(201);
      expect((await wizard.services.site.settings()).requireCreatorVerification).toBe(true);
    } finally {
      await wizard.close();
    }
  });
});
