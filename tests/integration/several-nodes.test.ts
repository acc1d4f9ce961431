// Several app nodes on one PostgreSQL database (the postgres project only: SQLite is the one-node
// engine, its synchronous driver cannot share a file between two apps in one process): the scheduler's lease has one holder at a time and passes on
// when it lapses or is released; queued jobs are claimed by exactly one node each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { createLease } from "../../src/jobs/lease.ts";
import { buildApp } from "../../src/main.ts";
import { createLogger } from "../../src/lib/logger.ts";
import type { RemoteEvent } from "../../src/events/bus.ts";
import { startTestApp, TestClock, type TestApp } from "../helpers/api.ts";
import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attachRealtime } from "../../src/http/ws.ts";
import { openWs } from "../helpers/ws.ts";

describe("several nodes on one database", () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof buildApp>>;
  const clock = new TestClock();

  beforeAll(async () => {
    // An hour of cache TTL: what shows on the other node within seconds came by the relay.
    const env = { FANZ_JOBS__POLL_MS: "50", FANZ_CACHE__TTL_SECONDS: "3600" };
    a = await startTestApp({ clock, env });
    const { config } = loadConfig({ file: "/dev/null", env: { ...a.dbEnv, FANZ_DATA_DIR: a.dir, ...env } });
    b = await buildApp(config, { web: null, logger: createLogger("error"), clock });
  });
  afterAll(async () => {
    await b.services.jobs.stop(1000);
    await b.ctx.db.close();
    await a.services.jobs.stop(1000);
    await a.close();
  });

  it("one scheduler lease holder at a time; it passes on when the holder lapses or lets go", async () => {
    const onA = createLease(a.ctx, "test-lease", 10_000);
    const onB = createLease(b.ctx, "test-lease", 10_000);
    expect(a.ctx.nodeId).not.toBe(b.ctx.nodeId);
    const both = await Promise.all([onA.hold(), onB.hold()]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const [first, second] = both[0] ? [onA, onB] : [onB, onA];
    expect(await first.hold()).toBe(true); // renewing
    expect(await second.hold()).toBe(false);
    clock.advance(10_001); // the holder stopped renewing
    expect(await second.hold()).toBe(true);
    expect(await first.hold()).toBe(false);
    await second.release();
    expect(await first.hold()).toBe(true);
    await first.release();
  });

  it("every queued job runs exactly once across both nodes", async () => {
    const ran: { job: string; node: string }[] = [];
    const handler = (node: string) => ({
      "test.count": {
        run: async (payload: unknown) => {
          await new Promise((r) => setTimeout(r, 5));
          ran.push({ job: (payload as { n: string }).n, node });
          return null;
        },
      },
    });
    const N = 40;
    await a.ctx.db.write(async (tx) => {
      for (let i = 0; i < N; i++) await a.services.jobs.enqueue(tx, "test.count", { n: String(i) });
    });
    a.services.jobs.start(handler("a"), 3);
    b.services.jobs.start(handler("b"), 3);
    const deadline = Date.now() + 20_000;
    while (ran.length < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // a duplicate run would show up by now
    expect(ran.map((r) => r.job).sort((x, y) => Number(x) - Number(y))).toEqual(
      Array.from({ length: N }, (_, i) => String(i)),
    );
    // Both nodes took part (claims skip what the other holds instead of waiting for it).
    expect(new Set(ran.map((r) => r.node)).size).toBe(2);
    const counts = await a.services.jobs.counts();
    expect(counts.done).toBe(N);
  });

  /** Polls `read` until `ok`, at most `ms`; returns how long it took (or throws). */
  async function within<T>(ms: number, read: () => Promise<T>, ok: (v: T) => boolean): Promise<number> {
    const started = Date.now();
    for (;;) {
      if (ok(await read())) return Date.now() - started;
      if (Date.now() - started > ms) throw new Error(`not seen within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it("a post made or edited on one node shows on the other's cached pages within 2 s, also after its channel dropped", async () => {
    const creator = await a.creator("twonodes", { priceCents: 0 });
    const viewer = { id: creator.user.id, role: "creator" as const };
    const pageOnB = async () =>
      (await b.services.posts.byCreator(null, "twonodes", null, 10)).items.map((p) => p.text);
    const remote: RemoteEvent[] = [];
    b.ctx.events.onRemote((events) => remote.push(...events));

    expect(await pageOnB()).toEqual([]); // B caches the (empty) timeline head
    const post = await a.postAs(creator, { text: "made on A", visibility: "public" });
    const shown = await within(2000, pageOnB, (t) => t[0] === "made on A");
    expect(remote.map((e) => e.name)).toContain("post.published");

    // B serves its cache: a change made behind the app's back (no notice) stays unseen there...
    await a.raw.prepare("UPDATE posts SET text = 'changed behind the back' WHERE id = ?").run(post.id);
    await new Promise((r) => setTimeout(r, 100));
    expect((await pageOnB())[0]).toBe("made on A");
    // ...while an edit through node A reaches it.
    await a.services.posts.update(viewer, post.id, { text: "edited on A" });
    const edited = await within(2000, pageOnB, (t) => t[0] === "edited on A");

    // The LISTEN connection drops (a server restart, a network cut): B connects again and LISTENs again.
    const pid = b.ctx.db.channel!.backendPid()!;
    await a.ctx.db.pool!.query("SELECT pg_terminate_backend($1)", [pid]);
    await within(
      5000,
      async () => b.ctx.db.channel!.backendPid(),
      (p) => p !== null && p !== pid,
    );
    await a.services.posts.update(viewer, post.id, { text: "edited after the drop" });
    const afterDrop = await within(2000, pageOnB, (t) => t[0] === "edited after the drop");

    // Pins are cached with the timeline: a pin made on A puts the older post first on B's page too.
    const older = post;
    clock.advance(1000); // a later publication time (the test clock stands still)
    await a.postAs(creator, { text: "newer", visibility: "public" });
    await within(2000, pageOnB, (t) => t[0] === "newer");
    await a.services.posts.update(viewer, older.id, { pinned: true });
    const pinnedOnB = async () => (await b.services.posts.byCreator(null, "twonodes", null, 10)).items[0];
    const pinned = await within(2000, pinnedOnB, (p) => p?.id === older.id && p.pinned === true);
    await a.services.posts.update(viewer, older.id, { pinned: false });
    const unpinned = await within(2000, pinnedOnB, (p) => p?.text === "newer" && p.pinned === false);
    console.log(
      `seen on the other node after: create ${shown} ms, edit ${edited} ms, edit after a drop ${afterDrop} ms, ` +
        `pin ${pinned} ms, unpin ${unpinned} ms`,
    );
  });

  it("a /ws client on one node gets what is sent through the other, typing too, in order", async () => {
    const server = await new Promise<Server>((ok) => {
      const srv = serve({ fetch: b.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
        ok(srv as Server),
      ) as Server;
    });
    const sockets = attachRealtime(server, b.ctx, b.services);
    const baseB = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const creator = await a.creator("wsnodes");
      const fan = await a.signup();
      await a.grant(fan, creator);
      const conv = await a.post("/api/v1/conversations", { username: "wsnodes" }, fan.token);
      const id = conv.body.conversation.id as string;
      const onB = await openWs(baseB, { token: fan.token });
      await onB.next("ready");
      const onA = await openWs(a.base, { token: creator.token });
      await onA.next("ready");
      const started = Date.now();
      for (const text of ["one", "two", "three"])
        expect((await a.post(`/api/v1/conversations/${id}/messages`, { text }, creator.token)).status).toBe(
          201,
        );
      const got = [await onB.next("message"), await onB.next("message"), await onB.next("message")];
      const ms = Date.now() - started;
      expect(got.map((f) => f.message.text)).toEqual(["one", "two", "three"]);
      const seqs = got.map((f) => f.seq!);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      // The other way: typing on B reaches A.
      onB.send({ type: "typing", conversationId: id });
      expect(await onA.next("typing")).toMatchObject({ conversationId: id, userId: fan.user.id });
      console.log(`three messages sent through node A reached a socket on node B within ${ms} ms`);
      await Promise.all([onA.close(), onB.close()]);
    } finally {
      await sockets.close();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    }
  });
});
