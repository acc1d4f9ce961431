// fanzctl install with TLS on a --prefix site behind a real nginx on loopback ports: a certificate the
// operator brings (self-signed here, made by openssl) is checked, copied and served over real TLS (HSTS,
// HTTP/2, the port-80 redirect, ACME challenges); a mismatched key or an expired certificate is refused
// with nothing written; `--tls` runs certbot once the plain site answers the challenge and switches to https.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import { request } from "node:https";
import { connect } from "node:tls";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../helpers/app-process.ts";
import {
  expiredCert,
  fanzctl,
  nginxFor,
  prefixSite,
  selfSigned,
  type SiteNginx,
} from "../helpers/prefix-site.ts";

const DOMAIN = "fans.test";

/** GET over real TLS to 127.0.0.1, the certificate checked against `ca` for DOMAIN (SNI too). */
function httpsGet(port: number, path: string, ca: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((ok, fail) => {
    const req = request(
      { host: "127.0.0.1", port, path, servername: DOMAIN, ca: readFileSync(ca), headers: { host: DOMAIN } },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.once("error", fail);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
    req.end();
  });
}

/** The protocol nginx picks by ALPN, and the TLS version. */
function handshake(port: number, ca: string) {
  return new Promise<{ alpn: string | false; version: string | null }>((ok, fail) => {
    const s = connect(
      {
        host: "127.0.0.1",
        port,
        servername: DOMAIN,
        ca: readFileSync(ca),
        ALPNProtocols: ["h2", "http/1.1"],
      },
      () => {
        ok({ alpn: s.alpnProtocol ?? false, version: s.getProtocol() });
        s.end();
      },
    );
    s.once("error", fail);
  });
}

/** Plain HTTP to nginx's port-80 server, naming the site (fetch cannot set Host). */
function httpGet(port: number, path: string) {
  return new Promise<{ status: number; location?: string; hsts?: string; body: string }>((ok, fail) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { host: DOMAIN } }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () =>
        ok({
          status: res.statusCode!,
          location: res.headers.location,
          hsts: res.headers["strict-transport-security"] as string | undefined,
          body,
        }),
      );
    });
    req.once("error", fail);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
    req.end();
  });
}

