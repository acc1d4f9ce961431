// Health of a database file, shared by `backup --verify` (on a restored copy) and `doctor` (on the live one).
import Database from "better-sqlite3";
import type { Config } from "../../src/config/schema.ts";
import { sqliteVersion } from "../../src/db/client.ts";
import { buildApp } from "../../src/main.ts";

/** PRAGMA integrity_check: "ok" or the problems SQLite lists, and the engine's version. Opened read-only. */
export function integrityProblems(dbFile: string): string[] {
  return checkIntegrity(dbFile).problems;
}

export function checkIntegrity(dbFile: string): { problems: string[]; engine: string | null } {
  let db: Database.Database | null = null;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    return { problems, engine: `SQLite ${sqliteVersion(db)}` };
  } catch (err) {
    return { problems: [(err as Error).message], engine: null };
  } finally {
    db?.close();
  }
}

export interface LedgerReport {
  unbalanced: number;
  drifted: number;
}

/** Runs the app's own ledger check (payments.ledgerHealth) on the database in `dataDir`. */
export async function ledgerReport(config: Config, dataDir: string): Promise<LedgerReport> {
  const { ctx, services } = await buildApp(
    { ...config, data: { ...config.data, dir: dataDir } },
    { web: null },
  );
  try {
    const h = await services.payments.ledgerHealth();
    return { unbalanced: h.unbalanced.length, drifted: h.drifted.length };
  } finally {
    await ctx.db.close();
    await ctx.workers.destroy();
  }
}
