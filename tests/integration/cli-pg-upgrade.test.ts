// fanzctl upgrade on a --prefix install whose database is PostgreSQL (a fresh database of its own): a good
// upgrade swaps versions after a pg_dump backup; a version whose migration changes the schema and then
// fails its health check rolls back by itself, restoring the pre-upgrade dump: the rows written before
// are there as they were, and the new version's table and column are gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { sqlAt } from "../helpers/postgres.ts";
import { fanzctl, prefixSite, wrapperBinary } from "../helpers/prefix-site.ts";

describe("fanzctl upgrade on a PostgreSQL site", () => {
  let site: Awaited<ReturnType<typeof prefixSite>>;
  const current = () => readlinkSync(join(site.root, "opt/fanz/current"));
  const sql = (text: string) => sqlAt(site.pgUrl, text);

  beforeAll(async () => {
    site = await prefixSite("cli-pg-upgrade", { engine: "postgres" });
    expect(site.install.status, site.install.stderr).toBe(0);
    await site.start();
    await sql("INSERT INTO site_settings (key, value, updated_at) VALUES ('before_upgrade', 'as it was', 1)");
  }, 120_000);

  afterAll(async () => {
    await site?.cleanup();
  });

  it("upgrades: pg_dump backup, new version dir, swap, healthy", { timeout: 180_000 }, async () => {
    const r = fanzctl([
      "upgrade",
      "--prefix",
      site.root,
      "--binary",
      wrapperBinary(site.work, "v2", "0.2.0"),
    ]);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain("Fanz 0.2.0 is running");
    expect(current()).toBe("versions/0.2.0");
    expect(await site.ready()).toBe(true);
    expect(readdirSync(join(site.dataDir, "backups")).join(" ")).toMatch(/pre-upgrade-0\.2\.0-\d+\.tar\.gz/);
    // The pre-upgrade backup is a pg_dump of the site's database.
    expect(r.stderr).toMatch(
      /Back up before upgrading: done \(.*pre-upgrade-0\.2\.0-\d+\.tar\.gz \(pg_dump; \d+ database objects/,
    );
    const archive = readdirSync(join(site.dataDir, "backups")).find((f) =>
      f.startsWith("pre-upgrade-0.2.0-"),
    )!;
    const entries = spawnSync("tar", ["-tzf", join(site.dataDir, "backups", archive)], { encoding: "utf8" });
    expect(entries.stdout.split("\n")).toContain("fanz.pgdump");
  });

  it(
    "rolls back a version that changed the schema and is not healthy: the pre-upgrade dump is restored",
    { timeout: 180_000 },
    async () => {
      // The broken build's "migration": a new table, a new column, a changed row, its tag recorded.
      const migration = [
        "ALTER TABLE users ADD COLUMN upgrade_note text",
        "CREATE TABLE upgrade_things (id text PRIMARY KEY, user_id text REFERENCES users (id))",
        "CREATE INDEX upgrade_things_user_idx ON upgrade_things (user_id)",
        "INSERT INTO upgrade_things (id) VALUES ('t1')",
        "UPDATE site_settings SET value = 'changed by 0.3.0' WHERE key = 'before_upgrade'",
        "INSERT INTO _migrations (tag, hash, applied_at) VALUES ('9999_broken', 'x', 0)",
      ].join("; ");
      const bad = wrapperBinary(
        site.work,
        "v3",
        "0.3.0",
        [
          `if [ "$1" = "migrate" ]; then psql -X -q -v ON_ERROR_STOP=1 "${site.pgUrl}" -c "${migration}" || exit 1; echo "Applied: 9999_broken"; exit 0; fi`,
          'if [ "$1" = "serve" ]; then echo "cannot start" >&2; exit 1; fi',
        ].join("\n"),
      );
      const r = fanzctl(["upgrade", "--prefix", site.root, "--binary", bad, "--health-seconds", "4"]);
      expect(r.status, r.stderr + r.stdout).toBe(1);
      expect(r.stderr).toMatch(/rolled back to versions\/0\.2\.0 and restored the pre-upgrade backup/);
      expect(r.stderr).toMatch(/dropped what 0\.3\.0 created: table public\.upgrade_things\)/);
      expect(current()).toBe("versions/0.2.0");
      expect(await site.ready()).toBe(true);
      expect(await sql("SELECT value FROM site_settings WHERE key = 'before_upgrade'")).toEqual([
        { value: "as it was" },
      ]);
      expect(
        await sql(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'upgrade_note'",
        ),
      ).toEqual([]);
      expect(
        await sql("SELECT to_regclass('upgrade_things') AS t, to_regclass('upgrade_things_user_idx') AS i"),
      ).toEqual([{ t: null, i: null }]);
      expect(await sql("SELECT tag FROM _migrations WHERE tag = '9999_broken'")).toEqual([]);
      // The restored site is whole: doctor passes its database checks.
      const doctor = fanzctl(["doctor", "--config", site.config]);
      expect(doctor.stdout).toMatch(/\[pass\] Migrations up to date/);
      expect(doctor.stdout).toMatch(/\[pass\] Ledger balanced/);
    },
  );
});
