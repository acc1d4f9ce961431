// fanzctl install: turns a fresh Debian/Ubuntu server into a running Fanz site (system user, config, data
// dirs, the binary under /opt/fanz/versions with a `current` link, systemd unit, nginx site, migrations),
// then prints the one-time setup URL. With --prefix it only produces that tree under a directory (no user,
// no packages, nothing started), which is also how the installer is tested. Re-running is safe: config and
// data are kept, files are rewritten only when their content changes.
// TLS: --tls-cert/--tls-key installs a certificate the operator brings (checked before anything is written);
// --tls gets one from Let's Encrypt with certbot once the plain site answers its challenge, and leaves the
// site on plain HTTP when that fails. A re-run without these flags keeps the site's certificate.
import type { Command } from "commander";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { isSingleExecutable } from "../../src/lib/runtime.ts";
import { join, resolve } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { dbTarget, openDb } from "../../src/db/client.ts";
import { migrateDb } from "../../src/db/migrate.ts";
import { dataPaths } from "../../src/lib/paths.ts";
import { renderTemplate } from "../../src/lib/templates.ts";
import { CliError } from "../errors.ts";
import { backupsDir } from "../lib/backup-archive.ts";
import { createSteps } from "../lib/steps.ts";

interface InstallOptions extends TlsOptions {
  domain?: string;
  prefix?: string;
  binary?: string;
  port: string;
  yes?: boolean;
}

import {
  GB,
  out,
  shippedFile,
  installLayout,
  run,
  succeeds,
  onPath,
  osRelease,
  freeBytes,
  portFree,
  writeIfChanged,
  relink,
  sha256,
  configToml,
  loadInstalledConfig,
  confirm,
  waitForFile,
  setPublicUrl,
  prefixServiceRunning,
} from "../lib/install-system.ts";
import {
  checkPair,
  httpsUrl,
  nginxHttp2,
  obtainCertificate,
  planTls,
  renderSite,
  type TlsFiles,
  type TlsOptions,
  type TlsPlan,
} from "../lib/tls.ts";

export { installLayout, shippedFile } from "../lib/install-system.ts";

const hostOf = (url: string) => (url ? new URL(url).hostname : undefined);