/** Bounded wait until `check` holds (nginx takes a moment to load a reloaded site). */
async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("fanzctl install with TLS behind real nginx", () => {
  let site: Awaited<ReturnType<typeof prefixSite>>;
  let nginx: SiteNginx;
  let httpPort = 0;
  let httpsPort = 0;
  let listen: string[] = [];
  let brought: { cert: string; key: string };
  let certbotDir = "";
  const siteFile = () => readFileSync(join(site.root, "etc/nginx/sites-available/fanz.conf"), "utf8");
  const configText = () => readFileSync(site.config, "utf8");

  /**
   * `fanzctl install` run again on this site (the v1 binary, the test's loopback ports), with the case's
   * own flags after them; `domain: false` leaves `--domain` out (install then keeps the configured one).
   */
  const install = (args: string[], opts: { domain?: boolean; env?: Record<string, string> } = {}) =>
    fanzctl(
      [
        "install",
        "--prefix",
        site.root,
        "--yes",
        "--binary",
        join(site.work, "fanzctl-v1"),
        ...(opts.domain === false ? [] : ["--domain", DOMAIN]),
        ...listen,
        ...args,
      ],
      opts.env,
    );

  /** nginx accepts the site install wrote and reloads; https then answers, under the certificate `ca`. */
  async function reloadNginx(ca: string) {
    expect(nginx.test().status, nginx.test().output).toBe(0);
    nginx.reload();
    expect(await until(async () => (await httpsGet(httpsPort, "/readyz", ca)).status === 200)).toBe(true);
  }

  beforeAll(async () => {
    httpPort = await freePort();
    httpsPort = await freePort();
    listen = ["--http-listen", `127.0.0.1:${httpPort}`, "--https-listen", `127.0.0.1:${httpsPort}`];
    // First the plain site, as a server has it before TLS.
    site = await prefixSite("cli-tls", { installArgs: ["--domain", DOMAIN, ...listen] });
    expect(site.install.status, site.install.stderr).toBe(0);
    brought = selfSigned(site.work, "brought", DOMAIN);
    await site.start();
    nginx = await nginxFor(site, [httpPort]);
  }, 120_000);

  afterAll(async () => {
    await nginx?.stop();
    await site?.cleanup();
  });

  it("serves the plain site, which answers ACME challenges from the webroot", async () => {
    expect((await httpGet(httpPort, "/readyz")).status).toBe(200);
    const dir = join(site.root, "var/www/fanz-acme/.well-known/acme-challenge");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "tok-plain"), "tok-plain.thumbprint");
    const r = await httpGet(httpPort, "/.well-known/acme-challenge/tok-plain");
    expect(r.status).toBe(200);
    expect(r.body).toBe("tok-plain.thumbprint");
    expect(siteFile()).not.toContain("ssl_certificate");
  });

  // Four CLI runs: each is a few seconds on a loaded machine.
  it(
    "refuses a key that is not the certificate's, or an expired certificate, writing nothing",
    { timeout: 120_000 },
    () => {
      const other = selfSigned(site.work, "other", DOMAIN);
      const expired = expiredCert(site.work, DOMAIN);
      const before = { site: siteFile(), config: configText() };
      const cases = [
        {
          args: ["--tls-cert", brought.cert, "--tls-key", other.key],
          error: /does not belong to the certificate/,
        },
        {
          args: ["--tls-cert", expired.cert, "--tls-key", expired.key],
          error: /expired on Feb\s+1 00:00:00 2020/,
        },
        { args: ["--tls-cert", brought.cert], error: /--tls-cert and --tls-key go together/ },
      ];
      for (const c of cases) {
        const r = install(c.args);
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(c.error);
        expect(siteFile()).toBe(before.site);
        expect(configText()).toBe(before.config);
      }
      // A certificate for another name would be refused by every browser.
      const elsewhere = selfSigned(site.work, "elsewhere", "other.test");
      const r = install(["--tls-cert", elsewhere.cert, "--tls-key", elsewhere.key]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`is not for ${DOMAIN}`);
      expect(() => statSync(join(site.root, "etc/fanz/tls"))).toThrow();
    },
  );

  it(
    "installs a brought certificate: https through nginx with HSTS and HTTP/2, port 80 redirects",
    { timeout: 60_000 },
    async () => {
      const r = install(["--tls-cert", brought.cert, "--tls-key", brought.key]);
      expect(r.status, r.stderr).toBe(0);
      const key = join(site.root, "etc/fanz/tls/privkey.pem");
      expect(statSync(key).mode & 0o777).toBe(0o600);
      expect(readFileSync(key, "utf8")).toBe(readFileSync(brought.key, "utf8"));
      expect(configText()).toContain(`public_url = "https://${DOMAIN}:${httpsPort}"`);
      // The operator's comment in the kept config survives the edit.
      expect(configText()).toContain("# The operator's own config: install keeps it.");
      await reloadNginx(brought.cert);
      const ready = await httpsGet(httpsPort, "/readyz", brought.cert);
      expect(JSON.parse(ready.body).status).toBe("ready");
      const hsts = String(ready.headers["strict-transport-security"]);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(182 * 86_400);
      // Media locations set headers of their own; HSTS must still be there (nginx does not inherit it).
      const media = await httpsGet(httpsPort, "/media/nothing/x.webp", brought.cert);
      expect(media.headers["strict-transport-security"]).toBe(hsts);
      const tls = await handshake(httpsPort, brought.cert);
      expect(tls.alpn).toBe("h2");
      expect(["TLSv1.2", "TLSv1.3"]).toContain(tls.version);
      // The old workers may take the port-80 connection a moment longer.
      expect(await until(async () => (await httpGet(httpPort, "/")).status === 301)).toBe(true);
      const redirect = await httpGet(httpPort, "/some/page?x=1");
      expect(redirect.status).toBe(301);
      expect(redirect.location).toBe(`https://${DOMAIN}:${httpsPort}/some/page?x=1`);
      // Plain HTTP sends no HSTS (it would mean nothing there), and still answers challenges for renewals.
      expect(redirect.hsts).toBeUndefined();
      expect((await httpGet(httpPort, "/.well-known/acme-challenge/tok-plain")).status).toBe(200);
    },
  );

  it("keeps the TLS site when install runs again without TLS flags", { timeout: 60_000 }, () => {
    const before = { site: siteFile(), config: configText() };
    const r = install([], { domain: false });
    expect(r.status, r.stderr).toBe(0);
    expect(siteFile()).toBe(before.site);
    expect(configText()).toBe(before.config);
    expect(r.stderr).toContain("https with");
  });

  // There is no ACME server offline: a fake `certbot` first on PATH records its arguments, proves the
  // domain the way the CA would (fetching its token through the running nginx on the port-80 site), and
  // writes a self-signed pair where certbot keeps its certificates (<config-dir>/live/<domain>/).
  function fakeCertbot(mode: "ok" | "fail"): Record<string, string> {
    certbotDir = join(site.work, `certbot-${mode}`);
    mkdirSync(certbotDir, { recursive: true });
    const script = join(certbotDir, "certbot");
    writeFileSync(
      script,
      `#!${process.execPath}
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const argv = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(join(certbotDir, "argv.json"))}, JSON.stringify(argv));
const arg = (name) => argv[argv.indexOf(name) + 1];
if (${JSON.stringify(mode)} === "fail") {
  console.error("Certbot failed to authenticate some domains (authenticator: webroot).");
  console.error("  Domain: ${DOMAIN}\\n  Type:   connection\\n  Detail: Timeout during connect (likely firewall problem)");
  process.exit(1);
}
const dir = arg("-w") + "/.well-known/acme-challenge";
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(dir + "/tok-certbot", "tok-certbot.key");
const got = execFileSync("curl", ["-s", "-H", "Host: " + arg("-d"), "http://127.0.0.1:${httpPort}/.well-known/acme-challenge/tok-certbot"], { encoding: "utf8" });
if (got !== "tok-certbot.key") { console.error("Challenge failed: got " + JSON.stringify(got)); process.exit(1); }
const live = arg("--config-dir") + "/live/" + arg("-d");
fs.mkdirSync(live, { recursive: true });
execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
  "-keyout", live + "/privkey.pem", "-out", live + "/fullchain.pem", "-days", "90",
  "-subj", "/CN=" + arg("-d"), "-addext", "subjectAltName=DNS:" + arg("-d")], { stdio: "ignore" });
`,
    );
    chmodSync(script, 0o755);
    return { PATH: `${certbotDir}:${process.env.PATH}` };
  }

  it(
    "--tls: a certbot failure names certbot's last lines and leaves the site as it was",
    { timeout: 60_000 },
    () => {
      const before = { site: siteFile(), config: configText() };
      const r = install(["--tls"], { env: fakeCertbot("fail") });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("certbot could not obtain a certificate for fans.test");
      expect(r.stderr).toContain("Timeout during connect (likely firewall problem)");
      expect(siteFile()).toBe(before.site);
      expect(configText()).toBe(before.config);
    },
  );

  it(
    "--tls: runs certbot on the webroot once the site answers, then serves its certificate",
    { timeout: 60_000 },
    async () => {
      const r = install(["--tls", "--email", "ops@fans.test"], { env: fakeCertbot("ok") });
      expect(r.status, r.stderr).toBe(0);
      const argv = JSON.parse(readFileSync(join(certbotDir, "argv.json"), "utf8")) as string[];
      const le = join(site.root, "etc/letsencrypt");
      expect(argv).toEqual([
        "certonly",
        "--webroot",
        "-w",
        join(site.root, "var/www/fanz-acme"),
        "-d",
        DOMAIN,
        "--non-interactive",
        "--agree-tos",
        "-m",
        "ops@fans.test",
        "--keep-until-expiring",
        "--deploy-hook",
        "systemctl reload nginx",
        "--config-dir",
        le,
        "--work-dir",
        join(site.root, "var/lib/letsencrypt"),
        "--logs-dir",
        join(site.root, "var/log/letsencrypt"),
      ]);
      const live = join(le, "live", DOMAIN);
      expect(siteFile()).toContain(`ssl_certificate     ${live}/fullchain.pem;`);
      expect(siteFile()).toContain(`ssl_certificate_key ${live}/privkey.pem;`);
      expect(r.stdout).toContain("systemctl enable --now certbot.timer");
      await reloadNginx(join(live, "fullchain.pem"));
      expect(await until(async () => (await httpGet(httpPort, "/")).status === 301)).toBe(true);
      expect((await httpGet(httpPort, "/")).location).toBe(`https://${DOMAIN}:${httpsPort}/`);
    },
  );
});
