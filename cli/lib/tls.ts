// TLS for the nginx site install writes: checking a certificate and key before anything is written,
// rendering the site (plain HTTP, or 443 with the port-80 server answering ACME challenges and redirecting),
// reading back which certificate an installed site uses (re-runs and `fanzctl status`), and certbot.
import { spawnSync } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderTemplate } from "../../src/lib/templates.ts";
import { CliError } from "../errors.ts";
import { onPath, shippedFile } from "./install-system.ts";

const DAY = 86_400_000;

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface CertFacts {
  subject: string;
  notAfter: Date;
  daysLeft: number;
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new CliError(
      `Cannot read the TLS ${what} ${file}: ${(err as Error).message}`,
      `Pass a readable PEM file with --tls-${what === "certificate" ? "cert" : "key"}.`,
    );
  }
}

/** The facts of a PEM certificate (its first block: the leaf of a chain). */
export function certFacts(file: string, now = Date.now()): CertFacts {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readPem(file, "certificate"));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `${file} is not a PEM certificate (${(err as Error).message}).`,
      "Pass the certificate chain (e.g. fullchain.pem) with --tls-cert.",
    );
  }
  const notAfter = new Date(cert.validTo);
  return {
    subject: cert.subject.replace(/\n/g, ", "),
    notAfter,
    daysLeft: Math.floor((notAfter.getTime() - now) / DAY),
  };
}

/**
 * Refuses (CliError) a pair nginx would refuse or browsers reject: unreadable, a key that is not the
 * certificate's, a certificate not yet valid or expired, or one that does not name `domain`.
 */
export function checkPair(files: TlsFiles, domain: string, now = Date.now()): CertFacts {
  const facts = certFacts(files.cert, now);
  const cert = new X509Certificate(readPem(files.cert, "certificate"));
  let key;
  try {
    key = createPrivateKey(readPem(files.key, "key"));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `${files.key} is not an unencrypted PEM private key (${(err as Error).message}).`,
      "nginx cannot ask for a passphrase: pass the key without one (openssl pkey -in KEY -out KEY.pem).",
    );
  }
  if (!cert.checkPrivateKey(key)) {
    throw new CliError(
      `The key ${files.key} does not belong to the certificate ${files.cert}.`,
      "Pass the private key the certificate was issued for.",
    );
  }
  if (new Date(cert.validFrom).getTime() > now) {
    throw new CliError(
      `The certificate ${files.cert} is not valid before ${cert.validFrom}.`,
      "Check the server's clock, or use a certificate that is valid now.",
    );
  }
  if (facts.notAfter.getTime() <= now) {
    throw new CliError(
      `The certificate ${files.cert} expired on ${cert.validTo}.`,
      "Renew it, or use `fanzctl install --domain D --tls` for one from Let's Encrypt that renews itself.",
    );
  }
  if (!cert.checkHost(domain)) {
    throw new CliError(
      `The certificate ${files.cert} is not for ${domain} (${facts.subject}${cert.subjectAltName ? `; ${cert.subjectAltName}` : ""}).`,
      "Use a certificate whose names include the site's domain, or pass the right --domain.",
    );
  }
  return facts;
}

/** nginx 1.25.1 has the `http2 on;` directive; older ones (Debian 12's 1.22) take http2 on the listen line. */
export function nginxHttp2(nginx = onPath("nginx")): "directive" | "listen" | null {
  if (!nginx) return null;
  const r = spawnSync(nginx, ["-V"], { encoding: "utf8" });
  const text = `${r.stderr ?? ""}${r.stdout ?? ""}`;
  const m = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m || !text.includes("--with-http_v2_module")) return null;
  const [major, minor, patch] = m.slice(1).map(Number) as [number, number, number];
  return major > 1 || minor > 25 || (minor === 25 && patch >= 1) ? "directive" : "listen";
}

/** `80`, `8080` or `127.0.0.1:8080`: what an nginx listen directive takes, and the port of it. */
export function listenPort(listen: string, flag: string): number {
  const m = /^(?:(?:\d{1,3}\.){3}\d{1,3}:|\[[0-9a-f:]+\]:)?(\d{1,5})$/i.exec(listen);
  const port = m ? Number(m[1]) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new CliError(`${flag} ${listen} is not a port nginx can listen on.`, `Use e.g. ${flag} 80.`);
  }
  return port;
}

export interface SiteOptions {
  serverName: string;
  upstream: string;
  mediaDir: string;
  liveDir: string;
  webroot: string;
  httpListen: string;
  httpsListen: string;
  /** Set: the 443 server with this pair and the port-80 redirect; null: the plain site. */
  tls: TlsFiles | null;
  http2: "directive" | "listen" | null;
}

/** The marked line of fanz.conf.template's server where the TLS settings or the ACME location go. */
const MARK = "    # fanzctl install: TLS or ACME\n";

