// fanzctl status on a --prefix install on the test engine (SQLite, or PostgreSQL in the postgres project):
// running, every line says what is there (versions, pid, readiness with the engine, jobs counted through the
// app's repo, the backup just made, the certificate's days left) and it exits 0 with warnings; stopped,
// the service and readiness fail and it exits 1; --json carries the same lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb } from "../../src/db/client.ts";
import { rawSql, testEngine } from "../helpers/engine.ts";
import { fanzctl, prefixSite, selfSigned } from "../helpers/prefix-site.ts";

const line = (out: string, name: string) =>
  out
    .split("\n")
    .map((l) => l.trim())
    .find((l) => new RegExp(`^\\S+\\s+${name} `).test(l)) ?? `(no ${name} line)`;

describe(`fanzctl status (${testEngine})`, () => {
  let site: Awaited<ReturnType<typeof prefixSite>>;
  const certs = mkdtempSync(join(tmpdir(), "fanz-status-certs-"));
  const pair = selfSigned(certs, "site", "fans.test", 90);

  beforeAll(async () => {
    site = await prefixSite("cli-status", {
      installArgs: ["--domain", "fans.test", "--tls-cert", pair.cert, "--tls-key", pair.key],
    });
    expect(site.install.status, site.install.stderr).toBe(0);
    await site.start();
    // One job failed for good, one waiting far ahead (so the running site leaves it queued).
    const db = await openDb(site.db.target);
    try {
      const now = Date.now();
      const insert = rawSql(db).prepare(
        "INSERT INTO jobs (id, name, payload, status, attempts, max_attempts, run_at, last_error, progress, created_at, updated_at) VALUES (?, 'media.process', '{}', ?, 0, 3, ?, ?, 0, ?, ?)",
      );
      await insert.run("job_failed", "failed", now, "ffmpeg exited 1", now, now);
      await insert.run("job_later", "queued", now + 86_400_000, null, now, now);
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(async () => {
    await site?.cleanup();
  });

  it("running: every line ok or warn, exit 0", { timeout: 120_000 }, () => {
    const none = fanzctl(["status", "--prefix", site.root]);
    expect(line(none.stdout, "backup")).toMatch(/^warn\s+backup\s+none in /);
    const backup = fanzctl(["backup", "--config", site.config]);
    expect(backup.status, backup.stderr).toBe(0);

    const r = fanzctl(["status", "--prefix", site.root]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`Fanz status (${site.config})`);
    expect(line(r.stdout, "version")).toMatch(/^ok\s+version\s+0\.1\.0 \(current and this fanzctl\)$/);
    expect(line(r.stdout, "service")).toMatch(/^ok\s+service\s+running \(pid \d+\)$/);
    expect(line(r.stdout, "readiness")).toMatch(
      new RegExp(`^ok\\s+readiness\\s+ready on port ${site.port} \\(${testEngine} \\d`),
    );
    expect(line(r.stdout, "engine")).toMatch(
      new RegExp(`^ok\\s+engine\\s+${testEngine} \\d[^;]*; schema current \\(\\d+ migrations\\)$`),
    );
    expect(line(r.stdout, "jobs")).toMatch(/^warn\s+jobs\s+1 pending, 0 running, 1 failed$/);
    expect(line(r.stdout, "disk")).toMatch(/^(ok|warn)\s+disk\s+\S+ \S+ free of /);
    expect(line(r.stdout, "backup")).toMatch(
      new RegExp(`^ok\\s+backup\\s+0 min ago: ${site.dataDir}/backups/fanz-\\d{8}T\\d{6}Z\\.tar\\.gz$`),
    );
    expect(line(r.stdout, "certificate")).toMatch(
      new RegExp(
        `^ok\\s+certificate\\s+(89|90) days left \\(until \\d{4}-\\d\\d-\\d\\d\\): ${site.root}/etc/fanz/tls/fullchain\\.pem$`,
      ),
    );
  });

  it("--json: the same lines as data", { timeout: 60_000 }, () => {
    const r = fanzctl(["status", "--prefix", site.root, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      lines: { name: string; status: string; data?: Record<string, any> }[];
    };
    expect(out.ok).toBe(true);
    expect(out.lines.map((l) => l.name)).toEqual([
      "version",
      "service",
      "readiness",
      "engine",
      "jobs",
      "disk",
      "backup",
      "certificate",
    ]);
    const by = Object.fromEntries(out.lines.map((l) => [l.name, l]));
    expect(by.jobs!.data).toEqual({ pending: 1, running: 0, failed: 1 });
    expect(by.readiness!.data!.database.name).toBe(testEngine);
    expect(by.engine!.data!.engine).toBe(testEngine);
    expect(by.certificate!.data!.daysLeft).toBeGreaterThanOrEqual(89);
  });

  it(
    "stopped: the service and readiness fail, exit 1; the database is still read",
    { timeout: 60_000 },
    () => {
      site.stop();
      const r = fanzctl(["status", "--prefix", site.root]);
      expect(r.status).toBe(1);
      expect(line(r.stdout, "service")).toMatch(/^fail\s+service\s+stopped \(no pid file\)$/);
      expect(line(r.stdout, "readiness")).toMatch(
        new RegExp(`^fail\\s+readiness\\s+nothing answers http://127\\.0\\.0\\.1:${site.port}/readyz$`),
      );
      expect(line(r.stdout, "engine")).toMatch(/^ok\s+engine\s+/);
      expect(line(r.stdout, "jobs")).toMatch(/1 failed$/);
    },
  );
});
