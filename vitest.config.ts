import { defineConfig } from "vitest/config";

/**
 * What only SQLite has: its query plans, the database file that backups, restores, upgrades and the
 * installer copy and check, and the processes started on the default (embedded) configuration. Also the
 * files that manage their engines themselves (cli-pg-*: an SQLite site and PostgreSQL databases of
 * their own), which run once, in the sqlite project.
 */
const SQLITE_ONLY = [
  "tests/integration/query-plan.test.ts",
  "tests/integration/cli-backup.test.ts",
  "tests/integration/cli-backup-large.test.ts",
  "tests/integration/cli-install.test.ts",
  "tests/integration/cli-upgrade.test.ts",
  "tests/integration/npm-start.test.ts",
  "tests/integration/cli-ops.test.ts",
  "tests/integration/server.test.ts",
  "tests/integration/server-logs.test.ts",
  "tests/integration/media-orphans.test.ts",
  "tests/integration/media-large-upload.test.ts",
  "tests/integration/media-restart.test.ts",
  "tests/integration/renewal-restart.test.ts",
  "tests/integration/architecture.test.ts",
  "tests/integration/api-types.test.ts",
  "tests/integration/postgres-harness.test.ts",
  "tests/integration/schema-parity.test.ts",
  "tests/integration/cli-pg-migrate.test.ts",
  "tests/integration/cli-pg-backup.test.ts",
  "tests/integration/cli-pg-doctor.test.ts",
  "tests/integration/cli-pg-upgrade.test.ts",
  "tests/integration/cli-tls.test.ts",
];

/** What only PostgreSQL has: several app nodes sharing one database. */
const POSTGRES_ONLY = [
  "tests/integration/several-nodes.test.ts",
  "tests/integration/live-nodes.test.ts",
  "tests/e2e/two-nodes.e2e.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration files each open their own database; e2e files start real processes and a browser.
    pool: "forks",
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["src/**/*.test.ts", "tests/**/*.test.ts"], exclude: POSTGRES_ONLY },
      },
      {
        // The same integration suite on PostgreSQL: each file makes its own database on one server.
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts", ...POSTGRES_ONLY],
          exclude: SQLITE_ONLY,
          env: { FANZ_TEST_DB: "postgres" },
          globalSetup: ["tests/helpers/pg-global-setup.ts"],
        },
      },
    ],
  },
});
