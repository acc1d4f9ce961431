// The appliance on a real systemd: the single executable copied into a fresh Debian 12 container (no Node,
// ffmpeg or nginx) and installed with `fanzctl install` as root — apt-get, the fanz user, the hardened
// unit, nginx, the backup timer — then driven through nginx on port 80 like a visitor, restarted,
// rebooted, backed up and restored on a second container, upgraded and rolled back, and checked by
// `fanzctl doctor`, which must find the installed config by itself and catch what breaks a site.
// Runs as root with systemd-container and mmdebstrap (`.ci/run` installs them); elsewhere it skips with
// the reason, except when FANZ_REQUIRE_CONTAINER is set (CI), where a missing prerequisite fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import sharp from "sharp";
import pkg from "../../package.json" with { type: "json" };
import { freePort, repoRoot } from "../helpers/app-process.ts";
import { bootContainer, nspawnUnavailable, viaNginx, type Container } from "../helpers/nspawn.ts";

const HOST = "fans.test";
const unavailable = nspawnUnavailable();
if (unavailable && process.env.FANZ_REQUIRE_CONTAINER) {
  throw new Error(`The systemd container test must run here but cannot: ${unavailable}`);
}
if (unavailable) console.log(`systemd.e2e skipped: ${unavailable}`);

const [major, minor, patch] = pkg.version.split(/[.-]/).map(Number) as [number, number, number];
const NEXT = `${major}.${minor}.${patch + 1}`;

const portFree = (port: number) =>
  new Promise<boolean>((ok) => {
    const srv = createServer();
    srv.once("error", () => ok(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => ok(true)));
  });

