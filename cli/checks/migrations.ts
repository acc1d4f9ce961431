// Doctor: the database schema is exactly this build's (read-only: doctor never applies migrations).
import Database from "better-sqlite3";
import { sqliteMigrations } from "../../src/db/migrations/sqlite.ts";
import type { Check } from "./types.ts";

export const migrationsCheck: Check = {
  title: "Migrations up to date",
  run(ctx) {
    let applied: string[];
    try {
      const db = new Database(ctx.paths.database, { readonly: true, fileMustExist: true });
      try {
        applied = (db.prepare("SELECT tag FROM _migrations").all() as { tag: string }[]).map((r) => r.tag);
      } finally {
        db.close();
      }
    } catch (err) {
      return {
        status: "fail",
        message: `cannot read the migration table: ${(err as Error).message}`,
        suggestion: "Run `fanzctl migrate` (or start the service, which migrates).",
      };
    }
    const known = new Set(sqliteMigrations.map((m) => m.tag));
    const unknown = applied.filter((t) => !known.has(t));
    if (unknown.length > 0) {
      return {
        status: "fail",
        message: `the database has migrations this version does not know: ${unknown.join(", ")}`,
        suggestion: "It was written by a newer Fanz: run that version, or restore a backup made by this one.",
      };
    }
    const pending = sqliteMigrations.filter((m) => !applied.includes(m.tag)).map((m) => m.tag);
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
      message: `${applied.length} applied, latest ${sqliteMigrations.at(-1)?.tag ?? "-"}`,
    };
  },
};