export function renderSite(o: SiteOptions): string {
  const template = shippedFile("nginx/fanz.conf.template");
  if (template.split(MARK).length !== 2) throw new Error("nginx/fanz.conf.template lost its TLS marker line");
  const acme = renderTemplate(shippedFile("nginx/fanz-acme.conf.template"), { WEBROOT: o.webroot });
  const vars = {
    SERVER_NAME: o.serverName,
    UPSTREAM: o.upstream,
    MEDIA_DIR: o.mediaDir,
    LIVE_DIR: o.liveDir,
  };
  if (!o.tls) return renderTemplate(template.replace(MARK, acme), { ...vars, LISTEN: o.httpListen });
  const tls = renderTemplate(shippedFile("nginx/fanz-tls.conf.template"), {
    CERT: o.tls.cert,
    KEY: o.tls.key,
    HTTP_TWO: o.http2 === "directive" ? "http2 on;" : "",
  });
  const httpsPort = listenPort(o.httpsListen, "--https-listen");
  const redirect = renderTemplate(shippedFile("nginx/fanz-redirect.conf.template"), {
    LISTEN: o.httpListen,
    SERVER_NAME: o.serverName,
    ACME: acme.trimEnd(),
    // The domain, not the Host asked for: an address or another name would get a certificate warning.
    HTTPS_ORIGIN: `https://${o.serverName}${httpsPort === 443 ? "" : `:${httpsPort}`}`,
  });
  const site = renderTemplate(template.replace(MARK, tls), {
    ...vars,
    LISTEN: `${o.httpsListen} ssl${o.http2 === "listen" ? " http2" : ""}`,
  });
  return site + redirect;
}

/** The certificate and key an installed site serves (null: a plain HTTP site, or none installed). */
export function siteTls(siteFile: string): TlsFiles | null {
  if (!existsSync(siteFile)) return null;
  const text = readFileSync(siteFile, "utf8");
  const cert = /^\s*ssl_certificate\s+([^;\s]+);/m.exec(text)?.[1];
  const key = /^\s*ssl_certificate_key\s+([^;\s]+);/m.exec(text)?.[1];
  return cert && key ? { cert, key } : null;
}

/** install's TLS flags. */
export interface TlsOptions {
  tls?: boolean;
  email?: string;
  tlsCert?: string;
  tlsKey?: string;
  httpListen: string;
  httpsListen: string;
}

/** What install does about TLS: nothing, keep the site's pair, install the operator's, or ask certbot. */
export type TlsPlan =
  | { kind: "none" }
  | { kind: "kept"; files: TlsFiles }
  | { kind: "bring"; files: TlsFiles; facts: CertFacts }
  /** `kept`: the site already serves certbot's pair; it keeps doing so while certbot runs again. */
  | { kind: "certbot"; kept: TlsFiles | null };

export function planTls(opts: TlsOptions, domain: string | undefined, siteFile: string): TlsPlan {
  listenPort(opts.httpListen, "--http-listen");
  listenPort(opts.httpsListen, "--https-listen");
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) {
    throw new CliError("--tls-cert and --tls-key go together.", "Pass both the certificate and its key.");
  }
  if (opts.tls && opts.tlsCert) {
    throw new CliError(
      "--tls (certbot) and --tls-cert (your own certificate) exclude each other.",
      "Pass one of them.",
    );
  }
  if (opts.email && !opts.tls) {
    throw new CliError("--email is the Let's Encrypt account address: it goes with --tls.", "Add --tls.");
  }
  if ((opts.tls || opts.tlsCert) && !domain) {
    throw new CliError("TLS needs the site's domain.", "Pass --domain, e.g. --domain fans.example.com.");
  }
  if (opts.tlsCert && opts.tlsKey) {
    const files = { cert: resolve(opts.tlsCert), key: resolve(opts.tlsKey) };
    return { kind: "bring", files, facts: checkPair(files, domain!) };
  }
  const kept = siteTls(siteFile);
  if (opts.tls) return { kind: "certbot", kept };
  return kept ? { kind: "kept", files: kept } : { kind: "none" };
}

export const httpsUrl = (domain: string, httpsListen: string) => {
  const port = listenPort(httpsListen, "--https-listen");
  return `https://${domain}${port === 443 ? "" : `:${port}`}`;
};

export interface CertbotOptions {
  domain: string;
  email?: string;
  webroot: string;
  /** certbot's dirs (the live dir is <config>/live); passed to certbot only under --prefix. */
  dirs: { config: string; work: string; logs: string };
  prefixed: boolean;
  deployHook: string;
}

/** certbot's argv for a webroot certificate that renews itself (the deploy hook is kept for renewals). */
export function certbotArgs(o: CertbotOptions): string[] {
  return [
    "certonly",
    "--webroot",
    "-w",
    o.webroot,
    "-d",
    o.domain,
    "--non-interactive",
    "--agree-tos",
    ...(o.email ? ["-m", o.email] : ["--register-unsafely-without-email"]),
    // A re-run with a certificate far from expiry leaves it alone instead of asking the CA again.
    "--keep-until-expiring",
    "--deploy-hook",
    o.deployHook,
    ...(o.prefixed
      ? ["--config-dir", o.dirs.config, "--work-dir", o.dirs.work, "--logs-dir", o.dirs.logs]
      : []),
  ];
}

/** Runs certbot; the pair it wrote for the domain, or a CliError with certbot's last lines. */
export function obtainCertificate(o: CertbotOptions): TlsFiles {
  const certbot = onPath("certbot");
  if (!certbot) {
    throw new CliError(
      "certbot is not installed.",
      "apt-get install certbot (fanzctl install does this itself on a real install).",
    );
  }
  const r = spawnSync(certbot, certbotArgs(o), { encoding: "utf8", timeout: 10 * 60_000 });
  if (r.status !== 0) {
    const tail = `${r.stderr ?? ""}\n${r.stdout ?? ""}`
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-4)
      .join(" | ");
    throw new CliError(
      `certbot could not obtain a certificate for ${o.domain}: ${tail || r.error?.message || `exit ${r.status}`}`,
      `The site keeps serving plain HTTP. Check that ${o.domain} points at this server and port 80 is reachable from the internet, then run install --tls again.`,
    );
  }
  const live = join(o.dirs.config, "live", o.domain);
  return { cert: join(live, "fullchain.pem"), key: join(live, "privkey.pem") };
}