export async function install(opts: InstallOptions): Promise<void> {
  const prefixed = opts.prefix !== undefined;
  const paths = installLayout(resolve(opts.prefix ?? "/"));
  const version = pkg.version;
  const steps = createSteps();

  // 1. The system.
  let s = steps.step("Check the system");
  if (!prefixed && process.getuid?.() !== 0) {
    s.fail("not root");
    throw new CliError(
      "fanzctl install must run as root.",
      "Run it with sudo, or add --prefix DIR to only produce the files under DIR.",
    );
  }
  const os = osRelease();
  if (![os.id, ...os.like.split(/\s+/)].some((id) => id === "debian" || id === "ubuntu")) {
    s.fail(os.name);
    throw new CliError(
      `This system is ${os.name} (from /etc/os-release); fanzctl install supports Debian and Ubuntu.`,
      "Install on Debian 12+ or Ubuntu 22.04+, or set Fanz up by hand from the templates in nginx/ and systemd/.",
    );
  }
  const free = freeBytes(paths.root);
  if (free < GB) {
    s.fail("disk");
    throw new CliError(
      `Only ${(free / GB).toFixed(2)} GB free under ${paths.root}; Fanz needs at least 1 GB.`,
      "Free some space or install onto a larger disk.",
    );
  }
  // A kept config keeps its port: that is the one that must be free (or already Fanz's).
  const port = existsSync(paths.config) ? loadInstalledConfig(paths.config).server.port : Number(opts.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    s.fail();
    throw new CliError(`Port ${port} is not usable for the service.`, "Use a port between 1 and 65535.");
  }
  // Under --prefix the service is a process with a pid file in the data dir (as upgrade runs it).
  const ownService = prefixed
    ? existsSync(paths.config) && prefixServiceRunning(loadInstalledConfig(paths.config).data.dir)
    : succeeds("systemctl", ["is-active", "--quiet", "fanz"]);
  if (!(await portFree(port)) && !ownService) {
    s.fail(`port ${port}`);
    throw new CliError(
      `Port ${port} on 127.0.0.1 is already in use.`,
      "Stop what listens there (`ss -ltnp`) or choose another with --port.",
    );
  }
  const binary = opts.binary ? resolve(opts.binary) : isSingleExecutable ? process.execPath : null;
  if (!binary) {
    s.fail();
    throw new CliError(
      "Which fanzctl should be installed? This one runs from a source checkout.",
      "Pass --binary PATH to the single-executable fanzctl (or run install from that binary).",
    );
  }
  if (!existsSync(binary) || !statSync(binary).isFile()) {
    s.fail();
    throw new CliError(`${binary} is not a file.`, "Pass --binary PATH to the fanzctl executable.");
  }
  const keptDomain = existsSync(paths.config)
    ? hostOf(loadInstalledConfig(paths.config).server.public_url)
    : undefined;
  const domain = opts.domain ?? keptDomain;
  let tls: TlsPlan;
  try {
    tls = planTls(opts, domain, paths.siteAvailable);
  } catch (err) {
    s.fail("TLS");
    throw err;
  }
  if (tls.kind === "certbot" && prefixed && !onPath("certbot")) {
    s.fail("certbot");
    throw new CliError("certbot is not installed.", "apt-get install certbot, or leave out --tls.");
  }
  const missing = ["ffmpeg", "nginx", ...(tls.kind === "certbot" ? ["certbot"] : [])].filter(
    (p) => !onPath(p),
  );
  s.done(
    `${os.name}, ${(free / GB).toFixed(1)} GB free, port ${port} ${ownService ? "used by fanz" : "free"}` +
      (missing.length ? `, missing: ${missing.join(", ")}` : ", ffmpeg and nginx present"),
  );

  if (!prefixed && !opts.yes) {
    const ok = await confirm(
      `Install Fanz ${version} on this server${missing.length ? ` (and apt-get install ${missing.join(" ")})` : ""}?`,
    );
    if (!ok) {
      throw new CliError(
        "Nothing was changed (not confirmed).",
        "Re-run with --yes to install without asking.",
      );
    }
  }

  if (missing.length > 0) {
    s = steps.step(`Install ${missing.join(" and ")}`);
    if (prefixed) s.done("skipped under --prefix: install them on the server with apt-get");
    else {
      run("apt-get", ["update"], "Check the network and /etc/apt/sources.list, then run install again.");
      run(
        "apt-get",
        // Recommends are ~100 more packages (GPU drivers, fonts) that the server never uses.
        ["install", "-y", "--no-install-recommends", ...missing],
        `Install ${missing.join(" and ")} by hand, then run again.`,
      );
      s.done();
    }
  }

  // 2. The system user.
  s = steps.step("Create the fanz system user");
  if (prefixed) s.done("skipped under --prefix");
  else if (succeeds("id", ["-u", "fanz"])) s.done("already exists");
  else {
    run("useradd", [
      "--system",
      "--user-group",
      "--home-dir",
      paths.dataDir,
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      "fanz",
    ]);
    // nginx serves media straight from the data dir, which is readable by the fanz group only.
    if (succeeds("id", ["-u", "www-data"])) run("usermod", ["-aG", "fanz", "www-data"]);
    s.done();
  }

  // 3. The config (kept as it is when present).
  s = steps.step(`Write ${paths.config}`);
  if (existsSync(paths.config)) s.done("kept the existing file");
  else {
    mkdirSync(paths.configDir, { recursive: true, mode: 0o755 });
    writeIfChanged(paths.config, configToml({ port, domain: opts.domain, dataDir: paths.dataDir }), 0o640);
    if (!prefixed) run("chown", ["root:fanz", paths.config]);
    s.done("mode 0640");
  }
  // A certificate in place (brought now, or kept): the site's address is https.
  let configChanged = false;
  if (tls.kind === "bring" || tls.kind === "kept") {
    configChanged = setPublicUrl(paths.config, httpsUrl(domain ?? "_", opts.httpsListen));
    if (configChanged && !prefixed) run("chown", ["root:fanz", paths.config]);
  }
  let config = loadInstalledConfig(paths.config);
  const dataDir = resolve(config.data.dir);
  const backupDir = backupsDir(config);

  // 4. Data directories; the backup dir may be on another disk ([backup] dir).
  s = steps.step(`Create the data directories in ${dataDir}`);
  for (const dir of [dataDir, ...["media", "tmp"].map((d) => join(dataDir, d)), backupDir]) {
    mkdirSync(dir, { recursive: true, mode: 0o750 });
  }
  if (!prefixed) run("chown", ["fanz:fanz", backupDir]);
  s.done(`media, tmp; backups in ${backupDir}`);

  // 5. The binary, under versions/<version> with an atomically swapped `current` link.
  s = steps.step(`Install fanzctl ${version}`);
  const versionDir = join(paths.optDir, "versions", version);
  const installed = join(versionDir, "fanzctl");
  let binaryChanged = false;
  if (!existsSync(installed) || sha256(installed) !== sha256(binary)) {
    mkdirSync(versionDir, { recursive: true, mode: 0o755 });
    const tmp = `${installed}.tmp-${process.pid}`;
    copyFileSync(binary, tmp);
    chmodSync(tmp, 0o755);
    renameSync(tmp, installed);
    binaryChanged = true;
  }
  const relinked = relink(join(paths.optDir, "current"), join("versions", version));
  // `fanzctl doctor`, `backup`, … typed on the server run the current version (and find its config).
  relink(paths.binLink, join(paths.optDir, "current", "fanzctl"));
  s.done(
    `${installed}${binaryChanged ? "" : " (already there)"}; current -> versions/${version}` +
      (relinked ? "" : " (unchanged)") +
      `; ${paths.binLink}`,
  );

  // 6. The systemd unit, paths made consistent with the prefix.
  s = steps.step(`Write the systemd unit ${paths.unit}`);
  const unit = renderTemplate(shippedFile("systemd/fanz.service.template"), {
    BINARY: join(paths.optDir, "current", "fanzctl"),
    CONFIG: paths.config,
    CONFIG_DIR: paths.configDir,
    DATA_DIR: dataDir,
  });
  const unitChanged = writeIfChanged(paths.unit, unit, 0o644);
  // Daily backups with retention ([backup] keep): a oneshot service and its timer.
  const backupUnitChanged = writeIfChanged(
    paths.backupUnit,
    renderTemplate(shippedFile("systemd/fanz-backup.service.template"), {
      BINARY: join(paths.optDir, "current", "fanzctl"),
      CONFIG: paths.config,
      DATA_DIR: dataDir,
      BACKUP_DIR: backupDir,
    }),
    0o644,
  );
  const timerChanged = writeIfChanged(
    paths.backupTimer,
    renderTemplate(shippedFile("systemd/fanz-backup.timer.template"), {}),
    0o644,
  );
  const backupChanged = backupUnitChanged || timerChanged;
  s.done(
    `${unitChanged ? "written" : "unchanged"}; daily backup timer ${backupChanged ? "written" : "unchanged"}`,
  );

  // 7. The nginx site: plain HTTP (which answers ACME challenges), or TLS with a redirect from port 80.
  if (tls.kind === "bring") {
    s = steps.step(`Install the certificate in ${paths.tlsDir}`);
    const files = { cert: join(paths.tlsDir, "fullchain.pem"), key: join(paths.tlsDir, "privkey.pem") };
    mkdirSync(paths.tlsDir, { recursive: true, mode: 0o755 });
    writeIfChanged(files.key, readFileSync(tls.files.key, "utf8"), 0o600);
    writeIfChanged(files.cert, readFileSync(tls.files.cert, "utf8"), 0o644);
    tls = { ...tls, files };
    s.done(`${tls.facts.subject}, ${tls.facts.daysLeft} days left; key mode 0600`);
  }
  mkdirSync(paths.acmeWebroot, { recursive: true, mode: 0o755 });
  const siteFor = (files: TlsFiles | null) =>
    renderSite({
      serverName: domain ?? "_",
      upstream: `127.0.0.1:${config.server.port}`,
      mediaDir: join(dataDir, "media"),
      liveDir: join(dataDir, "live"),
      webroot: paths.acmeWebroot,
      httpListen: opts.httpListen,
      httpsListen: opts.httpsListen,
      tls: files,
      http2: files ? nginxHttp2() : null,
    });
  s = steps.step(`Write the nginx site ${paths.siteAvailable}`);
  const siteTlsFiles =
    tls.kind === "bring" || tls.kind === "kept" ? tls.files : tls.kind === "certbot" ? tls.kept : null;
  const siteChanged = writeIfChanged(paths.siteAvailable, siteFor(siteTlsFiles), 0o644);
  const siteLinked = relink(paths.siteEnabled, "../sites-available/fanz.conf");
  s.done(
    `${siteChanged ? "written" : "unchanged"}; enabled${siteLinked ? "" : " (already)"}; ` +
      (siteTlsFiles ? `https with ${siteTlsFiles.cert}` : "plain HTTP"),
  );

  // 8. Migrations, the same code path as `fanzctl migrate`.
  s = steps.step("Apply database migrations");
  const db = await openDb(dbTarget(config, dataPaths(dataDir)));
  let applied: string[];
  try {
    applied = await migrateDb(db);
  } finally {
    await db.close();
  }
  if (!prefixed) run("chown", ["-R", "fanz:fanz", dataDir]);
  s.done(applied.length ? `applied ${applied.length}` : "up to date");

  const tokenFile = dataPaths(dataDir).setupToken;
  // certbot, then the TLS site and the https address; under --prefix certbot's dirs are inside the prefix.
  const obtain = () => {
    const st = steps.step(`Obtain a certificate for ${domain} with certbot`);
    try {
      const files = obtainCertificate({
        domain: domain!,
        email: opts.email,
        webroot: paths.acmeWebroot,
        dirs: paths.letsencrypt,
        prefixed,
        // Kept in certbot's renewal config: every renewal makes nginx load the new certificate.
        deployHook: "systemctl reload nginx",
      });
      const facts = checkPair(files, domain!);
      writeIfChanged(paths.siteAvailable, siteFor(files), 0o644);
      if (setPublicUrl(paths.config, httpsUrl(domain!, opts.httpsListen))) {
        configChanged = true;
        if (!prefixed) run("chown", ["root:fanz", paths.config]);
      }
      config = loadInstalledConfig(paths.config);
      st.done(`${files.cert}, ${facts.daysLeft} days left`);
    } catch (err) {
      st.fail();
      throw err;
    }
  };
  if (prefixed) {
    if (tls.kind === "certbot") obtain();
    const url = config.server.public_url || `http://${opts.domain ?? "<this server's address>"}`;
    out(`\nFanz ${version} is laid out under ${paths.root}; nothing was started.`);
    out("On the server (files at these paths without the prefix), start it with:");
    out("  systemctl daemon-reload && systemctl enable --now fanz fanz-backup.timer");
    out("  nginx -t && systemctl reload nginx");
    if (tls.kind === "certbot") out("  systemctl enable --now certbot.timer");
    out(`Then open ${url}/setup?token=<the token in ${tokenFile}, written on first start>`);
    return;
  }

  // 9. Start (or restart when the binary or unit changed) and reload nginx.
  s = steps.step("Start the fanz service");
  run("systemctl", ["daemon-reload"]);
  run("systemctl", ["enable", "--now", "fanz"], "See `journalctl -u fanz -n 50` for why it did not start.");
  run("systemctl", ["enable", "--now", "fanz-backup.timer"], "See `systemctl status fanz-backup.timer`.");
  const restart = ownService && (binaryChanged || unitChanged || relinked || configChanged);
  if (restart) run("systemctl", ["restart", "fanz"], "See `journalctl -u fanz -n 50`.");
  s.done(restart ? "restarted" : "running");

  s = steps.step("Reload nginx");
  run("nginx", ["-t"], `Fix the error above in ${paths.siteAvailable} or another enabled site.`);
  run("systemctl", ["reload-or-restart", "nginx"], "See `journalctl -u nginx -n 50`.");
  s.done();

  // 10. TLS from Let's Encrypt, now that the plain site answers the challenge (and keeps serving if not).
  if (tls.kind === "certbot") {
    configChanged = false;
    obtain();
    s = steps.step("Switch nginx to https; renew by certbot.timer");
    run("nginx", ["-t"], `Fix the error above in ${paths.siteAvailable}.`);
    run("systemctl", ["reload", "nginx"], "See `journalctl -u nginx -n 50`.");
    // Debian's certbot package ships the timer (twice a day, renews 30 days before expiry).
    run("systemctl", ["enable", "--now", "certbot.timer"], "See `systemctl status certbot.timer`.");
    if (configChanged) run("systemctl", ["restart", "fanz"], "See `journalctl -u fanz -n 50`.");
    s.done(configChanged ? "fanz restarted for the https address" : undefined);
  }
  const url = config.server.public_url || `http://${opts.domain ?? "<this server's address>"}`;

  // A service that was already running wrote its token long ago, or the site is set up (no token): no wait.
  const token = ownService && !existsSync(tokenFile) ? null : await waitForFile(tokenFile, 20_000);
  out(`\nFanz ${version} is installed and running.`);
  if (token) out(`Finish setting up your site: ${url}/setup?token=${token}`);
  else
    out(
      `Open ${url}. (No setup token in ${tokenFile}: the site is already set up, or the service is still ` +
        "starting; see `journalctl -u fanz`.)",
    );
}

export function registerInstall(program: Command): void {
  program
    .command("install")
    .description("install Fanz on this Debian/Ubuntu server (user, config, systemd, nginx, migrations)")
    .option("--domain <domain>", "the site's domain (nginx server_name and server.public_url)")
    .option(
      "--prefix <root>",
      "only produce the file tree under this directory: no user, packages or services",
    )
    .option("--binary <path>", "the fanzctl executable to install (default: this one, when it is the binary)")
    .option("--port <port>", "port Fanz listens on behind nginx (127.0.0.1)", "8080")
    .option("-y, --yes", "do not ask for confirmation")
    .option("--tls", "get a Let's Encrypt certificate with certbot (needs --domain) and serve https")
    .option("--email <address>", "with --tls: the Let's Encrypt account address (expiry notices)")
    .option("--tls-cert <file>", "serve https with this certificate chain (PEM), with --tls-key")
    .option("--tls-key <file>", "the private key (PEM, unencrypted) of --tls-cert")
    .option("--http-listen <port>", "what nginx's plain HTTP server listens on", "80")
    .option("--https-listen <port>", "what nginx's TLS server listens on", "443")
    .action((opts: InstallOptions) => install(opts));
}
