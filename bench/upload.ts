// Upload benchmark (`npm run bench:upload`): the multipart path through the real server.
//
// Starts `fanzctl serve` and a bare Node HTTP server that pipes the raw request body into
// fs.createWriteStream (the floor: no parsing at all), each in its own process, and POSTs the same
// 200 MB multipart body (a small real JPEG padded with zeros, sent with backpressure from one reused
// 1 MB buffer) to each in turn, alternating, several runs. Reports wall time until the answer, MB/s and
// the server's CPU for each side, and the fanz/bare ratio. Each fanz upload's processing job is waited
// for before the next run so it does not overlap a measurement. Prints only (no RESULTS.md block).
//
// Options: --mb N (default 200), --runs N (default 3).
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { fmt, freePort, machineFacts, processCpuMs, sleep, startChild, startFanz } from "./lib.ts";

const MB = 1024 * 1024;
const { values: args } = parseArgs({
  options: {
    mb: { type: "string", default: "200" },
    runs: { type: "string", default: "3" },
    "bare-server": { type: "string" },
    dir: { type: "string" },
  },
});

// Child mode: the bare baseline server.
if (args["bare-server"]) {
  let n = 0;
  createServer((req, res) => {
    if (req.method !== "POST") return void res.end("ready");
    const file = join(args.dir!, `body-${n++}`);
    pipeline(req, createWriteStream(file, { flags: "wx", mode: 0o640 })).then(
      () => {
        rmSync(file, { force: true });
        res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}');
      },
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  }).listen(Number(args["bare-server"]), "127.0.0.1");
} else {
  await main();
}

/** POSTs a multipart body with a `file` part of `head` + zeros up to `fileBytes`; resolves with status and ms. */
function upload(url: string, token: string | null, head: Buffer, fileBytes: number) {
  const boundary = "----fanzbench7f3a";
  const opening = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n` +
      "Content-Type: image/jpeg\r\n\r\n",
  );
  const closing = Buffer.from(`\r\n--${boundary}--\r\n`);
  const padding = Buffer.alloc(MB);
  const started = performance.now();
  return new Promise<{ status: number; ms: number; body: string }>((ok, fail) => {
    const req = request(url, {
      method: "POST",
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": String(opening.length + fileBytes + closing.length),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => ok({ status: res.statusCode ?? 0, ms: performance.now() - started, body }));
    });
    req.on("error", fail);
    void (async () => {
      const write = async (b: Buffer) => {
        if (!req.write(b)) await new Promise((r) => req.once("drain", r));
      };
      await write(opening);
      await write(head);
      for (let left = fileBytes - head.length; left > 0; left -= MB)
        await write(padding.subarray(0, Math.min(MB, left)));
      req.end(closing);
    })();
  });
}

async function main() {
  const fileMb = Number(args.mb);
  const runs = Number(args.runs);
  const repoRoot = resolve(import.meta.dirname, "..");
  const work = mkdtempSync(join(tmpdir(), "fanz-bench-upload-"));
  const head = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#c05" } })
    .jpeg()
    .toBuffer();
  const fanz = await startFanz({
    dataDir: join(work, "data"),
    env: {
      ...process.env,
      FANZ_LOG__LEVEL: "error",
      FANZ_MEDIA__MAX_UPLOAD_MB: String(fileMb + 10),
      FANZ_JOBS__WORKERS: "1",
    },
    cwd: repoRoot,
  });
  const barePort = await freePort();
  const bare = await startChild({
    name: "bare createWriteStream",
    args: ["--import", "tsx", "bench/upload.ts", "--bare-server", String(barePort), "--dir", work],
    port: barePort,
    readyPath: "/",
    cwd: repoRoot,
  });
  try {
    const post = async (path: string, body: unknown, token?: string, method = "POST") => {
      const res = await fetch(fanz.baseUrl + path, {
        method,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { token: string };
    };
    const { token } = await post("/api/v1/setup", {
      token: readFileSync(join(work, "data", "setup-token"), "utf8").trim(),
      siteName: "Upload bench",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
    });
    await post("/api/v1/creators/me", { priceCents: 500 }, token, "PUT");
    const settled = async (body: string) => {
      const id = (JSON.parse(body) as { media: { id: string } }).media.id;
      for (let i = 0; i < 600; i++) {
        const res = await fetch(`${fanz.baseUrl}/api/v1/media/${id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (((await res.json()) as { media: { status: string } }).media.status !== "processing") return;
        await sleep(100);
      }
    };
    // Warm both paths.
    const warm = await upload(`${fanz.baseUrl}/api/v1/media`, token, head, MB);
    if (warm.status !== 201) throw new Error(`warm-up upload: ${warm.status} ${warm.body}`);
    await settled(warm.body);
    await upload(`${bare.baseUrl}/`, null, head, MB);

    const rows: { side: string; ms: number; cpu: number }[] = [];
    const load = [loadavg()[0]!];
    for (let r = 0; r < runs; r++) {
      for (const side of r % 2 === 0 ? ["fanz", "bare"] : ["bare", "fanz"]) {
        const server = side === "fanz" ? fanz : bare;
        const cpu0 = processCpuMs(server.child.pid)!;
        const got =
          side === "fanz"
            ? await upload(`${fanz.baseUrl}/api/v1/media`, token, head, fileMb * MB)
            : await upload(`${bare.baseUrl}/`, null, head, fileMb * MB);
        const cpu = processCpuMs(server.child.pid)! - cpu0;
        if (got.status !== 201) throw new Error(`${side} upload: ${got.status} ${got.body}`);
        rows.push({ side, ms: got.ms, cpu });
        if (side === "fanz") await settled(got.body);
      }
    }
    load.push(loadavg()[0]!);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const of = (side: string) => rows.filter((x) => x.side === side);
    const f = machineFacts();
    process.stdout.write(
      `Upload of ${fileMb} MB, ${runs} alternating runs; ${f.nproc} CPUs, ${f.cpu}, Node ${f.node}; ` +
        `1-min load ${fmt(load[0]!)} -> ${fmt(load[1]!)}\n\n` +
        "| side | wall ms (median) | MB/s | server CPU ms (median) | wall per run |\n| --- | ---: | ---: | ---: | --- |\n",
    );
    for (const side of ["bare", "fanz"]) {
      const ms = median(of(side).map((x) => x.ms));
      process.stdout.write(
        `| ${side === "bare" ? "baseline: raw body piped to fs.createWriteStream" : "fanz `POST /api/v1/media` (multipart, sniff, vault)"} | ` +
          `${Math.round(ms)} | ${fmt((fileMb * 1000) / ms, 0)} | ${Math.round(median(of(side).map((x) => x.cpu)))} | ` +
          `${of(side)
            .map((x) => Math.round(x.ms))
            .join(", ")} |\n`,
      );
    }
    const ratio = median(of("fanz").map((x) => x.ms)) / median(of("bare").map((x) => x.ms));
    process.stdout.write(`\nfanz / baseline wall: ${fmt(ratio)}x\n`);
  } finally {
    await fanz.stop();
    await bare.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
