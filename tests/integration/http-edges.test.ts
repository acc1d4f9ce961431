// The HTTP edge as a client sees it: a refused oversized body leaves a keep-alive connection usable, and
// behind the trusted proxy the client address is the one the proxy appended, not one the client sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request } from "node:http";
import { startTestApp, type Actor, type TestApp } from "../helpers/api.ts";

const MB = 1024 * 1024;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The local port of the socket the answer came on: the same port = the same connection. */
  localPort: number;
}

/** One request through `agent`; a body given as chunks goes out chunked (no Content-Length). */
function send(
  agent: Agent,
  base: string,
  opts: { method: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] },
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(base + opts.path, { method: opts.method, agent, headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () =>
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString("utf8"),
          localPort: req.socket?.localPort ?? 0,
        }),
      );
    });
    req.on("error", fail);
    const chunks = opts.chunks ?? [];
    let i = 0;
    const pump = () => {
      while (i < chunks.length) {
        if (!req.write(chunks[i++]!)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const chunksOf = (total: number, size = 64 * 1024, fill = "a") => {
  const out: Buffer[] = [];
  for (let left = total; left > 0; left -= size) out.push(Buffer.alloc(Math.min(size, left), fill));
  return out;
};

/** The refused request's connection was kept: the next request went out on it and was answered. */
function expectSameConnection(refused: Answer, next: Answer) {
  expect(refused.headers.connection).toBe("keep-alive");
  expect(next.status).toBe(200);
  expect(next.localPort).toBe(refused.localPort);
}

describe("HTTP edge: oversized bodies on a keep-alive connection", () => {
  let app: TestApp;
  let creator: Actor;
  let agent: Agent;

  beforeAll(async () => {
    app = await startTestApp({ env: { FANZ_MEDIA__MAX_UPLOAD_MB: "1" } });
    creator = await app.creator("edgecreator");
  });
  afterAll(async () => {
    agent?.destroy();
    await app?.close();
  });

  it("answers 413 to a chunked JSON body over 1 MB, and the client's next request succeeds", async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = [Buffer.from('{"email":"a@b.c","password":"'), ...chunksOf(3 * MB), Buffer.from('"}')];
    const refused = await send(agent, app.base, {
      method: "POST",
      path: "/api/v1/auth/login",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      chunks: body,
    });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    expectSameConnection(refused, await send(agent, app.base, { method: "GET", path: "/healthz" }));
  });

  it("answers 413 to a JSON body declared over 1 MB, and the client's next request succeeds", async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = [Buffer.from('{"email":"a@b.c","password":"'), ...chunksOf(3 * MB), Buffer.from('"}')];
    const refused = await send(agent, app.base, {
      method: "POST",
      path: "/api/v1/auth/login",
      headers: {
        "content-type": "application/json",
        "content-length": String(body.reduce((n, b) => n + b.length, 0)),
      },
      chunks: body,
    });
    expect(refused.status).toBe(413);
    expectSameConnection(refused, await send(agent, app.base, { method: "GET", path: "/healthz" }));
  });

  const uploadOf = (bytes: number) => {
    const boundary = "----fanzedge";
    return {
      boundary,
      chunks: [
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
            "Content-Type: application/octet-stream\r\n\r\n",
        ),
        ...chunksOf(bytes),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ],
    };
  };

  const refusedUpload = (bytes: number) => {
    const { boundary, chunks } = uploadOf(bytes);
    return send(agent, app.base, {
      method: "POST",
      path: "/api/v1/media",
      headers: {
        authorization: `Bearer ${creator.token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "transfer-encoding": "chunked",
      },
      chunks,
    });
  };

  it("answers 413 to a chunked upload over media.max_upload_mb, and the client's next request succeeds", async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await refusedUpload(3 * MB);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    expectSameConnection(refused, await send(agent, app.base, { method: "GET", path: "/healthz" }));
  });

  it("answers 413 to an upload far over the limit while the client is still sending, then its next request succeeds", async () => {
    // More than the server reads before answering: the client is still sending when the 413 comes. The
    // connection may be cut while the client is mid-body, never after it could send its next request.
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await refusedUpload(48 * MB);
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    const next = await send(agent, app.base, { method: "GET", path: "/healthz" });
    expect(next.status).toBe(200);
  });
});

describe("HTTP edge: the client address behind the trusted proxy", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      env: { FANZ_SERVER__TRUST_PROXY: "true", FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "3" },
    });
  });
  afterAll(() => app?.close());

  const signupVia = (forwardedFor: string, username: string) =>
    app.call("POST", "/api/v1/auth/signup", {
      headers: { "x-forwarded-for": forwardedFor },
      body: { email: `${username}@example.com`, username, password: "password-123", ageConfirmed: true },
    });

  it("is the last X-Forwarded-For entry (the one the proxy appended), not what the client sent", async () => {
    // The client claims a new address each time; the proxy appends the one it saw, 127.0.0.1.
    for (let i = 1; i <= 3; i++) {
      expect((await signupVia(`203.0.113.${i}, 127.0.0.1`, `spoof${i}`)).status).toBe(201);
    }
    const fourth = await signupVia("203.0.113.4, 127.0.0.1", "spoof4");
    expect(fourth.status).toBe(429);
    expect(await app.services.users.byUsername("spoof4")).toBeUndefined();
    // Another address seen by the proxy has its own allowance, whatever the client put in front.
    expect((await signupVia("127.0.0.1, 198.51.100.7", "other1")).status).toBe(201);
  });
});

describe("HTTP edge: answers outside the API", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("answers 404 with the JSON error body to a non-GET page request and to a malformed media path", async () => {
    const page = await app.call("POST", "/some/page");
    expect(page.status).toBe(404);
    expect(page.body).toEqual({ error: { code: "not_found", message: "Not found." } });
    const media = await app.get("/media/NOT-AN-ID/original.jpg");
    expect(media.status).toBe(404);
    expect(media.body).toEqual({ error: { code: "not_found", message: "Media not found." } });
  });
});
