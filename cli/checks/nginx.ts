// Doctor: when nginx is installed and has a Fanz site, its configuration passes `nginx -t`; the site that
// `fanzctl install` wrote is enabled.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Check } from "./types.ts";

const SITE_DIRS = ["/etc/nginx/sites-enabled", "/etc/nginx/conf.d"];
const AVAILABLE = "/etc/nginx/sites-available/fanz.conf";

function fanzSite(): string | null {
  for (const dir of SITE_DIRS) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        if (/fanz/i.test(name) || /fanz/i.test(readFileSync(file, "utf8"))) return file;
      } catch {
        /* unreadable or a directory */
      }
    }
  }
  return null;
}

export const nginxCheck: Check = {
  title: "nginx site",
  run() {
    const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
    if (!nginx) {
      return {
        status: "warn",
        message: "nginx is not installed",
        suggestion:
          "Fine when Fanz is reached directly; for TLS and fast media delivery use the template in nginx/.",
      };
    }
    const site = fanzSite();
    // `fanzctl install` wrote a site that is no longer enabled: nginx does not serve Fanz.
    if (!site && existsSync(AVAILABLE)) {
      return {
        status: "fail",
        message: `${AVAILABLE} exists but is not enabled: nginx does not serve the site`,
        suggestion: `ln -s ../sites-available/fanz.conf /etc/nginx/sites-enabled/fanz.conf && systemctl reload nginx`,
      };
    }
    if (!site) {
      return {
        status: "warn",
        message: `nginx is installed but no Fanz site is enabled (${SITE_DIRS.join(", ")})`,
        suggestion:
          "Install the site from nginx/fanz.conf.template, or ignore this if another proxy fronts Fanz.",
      };
    }
    const r = spawnSync(nginx, ["-t"], { encoding: "utf8", timeout: 10_000 });
    if (r.status === 0) return { status: "pass", message: `${site}: nginx -t ok` };
    const detail = `${r.stderr ?? ""}`.trim().split("\n").slice(-2).join(" ") || r.error?.message || "failed";
    return {
      status: "fail",
      message: `nginx -t failed: ${detail}`,
      suggestion: `Fix ${site} (run \`sudo nginx -t\` for details), then reload nginx.`,
    };
  },
};
