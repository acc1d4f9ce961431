// Doctor: the database schema is exactly this build's (doctor never applies migrations), on either engine.
import { existsSync } from "node:fs";
import { dbTarget, openDb } from "../../src/db/client.ts";
import { migrationStatusOf, unknownAppliedTags, type MigrationStatus } from "../../src/db/migrate.ts";
import type { Check } from "./types.ts";

export const migrationsCheck: Check = {
  title: "Migrations up to date",
  async run(ctx) {
    if (ctx.config.db.dialect === "postgres" && !ctx.dbHealthy)
      return { status: "warn", message: "skipped: the database does not answer (see above)" };
    let status: MigrationStatus[];
    let unknown: string[];
    try {
      // Opening a missing SQLite file would create it: report it missing instead.
      if (ctx.config.db.dialect === "sqlite" && !existsSync(ctx.paths.database))
        throw new Error(`no database at ${ctx.paths.database}`);
      const db = await openDb(dbTarget(ctx.config, ctx.paths));
      try {
        status = await migrationStatusOf(db);
        unknown = await unknownAppliedTags(db);
      } finally {
        await db.close();
      }
    } catch (err) {
      return {
        status: "fail",
        message: `cannot read the migration table: ${(err as Error).message}`,
        suggestion: "Run `fanzctl migrate` (or start the service, which migrates).",
      };
    }
    if (unknown.length > 0) {
      return {
        status: "fail",
        message: `the database has migrations this version does not know: ${unknown.join(", ")}`,
        suggestion: "It was written by a newer Fanz: run that version, or restore a backup made by this one.",
      };
    }
    const pending = status.filter((m) => !m.applied).map((m) => m.tag);
    if (pending.length > 0) {
      return {
        status: "warn",
        message: `${pending.length} pending: ${pending.join(", ")}`,
        suggestion: "Run `fanzctl migrate` (the service also applies them when it starts).",
      };
    }
    ctx.schemaCurrent = true;
    return {
      status: "pass",
      message: `${status.length} applied, latest ${status.at(-1)?.tag ?? "-"}`,
    };
  },
};
