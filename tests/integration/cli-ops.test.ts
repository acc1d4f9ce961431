// fanzctl doctor, user reset-password / list and config check / show, run as real processes on temp data dirs.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, openSync, writeSync, closeSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load.ts";
import { buildApp } from "../../src/main.ts";
import { repoRoot } from "../helpers/app-process.ts";

const fanzctl = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["cli/bin.mjs", ...args], {
    cwd: repoRoot,
    env: { ...process.env, FANZ_LOG__LEVEL: "error", ...extra },
    encoding: "utf8",
    timeout: 60_000,
  });

/** A data dir with an admin account (created the operator's way). */
function siteWithAdmin(): string {
  const dir = mkdtempSync(join(tmpdir(), "fanz-cli-ops-"));
  const r = fanzctl([
    "user",
    "create-admin",
    "--data-dir",
    dir,
    "--email",
    "boss@example.com",
    "--username",
    "boss",
    "--password",
    "first-password-1",
  ]);
  expect(r.status, r.stderr).toBe(0);
  return dir;
}

const line = (out: string, title: string) => out.split("\n").find((l) => l.includes(`${title}:`)) ?? "";

describe("fanzctl doctor", () => {
  const healthy = siteWithAdmin();

  it("passes on a healthy data dir", () => {
    const r = fanzctl(["doctor", "--data-dir", healthy]);
    expect(r.status, r.stdout).toBe(0);
    for (const title of [
      "Configuration",
      "Data directory writable",
      "Database integrity",
      "Migrations up to date",
    ])
      expect(line(r.stdout, title)).toMatch(/^\[pass\]/);
    expect(line(r.stdout, "Ledger balanced")).toMatch(/^\[pass\]/);
    expect(line(r.stdout, "Fan wallets")).toMatch(/^\[pass\] Fan wallets: none below zero/);
    expect(line(r.stdout, "Background jobs")).toMatch(/^\[pass\] Background jobs: 0 queued/);
    expect(line(r.stdout, "ffmpeg")).toMatch(/^\[(pass|WARN)\] ffmpeg: \S+ at /);
  });

  it("fails (exit 1) on an unbalanced ledger", () => {
    const copy = mkdtempSync(join(tmpdir(), "fanz-cli-ledger-"));
    cpSync(healthy, copy, { recursive: true });
    const db = new Database(join(copy, "fanz.db"));
    const now = Date.now();
    db.prepare(
      "INSERT INTO ledger_accounts (id, kind, owner_id, currency, balance_cents, created_at) VALUES ('acc1', 'platform_revenue', '', 'USD', 0, ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO ledger_transactions (id, kind, currency, amount_cents, idempotency_key, created_at) VALUES ('txn1', 'topup', 'USD', 100, 'k1', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO ledger_entries (id, txn_id, account_id, amount_cents, created_at) VALUES ('e1', 'txn1', 'acc1', 100, ?)",
    ).run(now);
    db.close();
    const r = fanzctl(["doctor", "--data-dir", copy]);
    expect(r.status).toBe(1);
    expect(line(r.stdout, "Ledger balanced")).toMatch(
      /^\[FAIL\] .*1 transactions do not sum to zero \(e\.g\. txn1\)/,
    );
    expect(r.stdout).toContain("-> ");
  });

  it("warns (exit 0) about fan wallets below zero, naming one", () => {
    const copy = mkdtempSync(join(tmpdir(), "fanz-cli-wallet-"));
    cpSync(healthy, copy, { recursive: true });
    const db = new Database(join(copy, "fanz.db"));
    const now = Date.now();
    const boss = db.prepare("SELECT id FROM users WHERE username = 'boss'").get() as { id: string };
    // A chargeback of a top-up that had been spent: balanced, but the wallet is at -20.00.
    db.prepare(
      "INSERT INTO ledger_accounts (id, kind, owner_id, currency, balance_cents, created_at) VALUES ('w1', 'wallet', ?, 'USD', -2000, ?), ('pc1', 'provider_clearing', '', 'USD', 2000, ?)",
    ).run(boss.id, now, now);
    db.prepare(
      "INSERT INTO ledger_transactions (id, kind, currency, amount_cents, user_id, idempotency_key, created_at) VALUES ('cb1', 'chargeback', 'USD', 2000, ?, 'chargeback:x', ?)",
    ).run(boss.id, now);
    db.prepare(
      "INSERT INTO ledger_entries (id, txn_id, account_id, amount_cents, created_at) VALUES ('e1', 'cb1', 'w1', -2000, ?), ('e2', 'cb1', 'pc1', 2000, ?)",
    ).run(now, now);
    db.close();
    const r = fanzctl(["doctor", "--data-dir", copy]);
    expect(r.status, r.stdout).toBe(0);
    expect(line(r.stdout, "Ledger balanced")).toMatch(/^\[pass\]/);
    expect(line(r.stdout, "Fan wallets")).toMatch(
      /^\[WARN\] Fan wallets: 1 wallet below zero \(@boss: -20\.00 USD\)/,
    );
    expect(r.stdout).toContain("warning(s)");
  });

  it("fails (exit 1) on a corrupt database", () => {
    const copy = mkdtempSync(join(tmpdir(), "fanz-cli-corrupt-"));
    cpSync(healthy, copy, { recursive: true });
    const fd = openSync(join(copy, "fanz.db"), "r+");
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096 * 3);
    closeSync(fd);
    const r = fanzctl(["doctor", "--data-dir", copy]);
    expect(r.status).toBe(1);
    expect(line(r.stdout, "Database integrity")).toMatch(/^\[FAIL\]/);
  });
});

