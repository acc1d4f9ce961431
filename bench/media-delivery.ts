// Protected media delivery: a ~50 KB image variant fetched by an entitled session (a) through nginx with
// auth_request to the app, (b) from the app itself (in-process path), against (baseline) nginx serving
// the same file with no auth, all measured in the same run with autocannon (50 connections, 10 s).
//   npm run bench:media [-- --no-write]
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { startApp } from "../tests/helpers/app-process.ts";
import { startNginx } from "../tests/helpers/nginx.ts";
import { fmt, fmtInt, machineFacts, runLoad, writeResultsBlock, type LoadResult } from "./lib.ts";

const { values: args } = parseArgs({ options: { "no-write": { type: "boolean", default: false } } });
const CONNECTIONS = 50;
const DURATION_S = 10;

async function main() {
  const app = await startApp({ env: { FANZ_LOG__LEVEL: "error" } });
  interface Json {
    token: string;
    media: { id: string; status: string; urls: { feed?: string } };
  }
  const call = async (path: string, body?: unknown, token?: string): Promise<Json> => {
    const res = await fetch(app.baseUrl + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Json;
  };
  try {
    await call("/api/v1/setup", {
      token: app.setupToken(),
      siteName: "Bench",
      admin: { email: "a@example.com", username: "admin", password: "admin-password-1" },
    });
    const { token } = await call("/api/v1/auth/signup", {
      email: "c@example.com",
      username: "benchcreator",
      password: "password-123",
      ageConfirmed: true,
    });
    await fetch(`${app.baseUrl}/api/v1/creators/me`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ priceCents: 500 }),
    });
    // A detailed photo-like image whose 1080 px "feed" variant weighs about 50 KB.
    const noise = Buffer.alloc(64 * 43 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    const img = await sharp(noise, { raw: { width: 64, height: 43, channels: 3 } })
      .resize(1600, 1067)
      .blur(2)
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([img], { type: "image/jpeg" }), "bench.jpg");
    const up = (await (
      await fetch(`${app.baseUrl}/api/v1/media`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as Json;
    let media: Json["media"] | undefined;
    for (let i = 0; i < 300; i++) {
      media = (await call(`/api/v1/media/${up.media.id}`, undefined, token)).media;
      if (media.status !== "processing") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (media?.status !== "ready") throw new Error(`media not ready: ${JSON.stringify(media)}`);
    const path = media.urls.feed as string;
    const bytes = readFileSync(join(app.dataDir, path.replace(/^\//, ""))).length;

    const nginx = await startNginx({
      appPort: app.port,
      mediaDir: join(app.dataDir, "media"),
      extraServer: `server { listen 127.0.0.1:{{PORT}}; location ^~ /media/ { alias ${join(app.dataDir, "media")}/; types { image/webp webp; } } }`,
    });
    const headers = { authorization: `Bearer ${token}` };
    const measure = async (url: string, h: Record<string, string> = {}) => {
      const probe = await fetch(url, { headers: h });
      if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
      await runLoad({ url, connections: CONNECTIONS, duration: 2, headers: h });
      return runLoad({ url, connections: CONNECTIONS, duration: DURATION_S, headers: h });
    };
    const load = loadavg()[0] ?? 0;
    const baseline = await measure(nginx.extraBase! + path);
    const guarded = await measure(nginx.base + path, headers);
    const inProcess = await measure(app.baseUrl + path, headers);
    await nginx.stop();

    const row = (name: string, r: LoadResult) =>
      `| ${name} | ${fmtInt(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${fmtInt(r.requests.total)} | ${r.non2xx} | ${fmt((100 * r.requests.average) / baseline.requests.average, 1)} % |`;
    const m = machineFacts();
    const block = [
      `Run ${new Date().toISOString()} on ${m.nproc} CPUs, ${m.cpu}, Node ${m.node}; ${CONNECTIONS} connections, ${DURATION_S} s each after a 2 s warm-up, one after another; the image variant is ${fmtInt(bytes)} bytes; 1-min load average ${fmt(load, 2)}.`,
      "",
      "| path | req/s | p50 ms | p99 ms | requests | non-2xx | vs baseline |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
      row("baseline: nginx serving the file, no auth", baseline),
      row("nginx + `auth_request` to `/internal/media-auth` (entitled session)", guarded),
      row("in-process: `fanzctl serve` streams the file itself (entitled session)", inProcess),
      "",
      "- Target: nginx + auth_request at least 50 % of the unauthenticated nginx throughput.",
      "- Rerun: `npm run bench:media`.",
    ].join("\n");
    console.log(block);
    if (!args["no-write"]) {
      writeResultsBlock(
        join(import.meta.dirname, "RESULTS.md"),
        "media-delivery",
        "Protected media delivery",
        block,
      );
    }
  } finally {
    await app.stop();
  }
}

await main();