/** A JSON call through nginx with Host: fans.test. */
async function api(path: string, body?: unknown, token?: string, method?: string) {
  const res = await viaNginx(HOST, path, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json: any = null;
  try {
    json = JSON.parse(res.body.toString("utf8"));
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json, headers: res.headers, raw: res.body };
}
const login = async (email: string, password: string) =>
  (await api("/api/v1/auth/login", { email, password })).body?.token as string | undefined;
const servedVersion = async () => (await api("/api/v1/openapi.json")).body?.info?.version as string;

describe.skipIf(unavailable !== null)("fanzctl on a systemd-booted Debian 12", () => {
  const work = mkdtempSync("/tmp/fanz-systemd-");
  const payload = join(work, "payload");
  let a: Container | null = null;
  let b: Container | null = null;
  let installOutput = "";
  const site = { creator: "", fan: "", mediaId: "", full: "", postId: "" };
  const doctor = (c: Container) => c.sh("cd / && fanzctl doctor 2>&1");

  beforeAll(async () => {
    if (!(await portFree(80)))
      throw new Error("port 80 on 127.0.0.1 is in use: nginx in the container needs it");
    if (!existsSync(join(repoRoot, "web/dist/index.html"))) throw new Error("run `npm run build:web` first");
    mkdirSync(join(payload, "next"), { recursive: true });
    mkdirSync(join(payload, "broken"), { recursive: true });
    // Two real builds (this version and a higher one), outside dist/ so the binary test's build is not raced.
    // Not execFileSync: a worker blocked for a minute starves vitest's RPC.
    const build = (out: string, version?: string) =>
      promisify(execFile)(process.execPath, ["scripts/build-binary.mjs"], {
        cwd: repoRoot,
        env: { ...process.env, FANZ_BUILD_OUT: out, ...(version ? { FANZ_BUILD_VERSION: version } : {}) },
        maxBuffer: 16 * 1024 * 1024,
      });
    await build(join(work, "build-a"));
    await build(join(work, "build-b"), NEXT);
    copyFileSync(join(work, "build-a/fanzctl"), join(payload, "fanzctl"));
    copyFileSync(join(work, "build-b/fanzctl"), join(payload, "next/fanzctl"));
    rmSync(join(work, "build-a"), { recursive: true });
    rmSync(join(work, "build-b"), { recursive: true });
    // A build that reports a version and migrates, but whose server never comes up.
    writeFileSync(
      join(payload, "broken/fanzctl"),
      [
        "#!/bin/sh",
        `if [ "$1" = "--version" ]; then echo ${NEXT}-broken; exit 0; fi`,
        'if [ "$1" = "serve" ]; then echo "broken build" >&2; exit 1; fi',
        `exec /opt/fanz/versions/${NEXT}/fanzctl "$@"`,
      ].join("\n"),
      { mode: 0o755 },
    );
    a = await bootContainer("fanz-a", payload, join(work, "a"));
  }, 600_000);

  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
    rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it(
    "installs from nothing: apt-get, user, config, hardened unit, nginx site, backup timer",
    { timeout: 600_000 },
    async () => {
      const c = a!;
      expect((await c.sh("command -v node ffmpeg nginx")).stdout.trim()).toBe("");
      const port = await freePort();
      // The figure: from `fanzctl install` to /readyz answering through nginx, apt downloads included.
      // Each output line gets its time since the start (ms), to tell apt's share from Fanz's.
      const r = await c.sh(
        `t0=$(date +%s%N); { /payload/fanzctl install --domain ${HOST} --yes --port ${port} 2>&1; echo "rc=$?"; } | ` +
          `while IFS= read -r l; do echo "+$(( ($(date +%s%N) - t0) / 1000000 )) $l"; done; ` +
          `for i in $(seq 1 600); do curl -sf -H 'Host: ${HOST}' http://127.0.0.1/readyz >/dev/null && break; sleep 0.1; done; ` +
          `echo "ELAPSED_MS=$(( ($(date +%s%N) - t0) / 1000000 ))"`,
        600_000,
      );
      installOutput = r.stdout;
      expect(r.stdout, r.stdout + r.stderr).toMatch(/ rc=0$/m);
      const ms = Number(/ELAPSED_MS=(\d+)/.exec(r.stdout)![1]);
      const aptMs = Number(/^\+(\d+) \[\d+\] Install ffmpeg and nginx: done/m.exec(r.stdout)![1]);
      expect(r.stdout).toMatch(/Finish setting up your site: http:\/\/fans\.test\/setup\?token=\w+/);
      expect((await c.ok("systemctl is-active fanz nginx")).split("\n").slice(0, 2)).toEqual([
        "active",
        "active",
      ]);
      expect(await c.ok("systemctl list-timers --all --no-pager")).toContain("fanz-backup.timer");
      expect(await c.ok("id fanz")).toMatch(/uid=\d+\(fanz\)/);
      expect(
        (await c.ok("stat -c '%U:%G %a' /etc/fanz/config.toml /var/lib/fanz")).trim().split("\n"),
      ).toEqual(["root:fanz 640", "fanz:fanz 750"]);
      const verify = await c.sh(
        "systemd-analyze verify /etc/systemd/system/fanz.service /etc/systemd/system/fanz-backup.service " +
          "/etc/systemd/system/fanz-backup.timer 2>&1",
      );
      expect(verify.status).toBe(0);
      expect(verify.stdout.trim()).toBe("");
      const exposure = Number(
        /Overall exposure level for fanz\.service: ([\d.]+)/.exec(
          await c.ok("systemd-analyze security fanz 2>&1"),
        )![1],
      );
      const backupExposure = Number(
        /exposure level for fanz-backup\.service: ([\d.]+)/.exec(
          await c.ok("systemd-analyze security fanz-backup.service 2>&1"),
        )![1],
      );
      console.log(
        `systemd: install to /readyz through nginx ${(ms / 1000).toFixed(1)} s ` +
          `(apt-get update + install of ffmpeg and nginx done at ${(aptMs / 1000).toFixed(1)} s); ` +
          `systemd-analyze security: fanz ${exposure}, fanz-backup ${backupExposure}`,
      );
      // The target is 2 minutes (met on a quiet machine); the bound is wider because CI runs this next to
      // the rest of the suite on 2 cores, where dpkg alone takes a minute. Past it, something regressed.
      expect(ms).toBeLessThan(240_000);
      expect(exposure).toBeLessThan(4);
      expect(backupExposure).toBeLessThan(4);
      // Enforced here (unlike MemoryMax=): the service holds no capability and cannot see other processes.
      const main = (await c.ok("systemctl show -p MainPID --value fanz")).trim();
      expect(await c.ok(`grep CapEff /proc/${main}/status`)).toMatch(/CapEff:\s+0+$/m);
    },
  );

  it(
    "serves the site through nginx: setup, sign-up, an image processed by sharp, media auth, a purchase",
    { timeout: 120_000 },
    async () => {
      expect((await api("/readyz")).status).toBe(200);
      const token = /setup\?token=(\w+)/.exec(installOutput)![1];
      const setup = await api("/api/v1/setup", {
        token,
        siteName: "Appliance",
        admin: { email: "admin@fans.test", username: "admin", password: "admin-password-1" },
      });
      expect(setup.status, JSON.stringify(setup.body)).toBe(201);
      const signup = async (email: string, username: string) =>
        (await api("/api/v1/auth/signup", { email, username, password: "password-123", ageConfirmed: true }))
          .body.token as string;
      site.creator = await signup("creator@fans.test", "appcreator");
      site.fan = await signup("fan@fans.test", "appfan");
      expect((await api("/api/v1/creators/me", { priceCents: 500 }, site.creator, "PUT")).status).toBe(200);

      const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#36c" } })
        .jpeg()
        .toBuffer();
      const form = new FormData();
      form.append("file", new Blob([jpeg], { type: "image/jpeg" }), "photo.jpg");
      const encoded = new Response(form);
      const up = await viaNginx(HOST, "/api/v1/media", {
        method: "POST",
        headers: {
          authorization: `Bearer ${site.creator}`,
          "content-type": encoded.headers.get("content-type")!,
        },
        body: Buffer.from(await encoded.arrayBuffer()),
      });
      expect(up.status, up.body.toString()).toBe(201);
      site.mediaId = JSON.parse(up.body.toString()).media.id;
      let media: any;
      for (let i = 0; i < 300; i++) {
        media = (await api(`/api/v1/media/${site.mediaId}`, undefined, site.creator)).body.media;
        if (media.status !== "processing") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(media).toMatchObject({ status: "ready", width: 1200, height: 800 });
      site.full = media.urls.full;
      // The full image comes from disk through nginx's auth_request: the owner gets it, nobody else.
      const owned = await viaNginx(HOST, site.full, { headers: { authorization: `Bearer ${site.creator}` } });
      expect(owned.status).toBe(200);
      expect((await sharp(owned.body).metadata()).width).toBe(1200);
      expect((await viaNginx(HOST, site.full)).status).toBe(401);

      site.postId = (
        await api(
          "/api/v1/posts",
          { text: "paid", visibility: "ppv", priceCents: 300, mediaIds: [site.mediaId] },
          site.creator,
        )
      ).body.post.id;
      const topup = await api("/api/v1/wallet/topups", { amountCents: 1000 }, site.fan);
      expect(topup.status).toBe(202);
      expect(
        (await api(`/sandbox/checkout/${topup.body.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" }))
          .status,
      ).toBe(200);
      const unlock = await api(`/api/v1/posts/${site.postId}/unlock`, { payWith: "wallet" }, site.fan);
      expect(unlock.status).toBe(200);
      const feed = await viaNginx(HOST, unlock.body.post.media[0].urls.feed, {
        headers: { authorization: `Bearer ${site.fan}` },
      });
      expect(feed.status).toBe(200);
      expect(feed.headers["content-type"]).toBe("image/webp");
      expect((await api("/api/v1/wallet", undefined, site.fan)).body.balanceCents).toBe(700);
    },
  );

  /** The rows and files the site made above are all there. */
  async function siteIntact() {
    const fan = await login("fan@fans.test", "password-123");
    expect(fan).toBeTruthy();
    expect((await api("/api/v1/wallet", undefined, fan)).body.balanceCents).toBe(700);
    const creator = await login("creator@fans.test", "password-123");
    const full = await viaNginx(HOST, site.full, { headers: { authorization: `Bearer ${creator}` } });
    expect(full.status).toBe(200);
    expect((await api(`/api/v1/posts/${site.postId}`, undefined, fan)).body.post.locked).toBe(false);
  }
  const ready = async () => {
    for (let i = 0; i < 300; i++) {
      const ok = await api("/readyz").then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the site did not answer /readyz through nginx");
  };

  it(
    "keeps everything across a restart and a reboot; logs requests to the journal; a second install changes nothing",
    { timeout: 180_000 },
    async () => {
      const c = a!;
      // Request lines are at debug: an operator turns them on with [log] level (here FANZ_LOG__LEVEL).
      await c.ok(
        "mkdir -p /etc/systemd/system/fanz.service.d && printf '[Service]\\nEnvironment=FANZ_LOG__LEVEL=debug\\n' " +
          "> /etc/systemd/system/fanz.service.d/log.conf && systemctl daemon-reload && systemctl restart fanz",
      );
      await ready();
      await siteIntact();
      const lines = (await c.ok("journalctl -u fanz -o cat --no-pager"))
        .split("\n")
        .filter((l: string) => l.startsWith("{"))
        .map((l: string) => JSON.parse(l));
      expect(lines.find((l: any) => l.msg === "request" && l.path === "/api/v1/wallet")).toMatchObject({
        level: "debug",
        method: "GET",
        status: 200,
      });
      await c.ok(
        "rm -r /etc/systemd/system/fanz.service.d && systemctl daemon-reload && systemctl restart fanz",
      );

      await c.reboot();
      expect((await c.ok("systemctl is-active fanz nginx fanz-backup.timer")).trim().split("\n")).toEqual([
        "active",
        "active",
        "active",
      ]);
      await ready();
      await siteIntact();

      const before = (await c.ok("systemctl show -p MainPID --value fanz")).trim();
      const sums =
        "sha256sum /etc/fanz/config.toml /etc/systemd/system/fanz*.service /etc/nginx/sites-available/fanz.conf";
      const files = await c.ok(sums);
      const again = await c.ok(`/payload/fanzctl install --domain ${HOST} --yes 2>&1`);
      expect(again).toContain("kept the existing file");
      expect(again).toMatch(/systemd unit .*: done \(unchanged; daily backup timer unchanged\)/);
      expect(again).toMatch(/nginx site .*: done \(unchanged; enabled \(already\); plain HTTP\)/);
      expect(await c.ok(sums)).toBe(files);
      expect((await c.ok("systemctl show -p MainPID --value fanz")).trim()).toBe(before);
      await siteIntact();
    },
  );

  it(
    "doctor finds /etc/fanz/config.toml by itself, passes, and catches what breaks the site",
    { timeout: 180_000 },
    async () => {
      const c = a!;
      const ok = await doctor(c);
      expect(ok.stdout).toContain("/etc/fanz/config.toml is valid");
      expect(ok.status, ok.stdout).toBe(0);
      // The other commands read the same config (not the defaults' /data).
      expect(await c.ok("cd / && fanzctl migrate status 2>&1")).not.toMatch(/\/data\b/);
      expect(await c.ok("cd / && fanzctl user list 2>&1")).toContain("appcreator");
      expect(await c.ok("cd / && fanzctl config check 2>&1")).toContain("/etc/fanz/config.toml");

      const breaks: [string, string, RegExp][] = [
        [
          "rm /etc/nginx/sites-enabled/fanz.conf",
          "ln -s ../sites-available/fanz.conf /etc/nginx/sites-enabled/fanz.conf",
          /\[FAIL\] nginx site: .*not enabled/,
        ],
        ["systemctl stop fanz", "systemctl start fanz", /\[FAIL\] Service: systemd: inactive/],
        [
          "chmod 0600 /etc/fanz/config.toml",
          "chmod 0640 /etc/fanz/config.toml",
          /\[FAIL\] Configuration: .*fanz user .*cannot read/,
        ],
        [
          "chown root:root /var/lib/fanz",
          "chown fanz:fanz /var/lib/fanz",
          /\[FAIL\] Data directory writable: .*not by the fanz user/,
        ],
      ];
      for (const [breakIt, fix, finding] of breaks) {
        await c.ok(breakIt);
        const r = await doctor(c);
        expect(r.status, `${breakIt}:\n${r.stdout}`).toBe(1);
        expect(r.stdout, breakIt).toMatch(finding);
        await c.ok(fix);
      }
      await ready();
      expect((await doctor(c)).status).toBe(0);
    },
  );

  it(
    "backs up by hand and from the timer's service; restores on a second fresh container",
    { timeout: 600_000 },
    async () => {
      const c = a!;
      const made = await c.ok("cd / && fanzctl backup 2>&1");
      const archive = /\/var\/lib\/fanz\/backups\/fanz-[^\s]+\.tar\.gz/.exec(made)![0];
      expect(await c.ok(`cd / && fanzctl backup --verify ${archive} 2>&1`)).toMatch(/ok|verified|passed/i);
      const listed = async () => (await c.ok("ls /var/lib/fanz/backups")).trim().split("\n").filter(Boolean);
      const n = (await listed()).length;
      await c.ok("systemctl start fanz-backup.service", 300_000);
      expect((await listed()).length).toBe(n + 1);
      expect((await c.ok("systemctl show -p Result --value fanz-backup.service")).trim()).toBe("success");
      expect(
        (await c.ok("stat -c %U /var/lib/fanz/backups/$(ls -t /var/lib/fanz/backups | head -n 1)")).trim(),
      ).toBe("fanz");

      // The archive leaves through the host (the first container's files are its overlay's upper dir).
      mkdirSync(join(payload, "backups"), { recursive: true });
      const name = archive.split("/").pop()!;
      copyFileSync(join(work, "a/upper/var/lib/fanz/backups", name), join(payload, "backups", name));
      // The second container's apt takes the packages the first one downloaded (the figure was measured there).
      const debs = join(work, "apt-archives");
      cpSync(join(work, "a/upper/var/cache/apt/archives"), debs, { recursive: true });
      await a!.destroy();
      a = null;

      b = await bootContainer("fanz-b", payload, join(work, "b"), [`${debs}:/var/cache/apt/archives`]);
      const port = await freePort();
      await b.ok(`/payload/fanzctl install --domain ${HOST} --yes --port ${port} 2>&1`, 600_000);
      await b.ok("systemctl stop fanz");
      await b.ok(`cd / && fanzctl restore --yes /payload/backups/${name} 2>&1`, 300_000);
      await b.ok("systemctl start fanz");
      await ready();
      await siteIntact();
      const checked = await doctor(b);
      expect(checked.status, checked.stdout).toBe(0);
    },
  );

  it(
    "upgrades the running service, rolls a broken build back by itself, and rolls back on request",
    { timeout: 300_000 },
    async () => {
      const c = b!;
      expect(await servedVersion()).toBe(pkg.version);
      const up = await c.sh("cd / && fanzctl upgrade --binary /payload/next/fanzctl 2>&1", 240_000);
      expect(up.status, up.stdout).toBe(0);
      await ready();
      expect(await servedVersion()).toBe(NEXT);
      expect((await c.ok("readlink /opt/fanz/current")).trim()).toBe(`versions/${NEXT}`);
      await siteIntact();

      const broken = await c.sh(
        "cd / && fanzctl upgrade --binary /payload/broken/fanzctl --health-seconds 10 2>&1",
        240_000,
      );
      expect(broken.status, broken.stdout).not.toBe(0);
      expect(broken.stdout).toMatch(/rolled back/i);
      await ready();
      expect(await servedVersion()).toBe(NEXT);
      await siteIntact();

      const back = await c.sh("cd / && fanzctl upgrade --rollback 2>&1", 240_000);
      expect(back.status, back.stdout).toBe(0);
      await ready();
      expect(await servedVersion()).toBe(pkg.version);
      await siteIntact();
      expect(readdirSync(payload)).toContain("fanzctl");
    },
  );
});