// Each fanzctl run starts a fresh Node with the TypeScript loader (~3 s alone, far more on a busy machine).
describe("fanzctl user", { timeout: 120_000 }, () => {
  it("reset-password sets the new password and signs the user out everywhere", async () => {
    const dir = siteWithAdmin();
    const config = loadConfig({ file: "/dev/null", env: {}, overrides: { data: { dir } } }).config;
    let built = await buildApp(config, { web: null });
    const client = { ip: "127.0.0.1", userAgent: null };
    const session = await built.services.auth.login("boss@example.com", "first-password-1", client);
    if (session.twoFactorRequired) throw new Error("no second factor was set up");
    await built.ctx.db.close();
    await built.ctx.workers.destroy();

    const missing = fanzctl(["user", "reset-password", "--data-dir", dir, "--email", "boss@example.com"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("FANZ_NEW_PASSWORD");
    const r = fanzctl(["user", "reset-password", "--data-dir", dir, "--email", "boss@example.com"], {
      FANZ_NEW_PASSWORD: "second-password-2",
    });
    expect(r.status, r.stderr).toBe(0);
    const unknown = fanzctl(["user", "reset-password", "--data-dir", dir, "--email", "nobody@example.com"], {
      FANZ_NEW_PASSWORD: "second-password-2",
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No account");

    built = await buildApp(config, { web: null });
    try {
      const auth = built.services.auth;
      expect(await auth.validate(session.token)).toBeNull();
      await expect(auth.login("boss@example.com", "first-password-1", client)).rejects.toThrow();
      const again = await auth.login("boss@example.com", "second-password-2", client);
      expect(again.twoFactorRequired === false && again.user.username).toBe("boss");
    } finally {
      await built.ctx.db.close();
      await built.ctx.workers.destroy();
    }
  });

  it("list shows accounts, filtered by --role", () => {
    const dir = siteWithAdmin();
    const all = fanzctl(["user", "list", "--data-dir", dir]);
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/admin\s+@boss\s+boss@example\.com/);
    const fans = fanzctl(["user", "list", "--data-dir", dir, "--role", "fan"]);
    expect(fans.status).toBe(0);
    expect(fans.stdout).not.toContain("@boss");
    const bad = fanzctl(["user", "list", "--data-dir", dir, "--role", "king"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Unknown role");
  });
});

describe("fanzctl config", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "fanz-cli-config-"));

  it("check lists every problem; show prints TOML with secrets masked", () => {
    const bad = join(dir, "bad.toml");
    writeFileSync(bad, '[server]\nport = "eighty"\ncolour = "red"\n[auth]\ncookie_secure = "sometimes"\n');
    const r = fanzctl(["config", "check", "--config", bad]);
    expect(r.status).toBe(78);
    for (const key of ["server.port", "server.colour", "auth.cookie_secure"]) expect(r.stderr).toContain(key);

    // What serve checks after loading: a payment provider that cannot start.
    const stripe = fanzctl(["config", "check", "--config", "/dev/null"], {
      FANZ_PAYMENTS__PROVIDER: "stripe",
    });
    expect(stripe.status).toBe(78);
    expect(stripe.stderr).toContain("payments.stripe_secret_key is empty");

    const good = join(dir, "good.toml");
    writeFileSync(
      good,
      '[server]\nport = 9123\n[payments]\nstripe_secret_key = "sk_test_TOPSECRET"\nstripe_webhook_secret = "whsec_HUSH"\n',
    );
    expect(fanzctl(["config", "check", "--config", good]).status).toBe(0);
    const show = fanzctl(["config", "show", "--config", good], {
      FANZ_PAYMENTS__HOLD_DAYS: "3",
      FANZ_DB__URL: "postgres://fanz:db-PASSWORD@db.internal:5432/fanz",
    });
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).not.toContain("TOPSECRET");
    expect(show.stdout).not.toContain("whsec_HUSH");
    expect(show.stdout).toContain('stripe_secret_key = "********"');
    expect(show.stdout).toContain('stripe_webhook_secret = "********"');
    expect(show.stdout).toContain("port = 9123");
    expect(show.stdout).toContain("hold_days = 3");
    expect(show.stdout).not.toContain("db-PASSWORD");
    // A PostgreSQL that does not answer stops start-up with what to check, not a stack trace.
    const down = fanzctl(["serve", "--config", "/dev/null", "--data-dir", dir, "--port", "0"], {
      FANZ_DB__DIALECT: "postgres",
      FANZ_DB__URL: "postgres://fanz:db-PASSWORD@127.0.0.1:1/fanz",
    });
    expect(down.status).toBe(69);
    expect(down.stderr).toMatch(/PostgreSQL at 127\.0\.0\.1:1\/fanz cannot be used/);
    expect(down.stderr).toContain("Check [db] url");
    expect(down.stderr).not.toContain("db-PASSWORD");
    expect(show.stdout).toContain('url = "postgres://fanz:********@db.internal:5432/fanz"');
    expect(show.stdout).toContain('[backup]\ndir = ""\nkeep = 7');
  });
});
