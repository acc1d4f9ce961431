// Integration-test harness: the real app (a real database on the test engine, real argon2) driven through
// real HTTP on a loopback port, with small helpers to act as different people.
import type { Asset } from "../../src/lib/assets.ts";
import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { buildApp, startJobs } from "../../src/main.ts";
import { createLogger } from "../../src/lib/logger.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { rawSql, testDatabase } from "./engine.ts";
import { attachRealtime } from "../../src/http/ws.ts";
import { startLiveNode } from "../../src/modules/live/node.ts";

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Actor {
  token: string;
  user: { id: string; username: string; email: string; role: string };
}

export class TestClock implements Clock {
  constructor(public t = Date.now()) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export async function startTestApp(
  opts: {
    setup?: boolean;
    env?: Record<string, string>;
    clock?: Clock;
    jobs?: boolean;
    /** Start the live node (RTMP ingest on a free port, ffmpeg per stream, viewer counts). */
    live?: boolean;
    /** The web UI's files (none by default: paths outside the API answer the JSON 404). */
    web?: Map<string, Asset>;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "fanz-it-"));
  const database = await testDatabase(dir, "it");
  const { config } = loadConfig({
    file: "/dev/null",
    env: {
      ...database.env,
      FANZ_DATA_DIR: dir,
      FANZ_PORT: "0",
      FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "10000",
      FANZ_PAYMENTS__PURCHASES_PER_MINUTE: "100000",
      FANZ_LIVE__RTMP_PORT: "0",
      FANZ_LIVE__RTMP_HOST: "127.0.0.1",
      ...opts.env,
    },
  });
  const built = await buildApp(config, {
    logger: createLogger("error"),
    web: opts.web ?? null,
    clock: opts.clock,
  });
  const server = await new Promise<Server>((ok) => {
    const s = serve({ fetch: built.app.fetch, port: 0, hostname: "127.0.0.1" }, () =>
      ok(s as Server),
    ) as Server;
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets = attachRealtime(server, built.ctx, built.services);
  // The job queue and worker pool run only where a test needs them (media processing).
  const stopJobs = opts.jobs ? startJobs(built.ctx, built.services) : null;
  const live = opts.live ? await startLiveNode(built.ctx, built.services.live) : null;

  async function call<T = any>(
    method: string,
    path: string,
    init: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<Res<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined || init.raw !== undefined) headers["content-type"] ??= "application/json";
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await fetch(base + path, {
      method,
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  }

  let seq = 0;
  const app = {
    base,
    dir,
    ctx: built.ctx,
    services: built.services,
    /** FANZ_DB__* for another app or process on this app's database (empty on SQLite: the data dir says). */
    dbEnv: database.env,
    /** Raw SQL on the app's database, either engine (tests/helpers/engine.ts). */
    raw: rawSql(built.ctx.db),
    /** The Hono app itself (its routes, its OpenAPI registry). */
    http: built.app,
    call,
    get: <T = any>(path: string, token?: string) => call<T>("GET", path, { token }),
    post: <T = any>(path: string, body?: unknown, token?: string) => call<T>("POST", path, { body, token }),
    put: <T = any>(path: string, body?: unknown, token?: string) => call<T>("PUT", path, { body, token }),
    patch: <T = any>(path: string, body?: unknown, token?: string) => call<T>("PATCH", path, { body, token }),
    del: <T = any>(path: string, token?: string) => call<T>("DELETE", path, { token }),

    async setup(): Promise<Actor> {
      const token = await built.services.setup.issueTokenIfNeeded();
      const r = await call("POST", "/api/v1/setup", {
        body: {
          token,
          siteName: "Test Site",
          admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
        },
      });
      if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
      return { token: r.body.token, user: r.body.user };
    },

    /** The admin made by setup, logged in. */
    async signupAdmin(): Promise<Actor> {
      const r = await call("POST", "/api/v1/auth/login", {
        body: { email: "admin@example.com", password: "admin-password-1" },
      });
      if (r.status !== 200) throw new Error(`admin login failed: ${r.status} ${JSON.stringify(r.body)}`);
      return { token: r.body.token, user: r.body.user };
    },

    /** A GET outside the JSON API (media files), as `who`. */
    getRaw: (path: string, who?: Actor | null) =>
      fetch(base + path, { headers: who ? { authorization: `Bearer ${who.token}` } : {} }),

    async signup(name?: string): Promise<Actor> {
      const username = name ?? `user${++seq}_${Math.random().toString(36).slice(2, 7)}`;
      const r = await call("POST", "/api/v1/auth/signup", {
        body: { email: `${username}@example.com`, username, password: "password-123", ageConfirmed: true },
      });
      if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.body)}`);
      return { token: r.body.token, user: r.body.user };
    },

    async creator(name?: string, profile: Record<string, unknown> = { priceCents: 999 }): Promise<Actor> {
      const a = await app.signup(name);
      const r = await call("PUT", "/api/v1/creators/me", { body: profile, token: a.token });
      if (r.status !== 200) throw new Error(`creator profile failed: ${r.status} ${JSON.stringify(r.body)}`);
      // Creators need a proved address before payouts; the mailed-link flow has its own tests.
      await app.verifyEmail(a);
      return { ...a, user: { ...a.user, role: "creator" } };
    },

    /** Marks the person's address as proved, as the mailed link would. */
    async verifyEmail(a: Actor) {
      await built.ctx.db.write((tx) =>
        built.services.users.setEmailVerifiedTx(tx, a.user.id, built.ctx.clock.now()),
      );
    },

    async postAs(a: Actor, body: Record<string, unknown>) {
      const r = await call("POST", "/api/v1/posts", { body, token: a.token });
      if (r.status !== 201) throw new Error(`post failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.post as { id: string; [k: string]: any };
    },

    /** Pays an open sandbox checkout with a test card. */
    async payCheckout(checkoutId: string, card = "4242 4242 4242 4242") {
      return call("POST", `/sandbox/checkout/${checkoutId}/pay`, { body: { cardNumber: card } });
    },

    /** Tops a wallet up through the sandbox checkout, as a fan would. */
    async topup(a: Actor, amountCents: number) {
      const r = await call("POST", "/api/v1/wallet/topups", { body: { amountCents }, token: a.token });
      if (r.status !== 202) throw new Error(`topup failed: ${r.status} ${JSON.stringify(r.body)}`);
      const paid = await app.payCheckout(r.body.checkoutId);
      if (paid.status !== 200)
        throw new Error(`checkout failed: ${paid.status} ${JSON.stringify(paid.body)}`);
      return r.body.checkoutId as string;
    },

    /** Ledger invariants: every transaction sums to zero and every cached balance equals its entries. */
    ledgerHealth() {
      return built.services.payments.ledgerHealth();
    },

    /** Grants a subscription the way the payments flow will: through the service, in a transaction. */
    async grant(fan: Actor, creator: Actor, months = 1) {
      return built.ctx.db.write((tx) =>
        built.services.subscriptions.grantTx(tx, {
          fanId: fan.user.id,
          creatorId: creator.user.id,
          months,
          priceCents: 999,
          currency: "USD",
          autoRenew: true,
        }),
      );
    },

    /** Uploads bytes as multipart field `file`, as a browser would (to the vault unless `path` says). */
    async upload(
      a: Actor | null,
      bytes: Buffer | Uint8Array,
      fileName = "upload.bin",
      path = "/api/v1/media",
    ) {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)]), fileName);
      const res = await fetch(base + path, {
        method: "POST",
        body: form,
        headers: a ? { authorization: `Bearer ${a.token}` } : {},
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers } as Res;
    },

    /** The live node (opts.live): its RTMP port and running ffmpeg processes. */
    live,
    async close() {
      await sockets.close();
      await live?.close();
      await stopJobs?.(5000);
      // Mails and pushes woken by the last commits finish before the database closes.
      await built.services.notifications.outbox.stop();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await built.ctx.db.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (opts.setup !== false) await app.setup();
  return app;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
