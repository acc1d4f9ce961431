// A mass message whose process is SIGKILLed mid fan-out is finished by the restarted process: every fan
// gets exactly one copy, none is lost, and the count matches (on either engine).
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "../../src/db/client.ts";
import { subscriptions, users } from "../../src/db/schema.ts";
import { newId } from "../../src/lib/ids.ts";
import { startApp, type AppProcess } from "../helpers/app-process.ts";
import { rawSql, testDatabase, type TestDatabase } from "../helpers/engine.ts";
import { httpSite } from "../helpers/site.ts";
import { openWs } from "../helpers/ws.ts";

const FANS = 1500;

describe("a mass message survives SIGKILL", () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-mass-restart-"));
  const procs: AppProcess[] = [];
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  afterAll(async () => {
    for (const p of procs) await p.stop("SIGKILL");
    await db?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("resumes after a kill in the middle and reaches each fan once", { timeout: 120_000 }, async () => {
    database = await testDatabase(dir, "mass-restart");
    const env = {
      ...database.env,
      FANZ_MESSAGES__MASS_BATCH: "25",
      FANZ_JOBS__WORKERS: "1",
      FANZ_JOBS__LOCK_SECONDS: "2",
      FANZ_JOBS__POLL_MS: "200",
    };
    const first = await startApp({ dataDir: dir, env });
    procs.push(first);
    const site = httpSite(first);
    await site.setup();
    const creator = await site.creator("mass_maker", 500);
    db = await openDb(database.target);
    const raw = rawSql(db);
    const creatorId = (
      (await raw.prepare("SELECT id FROM users WHERE username = ?").get("mass_maker")) as { id: string }
    ).id;
    // Fans straight into the tables: signing up 1,500 people through argon2 would take minutes.
    const now = Date.now();
    const fanIds: string[] = [];
    await db.write(async (tx) => {
      for (let i = 0; i < FANS; i += 500) {
        const batch = Array.from({ length: Math.min(500, FANS - i) }, (_, k) => {
          const id = newId();
          fanIds.push(id);
          return {
            id,
            email: `fan${i + k}@example.com`,
            username: `fan${i + k}`,
            displayName: `Fan ${i + k}`,
            passwordHash: "x",
            role: "fan" as const,
            ageConfirmedAt: now,
            createdAt: now,
            updatedAt: now,
          };
        });
        await tx.insert(users).values(batch);
        await tx.insert(subscriptions).values(
          batch.map((u) => ({
            id: newId(),
            fanId: u.id,
            creatorId,
            status: "active" as const,
            priceCents: 500,
            currency: "USD",
            months: 1,
            autoRenew: true,
            currentPeriodStart: now,
            currentPeriodEnd: now + 30 * 86_400_000,
            providerRef: null,
            createdAt: now,
            updatedAt: now,
          })),
        );
      }
    });

    // The creator's socket follows the progress; it will pick up where it was after the restart.
    const ws = await openWs(first.baseUrl, { token: creator.token });
    await ws.next("ready");
    const started = await site.must(
      202,
      site.call(
        "POST",
        "/api/v1/messages/mass",
        { text: "Big news", audience: "subscribers" },
        creator.token,
      ),
    );
    const id = started.massMessage.id as string;
    expect(started.massMessage.total).toBe(FANS);
    const progress = async () =>
      (await raw.prepare("SELECT status, sent FROM mass_messages WHERE id = ?").get(id)) as {
        status: string;
        sent: number;
      };
    const deadline = Date.now() + 30_000;
    while (Number((await progress()).sent) < 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    await ws.next("mass.progress");
    first.child.kill("SIGKILL");
    await first.exited;
    await ws.closed;
    const seenBefore = ws.lastSeq();
    const atKill = await progress();
    expect(atKill.status).toBe("sending");
    expect(Number(atKill.sent)).toBeGreaterThan(0);
    expect(Number(atKill.sent)).toBeLessThan(FANS);

    const second = await startApp({ dataDir: dir, env });
    procs.push(second);
    const deadline2 = Date.now() + 60_000;
    while ((await progress()).status !== "done" && Date.now() < deadline2)
      await new Promise((r) => setTimeout(r, 100));
    expect(await progress()).toMatchObject({ status: "done" });
    expect(Number((await progress()).sent)).toBe(FANS);
    const perFan = (await raw
      .prepare(
        "SELECT cm.other_id AS fan, count(*) AS n FROM messages m JOIN conversation_members cm " +
          "ON cm.conversation_id = m.conversation_id AND cm.user_id = m.sender_id " +
          "WHERE m.mass_message_id = ? GROUP BY cm.other_id",
      )
      .all(id)) as { fan: string; n: number }[];
    expect(perFan).toHaveLength(FANS);
    expect(perFan.filter((r) => Number(r.n) !== 1)).toEqual([]);
    expect(new Set(perFan.map((r) => r.fan))).toEqual(new Set(fanIds));
    // Each copy is in its fan's stream for /ws, once.
    const events = (await raw
      .prepare("SELECT count(*) AS n FROM user_events WHERE type = 'message' AND user_id <> ?")
      .get(creatorId)) as { n: number };
    expect(Number(events.n)).toBe(FANS);
    // Reconnecting to the restarted server with the last seq seen: every later event, in order, to done.
    const resumed = await openWs(second.baseUrl, { token: creator.token, after: seenBefore });
    const ready = await resumed.next("ready");
    const frames = [];
    for (let seq = seenBefore + 1; seq <= ready.seq!; seq++)
      frames.push(await resumed.next((f) => f.seq === seq));
    expect(frames.filter((f) => f.type === "mass.progress").at(-1)!.massMessage).toMatchObject({
      status: "done",
      sent: FANS,
    });
    await resumed.close();
    await second.stop();
  });
});
