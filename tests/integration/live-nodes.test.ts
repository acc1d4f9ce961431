// Live streams on two app nodes sharing one PostgreSQL database (the postgres project only): node A takes
// the RTMP, node B does not (`[live] ingest = false`, its own data dir) and serves the HLS it fetches from
// A after its own entitlement check; chat, tips and viewer counts cross between the nodes' sockets; a key
// rotated on B cuts the publisher on A.
import { serve } from "@hono/node-server";
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { attachRealtime } from "../../src/http/ws.ts";
import { createLogger } from "../../src/lib/logger.ts";
import { buildApp } from "../../src/main.ts";
import { startLiveNode, type LiveNode } from "../../src/modules/live/node.ts";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";
import { publishTestPattern, type Publisher } from "../helpers/live.ts";
import { openWs } from "../helpers/ws.ts";
import { until } from "../helpers/until.ts";

describe("live on two nodes", () => {
  let a: TestApp;
  let b: Awaited<ReturnType<typeof buildApp>>;
  let server: Server;
  let sockets: ReturnType<typeof attachRealtime>;
  let liveB: LiveNode;
  let baseB = "";
  let creator: Actor;
  let subscriber: Actor;
  let stranger: Actor;
  let publisher: Publisher;

  beforeAll(async () => {
    const secret = randomBytes(32).toString("hex");
    a = await startTestApp({ live: true, env: { FANZ_SECURITY__SECRET_KEY: secret } });
    const { config } = loadConfig({
      file: "/dev/null",
      env: {
        ...a.dbEnv,
        FANZ_DATA_DIR: mkdtempSync(join(tmpdir(), "fanz-node-b-")),
        FANZ_SECURITY__SECRET_KEY: secret,
        FANZ_LIVE__INGEST: "false",
        FANZ_LIVE__INGEST_URL: a.base,
      },
    });
    b = await buildApp(config, { web: null, logger: createLogger("error") });
    server = await new Promise<Server>((ok) => {
      const srv = serve({ fetch: b.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
        ok(srv as Server),
      ) as Server;
    });
    sockets = attachRealtime(server, b.ctx, b.services);
    liveB = await startLiveNode(b.ctx, b.services.live);
    baseB = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await a.signupAdmin();
    creator = await a.creator();
    subscriber = await a.signup();
    stranger = await a.signup();
    await a.grant(subscriber, creator);
  });
  afterAll(async () => {
    await publisher?.stop();
    await sockets.close();
    await liveB.close();
    await new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
    await b.ctx.db.close();
    await a.close();
  });

  const getB = (path: string, who: Actor | null) =>
    fetch(baseB + path, { headers: who ? { authorization: `Bearer ${who.token}` } : {} });

  it("serves the ingest node's HLS from the other node, to entitled viewers only", async () => {
    expect(liveB.rtmpPort).toBeNull();
    const key = (await a.get("/api/v1/live/key", creator.token)).body;
    publisher = publishTestPattern(`rtmp://127.0.0.1:${a.live!.rtmpPort}/live`, key.streamKey);
    const stream = await until("live, as node B sees it", async () => {
      const r = await getB(`/api/v1/creators/${creator.user.username}/live`, subscriber);
      return ((await r.json()) as any).stream;
    });
    expect(stream.playlistUrl).toBe(`/live-hls/${stream.id}/master.m3u8`);
    const text = await until("segments through node B", async () => {
      const r = await getB(`/live-hls/${stream.id}/src/index.m3u8`, subscriber);
      const t = r.status === 200 ? await r.text() : "";
      return /^\d+\.ts$/m.test(t) ? t : null;
    });
    const seg = text.split("\n").find((l) => /^\d+\.ts$/.test(l))!;
    const r = await getB(`/live-hls/${stream.id}/src/${seg}`, subscriber);
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer())[0]).toBe(0x47);
    expect((await getB(`/live-hls/${stream.id}/src/${seg}`, stranger)).status).toBe(404);
    expect((await getB(`/live-hls/${stream.id}/src/${seg}`, null)).status).toBe(404);
  });

  it("carries chat, tips and viewer counts between the nodes' sockets; a key rotated on B cuts the publisher on A", async () => {
    const streamId = (await a.get(`/api/v1/creators/${creator.user.username}/live`)).body.stream.id;
    const onA = await openWs(a.base, { token: creator.token });
    const onB = await openWs(baseB, { token: subscriber.token });
    await onA.next("ready");
    await onB.next("ready");
    onA.send({ type: "live.join", streamId });
    onB.send({ type: "live.join", streamId });
    await onA.next("live.joined");
    await onB.next("live.joined");

    onB.send({ type: "live.chat", streamId, text: "hi from node B" });
    expect((await onA.next("live.chat", 10_000)).message.text).toBe("hi from node B");

    await a.topup(subscriber, 1000);
    const tip = await fetch(`${baseB}/api/v1/tips`, {
      method: "POST",
      headers: { authorization: `Bearer ${subscriber.token}`, "content-type": "application/json" },
      body: JSON.stringify({ creator: creator.user.username, amountCents: 250, liveStreamId: streamId }),
    });
    expect(tip.status).toBe(201);
    expect((await onA.next("live.tip", 10_000)).message.amountCents).toBe(250);
    expect((await onB.next("live.tip", 10_000)).message.amountCents).toBe(250);

    // One viewer on each node: both see two.
    await onA.next((f) => f.type === "live.viewers" && f.viewers === 2, 15_000);
    await onB.next((f) => f.type === "live.viewers" && f.viewers === 2, 15_000);

    const rotated = await fetch(`${baseB}/api/v1/live/key/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${creator.token}` },
    });
    expect(rotated.status).toBe(200);
    await until("the publisher to be cut", async () => publisher.child.exitCode !== null, 10_000);
    expect((await onB.next((f) => f.type === "live.status" && f.status === "ended", 15_000)).streamId).toBe(
      streamId,
    );
    await onA.close();
    await onB.close();
  });
});
