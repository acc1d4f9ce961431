// The audit log on a real database (both engines): entries are appended inside the action's own
// transaction, chained by hash in one order even when appended in parallel, listed newest first for admins
// only, filtered by actor and action; an edited, removed or inserted entry is found by the check doctor runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCheck } from "../../cli/checks/audit.ts";
import type { DoctorContext } from "../../cli/checks/types.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

describe("audit log", () => {
  let app: TestApp;
  let admin: Actor, fan: Actor;

  const doctor = () =>
    auditCheck.run({
      dbHealthy: true,
      schemaCurrent: true,
      app: () => Promise.resolve({ services: app.services }),
    } as unknown as DoctorContext);

  beforeAll(async () => {
    app = await startTestApp();
    admin = (
      await app.post("/api/v1/auth/login", { email: "admin@example.com", password: "admin-password-1" })
    ).body;
    fan = await app.signup("auditee");
  });
  afterAll(() => app.close());

  it("parallel appends make one unbroken chain; doctor passes", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        app.services.audit.record({
          actorId: i % 2 ? admin.user.id : fan.user.id,
          ip: "127.0.0.1",
          action: i % 3 ? "test.poke" : "test.prod",
          target: { type: "user", id: fan.user.id },
          details: { i },
        }),
      ),
    );
    // Entry 1 is the setup wizard's completion; the 30 appends follow it.
    const chain = await app.services.audit.verifyChain();
    expect(chain).toEqual({ entries: 31, brokenAt: null });
    const seqs = (await app.raw.prepare("SELECT seq FROM audit_log ORDER BY seq").all()) as { seq: number }[];
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(await doctor()).toMatchObject({
      status: "pass",
      message: "31 entries, every link and hash intact",
    });
  });

  it("an action's entry rolls back with the action", async () => {
    await expect(
      app.ctx.db.write(async (tx) => {
        await app.services.audit.recordTx(tx, { actorId: admin.user.id, ip: null, action: "test.rolled" });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    const r = await app.get("/api/v1/admin/audit?action=test.rolled", admin.token);
    expect(r.body.items).toEqual([]);
    expect((await app.services.audit.verifyChain()).brokenAt).toBeNull();
  });

  it("admins list it newest first, by actor and by action, page by page; nobody else may", async () => {
    const all = await app.get("/api/v1/admin/audit?limit=100", admin.token);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(31);
    expect(all.body.items[0].seq).toBe(31);
    expect(all.body.items.at(-1)).toMatchObject({ seq: 1, action: "setup.complete" });
    expect(all.body.items[0]).toMatchObject({
      actor: { id: expect.any(String), username: expect.stringMatching(/^(admin|auditee)$/) },
      target: { type: "user", id: fan.user.id },
      ip: "127.0.0.1",
      details: { i: expect.any(Number) },
    });
    const byFan = await app.get("/api/v1/admin/audit?limit=100&actor=auditee", admin.token);
    expect(byFan.body.items).toHaveLength(15);
    expect(byFan.body.items.every((e: { actor: { id: string } }) => e.actor.id === fan.user.id)).toBe(true);
    const prods = await app.get("/api/v1/admin/audit?limit=100&action=test.prod", admin.token);
    expect(prods.body.items).toHaveLength(10);
    const nobody = await app.get("/api/v1/admin/audit?actor=no_such_person", admin.token);
    expect(nobody.body).toEqual({ items: [], nextCursor: null });

    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const p: { body: { items: { seq: number }[]; nextCursor: string | null } } = await app.get(
        `/api/v1/admin/audit?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
        admin.token,
      );
      seen.push(...p.body.items.map((e) => e.seq));
      cursor = p.body.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 31 }, (_, i) => 31 - i));

    expect((await app.get("/api/v1/admin/audit", fan.token)).status).toBe(403);
    expect((await app.get("/api/v1/admin/audit")).status).toBe(401);
    expect((await app.get("/api/v1/admin/audit?cursor=bogus", admin.token)).status).toBe(400);
  });

  it("an edited entry, a removed one and a forged one each break the chain, and doctor says where", async () => {
    const row = (await app.raw.prepare("SELECT details FROM audit_log WHERE seq = 12").get()) as {
      details: string;
    };
    await app.raw.prepare("UPDATE audit_log SET details = ? WHERE seq = 12").run('{"i":999}');
    expect(await app.services.audit.verifyChain()).toEqual({
      entries: 11,
      brokenAt: { seq: 12, reason: "its fields do not match its hash" },
    });
    const d = await doctor();
    expect(d.status).toBe("fail");
    expect(d.message).toContain("entry 12");
    await app.raw.prepare("UPDATE audit_log SET details = ? WHERE seq = 12").run(row.details);
    expect((await app.services.audit.verifyChain()).brokenAt).toBeNull();

    // Recomputing the edited entry's own hash does not help: the next entry still links to the old one.
    const e = (await app.raw.prepare("SELECT * FROM audit_log WHERE seq = 20").get()) as Record<
      string,
      unknown
    >;
    const { entryHash } = await import("../../src/modules/audit/service.ts");
    const forged = {
      seq: 20,
      id: e.id as string,
      at: Number(e.at),
      actorId: e.actor_id as string | null,
      action: e.action as string,
      targetType: e.target_type as string | null,
      targetId: e.target_id as string | null,
      ip: e.ip as string | null,
      details: '{"i":"forged"}',
      prevHash: e.prev_hash as string,
    };
    await app.raw
      .prepare("UPDATE audit_log SET details = ?, hash = ? WHERE seq = 20")
      .run(forged.details, entryHash(forged));
    expect((await app.services.audit.verifyChain()).brokenAt).toEqual({
      seq: 21,
      reason: "does not link to the entry before it",
    });
    await app.raw.prepare("UPDATE audit_log SET details = ?, hash = ? WHERE seq = 20").run(e.details, e.hash);

    await app.raw.prepare("DELETE FROM audit_log WHERE seq = 5").run();
    expect((await app.services.audit.verifyChain()).brokenAt).toEqual({ seq: 5, reason: "entry missing" });
  });
});
