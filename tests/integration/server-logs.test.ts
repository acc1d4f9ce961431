// The server's own logs as an operator collects them: JSON lines on stderr, each request's lines tagged
// with the id its answer carried, nothing lost when the process stops; fanzctl's own words stay text.
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../helpers/app-process.ts";

const running: AppProcess[] = [];
afterAll(async () => {
  for (const p of running) await p.stop("SIGKILL");
});

describe("fanzctl serve logs", () => {
  it("writes JSON lines with the request's X-Request-Id, flushed up to the last line at SIGTERM", async () => {
    const app = await startApp({ env: { FANZ_LOG__LEVEL: "debug" } });
    running.push(app);
    let stderr = "";
    let stdout = "";
    app.child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    app.child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));

    const res = await fetch(`${app.baseUrl}/api/v1/site`);
    expect(res.status).toBe(200);
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // A client cannot choose its id when no trusted proxy is configured.
    const planted = await fetch(`${app.baseUrl}/healthz`, { headers: { "x-request-id": "planted" } });
    expect(planted.headers.get("x-request-id")).not.toBe("planted");

    expect(await app.stop("SIGTERM")).toBe(0);
    const lines = stderr
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "debug",
        msg: "request",
        reqId: id,
        path: "/api/v1/site",
        status: 200,
      }),
    );
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: "stopped" });
    expect(lines.find((l) => l.msg === "stopped")!.reqId).toBeUndefined();
    expect(stdout).toContain("SIGTERM received, finishing in-flight requests...");
    expect(stdout).not.toContain("{");
  });
});
