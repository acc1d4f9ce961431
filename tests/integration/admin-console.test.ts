// The admin console's audit trail and system status on a real database (both engines). One walk calls
// every mutating admin route the API document lists (a new one without a step here fails the test) and
// finds each action's entry in the audit log with the admin, the address and the target; the setup
// wizard's completion is there too. The status page's figures are present and plausible.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { DAY } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { submitKyc } from "../helpers/compliance.ts";
import { openWs } from "../helpers/ws.ts";

describe("admin console: audit of every admin action, system status", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor, creator: Actor, fan: Actor, target: Actor;

  const runScheduler = async () => {
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
  };
  const newestEntry = async () => (await app.get("/api/v1/admin/audit?limit=1", admin.token)).body.items[0];

  beforeAll(async () => {
    app = await startTestApp({ clock, env: { FANZ_AUTH__SESSION_DAYS: "365" } });
    admin = await app.signupAdmin();
    creator = await app.creator("earner", { priceCents: 1000 });
    fan = await app.signup("spender");
    target = await app.creator("subject", { priceCents: 0 });
    await app.topup(fan, 20_000);
    for (let i = 0; i < 4; i++)
      expect(
        (await app.post("/api/v1/tips", { creator: "earner", amountCents: 2500 }, fan.token)).status,
      ).toBe(201);
    clock.advance(7 * DAY + 1000);
    await runScheduler();
    await app.put("/api/v1/payouts/method", { kind: "paypal", email: "e@example.com" }, creator.token);
  });
  afterAll(() => app.close());

  it("the setup wizard's completion is the first entry", async () => {
    const all = await app.get("/api/v1/admin/audit?action=setup.complete", admin.token);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0]).toMatchObject({
      seq: 1,
      actor: { id: admin.user.id, username: "admin" },
      target: { type: "site", id: "site" },
      details: { siteName: "Test Site", admin: "admin" },
    });
  });

  it("every mutating admin route writes its entry: who, from where, on what", async () => {
    const payout = async () =>
      (await app.post("/api/v1/payouts", { amountCents: 2000 }, creator.token)).body.payout.id;
    const report = async () =>
      (
        await app.post(
          "/api/v1/reports",
          { target: { type: "user", id: target.user.id }, reason: "spam" },
          fan.token,
        )
      ).body.report.id;
    const topupTxn = async () => {
      await app.topup(fan, 1000);
      const txns = (await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items;
      return txns.find((t: { kind: string; refundable: boolean }) => t.kind === "topup" && t.refundable).id;
    };
    const u = (id: string) => `/api/v1/admin/users/${id}`;
    let dmcaTaken = "";
    const dmcaNotice = async (urls: string[]) => {
      const r = await app.post("/api/v1/dmca", {
        claimant: { name: "Rita Rights", email: "rita@studio.example", address: "1 Film Way, Hollywood" },
        work: "The film Sunset Strip (2021)",
        urls,
        goodFaith: true,
        accuracy: true,
        signature: "Rita Rights",
      });
      expect(r.status).toBe(201);
      return r.body.notice.id as string;
    };
    const creatorPost = async () =>
      (await app.post("/api/v1/posts", { text: "a film still", visibility: "public" }, creator.token)).body
        .post.id as string;
    type Step = {
      run: () => Promise<{ status: number }>;
      action: string;
      target: { type: string; id?: string };
    };
    const smtp = {
      host: "smtp.example.com",
      port: 587,
      security: "starttls",
      username: "u",
      from: "s@example.com",
      password: "pw",
    };
    // Keyed by the operation as the API document names it.
    const steps: Record<string, () => Promise<Step>> = {
      "PUT /api/v1/admin/settings": async () => ({
        run: () =>
          app.put("/api/v1/admin/settings", { platformFeePercent: 15, watermark: true }, admin.token),
        action: "settings.update",
        target: { type: "site", id: "site" },
      }),
      "PUT /api/v1/admin/email": async () => ({
        run: () => app.put("/api/v1/admin/email", { smtp: null }, admin.token),
        action: "email.remove",
        target: { type: "site", id: "email" },
      }),
      // Sign-in providers: saved (never reached: no discovery on save), then removed.
      "PUT /api/v1/admin/sso/providers/{provider}": async () => ({
        run: () =>
          app.put(
            "/api/v1/admin/sso/providers/walked",
            { name: "Walked ID", issuer: "http://127.0.0.1:9", clientId: "c", clientSecret: "s" },
            admin.token,
          ),
        action: "sso.provider.save",
        target: { type: "sso_provider", id: "walked" },
      }),
      "DELETE /api/v1/admin/sso/providers/{provider}": async () => ({
        run: () => app.del("/api/v1/admin/sso/providers/walked", admin.token),
        action: "sso.provider.remove",
        target: { type: "sso_provider", id: "walked" },
      }),
      "POST /api/v1/admin/email/test": async () => ({
        run: () => app.post("/api/v1/admin/email/test", { to: "ops@example.com" }, admin.token),
        action: "email.test",
        target: { type: "site", id: "email" },
      }),
      "POST /api/v1/admin/payouts/{id}/approve": async () => {
        const id = await payout();
        return {
          run: () => app.post(`/api/v1/admin/payouts/${id}/approve`, undefined, admin.token),
          action: "payout.approve",
          target: { type: "payout", id },
        };
      },
      "POST /api/v1/admin/payouts/{id}/mark-paid": async () => {
        const id = await payout();
        await app.post(`/api/v1/admin/payouts/${id}/approve`, undefined, admin.token);
        return {
          run: () => app.post(`/api/v1/admin/payouts/${id}/mark-paid`, { reference: "WIRE-7" }, admin.token),
          action: "payout.mark_paid",
          target: { type: "payout", id },
        };
      },
      "POST /api/v1/admin/payouts/{id}/reject": async () => {
        const id = await payout();
        return {
          run: () => app.post(`/api/v1/admin/payouts/${id}/reject`, { note: "Wrong account" }, admin.token),
          action: "payout.reject",
          target: { type: "payout", id },
        };
      },
      "POST /api/v1/admin/transactions/{id}/refund": async () => {
        const id = await topupTxn();
        return {
          run: () => app.post(`/api/v1/admin/transactions/${id}/refund`, undefined, admin.token),
          action: "payment.refund",
          target: { type: "transaction", id },
        };
      },
      "POST /api/v1/admin/users/{id}/suspend": async () => ({
        run: () =>
          app.post(
            `${u(target.user.id)}/suspend`,
            { until: clock.now() + DAY, reason: "pause" },
            admin.token,
          ),
        action: "user.suspend",
        target: { type: "user", id: target.user.id },
      }),
      "POST /api/v1/admin/users/{id}/unban": async () => ({
        run: () => app.post(`${u(target.user.id)}/unban`, undefined, admin.token),
        action: "user.unban",
        target: { type: "user", id: target.user.id },
      }),
      "PUT /api/v1/admin/users/{id}/role": async () => ({
        run: () => app.put(`${u(fan.user.id)}/role`, { role: "creator" }, admin.token),
        action: "user.role",
        target: { type: "user", id: fan.user.id },
      }),
      "POST /api/v1/admin/creators/{id}/verify": async () => ({
        run: () => app.post(`/api/v1/admin/creators/${target.user.id}/verify`, undefined, admin.token),
        action: "creator.verify",
        target: { type: "user", id: target.user.id },
      }),
      "POST /api/v1/admin/creators/{id}/unverify": async () => ({
        run: () => app.post(`/api/v1/admin/creators/${target.user.id}/unverify`, undefined, admin.token),
        action: "creator.unverify",
        target: { type: "user", id: target.user.id },
      }),
      "POST /api/v1/admin/reports/{id}/resolve": async () => {
        const id = await report();
        return {
          run: () => app.post(`/api/v1/admin/reports/${id}/resolve`, { action: "dismiss" }, admin.token),
          action: "report.resolve",
          target: { type: "report", id },
        };
      },
      "POST /api/v1/admin/kyc/{id}/approve": async () => {
        const id = (await submitKyc(app, creator)).body.kyc.id as string;
        return {
          run: () => app.post(`/api/v1/admin/kyc/${id}/approve`, undefined, admin.token),
          action: "kyc.approve",
          target: { type: "kyc", id },
        };
      },
      "POST /api/v1/admin/kyc/{id}/reject": async () => {
        const id = (await submitKyc(app, fan)).body.kyc.id as string;
        return {
          run: () =>
            app.post(`/api/v1/admin/kyc/${id}/reject`, { reason: "The photo is blurred." }, admin.token),
          action: "kyc.reject",
          target: { type: "kyc", id },
        };
      },
      "POST /api/v1/admin/dmca/{id}/reject": async () => {
        const id = await dmcaNotice(["https://elsewhere.example/video/1"]);
        return {
          run: () =>
            app.post(`/api/v1/admin/dmca/${id}/reject`, { reason: "Not on this site." }, admin.token),
          action: "dmca.reject",
          target: { type: "dmca", id },
        };
      },
      "POST /api/v1/admin/dmca/{id}/takedown": async () => {
        dmcaTaken = await dmcaNotice([`${app.base}/posts/${await creatorPost()}`]);
        return {
          run: () => app.post(`/api/v1/admin/dmca/${dmcaTaken}/takedown`, undefined, admin.token),
          action: "dmca.takedown",
          target: { type: "dmca", id: dmcaTaken },
        };
      },
      "POST /api/v1/admin/dmca/{id}/restore": async () => {
        const countered = await app.post(
          `/api/v1/dmca/${dmcaTaken}/counter`,
          {
            name: "Earner Creator",
            address: "5 Studio Lane\nAustin, TX 78701",
            phone: "+1 512 555 0100",
            email: "earner@example.com",
            material: "My post removed by the notice",
            mistakeStatement: true,
            jurisdictionConsent: true,
            signature: "Earner Creator",
          },
          creator.token,
        );
        expect(countered.status).toBe(200);
        clock.advance(15 * DAY); // past the waiting period
        return {
          run: () => app.post(`/api/v1/admin/dmca/${dmcaTaken}/restore`, undefined, admin.token),
          action: "dmca.restore",
          target: { type: "dmca", id: dmcaTaken },
        };
      },
      "POST /api/v1/admin/users/{id}/ban": async () => ({
        run: () => app.post(`${u(target.user.id)}/ban`, { reason: "for good" }, admin.token),
        action: "user.ban",
        target: { type: "user", id: target.user.id },
      }),
    };

    const doc = (await app.get("/api/v1/openapi.json")).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/admin/"))
      .flatMap(([p, methods]) =>
        Object.keys(methods)
          .filter((m) => ["post", "put", "patch", "delete"].includes(m))
          .map((m) => `${m.toUpperCase()} ${p}`),
      );
    expect(mutating.sort(), "every mutating admin route has a step in this walk").toEqual(
      Object.keys(steps).sort(),
    );

    // Saved SMTP first, so that removing it (the step above) changes something; its entry keeps no password.
    expect((await app.put("/api/v1/admin/email", { smtp }, admin.token)).status).toBe(200);
    const saved = await newestEntry();
    expect(saved).toMatchObject({
      action: "email.save",
      details: { host: "smtp.example.com", password: "set" },
    });
    expect(JSON.stringify(saved)).not.toContain('"pw"');

    for (const [name, make] of Object.entries(steps)) {
      const step = await make();
      const before = (await newestEntry()).seq as number;
      const r = await step.run();
      expect(r.status, name).toBeLessThan(300);
      const entries = (await app.get(`/api/v1/admin/audit?limit=20`, admin.token)).body.items.filter(
        (e: { seq: number }) => e.seq > before,
      );
      expect(
        entries.map((e: { action: string }) => e.action),
        name,
      ).toContain(step.action);
      const e = entries.find((x: { action: string }) => x.action === step.action);
      expect(e, name).toMatchObject({
        actor: { id: admin.user.id, username: "admin" },
        ip: expect.stringMatching(/127\.0\.0\.1/),
        target: step.target.id ? step.target : { type: step.target.type, id: expect.any(String) },
      });
    }
    const settings = (await app.get("/api/v1/admin/audit?action=settings.update", admin.token)).body.items[0];
    expect(settings.details).toEqual({
      platformFeePercent: { from: 20, to: 15 },
      watermark: { from: false, to: true },
    });
    const refund = (await app.get("/api/v1/admin/audit?action=payment.refund", admin.token)).body.items[0];
    expect(refund.details).toMatchObject({ kind: "topup", amountCents: 1000, currency: "USD" });
    // A repeated click that changes nothing writes nothing.
    const paid = (await app.get("/api/v1/admin/audit?action=payout.mark_paid", admin.token)).body.items[0];
    const n = (await newestEntry()).seq;
    await app.post(`/api/v1/admin/payouts/${paid.target.id}/mark-paid`, { reference: "WIRE-7" }, admin.token);
    expect((await newestEntry()).seq).toBe(n);
    expect((await app.services.audit.verifyChain()).brokenAt).toBeNull();
  });

  it("status: every figure present and plausible; the last backup is 'never' until there is one", async () => {
    const ws = await openWs(app.base, { token: fan.token });
    await ws.next("ready").catch(() => undefined);
    const r = await app.get("/api/v1/admin/status", admin.token);
    expect(r.status).toBe(200);
    const s = r.body.status;
    expect(s).toMatchObject({
      ok: true,
      checks: { database: "ok", storage: "ok", workers: "ok" },
      version: pkg.version,
      node: process.version,
      database: { engine: app.ctx.db.engine().name, version: expect.any(String) },
      jobs: { queued: expect.any(Number), running: 0, failed: 0 },
      workers: { size: expect.any(Number), busy: 0, queued: 0 },
      live: { streamsNow: 0 },
      mailOutbox: { pending: expect.any(Number), failed: 0 },
      lastBackup: null,
    });
    expect(s.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(s.database.sizeBytes).toBeGreaterThan(10_000);
    expect(s.disk.freeBytes).toBeGreaterThan(0);
    expect(s.disk.totalBytes).toBeGreaterThanOrEqual(s.disk.freeBytes);
    expect(s.workers.size).toBeGreaterThanOrEqual(1);
    expect(s.websockets.connections).toBeGreaterThanOrEqual(1);
    if (s.ffmpeg.found) expect(s.ffmpeg.path).toMatch(/ffmpeg/);
    await ws.close();

    // A backup archive where `fanzctl backup` puts them: its age is shown.
    const dir = join(app.dir, "backups");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "fanz-20250101T000000Z.tar.gz");
    writeFileSync(file, "");
    const hourAgo = (Date.now() - 3_600_000) / 1000;
    utimesSync(file, hourAgo, hourAgo);
    writeFileSync(join(dir, "notes.txt"), "not a backup");
    const b = (await app.get("/api/v1/admin/status", admin.token)).body.status.lastBackup;
    expect(b.name).toBe("fanz-20250101T000000Z.tar.gz");
    expect(b.ageSeconds).toBeGreaterThanOrEqual(3599);
    expect(b.ageSeconds).toBeLessThan(3700);

    expect((await app.get("/api/v1/admin/status", fan.token)).status).toBe(403);
    expect((await app.get("/api/v1/admin/status")).status).toBe(401);
  });
});
